/**
 * 考核指标: the KPIs of a station, or of the stations under a bureau, for a period beside the previous period and the
 * same days last year — counted by the sets of kpi-sets.ts (the rules of shared domain/kpis.ts), one set-based
 * statement per period over the matters it could touch.
 */
import {
  type Distribution,
  FIRST_RESPONSE_BUCKETS,
  KPI_RATES,
  KPI_SETS,
  type KpiCounts,
  type KpiDashboard,
  type KpiFigures,
  type KpiQuery,
  type KpiSet,
  type Period,
  periodBounds,
  previousPeriod,
  RESOLUTION_BUCKETS,
  ratio,
  sameLastYear,
} from '@jingmin/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { evaluationReviews, matterEvents, matters, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, under } from '../../platform/scope.js';
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

/** Bucket counts, median and 90th percentile of `minutes` over the rows where it is set. */
function distributionColumns(prefix: string, minutes: string, bounds: readonly number[]): SQL {
  const edges = [0, ...bounds];
  const parts = edges.map((lo, i) => {
    const hi = bounds[i];
    const lower = i === 0 ? `${minutes} IS NOT NULL` : `${minutes} > ${lo}`;
    const upper = hi === undefined ? '' : ` AND ${minutes} <= ${hi}`;
    return `count(*) FILTER (WHERE ${lower}${upper})::int AS ${prefix}_b${i}`;
  });
  return sql.raw(
    [
      ...parts,
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutes}) AS ${prefix}_median`,
      `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${minutes}) AS ${prefix}_p90`,
    ].join(',\n'),
  );
}

type Row = Record<string, unknown> & { station_id?: string };

/** One statement: every set's count, both time distributions; per station when `byStation`. */
async function countMatters(ctx: Ctx, path: string, b: Bounds, byStation: boolean): Promise<Row[]> {
  const lastResolution = sql`(SELECT max(e.at) FROM ${matterEvents} e WHERE e.matter_id = ${matters.id}
    AND e.type = 'matter.resolve' AND e.at >= ${iso(b.start)} AND e.at < ${iso(b.asOf)})`;
  const answered = sql`CASE WHEN ${matters.firstResponseAt} < ${iso(b.asOf)} THEN ${matters.firstResponseAt} END`;
  const flags = sql.join(
    KPI_SETS.map((set) => sql`(${kpiSetSql(set, b)}) AS ${column(set)}`),
    sql`,\n`,
  );
  const counts = sql.raw(KPI_SETS.map((set) => `count(*) FILTER (WHERE "${set}")::int AS "${set}"`).join(',\n'));
  const statement = sql`WITH base AS (
      SELECT ${matters.stationId} AS station_id, ${flags},
        CASE WHEN ${kpiSetSql('submitted', b)} THEN ${minutesTo(answered)} END AS fr_minutes,
        CASE WHEN ${kpiSetSql('resolved', b)} THEN ${minutesTo(lastResolution)} END AS res_minutes
      FROM ${matters}
      WHERE ${under(matters.unitPath, path)} AND ${kpiCandidates(b)}
    )
    SELECT ${byStation ? sql`station_id,` : sql``} ${counts},
      count(*) FILTER (WHERE "submitted" AND fr_minutes IS NULL)::int AS fr_missing,
      ${distributionColumns('fr', 'fr_minutes', FIRST_RESPONSE_BUCKETS)},
      ${distributionColumns('res', 'res_minutes', RESOLUTION_BUCKETS)}
    FROM base ${byStation ? sql`GROUP BY station_id` : sql``}`;
  return rowsOf<Row>(await ctx.db.execute(statement));
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

const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

function distribution(row: Row | undefined, prefix: 'fr' | 'res', bounds: readonly number[], missing: number) {
  const value: Distribution = {
    buckets: [0, ...bounds].map((_, i) => Number(row?.[`${prefix}_b${i}`] ?? 0)),
    median: num(row?.[`${prefix}_median`]),
    p90: num(row?.[`${prefix}_p90`]),
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
    callbacks,
    firstResponse: distribution(row, 'fr', FIRST_RESPONSE_BUCKETS, Number(row?.fr_missing ?? 0)),
    resolution: distribution(row, 'res', RESOLUTION_BUCKETS, 0),
  };
}

/** The figures of the unit's subtree for one period. */
export async function unitKpis(ctx: Ctx, path: string, p: Period): Promise<KpiFigures> {
  const b = periodBounds(p, ctx.now());
  const [rows, callbacks] = await Promise.all([countMatters(ctx, path, b, false), countCallbacks(ctx, path, b, false)]);
  return figuresOf(p, b.asOf, rows[0], callbacks[0] ?? { due: 0, done: 0 });
}

/** GET /dashboards/kpis: the period, the previous one and last year's; under a bureau, its stations side by side. */
export async function kpiDashboard(ctx: Ctx, q: KpiQuery): Promise<KpiDashboard> {
  const unit = await dashboardUnit(ctx, q.unitId);
  const period = { from: q.from, to: q.to };
  const [current, previous, lastYear] = await Promise.all([
    unitKpis(ctx, unit.path, period),
    unitKpis(ctx, unit.path, previousPeriod(period)),
    unitKpis(ctx, unit.path, sameLastYear(period)),
  ]);
  let stations: KpiDashboard['stations'] = [];
  if (unit.kind !== 'station') {
    const b = periodBounds(period, ctx.now());
    const [list, rows, callbacks] = await Promise.all([
      ctx.db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.kind, 'station'), under(units.path, unit.path)))
        .orderBy(units.name),
      countMatters(ctx, unit.path, b, true),
      countCallbacks(ctx, unit.path, b, true),
    ]);
    stations = list.map((s) => ({
      unitId: s.id,
      unitName: s.name,
      current: figuresOf(
        period,
        b.asOf,
        rows.find((r) => r.station_id === s.id),
        callbacks.find((c) => c.stationId === s.id) ?? { due: 0, done: 0 },
      ),
    }));
  }
  return { unitId: unit.id, unitName: unit.name, unitKind: unit.kind, current, previous, lastYear, stations };
}
