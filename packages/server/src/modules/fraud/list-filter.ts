/**
 * The instruction list's filter, one definition for the list, its export and the dashboard's 劝阻 figures: an
 * instruction is "of the period" when it was received (接收) in the period's Beijing days, like 反诈统计 counts it,
 * and "of a unit" when its place lies in that station's or bureau's subtree.
 */
import { type FraudListQuery, periodBounds } from '@jingmin/shared';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { fraudInstructions } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { under, visibleUnits } from '../../platform/scope.js';
import type { Bounds } from '../dashboards/kpi-sets.js';
import { dashboardUnit } from '../dashboards/kpis.service.js';

const f = fraudInstructions;
const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** 期内接收: received within [start, asOf). */
export const receivedIn = (b: Bounds): SQL =>
  sql`(${f.receivedAt} >= ${iso(b.start)} AND ${f.receivedAt} < ${iso(b.asOf)})`;

/** The instructions placed under `path`. */
export const instructionsUnder = (path: string): SQL => under(f.unitPath, path);

export type FraudFilter = Omit<FraudListQuery, 'before' | 'limit'>;

/** The list's where (sight and filters, no paging); view=all needs fraud.desk; `unitId` must be in sight. */
export async function fraudListWhere(ctx: Ctx, q: FraudFilter): Promise<SQL> {
  const actor = actorOf(ctx);
  const now = ctx.now();
  if (q.view === 'all' && !actor.capabilities.includes('fraud.desk')) throw new AppError('FORBIDDEN');
  const parts: (SQL | undefined)[] = [
    q.view === 'all' ? visibleUnits(actor, f.unitPath) : eq(f.assigneeId, actor.id),
    q.status ? eq(f.status, q.status) : undefined,
    q.fraudType ? eq(f.fraudType, q.fraudType) : undefined,
    q.outcome ? eq(f.outcome, q.outcome) : undefined,
    q.overdue === 'true' ? and(eq(f.status, 'open'), lt(f.deadlineAt, now)) : undefined,
    q.overdue === 'false' ? and(eq(f.status, 'open'), gte(f.deadlineAt, now)) : undefined,
  ];
  if (q.unitId) parts.push(instructionsUnder((await dashboardUnit(ctx, q.unitId)).path));
  if (q.from || q.to)
    parts.push(receivedIn(periodBounds({ from: q.from ?? '2000-01-01', to: q.to ?? '2999-12-31' }, now)));
  return and(...parts) as SQL;
}
