/**
 * What the dashboard's 社区警务 counts of patrols, one condition each so a figure and its list agree: the patrols
 * started in a period by the stations of a subtree, and the 必到点 of the subtree active in the period (existed
 * before its end and not retired before it began, as 必到点覆盖 counts them) with those checked in at during it.
 */
import { type SQL, sql } from 'drizzle-orm';
import { patrolCheckins, patrolPoints, patrolSessions, units } from '../../db/schema/index.js';
import { under } from '../../platform/scope.js';
import type { Bounds } from '../dashboards/kpi-sets.js';

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Patrols of the stations at or under `path`, started in the period when `b` is given. */
export function patrolsSql(path: string, b?: Bounds): SQL {
  const stations = sql`${patrolSessions.stationId} IN (SELECT ${units.id} FROM ${units}
    WHERE ${units.kind} = 'station' AND ${under(units.path, path)})`;
  if (!b) return stations;
  return sql`(${stations} AND ${patrolSessions.startedAt} >= ${iso(b.start)} AND ${patrolSessions.startedAt} < ${iso(b.asOf)})`;
}

/** 必到点 under `path` active at some time in the period. */
export function activePointsSql(path: string, b: Bounds): SQL {
  return sql`(${under(patrolPoints.unitPath, path)} AND ${patrolPoints.createdAt} < ${iso(b.asOf)}
    AND (${patrolPoints.active} OR ${patrolPoints.updatedAt} >= ${iso(b.start)}))`;
}

/** The point was checked in at during the period. */
export function pointCheckedSql(b: Bounds): SQL {
  return sql`EXISTS (SELECT 1 FROM ${patrolCheckins} WHERE ${patrolCheckins.pointId} = ${patrolPoints.id}
    AND ${patrolCheckins.scannedAt} >= ${iso(b.start)} AND ${patrolCheckins.scannedAt} < ${iso(b.asOf)})`;
}
