/**
 * 五必评's sets as SQL: the requests of a period classified once (counted, held back as 待确认, expired, open), and
 * each result and review state as one condition over those rows. 评价统计 (figures.service.ts), the dashboard's
 * evaluations section and the evaluations list (`GET /evaluations`) all count and filter by these, so a figure and
 * the list behind it agree.
 */
import type { EvaluationResult, EvaluationReviewState, EvaluationType } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { under } from '../../platform/scope.js';

/**
 * One row per request of the stations under `stationPaths` opened in [start, end) (and of `type`), classified once
 * as of `now`: counted (answered and not held back as 待确认), pending (flagged, not accepted), expired or open —
 * with its month (Beijing time), officer, the officer's team and the village above its unit. Without `names` (counts
 * that group by none of them) the officer, team and village are left out: matching each request's unit to its
 * village is most of the work over a county's year.
 */
export function requestsIn(
  stationPaths: string,
  { start, end, type }: { start: Date; end: Date; type: EvaluationType | null },
  now: Date,
  { names = true } = {},
): SQL {
  return classifiedRequests(
    sql`${under(sql`st.path`, stationPaths)}
      AND r.created_at >= ${start.toISOString()}::timestamptz AND r.created_at < ${end.toISOString()}::timestamptz
      ${type ? sql`AND r.type = ${type}` : sql``}`,
    now,
    { names },
  );
}

/**
 * The requests `where` picks (over `evaluation_requests r` and their station `st`), classified as `requestsIn` says:
 * the 考核指标 rollups (dashboards/kpi-rollup.ts) classify the requests they recount by it too.
 */
export function classifiedRequests(where: SQL, now: Date, { names = true } = {}): SQL {
  const named = names
    ? sql`, r.rated_staff_id AS officer_id, s.display_name AS officer_name,
      tm.id AS team_id, tm.name AS team_name, v.id AS village_id, v.name AS village_name`
    : sql``;
  const joins = names
    ? sql`LEFT JOIN staff s ON s.id = r.rated_staff_id
    LEFT JOIN teams tm ON tm.id = s.team_id
    LEFT JOIN units v ON v.kind = 'village' AND v.path LIKE st.path || '%' AND r.unit_path LIKE v.path || '%'`
    : sql``;
  return sql`SELECT r.id, r.type, r.station_id, st.name AS station_name, r.created_at, r.expires_at, r.answered_at,
      to_char((r.created_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month${named},
      (a.id IS NOT NULL AND (NOT a.flagged OR a.accepted_at IS NOT NULL)) AS counted,
      (a.id IS NOT NULL AND a.flagged AND a.accepted_at IS NULL) AS pending,
      a.satisfied,
      (a.id IS NULL AND r.expires_at <= ${now.toISOString()}::timestamptz) AS expired,
      (a.id IS NULL AND r.expires_at > ${now.toISOString()}::timestamptz) AS open
    FROM evaluation_requests r
    JOIN units st ON st.id = r.station_id AND st.kind = 'station'
    LEFT JOIN evaluation_answers a ON a.request_id = r.id
    ${joins}
    WHERE ${where}`;
}

/** Each result as a condition over a `requestsIn` row: the figures count by it and the list filters by it. */
export const RESULT_SQL: Record<EvaluationResult, string> = {
  answered: 'counted',
  rated: 'counted AND satisfied IS NOT NULL',
  satisfied: 'counted AND satisfied',
  unsatisfied: 'counted AND NOT satisfied',
  expired: 'expired',
  open: 'open',
  flagged: 'pending',
};

/** Each review state as a condition over `evaluation_reviews rv` joined to a `requestsIn` row not held back. */
export const REVIEW_SQL: Record<EvaluationReviewState, string> = {
  opened: 'true',
  closed: "rv.status = 'closed'",
  called_back: 'rv.outcome IS NOT NULL',
};

/** The `requestsIn` row `base` has a review in `state` (reviews of answers still 待确认 are left out). */
export const reviewedSql = (state: EvaluationReviewState) =>
  sql.raw(`(NOT base.pending AND EXISTS (SELECT 1 FROM evaluation_reviews rv WHERE rv.request_id = base.id
    AND ${REVIEW_SQL[state]}))`);
