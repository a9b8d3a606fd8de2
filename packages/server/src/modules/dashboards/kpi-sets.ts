/**
 * The KPIs' sets as SQL: one condition over a `matters` row and a period for each set of domain/kpis.ts. The
 * dashboard counts each set with `count(*) FILTER (WHERE …)` and the matters list filters by the same condition
 * (`?kpi=`), so a figure and the list behind it agree, as the 工作台's counters do.
 *
 * Resolutions and reopenings are read from the timeline (`matter_events`), not from the matter's columns: a reopening
 * clears `resolved_at` and the rating, and a past period must keep its figures. "Open at the period's end" is the
 * last of the matter's resolve / reopen / invalidate / merge steps before that instant being a reopening, or none.
 */
import type { KpiSet } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { evaluationAnswers, evaluationRequests, matterEvents, matters } from '../../db/schema/index.js';

export interface Bounds {
  start: Date;
  /** The period's end, or now while it runs: everything is judged as of this instant. */
  asOf: Date;
}

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The matter has an event of `type` in the period (and `extra` holds for it). */
function eventIn(type: string, b: Bounds, extra: SQL = sql`true`): SQL {
  return sql`EXISTS (SELECT 1 FROM ${matterEvents} e WHERE e.matter_id = ${matters.id} AND e.type = ${type}
    AND e.at >= ${iso(b.start)} AND e.at < ${iso(b.asOf)} AND ${extra})`;
}

/** Not resolved, invalid or merged at `at`: its last such step before then is a reopening, or there is none. */
function openAt(at: Date): SQL {
  return sql`${matters.createdAt} < ${iso(at)} AND coalesce((SELECT e.type FROM ${matterEvents} e
    WHERE e.matter_id = ${matters.id} AND e.at < ${iso(at)}
      AND e.type IN ('matter.resolve', 'matter.reopen', 'matter.invalidate', 'matter.merge')
    ORDER BY e.at DESC, e.id DESC LIMIT 1), 'matter.reopen') = 'matter.reopen'`;
}

/** A counted answer (not held back as 待确认) to one of the matter's evaluations, given in the period. */
function answeredIn(b: Bounds, satisfied: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM ${evaluationRequests} r JOIN ${evaluationAnswers} a ON a.request_id = r.id
    WHERE r.subject_type = 'matter' AND r.subject_id = ${matters.id}
      AND a.created_at >= ${iso(b.start)} AND a.created_at < ${iso(b.asOf)}
      AND (NOT a.flagged OR a.accepted_at IS NOT NULL) AND ${satisfied})`;
}

const dispatchedIn = (b: Bounds) =>
  sql`${matters.dispatchedAt} >= ${iso(b.start)} AND ${matters.dispatchedAt} < ${iso(b.asOf)}`;
const takenBy = (b: Bounds) => sql`${matters.takenAt} IS NOT NULL AND ${matters.takenAt} < ${iso(b.asOf)}`;

/** The matters one KPI set counts over the period. */
export function kpiSetSql(set: KpiSet, b: Bounds): SQL {
  switch (set) {
    case 'take_due':
      return sql`(${dispatchedIn(b)} AND (${takenBy(b)} OR ${matters.takeDueAt} < ${iso(b.asOf)}))`;
    case 'take_on_time':
      return sql`(${dispatchedIn(b)} AND ${takenBy(b)} AND ${matters.takenAt} <= ${matters.takeDueAt})`;
    case 'take_late':
      return sql`(${kpiSetSql('take_due', b)} AND NOT ${kpiSetSql('take_on_time', b)})`;
    case 'resolved':
      return eventIn('matter.resolve', b);
    case 'resolve_on_time':
      // Every resolution of the period by the deadline (one late resolution of a reopened round makes it late), and
      // not reopened and overdue again by the period's end.
      return sql`(${eventIn('matter.resolve', b)} AND NOT ${eventIn('matter.resolve', b, sql`e.at > ${matters.resolveDueAt}`)}
        AND NOT ${kpiSetSql('open_overdue', b)})`;
    case 'open_overdue':
      return sql`(${matters.resolveDueAt} < ${iso(b.asOf)} AND ${openAt(b.asOf)})`;
    case 'resolve_due':
      return sql`(${kpiSetSql('resolved', b)} OR ${kpiSetSql('open_overdue', b)})`;
    case 'resolve_late':
      return sql`(${kpiSetSql('resolve_due', b)} AND NOT ${kpiSetSql('resolve_on_time', b)})`;
    case 'reopened':
      return eventIn('matter.reopen', b);
    case 'rated':
      return answeredIn(b, sql`a.satisfied IS NOT NULL`);
    case 'satisfied':
      return answeredIn(b, sql`a.satisfied`);
    case 'unsatisfied':
      return answeredIn(b, sql`NOT a.satisfied`);
    case 'unrated':
      // A resolution's evaluation of the period that expired with no counted answer.
      return sql`EXISTS (SELECT 1 FROM ${evaluationRequests} r
        WHERE r.subject_type = 'matter' AND r.subject_id = ${matters.id}
          AND r.created_at >= ${iso(b.start)} AND r.created_at < ${iso(b.asOf)} AND r.expires_at <= ${iso(b.asOf)}
          AND NOT EXISTS (SELECT 1 FROM ${evaluationAnswers} a WHERE a.request_id = r.id
            AND a.created_at < ${iso(b.asOf)} AND (NOT a.flagged OR a.accepted_at IS NOT NULL)))`;
    case 'submitted':
      return sql`(${matters.createdAt} >= ${iso(b.start)} AND ${matters.createdAt} < ${iso(b.asOf)})`;
    case 'escalated':
      return sql`(${matters.escalatedAt} >= ${iso(b.start)} AND ${matters.escalatedAt} < ${iso(b.asOf)})`;
  }
}

/**
 * The matters any set could count in the period: touched by it (created, dispatched, escalated or with an event in
 * it), or still open with a deadline passed — a cheap outer filter so the sets are judged on few rows.
 */
export function kpiCandidates(b: Bounds): SQL {
  return sql`(${matters.createdAt} < ${iso(b.asOf)} AND (
    ${matters.createdAt} >= ${iso(b.start)}
    OR ${matters.dispatchedAt} >= ${iso(b.start)}
    OR ${matters.escalatedAt} >= ${iso(b.start)}
    OR ${matters.resolveDueAt} < ${iso(b.asOf)} AND (${matters.resolvedAt} IS NULL OR ${matters.resolvedAt} >= ${iso(b.start)})
    OR EXISTS (SELECT 1 FROM ${matterEvents} e WHERE e.matter_id = ${matters.id} AND e.at >= ${iso(b.start)}
      AND e.at < ${iso(b.asOf)} AND e.type IN ('matter.resolve', 'matter.reopen'))
    -- an evaluation answered in the period was still open then (answers come before the request expires)
    OR EXISTS (SELECT 1 FROM ${evaluationRequests} r WHERE r.subject_type = 'matter' AND r.subject_id = ${matters.id}
      AND r.expires_at >= ${iso(b.start)})))`;
}
