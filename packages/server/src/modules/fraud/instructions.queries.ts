/**
 * Reading instructions: 我的预警 (assigned to me), the scope's list for the desk and the chief, and one instruction
 * whose person's data only the handler, the desk and the chief see — each such read audited.
 */
import type { FraudInstructionView, FraudListQuery, FraudPage } from '@jingmin/shared';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { fraudInstructions } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { visibleUnits } from '../../platform/scope.js';
import { assertWorks } from './fraud.policy.js';
import { presentInstruction, selectInstructions } from './fraud.view.js';

const f = fraudInstructions;

export async function listInstructions(ctx: Ctx, q: FraudListQuery): Promise<FraudPage> {
  const actor = actorOf(ctx);
  const now = ctx.now();
  if (q.view === 'all' && !actor.capabilities.includes('fraud.desk')) throw new AppError('FORBIDDEN');
  const filters: (SQL | undefined)[] = [
    q.view === 'all' ? visibleUnits(actor, f.unitPath) : eq(f.assigneeId, actor.id),
    q.status ? eq(f.status, q.status) : undefined,
    q.fraudType ? eq(f.fraudType, q.fraudType) : undefined,
    q.before ? lt(f.receivedAt, new Date(q.before)) : undefined,
    q.overdue === 'true' ? and(eq(f.status, 'open'), lt(f.deadlineAt, now)) : undefined,
  ];
  if (q.overdue === 'false') filters.push(and(eq(f.status, 'open'), gte(f.deadlineAt, now)));
  const rows = await selectInstructions(ctx.db, and(...filters))
    .orderBy(desc(f.receivedAt), desc(f.id))
    .limit(q.limit + 1);
  const key = ctx.deps.keys.data;
  return {
    items: rows.slice(0, q.limit).map((r) => presentInstruction(r, { full: false, key, now })),
    hasMore: rows.length > q.limit,
  };
}

export async function instructionRowOrThrow(ctx: Ctx, id: string) {
  const [row] = await selectInstructions(ctx.db, eq(f.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'fraud_instruction' });
  return row;
}

/** One instruction in full for its handler, the desk and the chief; the read of the person's data is audited. */
export async function getInstruction(ctx: Ctx, id: string): Promise<FraudInstructionView> {
  const actor = actorOf(ctx);
  const row = await instructionRowOrThrow(ctx, id);
  assertWorks(actor, row.i);
  const view = presentInstruction(row, { full: true, key: ctx.deps.keys.data, now: ctx.now() });
  if (!view.purged)
    await auditAlone(ctx, {
      action: 'fraud.instruction.read',
      result: 'ok',
      targetType: 'fraud_instruction',
      targetId: id,
      details: { personalData: true, stationId: row.i.stationId },
    });
  return view;
}
