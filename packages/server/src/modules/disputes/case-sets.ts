/**
 * Which cases a dispute figure counts, as SQL over a `dispute_cases` row: written once and read by the monthly
 * analysis (analysis.ts), the dashboard's 矛盾纠纷 section and the cases list's `?set=` filter, so a figure and the
 * list behind it agree. A case is open at an instant when it was accepted before it and not closed by then
 * (调解未成 stays in the stock: 分案处理 takes it up again); closing is final, so a past period keeps its figures.
 */
import type { DisputeAge, DisputeSet } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { disputeCases } from '../../db/schema/index.js';
import { escapeLike } from '../../platform/scope.js';

/** The columns a condition reads: the table's own (a Drizzle query) or an alias's (`FROM dispute_cases c`). */
export interface CaseColumns {
  id: SQL;
  stationId: SQL;
  unitPath: SQL;
  acceptedAt: SQL;
  closedAt: SQL;
}

export const CASES: CaseColumns = {
  id: sql`${disputeCases.id}`,
  stationId: sql`${disputeCases.stationId}`,
  unitPath: sql`${disputeCases.unitPath}`,
  acceptedAt: sql`${disputeCases.acceptedAt}`,
  closedAt: sql`${disputeCases.closedAt}`,
};

export const aliased = (a: 'c'): CaseColumns => ({
  id: sql.raw(`${a}.id`),
  stationId: sql.raw(`${a}.station_id`),
  unitPath: sql.raw(`${a}.unit_path`),
  acceptedAt: sql.raw(`${a}.accepted_at`),
  closedAt: sql.raw(`${a}.closed_at`),
});

/** Cases still to work on (the 三色 board's and the list's `open=1`): neither closed nor failed. */
export const stillOpen = sql`${disputeCases.status} NOT IN ('closed', 'failed')`;

/** An instant, as an ISO string or a Date. */
export type Instant = string | Date;
/** [from, to) */
export interface Range {
  from: Instant;
  to: Instant;
}

export const ts = (at: Instant) => sql`${typeof at === 'string' ? at : at.toISOString()}::timestamptz`;

export const inRange = (column: SQL, r: Range) => sql`${column} >= ${ts(r.from)} AND ${column} < ${ts(r.to)}`;

/** Accepted before `at` and not closed by then. */
export const openAt = (c: CaseColumns, at: Instant) =>
  sql`(${c.acceptedAt} < ${ts(at)} AND (${c.closedAt} IS NULL OR ${c.closedAt} >= ${ts(at)}))`;

/** Days since acceptance at `at` for each age, as [more than, at most]. */
const AGE_DAYS: Record<DisputeAge, [number, number | null]> = {
  upTo30: [0, 30],
  upTo90: [30, 90],
  upTo180: [90, 180],
  over180: [180, null],
};

/** Open at `at` and of that age: accepted within the age's days before `at`. */
export function agedAt(c: CaseColumns, at: Instant, age: DisputeAge): SQL {
  const [over, upTo] = AGE_DAYS[age];
  const before = (days: number) => sql`${ts(at)} - ${`${days} days`}::interval`;
  const young = upTo === null ? sql`true` : sql`${c.acceptedAt} >= ${before(upTo)}`;
  const old = over === 0 ? sql`true` : sql`${c.acceptedAt} < ${before(over)}`;
  return sql`(${openAt(c, at)} AND ${young} AND ${old})`;
}

/** 移交: one or more of its transfers sent in the range (a case transferred twice counts once). */
export const transferredIn = (c: CaseColumns, r: Range) =>
  sql`EXISTS (SELECT 1 FROM dispute_transfers t WHERE t.case_id = ${c.id} AND ${inRange(sql`t.sent_at`, r)})`;

/** The cases one figure counts over the period's instants [from, to). */
export function caseSetSql(c: CaseColumns, set: DisputeSet, r: Range): SQL {
  switch (set) {
    case 'period':
      return sql`(${inRange(c.acceptedAt, r)} OR ${openAt(c, r.to)})`;
    case 'open':
      return openAt(c, r.to);
    case 'accepted':
      return sql`(${inRange(c.acceptedAt, r)})`;
    case 'resolved':
      return sql`(${inRange(c.closedAt, r)})`;
    case 'resolution_base':
      // 化解率's base: open at the start, or new — two disjoint sets, as the analysis adds them.
      return sql`(${openAt(c, r.from)} OR ${inRange(c.acceptedAt, r)})`;
    case 'transferred':
      return transferredIn(c, r);
  }
}

/**
 * The cases of a unit's subtree (a station, a bureau, a village): by their stations first, so the
 * (station_id, …) indexes are read, then by the case's own place.
 */
export function casesUnder(c: CaseColumns, path: string): SQL {
  const prefix = `${escapeLike(path)}%`;
  return sql`(${c.stationId} IN (SELECT s.id FROM units s WHERE s.kind = 'station'
      AND (s.path LIKE ${prefix} OR starts_with(${path}, s.path)))
    AND ${c.unitPath} LIKE ${prefix})`;
}
