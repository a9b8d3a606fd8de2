/**
 * 考核指标: the KPIs of a station, or of the stations under a bureau, for a period beside the previous period and the
 * same days last year — counted by the sets of kpi-sets.ts (the rules of shared domain/kpis.ts), one set-based
 * statement per period over the matters it could touch.
 */
import {
  addDays,
  binQuantile,
  bucketsOfBins,
  type Distribution,
  dayOf,
  dayStart,
  FIRST_RESPONSE_BUCKETS,
  KPI_RATES,
  KPI_SETS,
  type KpiCounts,
  type KpiDashboard,
  type KpiFigures,
  type KpiQuery,
  type KpiSet,
  MATTER_KINDS,
  type Period,
  periodBounds,
  previousPeriod,
  RESOLUTION_BUCKETS,
  ratio,
  sameLastYear,
  TIME_BINS,
} from '@jingmin/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { evaluationReviews, matterEvents, matters, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, under } from '../../platform/scope.js';
import { readOnce } from '../../platform/shared-reads.js';
import {
  dayNumber,
  FIRST_RESPONSE_BIN,
  HOUR_BIN,
  KIND_BIN,
  PART,
  RESOLUTION_BIN,
  rollupsReady,
  timeBin,
} from './kpi-rollup.js';
import { type Bounds, kpiCandidates, kpiSetSql } from './kpi-sets.js';

/** The unit asked for (the caller's own by default): a station or a unit above stations, in the caller's sight. */
export async function dashboardUnit(ctx: Ctx, unitId: string | undefined) {
  const actor = actorOf(ctx);
  // By default the station or bureau the caller works in (the nearest one at or above its scope).
  const [unit] = await ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(
      unitId
        ? eq(units.id, unitId)
        : sql`${units.kind} IN ('station', 'bureau') AND starts_with(${actor.scopePath}, ${units.path})`,
    )
    .orderBy(sql`length(${units.path}) DESC`)
    .limit(1);
  if (!unit) throw new AppError('NOT_FOUND', { what: 'unit' });
  if (!canSeePath(actor, unit.path)) throw new AppError('FORBIDDEN');
  if (unit.kind !== 'station' && unit.kind !== 'bureau')
    throw new AppError('VALIDATION', { detail: 'unitId: a station or a bureau' });
  return unit;
}

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const column = (set: KpiSet) => sql.raw(`"${set}"`);

/** Minutes from submission to `at` (null when `at` is). */
const minutesTo = (at: SQL) => sql`extract(epoch FROM (${at} - ${matters.createdAt})) / 60.0`;

/** The fine bins' counts of a distribution: `<prefix>_0` … `<prefix>_<TIME_BINS.length>`. */
const BIN_INDEXES = Array.from({ length: TIME_BINS.length + 1 }, (_, i) => i);

export type Row = Record<string, unknown> & { station_id?: string };

/** One statement over the matters: every set's count, both time distributions' bins; per station when `byStation`. */
async function countMatters(ctx: Ctx, path: string, b: Bounds, byStation: boolean): Promise<Row[]> {
  const lastResolution = sql`(SELECT max(e.at) FROM ${matterEvents} e WHERE e.matter_id = ${matters.id}
    AND e.type = 'matter.resolve' AND e.at >= ${iso(b.start)} AND e.at < ${iso(b.asOf)})`;
  const answered = sql`CASE WHEN ${matters.firstResponseAt} < ${iso(b.asOf)} THEN ${matters.firstResponseAt} END`;
  const flags = sql.join(
    KPI_SETS.map((set) => sql`(${kpiSetSql(set, b)}) AS ${column(set)}`),
    sql`,\n`,
  );
  const counts = sql.raw(KPI_SETS.map((set) => `count(*) FILTER (WHERE "${set}")::int AS "${set}"`).join(',\n'));
  const bins = sql.raw(
    ['fr', 'res']
      .flatMap((d) => BIN_INDEXES.map((i) => `count(*) FILTER (WHERE ${d}_bin = ${i})::int AS ${d}_${i}`))
      .join(',\n'),
  );
  const statement = sql`WITH base AS (
      SELECT ${matters.stationId} AS station_id, ${flags},
        CASE WHEN ${kpiSetSql('submitted', b)} THEN ${minutesTo(answered)} END AS fr_minutes,
        CASE WHEN ${kpiSetSql('resolved', b)} THEN ${minutesTo(lastResolution)} END AS res_minutes
      FROM ${matters}
      WHERE ${under(matters.unitPath, path)} AND ${kpiCandidates(b)}
    ), binned AS (SELECT *, ${timeBin(sql`fr_minutes`)} AS fr_bin, ${timeBin(sql`res_minutes`)} AS res_bin FROM base)
    SELECT ${byStation ? sql`station_id,` : sql``} ${counts},
      count(*) FILTER (WHERE "submitted" AND fr_minutes IS NULL)::int AS fr_missing, ${bins}
    FROM binned ${byStation ? sql`GROUP BY station_id` : sql``}`;
  return rowsOf<Row>(await ctx.db.execute(statement));
}

/**
 * The rollups' parts (kpi-rollup.ts) of the stations under `path` summed by key (by station, or '' for all): each
 * part counted where the period's days fall in its bounds — whole months from the month rows, the days at either end
 * from the day rows. Today is judged at its end (rollupMatters corrects it to now).
 */
async function rollupSums(ctx: Ctx, path: string, p: Period, byStation: boolean) {
  const now = ctx.now();
  const today = dayOf(now);
  const to = p.to < today ? p.to : today;
  const d1 = dayNumber(p.from);
  const d2 = dayNumber(to);
  const next = addDays(to, 1);
  // Whole months inside [from, to]: from the first 1st on or after `from` to the last month end on or before `to`.
  const firstMonth = p.from.endsWith('-01')
    ? d1
    : dayNumber(`${addDays(`${p.from.slice(0, 7)}-28`, 7).slice(0, 7)}-01`);
  const lastMonthEnd = next.endsWith('-01') ? d2 : dayNumber(`${to.slice(0, 7)}-01`) - 1;
  const int = (n: number) => sql`${n}::int`;
  // The days at either end outside whole months (one range when they meet).
  const head = { from: d1, to: Math.min(d2, firstMonth - 1) };
  const tail = { from: Math.max(d1, lastMonthEnd + 1), to: d2 };
  const days = head.to + 1 >= tail.from ? [{ from: d1, to: d2 }] : [head, tail];
  // One branch per grain and range, each an index range of (station_id, grain, b): read only the rows that count.
  const branches = [
    firstMonth <= lastMonthEnd && sql`grain = 1 AND b BETWEEN ${int(firstMonth)} AND ${int(lastMonthEnd)}`,
    ...days
      .filter((r) => r.from <= r.to)
      .map((r) => sql`grain = 0 AND b BETWEEN ${int(r.from)} AND ${int(r.to)} AND c <= ${int(d2)}`),
    sql`grain = 2 AND b BETWEEN ${int(d1)} AND ${int(d2)} AND a <= ${int(d1)} AND c <= ${int(d2)} AND e >= ${int(d2)}`,
    sql`grain = 4 AND b <= ${int(lastMonthEnd)}`,
    lastMonthEnd < d2 && sql`grain = 3 AND b BETWEEN ${int(lastMonthEnd + 1)} AND ${int(d2)}`,
  ].filter((branch): branch is SQL => Boolean(branch));
  const stations = sql`SELECT id FROM ${units} WHERE ${units.kind} = 'station' AND ${under(units.path, path)}`;
  // The same rows serve the unit's figures, its charts and its stations side by side (one read per section).
  const parts = await readOnce(ctx, `kpi-rollup ${path} ${d1} ${d2}`, async () =>
    rowsOf<{ station_id: string; key: number; n: number }>(
      await ctx.db.execute(
        sql`SELECT station_id::text AS station_id, key, sum(n)::float8 AS n FROM (${sql.join(
          branches.map(
            (where) => sql`SELECT station_id, key, n FROM kpi_rollup WHERE station_id IN (${stations}) AND ${where}`,
          ),
          sql`\n UNION ALL `,
        )}) parts GROUP BY station_id, key`,
      ),
    ),
  );
  const byKey = new Map<string, Map<number, number>>();
  for (const r of parts) {
    const id = byStation ? r.station_id : '';
    const keys = byKey.get(id) ?? new Map<number, number>();
    keys.set(Number(r.key), (keys.get(Number(r.key)) ?? 0) + Number(r.n));
    byKey.set(id, keys);
  }
  return byKey;
}

/**
 * The KPI rows from the rollups: the sets that are not additive made of those that are. While the period runs the
 * rollups judge today at its end; the matters whose deadline falls later today are corrected to now by the direct sets.
 */
async function rollupMatters(ctx: Ctx, path: string, p: Period, byStation: boolean): Promise<Row[]> {
  const now = ctx.now();
  const today = dayOf(now);
  const to = p.to < today ? p.to : today;
  const next = addDays(to, 1);
  const byKey = await rollupSums(ctx, path, p, byStation);
  const corrections = to === today && now < dayStart(next) ? await runningDay(ctx, path, p, dayStart(next)) : [];
  const ids = new Set([...byKey.keys(), ...corrections.map((c) => (byStation ? String(c.station_id) : ''))]);
  return [...ids].map((id) => {
    const keys = byKey.get(id) ?? new Map<number, number>();
    const n = (k: number) => keys.get(k) ?? 0;
    const row: Row = byStation ? { station_id: id } : {};
    const oo = n(PART.open_overdue);
    const resolveDue = n(PART.resolved) + oo - n(PART.resolved_open_overdue);
    const resolveLate = n(PART.resolved_late) + oo - n(PART.resolved_late_open_overdue);
    Object.assign(row, {
      submitted: n(PART.submitted),
      escalated: n(PART.escalated),
      take_due: n(PART.take_due),
      take_on_time: n(PART.take_on_time),
      take_late: n(PART.take_due) - n(PART.take_on_time),
      resolved: n(PART.resolved),
      reopened: n(PART.reopened),
      rated: n(PART.rated),
      satisfied: n(PART.satisfied),
      unsatisfied: n(PART.unsatisfied),
      unrated: n(PART.unrated),
      open_overdue: oo,
      resolve_due: resolveDue,
      resolve_late: resolveLate,
      resolve_on_time: resolveDue - resolveLate,
    } satisfies KpiCounts);
    let answered = 0;
    for (const i of BIN_INDEXES) {
      row[`fr_${i}`] = n(FIRST_RESPONSE_BIN + i);
      row[`res_${i}`] = n(RESOLUTION_BIN + i);
      answered += n(FIRST_RESPONSE_BIN + i);
    }
    row.fr_missing = n(PART.submitted) - answered;
    for (const c of corrections.filter((c) => (byStation ? c.station_id : '') === id))
      for (const set of KPI_SETS) row[set] = Number(row[set] ?? 0) + Number(c[set] ?? 0);
    return row;
  });
}

/**
 * The running day: the rollups judge it at its end; the matters with a deadline (taking, resolution, an evaluation
 * expiring) between now and then are judged both ways by the direct sets and the difference added, per station.
 */
async function runningDay(ctx: Ctx, path: string, p: Period, endOfDay: Date): Promise<Row[]> {
  const now = ctx.now();
  const start = dayStart(p.from);
  const asNow: Bounds = { start, asOf: now };
  const atEnd: Bounds = { start, asOf: endOfDay };
  const later = (at: SQL) => sql`${at} >= ${iso(now)} AND ${at} < ${iso(endOfDay)}`;
  const differences = sql.raw(
    KPI_SETS.map(
      (set) => `(count(*) FILTER (WHERE "n_${set}") - count(*) FILTER (WHERE "e_${set}"))::int AS "${set}"`,
    ).join(',\n'),
  );
  const flags = sql.join(
    KPI_SETS.flatMap((set) => [
      sql`(${kpiSetSql(set, asNow)}) AS ${sql.raw(`"n_${set}"`)}`,
      sql`(${kpiSetSql(set, atEnd)}) AS ${sql.raw(`"e_${set}"`)}`,
    ]),
    sql`,\n`,
  );
  return readOnce(ctx, `kpi-running ${path} ${p.from} ${endOfDay.toISOString()}`, async () =>
    rowsOf<Row>(
      // The candidates by the sweep's partial indexes of open deadlines and by expiry, then the unit's among them: a
      // few rows of today's, never a scan of a county's matters.
      await ctx.db.execute(sql`WITH due AS (
        SELECT ${matters.id} AS id FROM ${matters} WHERE ${matters.status} = 'dispatched'
          AND ${matters.takeBreachedAt} IS NULL AND ${later(sql`${matters.takeDueAt}`)}
        UNION SELECT ${matters.id} FROM ${matters} WHERE ${matters.resolvedAt} IS NULL
          AND ${matters.resolveBreachedAt} IS NULL AND ${later(sql`${matters.resolveDueAt}`)}
        UNION SELECT subject_id FROM evaluation_requests WHERE subject_type = 'matter'
          AND expires_at > ${iso(now)} AND expires_at <= ${iso(endOfDay)}),
      base AS (SELECT ${matters.stationId}::text AS station_id, ${flags} FROM ${matters}
        WHERE ${matters.id} IN (SELECT id FROM due) AND ${under(matters.unitPath, path)})
      SELECT station_id, ${differences} FROM base GROUP BY station_id`),
    ),
  );
}

/** 回访: reviews of unsatisfied answers (every kind of work) opened in the period, and those called back. */
async function countCallbacks(ctx: Ctx, path: string, b: Bounds, byStation: boolean) {
  const rows = await ctx.db
    .select({
      stationId: byStation ? evaluationReviews.stationId : sql<string>`null`,
      due: sql<number>`count(*)::int`,
      done: sql<number>`count(*) FILTER (WHERE ${evaluationReviews.outcome} IS NOT NULL)::int`,
    })
    .from(evaluationReviews)
    .where(
      and(
        under(evaluationReviews.unitPath, path),
        sql`${evaluationReviews.createdAt} >= ${iso(b.start)} AND ${evaluationReviews.createdAt} < ${iso(b.asOf)}`,
      ),
    )
    .groupBy(byStation ? evaluationReviews.stationId : sql`1`);
  return rows.map((r) => ({ stationId: r.stationId, due: Number(r.due), done: Number(r.done) }));
}

function distribution(row: Row | undefined, prefix: 'fr' | 'res', bounds: readonly number[], missing: number) {
  const bins = BIN_INDEXES.map((i) => Number(row?.[`${prefix}_${i}`] ?? 0));
  const value: Distribution = {
    buckets: bucketsOfBins(bins, bounds),
    median: binQuantile(bins, 0.5),
    p90: binQuantile(bins, 0.9),
    missing,
  };
  return value;
}

function figuresOf(p: Period, asOf: Date, row: Row | undefined, callbacks: { due: number; done: number }): KpiFigures {
  const counts = Object.fromEntries(KPI_SETS.map((s) => [s, Number(row?.[s] ?? 0)])) as KpiCounts;
  const rate = (k: keyof typeof KPI_RATES) => ratio(counts[KPI_RATES[k].numerator], counts[KPI_RATES[k].denominator]);
  return {
    from: p.from,
    to: p.to,
    asOf: asOf.toISOString(),
    counts,
    rates: {
      takenOnTime: rate('takenOnTime'),
      resolvedOnTime: rate('resolvedOnTime'),
      satisfaction: rate('satisfaction'),
      reopenRate: rate('reopenRate'),
      callbackRate: ratio(callbacks.done, callbacks.due),
    },
    callbacks: { due: callbacks.due, done: callbacks.done },
    firstResponse: distribution(row, 'fr', FIRST_RESPONSE_BUCKETS, Number(row?.fr_missing ?? 0)),
    resolution: distribution(row, 'res', RESOLUTION_BUCKETS, 0),
  };
}

/** How figures are counted: from the rollups when they can answer (the default), or always directly. */
export type KpiSource = 'auto' | 'direct';

/** Whether the rollups answer for `path`: they hold every matter and it is a station's or a bureau's. */
async function rolledUp(ctx: Ctx, path: string): Promise<boolean> {
  const [unit] = await ctx.db.select({ kind: units.kind }).from(units).where(eq(units.path, path)).limit(1);
  return (unit?.kind === 'station' || unit?.kind === 'bureau') && (await rollupsReady(ctx.db));
}

/** The figures' rows (one, or one per station): from the rollups when they answer, else counted directly. */
export async function kpiRows(
  ctx: Ctx,
  path: string,
  p: Period,
  byStation: boolean,
  source: KpiSource = 'auto',
): Promise<Row[]> {
  if (source === 'auto' && (await rolledUp(ctx, path))) return rollupMatters(ctx, path, p, byStation);
  return countMatters(ctx, path, periodBounds(p, ctx.now()), byStation);
}

/**
 * The rollups' parts of the period summed by key — per station (by its id) when `byStation`, else under '' — or null
 * when they do not answer for `path` and the caller counts directly. Parts that are judged by no instant (受理 by kind
 * and hour, the evaluation requests) are exact as they stand.
 */
export async function rollupKeys(ctx: Ctx, path: string, p: Period, byStation: boolean) {
  return (await rolledUp(ctx, path)) ? rollupSums(ctx, path, p, byStation) : null;
}

/**
 * 受理 by kind and by Beijing hour over the period (the desk's charts), from the rollups — or null when they do not
 * answer for `path` and the caller counts directly.
 */
export async function submittedByKindAndHour(ctx: Ctx, path: string, p: Period) {
  const sums = await rollupKeys(ctx, path, p, false);
  if (!sums) return null;
  const keys = sums.get('') ?? new Map<number, number>();
  return {
    kinds: new Map(MATTER_KINDS.map((kind, i) => [kind, keys.get(KIND_BIN + i) ?? 0])),
    hours: new Map(Array.from({ length: 24 }, (_, h) => [h, keys.get(HOUR_BIN + h) ?? 0])),
  };
}

/** The sum of per-station rows: every count and bin adds up (the percentiles are read from the summed bins). */
function sumRows(rows: Row[]): Row {
  const total: Row = {};
  for (const row of rows)
    for (const [k, v] of Object.entries(row)) if (k !== 'station_id') total[k] = Number(total[k] ?? 0) + Number(v ?? 0);
  return total;
}

/** The figures of the unit's subtree for one period. */
export async function unitKpis(ctx: Ctx, path: string, p: Period, source: KpiSource = 'auto'): Promise<KpiFigures> {
  const b = periodBounds(p, ctx.now());
  const [rows, callbacks] = await Promise.all([
    kpiRows(ctx, path, p, false, source),
    countCallbacks(ctx, path, b, false),
  ]);
  return figuresOf(p, b.asOf, rows[0], callbacks[0] ?? { due: 0, done: 0 });
}

/** GET /dashboards/kpis: the period, the previous one and last year's; under a bureau, its stations side by side. */
export async function kpiDashboard(ctx: Ctx, q: KpiQuery, source: KpiSource = 'auto'): Promise<KpiDashboard> {
  const unit = await dashboardUnit(ctx, q.unitId);
  const period = { from: q.from, to: q.to };
  const b = periodBounds(period, ctx.now());
  const byStation = unit.kind !== 'station';
  const [rows, callbacks, previous, lastYear, list] = await Promise.all([
    kpiRows(ctx, unit.path, period, byStation, source),
    countCallbacks(ctx, unit.path, b, byStation),
    unitKpis(ctx, unit.path, previousPeriod(period), source),
    unitKpis(ctx, unit.path, sameLastYear(period), source),
    byStation
      ? ctx.db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.kind, 'station'), under(units.path, unit.path)))
          .orderBy(units.name)
      : Promise.resolve([]),
  ]);
  const sumCallbacks = { due: 0, done: 0 };
  for (const c of callbacks) {
    sumCallbacks.due += c.due;
    sumCallbacks.done += c.done;
  }
  const current = figuresOf(period, b.asOf, byStation ? sumRows(rows) : rows[0], sumCallbacks);
  const stations: KpiDashboard['stations'] = list.map((s) => ({
    unitId: s.id,
    unitName: s.name,
    current: figuresOf(
      period,
      b.asOf,
      rows.find((r) => r.station_id === s.id),
      callbacks.find((c) => c.stationId === s.id) ?? { due: 0, done: 0 },
    ),
  }));
  return { unitId: unit.id, unitName: unit.name, unitKind: unit.kind, current, previous, lastYear, stations };
}
