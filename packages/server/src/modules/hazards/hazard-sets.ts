/**
 * The hazards a figure counts, one condition each over a `hazards` row, used by the dashboard (社区警务), the
 * station's 隐患统计, the register's filter (`?set=`, `?overdue=1`) and the overdue sweep: found in the period
 * (voided ones, entered by mistake, count nowhere), verified (销号) in it, and open past the deadline on `today`
 * (a Beijing date; the deadline day itself is still on time).
 */
import { type HazardSet, toCalendarDate } from '@jingmin/shared';
import { and, eq, lt, ne, type SQL, sql } from 'drizzle-orm';
import { hazards } from '../../db/schema/index.js';
import type { Bounds } from '../dashboards/kpi-sets.js';

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Open and past its deadline on `today`. */
export const overdueSql = (today: string): SQL =>
  and(eq(hazards.status, 'open'), lt(hazards.deadlineOn, today)) ?? sql`false`;

/** The hazards of `set` over the period `b` (`overdue`: as of `now`, whatever the period). */
export function hazardSetSql(set: HazardSet, b: Bounds, now: Date): SQL {
  switch (set) {
    case 'found':
      return sql`(${ne(hazards.status, 'voided')} AND ${hazards.foundAt} >= ${iso(b.start)} AND ${hazards.foundAt} < ${iso(b.asOf)})`;
    case 'fixed':
      return sql`(${hazards.status} = 'verified' AND ${hazards.verifiedAt} >= ${iso(b.start)} AND ${hazards.verifiedAt} < ${iso(b.asOf)})`;
    case 'overdue':
      return overdueSql(toCalendarDate(now));
  }
}
