/**
 * A notice's steps (WARNING_ACTIONS in shared, who may take them in warnings.policy.ts), each version-checked,
 * audited with ids and statuses, and answered with the notice as this account now sees it.
 *
 * - A non-urgent draft is sent (发布) or scheduled (定时, `at` ahead) by its author; no review.
 * - An urgent (紧急) draft is submitted (提交审核), optionally with `at`: the time it should go out once approved.
 *   The chief approves (another chief than its author): it goes out at once, or is scheduled when `at` is still
 *   ahead; or returns it to draft with a note (退回修改).
 * - A scheduled notice is sent now, unscheduled back to draft, or sent by the job at its time (schedule.ts).
 * - Withdrawing (撤回) a sent notice needs a correction residents read instead; a notice not yet sent (in review,
 *   scheduled) returns to draft and needs none. A draft has no time: every return to draft clears it.
 */
import type { WarningAction, WarningActionInput, WarningView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { warnings } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { countDelivered, sendInTx, stepDetails, withdrawSentInTx } from './send.js';
import { assertWarningAction, type Warning, warningForStaff } from './warnings.policy.js';
import { assertVersion } from './warnings.service.js';
import { presentWarning } from './warnings.view.js';

type Step = (tx: Tx, ctx: Ctx, w: Warning, input: WarningActionInput) => Promise<Warning>;

/** Moves the notice from the status read, at the version read, and audits the step. */
async function move(tx: Tx, ctx: Ctx, w: Warning, action: WarningAction, set: Partial<Warning>) {
  const [moved] = await tx
    .update(warnings)
    .set({ ...set, version: w.version + 1, updatedAt: ctx.now() })
    .where(and(eq(warnings.id, w.id), eq(warnings.version, w.version), eq(warnings.status, w.status)))
    .returning();
  if (!moved) throw new AppError('CONFLICT');
  await audit(ctx, tx, {
    action: `warning.${action}`,
    result: 'ok',
    targetType: 'warning',
    targetId: w.id,
    details: stepDetails(w.status, moved),
  });
  return moved;
}

/** `at` for a schedule: ahead of now, and before the notice expires. */
function futureAt(ctx: Ctx, w: Warning, at: string | undefined, required: boolean): Date | null {
  if (!at) {
    if (required) throw invalid(ctx, 'at', '请选择发布时间', 'choose when it goes out');
    return null;
  }
  const when = new Date(at);
  if (when.getTime() <= ctx.now().getTime()) throw invalid(ctx, 'at', '发布时间须晚于现在', 'must be in the future');
  if (w.expiresAt && when.getTime() >= w.expiresAt.getTime())
    throw invalid(ctx, 'at', '发布时间须早于过期时间', 'must be before the notice expires');
  return when;
}

/** A notice sent now must not have expired already. */
function assertNotExpired(ctx: Ctx, w: Warning) {
  if (w.expiresAt && w.expiresAt.getTime() <= ctx.now().getTime())
    throw invalid(ctx, 'expiresAt', '该预警已过期，请修改过期时间', 'the notice has expired; change its expiry');
}

const STEPS: Record<Exclude<WarningAction, 'edit' | 'delete'>, Step> = {
  submit: (tx, ctx, w, input) =>
    move(tx, ctx, w, 'submit', {
      status: 'in_review',
      scheduledAt: futureAt(ctx, w, input.at, false),
      reviewNote: null,
    }),
  approve: (tx, ctx, w) => {
    const reviewedAt = ctx.now();
    const review = { reviewerId: actorOf(ctx).id, reviewedAt, reviewNote: null };
    if (w.scheduledAt && w.scheduledAt.getTime() > reviewedAt.getTime())
      return move(tx, ctx, w, 'approve', { status: 'scheduled', ...review });
    assertNotExpired(ctx, w);
    return sendInTx(tx, ctx, w, { reviewerId: review.reviewerId, reviewedAt });
  },
  reject: (tx, ctx, w, input) => {
    if (!input.note?.trim()) throw invalid(ctx, 'note', '请写明退回修改的原因', 'say what to change');
    return move(tx, ctx, w, 'reject', {
      status: 'draft',
      scheduledAt: null,
      reviewerId: actorOf(ctx).id,
      reviewedAt: ctx.now(),
      reviewNote: input.note.trim(),
    });
  },
  send: (tx, ctx, w) => {
    assertNotExpired(ctx, w);
    return sendInTx(tx, ctx, w);
  },
  schedule: (tx, ctx, w, input) =>
    move(tx, ctx, w, 'schedule', { status: 'scheduled', scheduledAt: futureAt(ctx, w, input.at, true) }),
  unschedule: (tx, ctx, w) => move(tx, ctx, w, 'unschedule', { status: 'draft', scheduledAt: null }),
  withdraw: (tx, ctx, w, input) => {
    if (w.status !== 'sent') return move(tx, ctx, w, 'withdraw', { status: 'draft', scheduledAt: null });
    if (!input.correction?.trim())
      throw invalid(ctx, 'correction', '撤回已发布的预警须写更正说明', 'a sent notice is withdrawn with a correction');
    return withdrawSentInTx(tx, ctx, w, input.correction.trim());
  },
};

/** POST /warnings/:id/:action — edit and delete have their own routes. */
export async function takeWarningAction(
  ctx: Ctx,
  id: string,
  action: WarningAction,
  input: WarningActionInput,
): Promise<WarningView> {
  if (action === 'edit' || action === 'delete')
    throw invalid(ctx, 'action', '修改和删除请用 PUT、DELETE /warnings/:id', 'use PUT or DELETE /warnings/:id');
  const actor = actorOf(ctx);
  const w = await warningForStaff(ctx, id);
  assertWarningAction(actor, w, action);
  assertVersion(w, input.version);
  const step = STEPS[action];
  const row = await ctx.db.transaction((tx) => step(tx, ctx, w, input));
  const sentNow = row.status === 'sent' && w.status !== 'sent';
  return presentWarning(ctx, sentNow ? await countDelivered(ctx.db, row) : row);
}
