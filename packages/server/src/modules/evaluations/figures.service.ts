/**
 * 评价统计: the figures of 五必评 for one station (or the stations under a
 * bureau), computed in SQL by the rules written once in shared
 * domain/evaluation-figures.ts — one set-based statement over the requests of
 * the range, grouped every way the page shows, and one over their reviews.
 */
import {
  addMonths,
  type EvaluationFigures,
  type EvaluationFiguresQuery,
  type EvaluationType,
  FIGURES_MAX_MONTHS,
  type FigureCounts,
  MIN_ANSWERS_PER_OFFICER,
  type MyEvaluationFigures,
  monthOf,
  monthRange,
  monthsBetween,
  type ReviewFigures,
  ratio,
  type UnitEvaluationFigures,
} from '@jingmin/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, under } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';
import { RESULT_SQL, REVIEW_SQL, requestsIn } from './figures.sets.js';

/** The range and type asked for, with this month and the five before it by default. */
export interface FiguresRange {
  from: string;
  to: string;
  type: EvaluationType | null;
}

export function rangeOf(ctx: Ctx, query: EvaluationFiguresQuery): FiguresRange {
  const thisMonth = monthOf(ctx.now());
  const to = query.to ?? (query.from && query.from > thisMonth ? query.from : thisMonth);
  const from = query.from ?? addMonths(to, -5);
  if (from > to || monthsBetween(from, to).length > FIGURES_MAX_MONTHS)
    throw new AppError('VALIDATION', { detail: `from, to: at most ${FIGURES_MAX_MONTHS} months, from not after to` });
  return { from, to, type: query.type ?? null };
}

/**
 * One row per request of the range, classified once: counted (answered and not
 * held back as 待确认), pending (flagged, not accepted), expired or open — with
 * its month (Beijing time), officer, the officer's team and the village above its unit.
 */
function requestsOf(stationPaths: string, range: FiguresRange, now: Date): SQL {
  return requestsIn(stationPaths, { ...monthRange(range.from, range.to), type: range.type }, now);
}

/** The counts of a group of `requestsOf` rows (a GROUP BY's select list). */
const COUNTS = sql.raw(
  [
    'count(*)::int AS requests',
    ...(['answered', 'rated', 'satisfied', 'unsatisfied', 'expired', 'open'] as const).map(
      (r) => `count(*) FILTER (WHERE ${RESULT_SQL[r]})::int AS ${r}`,
    ),
    `count(*) FILTER (WHERE counted AND satisfied IS NULL)::int AS unrated`,
    `count(*) FILTER (WHERE ${RESULT_SQL.flagged})::int AS flagged`,
  ].join(',\n  '),
);

type RawCounts = Omit<FigureCounts, 'satisfactionRate' | 'responseRate'>;

/** The counts with their two rates, by the shared definitions. */
export function withRates(c: RawCounts): FigureCounts {
  return {
    requests: c.requests,
    answered: c.answered,
    rated: c.rated,
    satisfied: c.satisfied,
    unsatisfied: c.unsatisfied,
    unrated: c.unrated,
    expired: c.expired,
    open: c.open,
    flagged: c.flagged,
    satisfactionRate: ratio(c.satisfied, c.rated),
    responseRate: ratio(c.answered, c.answered + c.expired),
  };
}

const ZERO: RawCounts = {
  requests: 0,
  answered: 0,
  rated: 0,
  satisfied: 0,
  unsatisfied: 0,
  unrated: 0,
  expired: 0,
  open: 0,
  flagged: 0,
};

interface GroupRow extends RawCounts {
  grouping: 'total' | 'type' | 'month' | 'officer' | 'team' | 'village';
  type: EvaluationType | null;
  month: string | null;
  officer_id: string | null;
  officer_name: string | null;
  officer_team: string | null;
  team_id: string | null;
  team_name: string | null;
  village_id: string | null;
  village_name: string | null;
}

/** Every grouping of the page in one statement (GROUPING SETS), each row naming its grouping. */
async function groupedCounts(ctx: Ctx, stationPath: string, range: FiguresRange): Promise<GroupRow[]> {
  const statement = sql`WITH base AS (${requestsOf(stationPath, range, ctx.now())})
    SELECT CASE WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(month) = 0 THEN 'month'
        WHEN GROUPING(officer_id) = 0 THEN 'officer' WHEN GROUPING(team_id) = 0 THEN 'team'
        WHEN GROUPING(village_id) = 0 THEN 'village' ELSE 'total' END AS grouping,
      type, month, officer_id, officer_name, team_name AS officer_team, team_id, team_name, village_id, village_name,
      ${COUNTS}
    FROM base
    GROUP BY GROUPING SETS ((), (type), (month), (officer_id, officer_name, team_name),
      (team_id, team_name), (village_id, village_name))`;
  return rowsOf<GroupRow>(await ctx.db.execute(statement));
}

interface ReviewRow extends Omit<ReviewFigures, 'onTimeRate' | 'byOutcome'> {
  station_id: string;
  explained: number;
  still_unsatisfied: number;
  rectification: number;
}

/** 复核 and 回访 of the range's requests, per station; reviews of answers still 待确认 are left out. */
async function reviewCounts(ctx: Ctx, stationPaths: string, range: FiguresRange): Promise<ReviewRow[]> {
  const now = sql`${ctx.now().toISOString()}::timestamptz`;
  const statement = sql`WITH base AS (${requestsOf(stationPaths, range, ctx.now())})
    SELECT base.station_id, count(*)::int AS opened,
      count(*) FILTER (WHERE ${sql.raw(REVIEW_SQL.closed)})::int AS closed,
      count(*) FILTER (WHERE rv.status = 'closed' AND rv.closed_at <= rv.due_at)::int AS "closedOnTime",
      count(*) FILTER (WHERE rv.status <> 'closed' AND rv.due_at < ${now})::int AS "overdueOpen",
      count(*) FILTER (WHERE rv.status <> 'closed' AND rv.due_at >= ${now})::int AS pending,
      count(*) FILTER (WHERE rv.callback_staff_id IS NOT NULL)::int AS "callbacksAssigned",
      count(*) FILTER (WHERE ${sql.raw(REVIEW_SQL.called_back)})::int AS "callbacksDone",
      count(*) FILTER (WHERE rv.outcome = 'explained')::int AS explained,
      count(*) FILTER (WHERE rv.outcome = 'still_unsatisfied')::int AS still_unsatisfied,
      count(*) FILTER (WHERE rv.outcome = 'rectification')::int AS rectification
    FROM base JOIN evaluation_reviews rv ON rv.request_id = base.id
    WHERE NOT base.pending
    GROUP BY base.station_id`;
  return rowsOf<ReviewRow>(await ctx.db.execute(statement));
}

function reviewFigures(row: ReviewRow | undefined): ReviewFigures {
  const r = row ?? {
    opened: 0,
    closed: 0,
    closedOnTime: 0,
    overdueOpen: 0,
    pending: 0,
    callbacksAssigned: 0,
    callbacksDone: 0,
    explained: 0,
    still_unsatisfied: 0,
    rectification: 0,
  };
  return {
    opened: r.opened,
    closed: r.closed,
    closedOnTime: r.closedOnTime,
    overdueOpen: r.overdueOpen,
    pending: r.pending,
    callbacksAssigned: r.callbacksAssigned,
    callbacksDone: r.callbacksDone,
    onTimeRate: ratio(r.closedOnTime, r.opened),
    byOutcome: { explained: r.explained, still_unsatisfied: r.still_unsatisfied, rectification: r.rectification },
  };
}

const byName = (a: { name: string | null }, b: { name: string | null }) =>
  (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'zh-CN');

/** An officer's row: counts only from MIN_ANSWERS_PER_OFFICER rated answers up (样本不足 below). */
function officerRow(r: GroupRow) {
  if (!r.officer_id) return [];
  const sampleTooSmall = r.rated < MIN_ANSWERS_PER_OFFICER;
  const counts = sampleTooSmall ? null : withRates(r);
  return [{ staffId: r.officer_id, name: r.officer_name ?? '', team: r.officer_team, sampleTooSmall, counts }];
}

/** The figures of one station: its chief, or the bureau above it. Staff below the station do not read them. */
export async function stationFigures(
  ctx: Ctx,
  stationId: string,
  query: EvaluationFiguresQuery,
): Promise<EvaluationFigures> {
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actorOf(ctx), station.path)) throw new AppError('FORBIDDEN');
  const range = rangeOf(ctx, query);
  // One after another: the embedded database has a single connection.
  const rows = await groupedCounts(ctx, station.path, range);
  const reviews = await reviewCounts(ctx, station.path, range);
  const [named] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, stationId));
  const of = (g: GroupRow['grouping']) => rows.filter((r) => r.grouping === g);
  const months = new Map(of('month').map((r) => [r.month, r]));
  return {
    stationId,
    stationName: named?.name ?? '',
    from: range.from,
    to: range.to,
    type: range.type,
    asOf: ctx.now().toISOString(),
    minAnswersPerOfficer: MIN_ANSWERS_PER_OFFICER,
    totals: withRates(of('total')[0] ?? ZERO),
    byType: of('type').map((r) => ({ type: r.type as EvaluationType, ...withRates(r) })),
    // Every month of the range, the empty ones too, so the line chart keeps its time axis.
    byMonth: monthsBetween(range.from, range.to).map((month) => ({ month, ...withRates(months.get(month) ?? ZERO) })),
    byOfficer: of('officer').flatMap(officerRow).sort(byName),
    byTeam: of('team')
      .map((r) => ({ teamId: r.team_id, name: r.team_name, ...withRates(r) }))
      .sort(byName),
    byVillage: of('village')
      .map((r) => ({ unitId: r.village_id, name: r.village_name, ...withRates(r) }))
      .sort(byName),
    reviews: reviewFigures(reviews[0]),
  };
}

/** A bureau's (or any unit's) stations side by side: each station's totals and reviews. */
export async function unitFigures(
  ctx: Ctx,
  unitId: string,
  query: EvaluationFiguresQuery,
): Promise<UnitEvaluationFigures> {
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', { what: 'unit' });
  if (!canSeePath(actorOf(ctx), unit.path)) throw new AppError('FORBIDDEN');
  const range = rangeOf(ctx, query);
  const stations = await ctx.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.kind, 'station'), under(units.path, unit.path)))
    .orderBy(units.name);
  const statement = sql`WITH base AS (${requestsOf(unit.path, range, ctx.now())})
    SELECT station_id, ${COUNTS} FROM base GROUP BY station_id`;
  const counts = rowsOf<RawCounts & { station_id: string }>(await ctx.db.execute(statement));
  const reviews = await reviewCounts(ctx, unit.path, range);
  return {
    unitId,
    unitName: unit.name,
    from: range.from,
    to: range.to,
    type: range.type,
    asOf: ctx.now().toISOString(),
    stations: stations.map((s) => {
      const { byOutcome: _, ...review } = reviewFigures(reviews.find((r) => r.station_id === s.id));
      return {
        stationId: s.id,
        name: s.name,
        ...withRates(counts.find((c) => c.station_id === s.id) ?? ZERO),
        reviews: review,
      };
    }),
  };
}

/** 我的评价: the counts of the actor's own rated work in every station, by type and by month; never an answer. */
export async function myFigures(ctx: Ctx, query: EvaluationFiguresQuery): Promise<MyEvaluationFigures> {
  const actor = actorOf(ctx);
  const range = rangeOf(ctx, query);
  const statement = sql`WITH base AS (${requestsOf('/', range, ctx.now())})
    SELECT CASE WHEN GROUPING(type) = 0 THEN 'type' WHEN GROUPING(month) = 0 THEN 'month' ELSE 'total' END
        AS grouping, type, month, ${COUNTS}
    FROM base WHERE officer_id = ${actor.id}
    GROUP BY GROUPING SETS ((), (type), (month))`;
  const rows = rowsOf<GroupRow>(await ctx.db.execute(statement));
  const of = (g: GroupRow['grouping']) => rows.filter((r) => r.grouping === g);
  const months = new Map(of('month').map((r) => [r.month, r]));
  const totals = withRates(of('total')[0] ?? ZERO);
  return {
    from: range.from,
    to: range.to,
    asOf: ctx.now().toISOString(),
    minAnswersPerOfficer: MIN_ANSWERS_PER_OFFICER,
    sampleTooSmall: totals.rated < MIN_ANSWERS_PER_OFFICER,
    totals,
    byType: of('type').map((r) => ({ type: r.type as EvaluationType, ...withRates(r) })),
    byMonth: monthsBetween(range.from, range.to).map((month) => ({ month, ...withRates(months.get(month) ?? ZERO) })),
  };
}
