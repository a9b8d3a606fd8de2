/**
 * The desk list's filter as one SQL condition, built once for the list (`GET /matters`) and its export
 * (`GET /matters/export`), so a file holds exactly the rows the list shows. The dashboard's desk section counts
 * with the same conditions (kpi-sets.ts, `submittedHourSql`), so a figure and the list behind it agree.
 */
import { type MatterQuery, OPEN_MATTER_STATUSES, periodBounds } from '@jingmin/shared';
import { and, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { anyOf } from '../../db/rows.js';
import { matters } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { escapeLike, under } from '../../platform/scope.js';
import { kpiCandidates, kpiSetSql } from '../dashboards/kpi-sets.js';
import { getUnitInScope } from '../org/org.service.js';
import { counterSql, listSight } from './counters.js';

/** The list's filters (its query without paging). */
export type MatterFilter = Omit<MatterQuery, 'page' | 'pageSize'>;

/** The hour of the day, Beijing time (UTC+8, no daylight saving), the matter was submitted in: 0–23. */
export const submittedHourSql = sql<number>`extract(hour FROM (${matters.createdAt} AT TIME ZONE 'UTC') + interval '8 hours')::int`;

/**
 * Every filter of the desk list over the caller's sight (`mine`: only what it holds). `unitId` is a unit in the
 * caller's sight (404 unknown, 403 outside it) whose subtree the list keeps.
 */
export async function matterListWhere(ctx: Ctx, q: MatterFilter): Promise<SQL | undefined> {
  const parts: (SQL | undefined)[] = [listSight(actorOf(ctx), Boolean(q.mine))];
  if (q.status) parts.push(eq(matters.status, q.status));
  if (q.kind) parts.push(eq(matters.kind, q.kind));
  if (q.channel) parts.push(eq(matters.channel, q.channel));
  if (q.open) parts.push(inArray(matters.status, [...OPEN_MATTER_STATUSES]));
  if (q.rating) parts.push(eq(matters.rating, q.rating));
  if (q.counter) parts.push(counterSql(q.counter, ctx.now()));
  if (q.hour !== undefined) parts.push(sql`${submittedHourSql} = ${q.hour}`);
  if (q.unitId) {
    const unit = await getUnitInScope(ctx, q.unitId, { readWith: 'matter.read' });
    parts.push(under(matters.unitPath, unit.path));
  }
  if (q.kpi && q.from && q.to) {
    const bounds = periodBounds({ from: q.from, to: q.to }, ctx.now());
    parts.push(kpiCandidates(bounds), kpiSetSql(q.kpi, bounds));
  }
  if (q.q)
    parts.push(
      anyOf(
        ilike(matters.number, `%${escapeLike(q.q)}%`),
        ilike(matters.body, `%${escapeLike(q.q)}%`),
        // A 110 警情编号 or 12345 工单编号, as read off the other system's screen.
        ilike(matters.externalNo, `%${escapeLike(q.q)}%`),
      ),
    );
  return and(...parts);
}
