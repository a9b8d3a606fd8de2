/**
 * 考核指标 rollups: the KPI sets of kpi-sets.ts made additive, so a station's figures over a year, or a bureau's over
 * 200 stations, read a few thousand rows instead of its matters.
 *
 * Each matter adds "parts" (key, a, b, c, e, n): it counts n in a period of whole Beijing days [d1, d2] when
 * a ≤ d1 ≤ b and c ≤ d2 ≤ e. A set that counts a matter once however often it happened in the period (resolved,
 * rated, …) gives each event a part whose `a` is the day after the matter's previous such event, so only the first
 * event inside the period counts. A stock judged at the period's end (在办超期) is +1 on the day an open-and-overdue
 * stretch begins and −1 on the day it ends, summed up to d2. The sets that are not additive are differences and
 * unions of additive ones: 应办结 = 办结 + 在办超期 − both, and so on (figuresOf in kpis.service.ts).
 *
 * `kpi_matters` keeps what each matter last added; a recount subtracts exactly that and adds the new parts, so it is
 * idempotent and runs for any matter at any time. The job `dashboards.kpi-rollup` recounts the matters named by the
 * outbox's committed events since it last ran (a few seconds behind), after a first count of every matter station by
 * station. Days judged by instants (a deadline at 18:00) are judged at the day's end; while a period runs,
 * kpis.service.ts corrects the few matters whose deadline falls later today.
 */
import {
  EVALUATION_TYPES,
  type EvaluationResult,
  type EvaluationReviewState,
  MATTER_KINDS,
  TIME_BINS,
} from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { Ctx } from '../../platform/context.js';
import { REQUEST_CHANGED_KEY } from '../evaluations/changed.js';
import { classifiedRequests, RESULT_SQL, reviewedSql } from '../evaluations/figures.sets.js';
import { submittedHourSql } from '../matters/list.where.js';

/** The parts' keys; the time distributions' fine bins are FIRST_RESPONSE_BIN + i and RESOLUTION_BIN + i. */
export const PART = {
  submitted: 1,
  escalated: 2,
  take_due: 3,
  take_on_time: 4,
  resolved: 5,
  reopened: 6,
  /** Resolved after the resolution deadline. */
  resolved_late: 7,
  rated: 8,
  satisfied: 9,
  unsatisfied: 10,
  unrated: 11,
  /** The stock 在办超期: +1/−1 by day. */
  open_overdue: 12,
  /** Open and overdue at d2 after a resolution inside the period (reopened since). */
  resolved_open_overdue: 13,
  /** The same after a late resolution inside the period. */
  resolved_late_open_overdue: 14,
} as const;
export const FIRST_RESPONSE_BIN = 100;
export const RESOLUTION_BIN = 200;
/** 受理 by kind (KIND_BIN + the kind's place in MATTER_KINDS) and by Beijing hour (HOUR_BIN + hour): the desk's charts. */
export const KIND_BIN = 300;
export const HOUR_BIN = 330;
/**
 * The evaluation requests (评价, every type of work) by the day each was opened: EVAL_BIN + the type's place in
 * EVALUATION_TYPES × EVAL_MEASURES.length + the measure's place — the dashboard's 评价 tab.
 */
export const EVAL_BIN = 400;
export const EVAL_MEASURES = ['rated', 'satisfied', 'unsatisfied', 'opened', 'closed', 'called_back'] as const;
export type EvalMeasure = (typeof EVAL_MEASURES)[number];
export const evalKey = (type: (typeof EVALUATION_TYPES)[number], measure: EvalMeasure) =>
  EVAL_BIN + EVALUATION_TYPES.indexOf(type) * EVAL_MEASURES.length + EVAL_MEASURES.indexOf(measure);

/** An unbounded day. */
export const INF = 1_000_000;
const EPOCH_MS = Date.UTC(2000, 0, 1);

/** The day number (days since 2000-01-01) of a Beijing day `YYYY-MM-DD`. */
export const dayNumber = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - EPOCH_MS) / 86_400_000);
/** The Beijing day of an instant, as a day number, in SQL. */
const dn = (at: SQL) => sql`((${at}) AT TIME ZONE 'Asia/Shanghai')::date - DATE '2000-01-01'`;
/** The first day of the month of a day number, as a day number, in SQL. */
const monthOf = (day: SQL) => sql`(date_trunc('month', DATE '2000-01-01' + ${day})::date - DATE '2000-01-01')`;

/**
 * The fine bin of `minutes` (a SQL expression): the number of TIME_BINS below it — upper bounds included in their
 * bin, as the dashboard's buckets say "5分钟内". width_bucket over the negated bounds counts the bounds ≥ minutes.
 */
export function timeBin(minutes: SQL): SQL {
  const negated = [...TIME_BINS].reverse().map((b) => -b);
  return sql`(${lit(TIME_BINS.length)} - width_bucket(-(${minutes}), ${sql.raw(`ARRAY[${negated.join(',')}]::float8[]`)}))`;
}
/** A number written into the statement (a constant of this file, never input): typed as an integer in a UNION. */
const lit = (n: number) => sql.raw(String(n));
const minutesBetween = (from: SQL, to: SQL) => sql`extract(epoch FROM (${to} - ${from})) / 60.0`;

/** The parts of the matters `ids` (a SQL query of one column `id`): CTEs ending in `parts`. */
function partsCtes(ids: SQL): SQL {
  const v = (x: number | SQL) => (typeof x === 'number' ? lit(x) : x);
  const part = (key: number | SQL, a: SQL | number, b: SQL, c: SQL, e: SQL | number, n: SQL | number = 1) =>
    sql`${v(key)}, ${v(a)}, ${b}, ${c}, ${v(e)}, ${v(n)}`;
  const after = (prev: SQL) => sql`coalesce(${prev} + 1, ${lit(-INF)})`;
  const upTo = (next: SQL) => sql`coalesce(${next} - 1, ${lit(INF)})`;
  return sql`ids AS (${ids}),
  m AS (SELECT id, station_id, created_at, dispatched_at, taken_at, take_due_at, resolve_due_at, escalated_at,
      first_response_at, ${dn(sql`created_at`)} AS created_d,
      array_position(${sql.raw(`ARRAY[${MATTER_KINDS.map((k) => `'${k}'`).join(',')}]::text[]`)}, kind::text) - 1 AS kind_i,
      ${submittedHourSql} AS hour
    FROM matters WHERE id IN (SELECT id FROM ids)),
  steps AS (SELECT e.matter_id, e.id, e.type, e.at, ${dn(sql`e.at`)} AS d,
      e.type = 'matter.resolve' AND e.at > m.resolve_due_at AS late, m.created_at, m.resolve_due_at
    FROM matter_events e JOIN m ON m.id = e.matter_id
    WHERE e.matter_id IN (SELECT id FROM ids)
      AND e.type IN ('matter.resolve', 'matter.reopen', 'matter.invalidate', 'matter.merge')),
  step AS (SELECT steps.*,
      lag(d) OVER (PARTITION BY matter_id, type ORDER BY at, id) AS prev_same,
      lead(d) OVER (PARTITION BY matter_id, type ORDER BY at, id) AS next_same,
      lag(d) OVER (PARTITION BY matter_id, type, late ORDER BY at, id) AS prev_late,
      lead(d) OVER (PARTITION BY matter_id ORDER BY at, id) AS next_step,
      max(d) FILTER (WHERE type = 'matter.resolve') OVER (PARTITION BY matter_id ORDER BY at, id ROWS UNBOUNDED PRECEDING) AS last_resolved,
      max(d) FILTER (WHERE late) OVER (PARTITION BY matter_id ORDER BY at, id ROWS UNBOUNDED PRECEDING) AS last_late
    FROM steps),
  -- Stretches open: from submission to the first closing step, and from each reopening to the next step.
  open_runs AS (
    SELECT m.id AS matter_id, m.created_d AS start_d, first_step.d AS end_d,
        NULL::int AS last_resolved, NULL::int AS last_late, m.resolve_due_at
      FROM m LEFT JOIN (SELECT matter_id, min(d) AS d FROM steps GROUP BY matter_id) first_step ON first_step.matter_id = m.id
    UNION ALL SELECT matter_id, d, next_step, last_resolved, last_late, resolve_due_at FROM step WHERE type = 'matter.reopen'),
  overdue AS (SELECT matter_id, greatest(start_d, ${dn(sql`resolve_due_at`)}) AS c, ${upTo(sql`end_d`)} AS e,
      last_resolved, last_late
    FROM open_runs WHERE resolve_due_at IS NOT NULL),
  overdue_runs AS (SELECT * FROM overdue WHERE c <= e),
  answers AS (SELECT r.subject_id AS matter_id, a.satisfied, ${dn(sql`a.created_at`)} AS d, a.created_at, a.id
    FROM evaluation_requests r JOIN evaluation_answers a ON a.request_id = r.id
    WHERE r.subject_type = 'matter' AND r.subject_id IN (SELECT id FROM ids) AND (NOT a.flagged OR a.accepted_at IS NOT NULL)),
  answer_kinds AS (
    SELECT matter_id, ${lit(PART.rated)} AS key, d, created_at, id FROM answers WHERE satisfied IS NOT NULL
    UNION ALL SELECT matter_id, ${lit(PART.satisfied)}, d, created_at, id FROM answers WHERE satisfied
    UNION ALL SELECT matter_id, ${lit(PART.unsatisfied)}, d, created_at, id FROM answers WHERE NOT satisfied),
  answered AS (SELECT *, lag(d) OVER (PARTITION BY matter_id, key ORDER BY created_at, id) AS prev FROM answer_kinds),
  -- Evaluations never answered (an answer comes before the request expires): counted from the day each expired, and
  -- for a period starting after the previous one was sent, from the earliest expiry of those sent since.
  unanswered AS (SELECT r.subject_id AS matter_id, r.created_at, r.id, ${dn(sql`r.created_at`)} AS x,
      greatest(${dn(sql`r.created_at`)}, ${dn(sql`r.expires_at - interval '1 microsecond'`)}) AS y
    FROM evaluation_requests r
    WHERE r.subject_type = 'matter' AND r.subject_id IN (SELECT id FROM ids)
      AND NOT EXISTS (SELECT 1 FROM evaluation_answers a WHERE a.request_id = r.id AND (NOT a.flagged OR a.accepted_at IS NOT NULL))),
  unrated AS (SELECT matter_id, x, lag(x) OVER w AS prev_x,
      min(y) OVER (PARTITION BY matter_id ORDER BY created_at DESC, id DESC ROWS UNBOUNDED PRECEDING) AS y
    FROM unanswered WINDOW w AS (PARTITION BY matter_id ORDER BY created_at, id)),
  raw_parts (matter_id, key, a, b, c, e, n) AS (
    SELECT id, ${part(PART.submitted, -INF, sql`created_d`, sql`created_d`, INF)} FROM m
    UNION ALL SELECT id, ${part(sql`${lit(KIND_BIN)} + kind_i`, -INF, sql`created_d`, sql`created_d`, INF)} FROM m
    UNION ALL SELECT id, ${part(sql`${lit(HOUR_BIN)} + hour`, -INF, sql`created_d`, sql`created_d`, INF)} FROM m
    UNION ALL SELECT id, ${part(PART.escalated, -INF, dn(sql`escalated_at`), dn(sql`escalated_at`), INF)} FROM m WHERE escalated_at IS NOT NULL
    UNION ALL SELECT id, ${part(PART.take_due, -INF, dn(sql`dispatched_at`), sql`greatest(${dn(sql`dispatched_at`)}, ${dn(sql`least(taken_at, take_due_at)`)})`, INF)}
      FROM m WHERE dispatched_at IS NOT NULL AND coalesce(taken_at, take_due_at) IS NOT NULL
    UNION ALL SELECT id, ${part(PART.take_on_time, -INF, dn(sql`dispatched_at`), sql`greatest(${dn(sql`dispatched_at`)}, ${dn(sql`taken_at`)})`, INF)}
      FROM m WHERE dispatched_at IS NOT NULL AND taken_at <= take_due_at
    UNION ALL SELECT matter_id, ${part(sql`CASE type WHEN 'matter.resolve' THEN ${lit(PART.resolved)} ELSE ${lit(PART.reopened)} END`, after(sql`prev_same`), sql`d`, sql`d`, INF)}
      FROM step WHERE type IN ('matter.resolve', 'matter.reopen')
    UNION ALL SELECT matter_id, ${part(PART.resolved_late, after(sql`prev_late`), sql`d`, sql`d`, INF)} FROM step WHERE late
    UNION ALL SELECT matter_id, ${part(sql`key`, after(sql`prev`), sql`d`, sql`d`, INF)} FROM answered
    UNION ALL SELECT matter_id, ${part(PART.unrated, after(sql`prev_x`), sql`x`, sql`y`, INF)} FROM unrated
    UNION ALL SELECT matter_id, ${part(PART.open_overdue, -INF, sql`c`, sql`c`, INF)} FROM overdue_runs
    UNION ALL SELECT matter_id, ${part(PART.open_overdue, -INF, sql`e + 1`, sql`e + 1`, INF, -1)} FROM overdue_runs WHERE e < ${lit(INF)}
    UNION ALL SELECT matter_id, ${part(PART.resolved_open_overdue, -INF, sql`last_resolved`, sql`c`, sql`e`)} FROM overdue_runs WHERE last_resolved IS NOT NULL
    UNION ALL SELECT matter_id, ${part(PART.resolved_late_open_overdue, -INF, sql`last_late`, sql`c`, sql`e`)} FROM overdue_runs WHERE last_late IS NOT NULL
    UNION ALL SELECT id, ${part(sql`${lit(FIRST_RESPONSE_BIN)} + ${timeBin(minutesBetween(sql`created_at`, sql`first_response_at`))}`, -INF, sql`created_d`, sql`greatest(created_d, ${dn(sql`first_response_at`)})`, INF)}
      FROM m WHERE first_response_at IS NOT NULL
    UNION ALL SELECT matter_id, ${part(sql`${lit(RESOLUTION_BIN)} + ${timeBin(minutesBetween(sql`created_at`, sql`at`))}`, -INF, sql`d`, sql`d`, upTo(sql`next_same`))}
      FROM step WHERE type = 'matter.resolve'),
  parts AS (SELECT p.matter_id AS source_id, p.key, p.a, p.b, p.c, p.e, p.n, m.station_id
    FROM raw_parts p JOIN m ON m.id = p.matter_id WHERE p.a <= p.b AND p.c <= p.e)`;
}

/**
 * The parts of the evaluation requests `ids`, classified as 评价统计 classifies them (figures.sets.ts): each counts on
 * the day it was opened under EVAL_BIN + its type's place × the measures + the measure's place, for each of
 * EVAL_MEASURES it meets now (answered later, reviewed later: the events recount it).
 */
function requestPartsCtes(ids: SQL, now: Date): SQL {
  const types = sql.raw(`ARRAY[${EVALUATION_TYPES.map((t) => `'${t}'`).join(',')}]::text[]`);
  const measures = sql.join(
    EVAL_MEASURES.map(
      (m, i) =>
        sql`(${lit(i)}, ${m in RESULT_SQL ? sql.raw(RESULT_SQL[m as EvaluationResult]) : reviewedSql(m as EvaluationReviewState)})`,
    ),
    sql`, `,
  );
  return sql`ids AS (${ids}),
  base AS (${classifiedRequests(sql`r.id IN (SELECT id FROM ids)`, now, { names: false })}),
  m AS (SELECT id FROM base),
  parts AS (SELECT base.id AS source_id, base.station_id,
      ${lit(EVAL_BIN)} + (array_position(${types}, base.type::text) - 1) * ${lit(EVAL_MEASURES.length)} + v.measure AS key,
      ${lit(-INF)} AS a, ${dn(sql`base.created_at`)} AS b, ${dn(sql`base.created_at`)} AS c, ${lit(INF)} AS e, 1 AS n
    FROM base CROSS JOIN LATERAL (VALUES ${measures}) v(measure, yes) WHERE v.yes)`;
}

/** Where each kind of source keeps the parts it last added: matters, evaluation requests. */
const KEPT = {
  matters: { table: sql.raw('kpi_matters'), id: sql.raw('matter_id') },
  requests: { table: sql.raw('kpi_requests'), id: sql.raw('request_id') },
} as const;

/**
 * Recounts the matters `ids` (a SQL query of one column `id`): subtracts what kpi_matters says they added, adds their
 * parts now, and keeps those. One statement; idempotent.
 */
export function recountMatters(db: Queryable, ids: SQL): Promise<void> {
  return recount(db, partsCtes(ids), KEPT.matters);
}

/** The same for the evaluation requests `ids` (kept in kpi_requests). */
export function recountRequests(db: Queryable, ids: SQL, now: Date): Promise<void> {
  return recount(db, requestPartsCtes(ids, now), KEPT.requests);
}

/**
 * Subtracts what `keep` says the sources (`ids` of `ctes`) added, adds their parts now (`ctes`, ending in `parts` of columns
 * source_id, station_id, key, a, b, c, e, n, with `m` the sources that still exist), and keeps those.
 */
async function recount(db: Queryable, ctes: SQL, keep: (typeof KEPT)[keyof typeof KEPT]): Promise<void> {
  // A part bounded by nothing but its days b and c in one month is kept by day and by month (grains 0 and 1, the
  // stock's 3 and 4); any other as it is (grain 2).
  const simple = sql`diff.a = ${lit(-INF)} AND diff.e = ${lit(INF)} AND ${monthOf(sql`diff.c`)} = ${monthOf(sql`diff.b`)}`;
  const stock = sql`diff.key = ${lit(PART.open_overdue)}`;
  await db.execute(sql`WITH ${ctes},
    previous AS (SELECT k.station_id, k.parts[i][1] AS key, k.parts[i][2] AS a, k.parts[i][3] AS b, k.parts[i][4] AS c,
        k.parts[i][5] AS e, -k.parts[i][6] AS n
      FROM ${keep.table} k CROSS JOIN LATERAL generate_subscripts(k.parts, 1) AS i
      WHERE k.${keep.id} IN (SELECT id FROM ids)),
    diff AS (SELECT station_id, key, a, b, c, e, sum(n)::int AS n
      FROM (SELECT station_id, key, a, b, c, e, n FROM parts UNION ALL SELECT * FROM previous) x
      GROUP BY station_id, key, a, b, c, e HAVING sum(n) <> 0),
    spread AS (
      SELECT station_id, CASE WHEN ${stock} THEN 3 ELSE 0 END AS grain, b, key, a, c, e, n FROM diff WHERE ${simple}
      UNION ALL SELECT station_id, CASE WHEN ${stock} THEN 4 ELSE 1 END, ${monthOf(sql`b`)}, key, a, ${monthOf(sql`b`)}, e, n
        FROM diff WHERE ${simple}
      UNION ALL SELECT station_id, 2, b, key, a, c, e, n FROM diff WHERE NOT (${simple})),
    added AS (INSERT INTO kpi_rollup (station_id, grain, b, key, a, c, e, n)
      SELECT station_id, grain, b, key, a, c, e, sum(n) FROM spread GROUP BY station_id, grain, b, key, a, c, e
      ON CONFLICT (station_id, grain, b, key, a, c, e) DO UPDATE SET n = kpi_rollup.n + excluded.n),
    gone AS (DELETE FROM ${keep.table} WHERE ${keep.id} IN (SELECT id FROM ids) AND ${keep.id} NOT IN (SELECT id FROM m))
    INSERT INTO ${keep.table} (${keep.id}, station_id, parts)
      SELECT source_id, station_id, array_agg(ARRAY[key, a, b, c, e, n] ORDER BY key, b, a, c, e) FROM parts
      GROUP BY source_id, station_id
    ON CONFLICT (${keep.id}) DO UPDATE SET station_id = excluded.station_id, parts = excluded.parts`);
}

/** Matters per recount while the job catches up with the outbox. */
const BATCH = 2_000;
const LOCK = sql`pg_try_advisory_xact_lock(hashtext('jingmin.kpi_rollup'))`;

interface State {
  seq: number;
  ready: boolean;
  backfill_after: string | null;
}

async function stateOf(db: Queryable): Promise<State | undefined> {
  const [row] = rowsOf<State>(await db.execute(sql`SELECT seq::float8 AS seq, ready, backfill_after FROM kpi_state`));
  return row ? { ...row, seq: Number(row.seq) } : undefined;
}

/**
 * One step of the job, in one transaction holding the rollups' lock (another process holding it: nothing). First the
 * count of every matter, one station per step, starting from the outbox's position at the time so that any change
 * it misses is recounted after; then the matters named by events since the last step. Answers whether there is
 * more to do at once.
 */
export async function rollupStep(database: Database, now: Date): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    const [locked] = rowsOf<{ ok: boolean }>(await tx.execute(sql`SELECT ${LOCK} AS ok`));
    if (!locked?.ok) return false;
    let state = await stateOf(tx);
    if (!state) {
      await tx.execute(sql`INSERT INTO kpi_state (id, seq, ready, updated_at)
        SELECT 1, coalesce(max(seq), 0), false, ${now} FROM outbox ON CONFLICT (id) DO NOTHING`);
      await tx.execute(sql`TRUNCATE kpi_rollup, kpi_matters, kpi_requests`);
      state = await stateOf(tx);
      if (!state) return false;
    }
    if (!state.ready) {
      const [next] = rowsOf<{ id: string }>(
        await tx.execute(sql`SELECT id FROM units WHERE kind = 'station'
          AND (${state.backfill_after}::uuid IS NULL OR id > ${state.backfill_after}::uuid) ORDER BY id LIMIT 1`),
      );
      if (next) {
        await recountMatters(tx, sql`SELECT id FROM matters WHERE station_id = ${next.id}::uuid`);
        await recountRequests(tx, sql`SELECT id FROM evaluation_requests WHERE station_id = ${next.id}::uuid`, now);
        await tx.execute(sql`UPDATE kpi_state SET backfill_after = ${next.id}::uuid, updated_at = ${now}`);
        return true;
      }
      // Matters of no station (none today) are counted last, then the rollups answer.
      const elsewhere = sql`station_id NOT IN (SELECT id FROM units WHERE kind = 'station')`;
      await recountMatters(tx, sql`SELECT id FROM matters WHERE ${elsewhere}`);
      await recountRequests(tx, sql`SELECT id FROM evaluation_requests WHERE ${elsewhere}`, now);
      await tx.execute(sql`UPDATE kpi_state SET ready = true, backfill_after = NULL, updated_at = ${now}`);
      // The planner's view of the rollups grew from nothing in one go: give it the figures before the first read.
      await tx.execute(sql`ANALYZE kpi_rollup`);
      return true;
    }
    const events = rowsOf<{ seq: number; matter_id: string | null; request_id: string | null }>(
      await tx.execute(sql`SELECT seq::float8 AS seq, payload->>'matterId' AS matter_id,
          payload->>'${sql.raw(REQUEST_CHANGED_KEY)}' AS request_id FROM outbox
        WHERE seq > ${state.seq} ORDER BY seq LIMIT ${BATCH}`),
    );
    if (events.length === 0) return false;
    const named = (of: (e: (typeof events)[number]) => string | null) => [
      ...new Set(events.map(of).filter((id): id is string => Boolean(id))),
    ];
    const [matterIds, requestIds] = [named((e) => e.matter_id), named((e) => e.request_id)];
    if (matterIds.length > 0) await recountMatters(tx, sql`SELECT unnest(${sql.param(matterIds)}::uuid[]) AS id`);
    if (requestIds.length > 0)
      await recountRequests(tx, sql`SELECT unnest(${sql.param(requestIds)}::uuid[]) AS id`, now);
    const last = events[events.length - 1]?.seq ?? state.seq;
    await tx.execute(sql`UPDATE kpi_state SET seq = ${last}, updated_at = ${now}`);
    return events.length === BATCH;
  });
}

/** The job: steps until caught up (a first count of a province takes many steps; each commits on its own). */
export async function rollKpis(ctx: Ctx): Promise<void> {
  while (await rollupStep(ctx.deps.database, ctx.now())) {
    // each step commits; the next one starts from what it left
  }
}

/** Whether the rollups hold every matter (the first count is done); until then figures are counted directly. */
export async function rollupsReady(db: Queryable): Promise<boolean> {
  const state = await stateOf(db);
  return state?.ready ?? false;
}
