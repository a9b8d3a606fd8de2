/**
 * 跟踪回访 and the parties' satisfaction; 三个不放 reads them. `scheduleFollowUp` and `failCase` are the one way
 * the other parts of a case (an agreement, a session that failed, a department's result) plan a follow-up or
 * record 调解未成 with its next attempt.
 */
import type { FailInput, FollowUpKind, FollowUpView, SatisfactionView } from '@jingmin/shared';
import type { Queryable, Tx } from '../../db/client.js';
import { disputeFollowUps } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import type { DisputeCase } from './disputes.queries.js';
import { stepCase } from './disputes.service.js';

/** A follow-up due on a Beijing date, for the case's handler (or whoever plans it). */
export async function scheduleFollowUp(
  tx: Tx,
  ctx: Ctx,
  c: DisputeCase,
  plan: { kind: FollowUpKind; dueOn: string; agreementId?: string | null; responsibleId?: string | null },
) {
  const [row] = await tx
    .insert(disputeFollowUps)
    .values({
      caseId: c.id,
      agreementId: plan.agreementId ?? null,
      kind: plan.kind,
      dueOn: plan.dueOn,
      responsibleId: plan.responsibleId ?? c.handlerId ?? actorOf(ctx).id,
      createdAt: ctx.now(),
    })
    .returning({ id: disputeFollowUps.id });
  return row?.id;
}

/** 调解未成: the case is not settled now; the next attempt is planned as a follow-up on its date (分案处理). */
export async function failCase(tx: Tx, ctx: Ctx, c: DisputeCase, input: FailInput, action = 'dispute.fail') {
  await stepCase(
    ctx,
    tx,
    c,
    'fail',
    { failedAt: ctx.now(), nextAttemptOn: input.nextAttemptOn, sessionDueAt: null, sessionEscalatedAt: null },
    action,
    { nextAttemptOn: input.nextAttemptOn },
  );
  await scheduleFollowUp(tx, ctx, c, { kind: 'next_attempt', dueOn: input.nextAttemptOn });
}

/** A case's follow-ups by due date. */
export async function followUpsOf(_db: Queryable, _caseId: string, _now: Date): Promise<FollowUpView[]> {
  return [];
}

/** Each party's latest satisfaction. */
export async function satisfactionOf(_db: Queryable, _caseId: string): Promise<SatisfactionView[]> {
  return [];
}
