/**
 * The staff list's filter, one definition for the list, its export and the dashboard's 宣传预警 figures: a notice is
 * "sent in the period" when its 发布时间 lies in the period's Beijing days (up to now while the period runs), and
 * "of a unit" when its station lies in that station's or bureau's subtree.
 */
import { periodBounds, type WarningListQuery } from '@jingmin/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { warnings } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { under } from '../../platform/scope.js';
import type { Bounds } from '../dashboards/kpi-sets.js';
import { dashboardUnit } from '../dashboards/kpis.service.js';
import { visibleWarnings } from './warnings.policy.js';

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** 发布于期内: sent within [start, asOf). A withdrawn notice was sent too, and keeps its 发布时间. */
export const sentIn = (b: Bounds): SQL =>
  sql`(${warnings.sentAt} >= ${iso(b.start)} AND ${warnings.sentAt} < ${iso(b.asOf)})`;

/** The notices of the stations under `path`. */
export const noticesUnder = (path: string): SQL => under(warnings.stationPath, path);

export type WarningFilter = Omit<WarningListQuery, 'before' | 'limit'>;

/** The list's where (sight and filters, no paging); `unitId` must be a station or bureau in sight (403/404). */
export async function warningListWhere(ctx: Ctx, q: WarningFilter): Promise<SQL> {
  const parts: (SQL | undefined)[] = [
    visibleWarnings(actorOf(ctx)),
    q.status ? eq(warnings.status, q.status) : undefined,
    q.category ? eq(warnings.category, q.category) : undefined,
    q.priority ? eq(warnings.priority, q.priority) : undefined,
    q.stationId ? eq(warnings.stationId, q.stationId) : undefined,
  ];
  if (q.unitId) parts.push(noticesUnder((await dashboardUnit(ctx, q.unitId)).path));
  if (q.from || q.to) {
    const b = periodBounds({ from: q.from ?? '2000-01-01', to: q.to ?? '2999-12-31' }, ctx.now());
    parts.push(sentIn(b));
  }
  return and(...parts) as SQL;
}
