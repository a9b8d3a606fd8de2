/**
 * The dashboard's evaluations section (评价): 满意率 overall and by type of work evaluated, 不满意, reviews opened and
 * closed, callbacks done — counted over the period's evaluation requests by the rules of 评价统计 (figures.sets.ts),
 * so each figure opens the evaluations list (`GET /evaluations`) of exactly its rows; read from the rollups, which
 * classify each request by the same rules, for a station or a bureau — and 双率 from the period's answered 双率抽查
 * households.
 */
import {
  EVALUATION_TYPE_LABELS,
  EVALUATION_TYPES,
  type EvaluationResult,
  type EvaluationReviewState,
  type EvaluationType,
  ratio,
  type SectionChart,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows.js';
import { checkItems, checkSamples } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { under } from '../../../platform/scope.js';
import { readOnce } from '../../../platform/shared-reads.js';
import { RESULT_SQL, requestsIn, reviewedSql } from '../../evaluations/figures.sets.js';
import { EVAL_MEASURES, type EvalMeasure, evalKey } from '../kpi-rollup.js';
import { rollupKeys } from '../kpis.service.js';
import { drillPeriod, type FigureSpec, type FigureValue, type SectionScope, type SectionSpec } from './section.js';

type Row = { type: EvaluationType | null; station_id?: string } & Record<
  'rated' | 'satisfied' | 'unsatisfied',
  number
> &
  Record<EvaluationReviewState, number>;
type Checks = { answered: number; knows: number; familiar: number };

const drill = (scope: SectionScope, filters: Record<string, string>) => ({
  list: 'evaluations' as const,
  query: drillPeriod(scope, filters),
});

/**
 * The period's requests counted by result, in total and by type (GROUPING SETS), with their reviews — per station
 * when `byStation` (a bureau's stations side by side in one statement).
 */
function countRequests(ctx: Ctx, scope: SectionScope, byStation = false): Promise<Row[]> {
  const { start, asOf } = scope.bounds;
  const key = `evaluations ${scope.path} ${start.toISOString()} ${asOf.toISOString()} ${byStation}`;
  return readOnce(ctx, key, () => requestCounts(ctx, scope, byStation));
}

async function requestCounts(ctx: Ctx, scope: SectionScope, byStation: boolean): Promise<Row[]> {
  const rolled = await rolledRequests(ctx, scope, byStation);
  if (rolled) return rolled;
  const { start, asOf } = scope.bounds;
  const results = (['rated', 'satisfied', 'unsatisfied'] as const satisfies readonly EvaluationResult[]).map(
    (r) => sql`count(*) FILTER (WHERE ${sql.raw(RESULT_SQL[r])})::int AS ${sql.raw(r)}`,
  );
  const reviews = (['opened', 'closed', 'called_back'] as const).map(
    (s) => sql`count(*) FILTER (WHERE ${reviewedSql(s)})::int AS ${sql.raw(s)}`,
  );
  const statement = sql`WITH base AS (${requestsIn(scope.path, { start, end: asOf, type: null }, ctx.now(), { names: false })})
    SELECT CASE WHEN GROUPING(type) = 0 THEN type END AS type, ${sql.join([...results, ...reviews], sql`, `)}
      ${byStation ? sql`, station_id::text AS station_id` : sql``}
    FROM base GROUP BY ${byStation ? sql`GROUPING SETS ((station_id), (station_id, type))` : sql`GROUPING SETS ((), (type))`}`;
  return rowsOf<Row>(await ctx.db.execute(statement));
}

/**
 * The same counts from the rollups (kpi-rollup.ts EVAL_BIN: each request by the day it was opened, its type and what
 * it meets now), or null when they do not answer for the scope and the requests are counted directly.
 */
async function rolledRequests(ctx: Ctx, scope: SectionScope, byStation: boolean): Promise<Row[] | null> {
  const sums = await rollupKeys(ctx, scope.path, scope.period, byStation);
  if (!sums) return null;
  return [...sums].flatMap(([station, keys]) => {
    const count = (types: readonly EvaluationType[], measure: EvalMeasure) =>
      types.reduce((n, type) => n + (keys.get(evalKey(type, measure)) ?? 0), 0);
    const row = (type: EvaluationType | null): Row => ({
      type,
      ...(byStation ? { station_id: station } : {}),
      ...(Object.fromEntries(EVAL_MEASURES.map((m) => [m, count(type ? [type] : EVALUATION_TYPES, m)])) as Record<
        EvalMeasure,
        number
      >),
    });
    return [row(null), ...EVALUATION_TYPES.map(row)];
  });
}

/**
 * 双率: households of 双率抽查 answered in the period; 知晓 (knows its officer) and 熟悉 (the officer knows it) — by
 * the samples' station path.
 */
async function countChecks(ctx: Ctx, scope: SectionScope): Promise<Map<string, Checks>> {
  const { start, asOf } = scope.bounds;
  const rows = await ctx.db
    .select({
      stationPath: checkSamples.stationPath,
      answered: sql<number>`count(*)::int`,
      knows: sql<number>`count(*) FILTER (WHERE ${checkItems.knowsOfficer})::int`,
      familiar: sql<number>`count(*) FILTER (WHERE ${checkItems.officerKnows})::int`,
    })
    .from(checkItems)
    .innerJoin(checkSamples, eq(checkSamples.id, checkItems.sampleId))
    .where(
      and(
        under(checkSamples.stationPath, scope.path),
        sql`${checkItems.answeredAt} >= ${start.toISOString()}::timestamptz AND ${checkItems.answeredAt} < ${asOf.toISOString()}::timestamptz`,
      ),
    )
    .groupBy(checkSamples.stationPath);
  return new Map(
    rows.map((r) => [
      r.stationPath,
      { answered: Number(r.answered ?? 0), knows: Number(r.knows ?? 0), familiar: Number(r.familiar ?? 0) },
    ]),
  );
}

/** The checks of the samples under `path` (a station's, or all of a bureau's). */
function checksUnder(checks: Map<string, Checks>, path: string): Checks {
  const sum: Checks = { answered: 0, knows: 0, familiar: 0 };
  for (const [stationPath, c] of checks)
    if (stationPath.startsWith(path)) {
      sum.answered += c.answered;
      sum.knows += c.knows;
      sum.familiar += c.familiar;
    }
  return sum;
}

const rate = (id: string, part: number, whole: number, target: FigureValue['drill']): FigureValue => ({
  id,
  value: ratio(part, whole),
  parts: { numerator: part, denominator: whole },
  drill: target,
});

async function compute(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]> {
  const [rows, checks] = await Promise.all([countRequests(ctx, scope), countChecks(ctx, scope)]);
  return figuresOf(scope, rows, checksUnder(checks, scope.path));
}

/** A bureau's stations side by side: one count of the bureau's requests and checks, by station. */
async function computeStations(ctx: Ctx, path: string, scopes: SectionScope[]): Promise<FigureValue[][]> {
  const first = scopes[0];
  if (!first) return [];
  const whole = { ...first, path };
  const [rows, checks] = await Promise.all([countRequests(ctx, whole, true), countChecks(ctx, whole)]);
  return scopes.map((scope) =>
    figuresOf(
      scope,
      rows.filter((r) => r.station_id === scope.unitId),
      checksUnder(checks, scope.path),
    ),
  );
}

function figuresOf(scope: SectionScope, rows: Row[], checks: Checks): FigureValue[] {
  const total = rows.find((r) => r.type === null);
  const n = (r: Row | undefined, k: keyof Row) => Number(r?.[k] ?? 0);
  const byType = EVALUATION_TYPES.map((type) => {
    const r = rows.find((x) => x.type === type);
    return rate(`satisfaction.${type}`, n(r, 'satisfied'), n(r, 'rated'), drill(scope, { type, result: 'rated' }));
  });
  const count = (id: string, value: number, filters: Record<string, string>): FigureValue => ({
    id,
    value,
    drill: drill(scope, filters),
  });
  return [
    rate('satisfaction', n(total, 'satisfied'), n(total, 'rated'), drill(scope, { result: 'rated' })),
    ...byType,
    count('unsatisfied', n(total, 'unsatisfied'), { result: 'unsatisfied' }),
    count('reviewsOpened', n(total, 'opened'), { review: 'opened' }),
    count('reviewsClosed', n(total, 'closed'), { review: 'closed' }),
    count('callbacksDone', n(total, 'called_back'), { review: 'called_back' }),
    // The checks list does not filter by period and unit yet: no drill until it does.
    rate('awareness', checks.knows, checks.answered, null),
    rate('familiarity', checks.familiar, checks.answered, null),
  ];
}

async function charts(ctx: Ctx, scope: SectionScope): Promise<SectionChart[]> {
  const rows = await countRequests(ctx, scope);
  const of = (type: EvaluationType, k: 'satisfied' | 'unsatisfied') =>
    Number(rows.find((r) => r.type === type)?.[k] ?? 0);
  const series = (k: 'satisfied' | 'unsatisfied', name: { zh: string; en: string }) => ({
    name,
    data: EVALUATION_TYPES.map((type) => of(type, k)),
    drills: EVALUATION_TYPES.map((type) => drill(scope, { type, result: k })),
  });
  return [
    {
      id: 'byType',
      title: { zh: '按类型的满意与不满意', en: 'Satisfied and unsatisfied by type' },
      kind: 'bar',
      categories: EVALUATION_TYPES.map((type) => EVALUATION_TYPE_LABELS[type].zh),
      series: [
        series('satisfied', { zh: '满意（含基本满意）', en: 'Satisfied' }),
        series('unsatisfied', { zh: '不满意', en: 'Unsatisfied' }),
      ],
    },
  ];
}

const PERIOD_RULE = '按期间内发出的评价请求（即工作办完时）计，与“评价统计”同一口径；待确认的评价在所长确认前不计入。';
const PERIOD_RULE_EN =
  'Over the evaluation requests opened in the period (when the work was done), as 评价统计 counts; answers awaiting the chief are left out.';

const byTypeFigures: FigureSpec[] = EVALUATION_TYPES.map((type) => ({
  id: `satisfaction.${type}`,
  label: { zh: `满意率·${EVALUATION_TYPE_LABELS[type].zh}`, en: `Satisfaction: ${EVALUATION_TYPE_LABELS[type].en}` },
  kind: 'rate',
  how: {
    zh: `${EVALUATION_TYPE_LABELS[type].zh}的评价中，满意（含基本满意）÷ 有满意度的评价；点开列出有满意度的评价。${PERIOD_RULE}`,
    en: `Of ${EVALUATION_TYPE_LABELS[type].en}: satisfied ÷ rated; opens the rated evaluations. ${PERIOD_RULE_EN}`,
  },
}));

export const evaluationsSection: SectionSpec = {
  area: 'evaluations',
  figures: [
    {
      id: 'satisfaction',
      label: { zh: '满意率', en: 'Satisfaction' },
      kind: 'rate',
      how: {
        zh: `满意（含基本满意）÷ 有满意度的评价（五必评各类合计）；没有评价的不算满意也不算不满意；点开列出有满意度的评价。${PERIOD_RULE}`,
        en: `Satisfied ÷ rated, every type of work; unanswered requests count neither way; opens the rated evaluations. ${PERIOD_RULE_EN}`,
      },
    },
    ...byTypeFigures,
    {
      id: 'unsatisfied',
      label: { zh: '不满意', en: 'Unsatisfied' },
      kind: 'count',
      how: { zh: `评价为不满意的条数。${PERIOD_RULE}`, en: `Answers rated unsatisfied. ${PERIOD_RULE_EN}` },
    },
    {
      id: 'reviewsOpened',
      label: { zh: '发起复核', en: 'Reviews opened' },
      kind: 'count',
      how: {
        zh: `不满意的评价自动发起的所长复核条数。${PERIOD_RULE}`,
        en: `Reviews opened by unsatisfied answers. ${PERIOD_RULE_EN}`,
      },
    },
    {
      id: 'reviewsClosed',
      label: { zh: '复核办结', en: 'Reviews closed' },
      kind: 'count',
      how: {
        zh: `其中已回访并结束的复核条数。${PERIOD_RULE}`,
        en: `Of those, reviews called back and closed. ${PERIOD_RULE_EN}`,
      },
    },
    {
      id: 'callbacksDone',
      label: { zh: '已回访', en: 'Called back' },
      kind: 'count',
      how: {
        zh: `其中已登记回访结果的条数（经解释认可、仍不满意或责令整改）。${PERIOD_RULE}`,
        en: `Of those, reviews with a callback outcome recorded. ${PERIOD_RULE_EN}`,
      },
    },
    {
      id: 'awareness',
      label: { zh: '知晓率', en: 'Awareness' },
      kind: 'rate',
      how: {
        zh: '双率抽查中，期间内已答复的户里，知道自己责任民警的户数 ÷ 已答复户数。',
        en: '双率 checks: of the households answered in the period, those that know their officer ÷ answered.',
      },
    },
    {
      id: 'familiarity',
      label: { zh: '熟悉率', en: 'Familiarity' },
      kind: 'rate',
      how: {
        zh: '双率抽查中，期间内已答复的户里，责任民警熟悉该户的户数 ÷ 已答复户数。',
        en: '双率 checks: of the households answered in the period, those their officer knows ÷ answered.',
      },
    },
  ],
  compute,
  computeStations,
  charts,
};
