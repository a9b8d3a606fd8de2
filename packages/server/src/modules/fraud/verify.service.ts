/**
 * 快核 and the desk's assignment. Verification records how the person was reached and what came of it, once: a second
 * is refused (409 FRAUD_VERIFIED). An upstream's instruction gets its place in the feedback order and, for a
 * webhook, its first attempt at once — all in the verification's transaction.
 */
import {
  type FraudAssignInput,
  type FraudInstructionView,
  type FraudVerifyInput,
  ROLE_CAPABILITIES,
  type Role,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { fraudInstructions, fraudUpstreams, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sealField } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { publish } from '../../platform/outbox.js';
import { under } from '../../platform/scope.js';
import { staffTopic, unitTopic } from '../../platform/topics.js';
import { FRAUD_ASSIGNED_EVENT, FRAUD_VERIFIED_EVENT } from './constants.js';
import { queueFeedback } from './feedback.js';
import { assertDesk, assertWorks } from './fraud.policy.js';
import { getInstruction, instructionRowOrThrow } from './instructions.queries.js';

const f = fraudInstructions;

/** The station's active staff who hold fraud.handle; 400 naming `staffId` otherwise. */
async function handlerInStation(ctx: Ctx, stationPath: string, staffId: string) {
  const [s] = await ctx.db
    .select({ id: staff.id, roles: staff.roles })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(eq(staff.id, staffId), eq(staff.status, 'active'), under(units.path, stationPath)));
  if (!s?.roles.some((r) => ROLE_CAPABILITIES[r as Role]?.includes('fraud.handle')))
    throw invalid(
      ctx,
      'staffId',
      '须为本所在岗、可处置反诈预警的民警或辅警',
      'must be an active officer of the station',
    );
  return s.id;
}

async function stationPathOf(ctx: Ctx, stationId: string) {
  const [s] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, stationId));
  return s?.path ?? `/${stationId}/`;
}

export async function assignInstruction(ctx: Ctx, id: string, input: FraudAssignInput): Promise<FraudInstructionView> {
  const actor = actorOf(ctx);
  const { i } = await instructionRowOrThrow(ctx, id);
  assertDesk(actor, i);
  if (i.status === 'verified') throw new AppError('FRAUD_VERIFIED');
  const staffId = await handlerInStation(ctx, await stationPathOf(ctx, i.stationId), input.staffId);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(f)
      .set({ assigneeId: staffId, version: sql`${f.version} + 1`, updatedAt: now })
      .where(and(eq(f.id, id), eq(f.version, input.version), eq(f.status, 'open')))
      .returning({ id: f.id });
    if (!row) throw new AppError('CONFLICT');
    await audit(ctx, tx, {
      action: 'fraud.instruction.assign',
      result: 'ok',
      targetType: 'fraud_instruction',
      targetId: id,
      details: { from: i.assigneeId, to: staffId },
    });
    await publish(tx, now, [unitTopic(i.stationId), staffTopic(staffId)], FRAUD_ASSIGNED_EVENT, {
      instructionId: id,
      number: i.number,
      stationId: i.stationId,
      assigneeId: staffId,
      actorId: actor.id,
    });
  });
  return getInstruction(ctx, id);
}

function checkVerify(ctx: Ctx, i: { issuedAt: Date }, input: FraudVerifyInput) {
  const contacted = new Date(input.contactedAt);
  // A minute's grace for a phone's clock running ahead.
  if (contacted.getTime() > ctx.now().getTime() + 60_000)
    throw invalid(ctx, 'contactedAt', '联系时间不能晚于现在', 'cannot be in the future');
  if (contacted.getTime() < i.issuedAt.getTime())
    throw invalid(ctx, 'contactedAt', '联系时间不能早于指令下发时间', 'cannot be before the instruction was issued');
  if (input.outcome === 'defrauded' && input.amountLost <= 0)
    throw invalid(ctx, 'amountLost', '已被骗须填写被骗金额', 'a defrauded person lost an amount');
  return contacted;
}

/** 快核: the handler or the desk records the contact and its outcome, once. */
export async function verifyInstruction(ctx: Ctx, id: string, input: FraudVerifyInput): Promise<FraudInstructionView> {
  const actor = actorOf(ctx);
  const { i } = await instructionRowOrThrow(ctx, id);
  assertWorks(actor, i);
  if (i.status === 'verified') throw new AppError('FRAUD_VERIFIED');
  if (i.purgedAt) throw new AppError('FRAUD_PURGED');
  const contactedAt = checkVerify(ctx, i, input);
  const [up] = i.upstreamId
    ? await ctx.db
        .select({ feedback: fraudUpstreams.feedback })
        .from(fraudUpstreams)
        .where(eq(fraudUpstreams.id, i.upstreamId))
    : [];
  const now = ctx.now();
  const defrauded = input.outcome === 'defrauded';
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(f)
      .set({
        status: 'verified',
        method: input.method,
        contactedAt,
        outcome: input.outcome,
        amountLost: defrauded ? input.amountLost : 0,
        amountPrevented: input.outcome === 'false_alarm' ? 0 : input.amountPrevented,
        attempts: input.attempts,
        followUps: [...new Set(input.followUps)],
        noteEnc: input.note.trim() ? sealField(ctx.deps.keys.data, input.note.trim()) : null,
        verifiedAt: now,
        verifiedBy: actor.id,
        ...(up
          ? {
              feedbackStatus: 'pending' as const,
              feedbackSeq: sql`nextval('fraud_feedback_seq')`,
              feedbackNextAt: up.feedback === 'webhook' ? now : null,
            }
          : {}),
        version: sql`${f.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(f.id, id), eq(f.version, input.version), eq(f.status, 'open')))
      .returning({ id: f.id });
    if (!row) {
      const [cur] = await tx.select({ status: f.status }).from(f).where(eq(f.id, id));
      throw new AppError(cur?.status === 'verified' ? 'FRAUD_VERIFIED' : 'CONFLICT');
    }
    await audit(ctx, tx, {
      action: 'fraud.instruction.verify',
      result: 'ok',
      targetType: 'fraud_instruction',
      targetId: id,
      details: {
        outcome: input.outcome,
        method: input.method,
        inTime: contactedAt.getTime() <= i.deadlineAt.getTime(),
        amountPrevented: input.amountPrevented,
        amountLost: defrauded ? input.amountLost : 0,
        followUps: input.followUps,
      },
    });
    await publish(tx, now, [unitTopic(i.stationId)], FRAUD_VERIFIED_EVENT, { instructionId: id, number: i.number });
    if (up?.feedback === 'webhook') await queueFeedback(tx, id);
  });
  return getInstruction(ctx, id);
}
