/**
 * Reading instructions: 我的预警 (assigned to me), the scope's list for the desk and the chief, and one instruction
 * whose person's data only the handler, the desk and the chief see — each such read audited.
 */
import type { FraudInstructionView, FraudListQuery, FraudPage } from '@jingmin/shared';
import { and, count, desc, eq, lt } from 'drizzle-orm';
import { fraudInstructions } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertWorks } from './fraud.policy.js';
import { presentInstruction, selectInstructions } from './fraud.view.js';
import { fraudListWhere } from './list-filter.js';

const f = fraudInstructions;

export async function listInstructions(ctx: Ctx, q: FraudListQuery): Promise<FraudPage> {
  const { before, limit, ...filters } = q;
  const where = await fraudListWhere(ctx, filters);
  const [rows, [counted]] = await Promise.all([
    selectInstructions(ctx.db, and(where, before ? lt(f.receivedAt, new Date(before)) : undefined))
      .orderBy(desc(f.receivedAt), desc(f.id))
      .limit(limit + 1),
    ctx.db.select({ n: count() }).from(f).where(where),
  ]);
  const key = ctx.deps.keys.data;
  const now = ctx.now();
  return {
    items: rows.slice(0, limit).map((r) => presentInstruction(r, { full: false, key, now })),
    hasMore: rows.length > limit,
    total: Number(counted?.n ?? 0),
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
