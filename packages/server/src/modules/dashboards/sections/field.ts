/**
 * 社区警务: visit coverage (households visited in the period over households, in all, by line and by village), the
 * patrols and the 必到点 they reached, and hazards found, fixed and overdue now. Each figure counts with the same
 * condition its list filters by (visits/visit-filter.ts, patrols/patrol-sets.ts, hazards/hazard-sets.ts), so the
 * drill-down lists exactly what was counted.
 */
import { type DrillTarget, type SectionChart, VISIT_LINE_LABELS, VISIT_LINES, type VisitLine } from '@jingmin/shared';
import { count, countDistinct, eq, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows.js';
import { hazards, households, patrolPoints, patrolSessions, units, visits } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { under } from '../../../platform/scope.js';
import { readOnce } from '../../../platform/shared-reads.js';
import { hazardSetSql } from '../../hazards/hazard-sets.js';
import { activePointsSql, patrolsSql, pointCheckedSql } from '../../patrols/patrol-sets.js';
import { visitFilterSql } from '../../visits/visit-filter.js';
import { drillPeriod, type FigureSpec, type FigureValue, type SectionScope, type SectionSpec } from './section.js';

const HOUSEHOLDS = { kind: 'household' } as const;

const visitsDrill = (scope: SectionScope, extra: Record<string, string> = {}): DrillTarget => ({
  list: 'visits',
  query: drillPeriod(scope, { kind: 'household', ...extra }),
});

const lineFigure = (line: VisitLine): FigureSpec => ({
  id: `coverage_${line}`,
  label: { zh: `${VISIT_LINE_LABELS[line].zh}走访覆盖率`, en: `Visit coverage, ${VISIT_LINE_LABELS[line].en}` },
  kind: 'rate',
  how: {
    zh: `期间内${VISIT_LINE_LABELS[line].zh}走访到的住户数 ÷ 住户总数；明细为这些住户（每户列第一次走访）。`,
    en: `Households the ${VISIT_LINE_LABELS[line].en.toLowerCase()} visited in the period ÷ all households; the list shows those households (each by its first visit).`,
  },
});

const FIGURES: FigureSpec[] = [
  {
    id: 'visit_coverage',
    label: { zh: '走访覆盖率', en: 'Visit coverage' },
    kind: 'rate',
    how: {
      zh: '期间内走访到的住户数（一户多次只算一次，三条线合计）÷ 辖区住户总数（不含企业、单位）；明细为走访到的住户，每户列期间内第一次走访。',
      en: 'Households visited in the period (once however often, all three lines) ÷ all households of the area (enterprises apart); the list shows the households visited, each by its first visit.',
    },
  },
  {
    id: 'visits',
    label: { zh: '入户走访次数', en: 'Household visits' },
    kind: 'count',
    how: {
      zh: '期间内登记的住户走访次数（三条线合计，不含企业、单位）。',
      en: 'Visits to households logged for the period (all three lines; enterprises apart).',
    },
  },
  ...VISIT_LINES.map(lineFigure),
  {
    id: 'patrols',
    label: { zh: '巡逻次数', en: 'Patrols' },
    kind: 'count',
    how: { zh: '期间内开始的巡逻（各派出所的巡逻记录）。', en: 'Patrols started in the period.' },
  },
  {
    id: 'patrol_points',
    label: { zh: '必到点覆盖率', en: 'Patrol points reached' },
    kind: 'rate',
    how: {
      zh: '期间内至少打卡一次的必到点 ÷ 期间内在用的必到点；明细为期间内的巡逻记录。',
      en: 'Patrol points checked in at least once in the period ÷ the points in use in it; the list shows the period’s patrols.',
    },
  },
  {
    id: 'hazards_found',
    label: { zh: '发现隐患', en: 'Hazards found' },
    kind: 'count',
    how: { zh: '期间内登记发现的隐患（不含作废）。', en: 'Hazards found in the period (voided ones apart).' },
  },
  {
    id: 'hazards_fixed',
    label: { zh: '整改销号', en: 'Hazards fixed' },
    kind: 'count',
    how: {
      zh: '期间内复核通过、销号的隐患。',
      en: 'Hazards whose fix was verified (销号) in the period.',
    },
  },
  {
    id: 'hazards_overdue',
    label: { zh: '当前逾期隐患', en: 'Hazards overdue now' },
    kind: 'count',
    now: true,
    how: {
      zh: '现在仍在整改中、已过整改期限的隐患（期限当天不算逾期）。',
      en: 'Hazards still being fixed past their deadline now (the deadline day itself is on time).',
    },
  },
];

const rate = (n: number, d: number) => ({ value: d ? n / d : null, parts: { numerator: n, denominator: d } });

async function visitFigures(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]> {
  const where = visitFilterSql({ bounds: scope.bounds, path: scope.path, ...HOUSEHOLDS });
  const [[v], [h]] = await Promise.all([
    ctx.db.select(visitColumns()).from(visits).where(where),
    ctx.db
      .select({ n: count() })
      .from(households)
      .where(sql`${under(households.unitPath, scope.path)} AND ${eq(households.kind, 'household')}`),
  ]);
  return visitValues(scope, v, Number(h?.n ?? 0));
}

/** The visits counted for the figures: visits, households visited, and households visited by each line. */
const visitColumns = () => {
  const byLine = (line: VisitLine) =>
    sql<number>`count(DISTINCT ${visits.householdId}) FILTER (WHERE ${visits.line} = ${line})`;
  return {
    visits: count(),
    visited: countDistinct(visits.householdId),
    police: byLine('police'),
    cadre: byLine('cadre'),
    grid: byLine('grid'),
  };
};

function visitValues(
  scope: SectionScope,
  v: ({ visits: number; visited: number } & Record<VisitLine, number>) | undefined,
  all: number,
): FigureValue[] {
  return [
    { id: 'visit_coverage', ...rate(Number(v?.visited ?? 0), all), drill: visitsDrill(scope, { first: '1' }) },
    { id: 'visits', value: Number(v?.visits ?? 0), drill: visitsDrill(scope) },
    ...VISIT_LINES.map((line) => ({
      id: `coverage_${line}`,
      ...rate(Number(v?.[line] ?? 0), all),
      drill: visitsDrill(scope, { line, first: '1' }),
    })),
  ];
}

async function patrolFigures(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]> {
  const drill: DrillTarget = { list: 'patrols', query: drillPeriod(scope) };
  const [[s], [p]] = await Promise.all([
    ctx.db.select({ n: count() }).from(patrolSessions).where(patrolsSql(scope.path, scope.bounds)),
    ctx.db
      .select({ active: count(), checked: sql<number>`count(*) FILTER (WHERE ${pointCheckedSql(scope.bounds)})` })
      .from(patrolPoints)
      .where(activePointsSql(scope.path, scope.bounds)),
  ]);
  return [
    { id: 'patrols', value: Number(s?.n ?? 0), drill },
    { id: 'patrol_points', ...rate(Number(p?.checked ?? 0), Number(p?.active ?? 0)), drill },
  ];
}

async function hazardFigures(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]> {
  const now = ctx.now();
  const n = (set: 'found' | 'fixed' | 'overdue') =>
    sql<number>`count(*) FILTER (WHERE ${hazardSetSql(set, scope.bounds, now)})`;
  const [r] = await ctx.db
    .select({ found: n('found'), fixed: n('fixed'), overdue: n('overdue') })
    .from(hazards)
    .where(under(hazards.unitPath, scope.path));
  const drill = (set: string): DrillTarget => ({ list: 'hazards', query: drillPeriod(scope, { set }) });
  return [
    { id: 'hazards_found', value: Number(r?.found ?? 0), drill: drill('found') },
    { id: 'hazards_fixed', value: Number(r?.fixed ?? 0), drill: drill('fixed') },
    { id: 'hazards_overdue', value: Number(r?.overdue ?? 0), drill: drill('overdue') },
  ];
}

/**
 * Households and households visited per part of the unit: villages under a station (or below), stations under a
 * bureau. A part's visited count is its list's total (`unitId` = the part, `first=1`).
 */
/**
 * The households of each part (station or village) under `path`: counted by unit path on the index of homes, then
 * summed by the part whose path each unit path starts with — one read, never one count of a county per part.
 */
function homesByPart(ctx: Ctx, path: string, part: 'station' | 'village'): Promise<Map<string, number>> {
  return readOnce(ctx, `homes ${path} ${part}`, () => countHomes(ctx, path, part));
}

async function countHomes(ctx: Ctx, path: string, part: 'station' | 'village'): Promise<Map<string, number>> {
  const [parts, byPath] = await Promise.all([
    ctx.db
      .select({ id: units.id, path: units.path })
      .from(units)
      .where(sql`${units.kind} = ${part} AND ${under(units.path, path)}`),
    ctx.db
      .select({ unitPath: households.unitPath, n: count() })
      .from(households)
      .where(sql`${under(households.unitPath, path)} AND ${eq(households.kind, 'household')}`)
      .groupBy(households.unitPath),
  ]);
  const homes = new Map<string, number>();
  for (const p of parts)
    homes.set(
      p.id,
      byPath.filter((h) => h.unitPath.startsWith(p.path)).reduce((n, h) => n + Number(h.n), 0),
    );
  return homes;
}

async function coverageByPart(ctx: Ctx, scope: SectionScope) {
  const [unit] = await ctx.db.select({ kind: units.kind }).from(units).where(eq(units.id, scope.unitId));
  const part = unit?.kind === 'bureau' ? 'station' : 'village';
  if (part === 'station') {
    // A bureau's stations: their households and the households each visited in the period, by station.
    const [list, homes, visited] = await Promise.all([
      ctx.db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(sql`${units.kind} = 'station' AND ${under(units.path, scope.path)}`)
        .orderBy(sql`${units.code} NULLS LAST`, units.name),
      homesByPart(ctx, scope.path, 'station'),
      visitsByStation(ctx, scope.path, scope.bounds),
    ]);
    const rows = list.map((s) => ({
      ...s,
      households: homes.get(s.id) ?? 0,
      visited: Number(visited.find((v) => v.stationId === s.id)?.visited ?? 0),
    }));
    return { part, rows };
  }
  const inPeriod = visitFilterSql({ bounds: scope.bounds, ...HOUSEHOLDS });
  const rows = rowsOf<{ id: string; name: string; households: number; visited: number }>(
    await ctx.db.execute(sql`
      SELECT u.id, u.name,
             (SELECT count(*)::int FROM ${households}
               WHERE starts_with(${households.unitPath}, u.path) AND ${households.kind} = 'household') AS households,
             (SELECT count(DISTINCT ${visits.householdId})::int FROM ${visits}
               WHERE starts_with(${visits.unitPath}, u.path) AND ${inPeriod}) AS visited
        FROM ${units} u
       WHERE u.kind = ${part} AND ${under(sql`u.path`, scope.path)}
       ORDER BY u.code NULLS LAST, u.name`),
  );
  return { part, rows };
}

async function charts(ctx: Ctx, scope: SectionScope): Promise<SectionChart[]> {
  const { part, rows: parts } = await coverageByPart(ctx, scope);
  const where = visitFilterSql({ bounds: scope.bounds, path: scope.path, ...HOUSEHOLDS });
  const lines = await ctx.db
    .select({ line: visits.line, visits: count(), visited: countDistinct(visits.householdId) })
    .from(visits)
    .where(where)
    .groupBy(visits.line);
  const ofLine = (l: VisitLine) => lines.find((r) => r.line === l);
  return [
    {
      id: 'coverage_by_unit',
      title:
        part === 'station'
          ? { zh: '走访覆盖（按派出所）', en: 'Visit coverage by station' }
          : { zh: '走访覆盖（按村、社区）', en: 'Visit coverage by village' },
      kind: 'bar',
      categories: parts.map((p) => p.name),
      series: [
        { name: { zh: '住户数', en: 'Households' }, data: parts.map((p) => Number(p.households)) },
        {
          name: { zh: '已走访户数', en: 'Households visited' },
          data: parts.map((p) => Number(p.visited)),
          drills: parts.map((p) => visitsDrill({ ...scope, unitId: p.id }, { first: '1' })),
        },
      ],
    },
    {
      id: 'visits_by_line',
      title: { zh: '走访（按条线）', en: 'Visits by line' },
      kind: 'bar',
      categories: VISIT_LINES.map((l) => VISIT_LINE_LABELS[l].zh),
      series: [
        {
          name: { zh: '走访次数', en: 'Visits' },
          data: VISIT_LINES.map((l) => Number(ofLine(l)?.visits ?? 0)),
          drills: VISIT_LINES.map((line) => visitsDrill(scope, { line })),
        },
        {
          name: { zh: '走访户数', en: 'Households visited' },
          data: VISIT_LINES.map((l) => Number(ofLine(l)?.visited ?? 0)),
          drills: VISIT_LINES.map((line) => visitsDrill(scope, { line, first: '1' })),
        },
      ],
    },
  ];
}

/** The period's visits of the stations under `path`, by station (each visit of its station's own area). */
function visitsByStation(ctx: Ctx, path: string, b: SectionScope['bounds']) {
  const key = `visits by station ${path} ${b.start.toISOString()} ${b.asOf.toISOString()}`;
  return readOnce(ctx, key, () => countVisitsByStation(ctx, path, b));
}

function countVisitsByStation(ctx: Ctx, path: string, b: SectionScope['bounds']) {
  return ctx.db
    .select({ stationId: visits.stationId, ...visitColumns() })
    .from(visits)
    .where(
      sql`${visitFilterSql({ bounds: b, path, ...HOUSEHOLDS })} AND ${ownArea(sql`${visits.stationId}`, sql`${visits.unitPath}`)}`,
    )
    .groupBy(visits.stationId);
}

/** The row's station is the one whose area holds its unit. */
const ownArea = (stationId: SQL, unitPath: SQL) =>
  sql`EXISTS (SELECT 1 FROM ${units} s WHERE s.id = ${stationId} AND starts_with(${unitPath}, s.path))`;

/**
 * A bureau's stations side by side: the visits, patrols, points and hazards of the bureau counted once, by station
 * (each row of its station's own area), and each station's households by the index of homes under its path.
 */
async function computeStations(ctx: Ctx, path: string, scopes: SectionScope[]): Promise<FigureValue[][]> {
  const first = scopes[0];
  if (!first) return [];
  const b = first.bounds;
  const now = ctx.now();
  const hazard = (set: 'found' | 'fixed' | 'overdue') =>
    sql<number>`count(*) FILTER (WHERE ${hazardSetSql(set, b, now)})`;
  const [visitRows, homes, sessionRows, pointRows, hazardRows] = await Promise.all([
    visitsByStation(ctx, path, b),
    homesByPart(ctx, path, 'station'),
    ctx.db
      .select({ stationId: patrolSessions.stationId, n: count() })
      .from(patrolSessions)
      .where(patrolsSql(path, b))
      .groupBy(patrolSessions.stationId),
    ctx.db
      .select({
        stationId: patrolPoints.stationId,
        active: count(),
        checked: sql<number>`count(*) FILTER (WHERE ${pointCheckedSql(b)})`,
      })
      .from(patrolPoints)
      .where(
        sql`${activePointsSql(path, b)} AND ${ownArea(sql`${patrolPoints.stationId}`, sql`${patrolPoints.unitPath}`)}`,
      )
      .groupBy(patrolPoints.stationId),
    ctx.db
      .select({
        stationId: hazards.stationId,
        found: hazard('found'),
        fixed: hazard('fixed'),
        overdue: hazard('overdue'),
      })
      .from(hazards)
      .where(sql`${under(hazards.unitPath, path)} AND ${ownArea(sql`${hazards.stationId}`, sql`${hazards.unitPath}`)}`)
      .groupBy(hazards.stationId),
  ]);
  return scopes.map((scope) => {
    const v = visitRows.find((r) => r.stationId === scope.unitId);
    const all = homes.get(scope.unitId) ?? 0;
    const p = pointRows.find((r) => r.stationId === scope.unitId);
    const h = hazardRows.find((r) => r.stationId === scope.unitId);
    const patrolDrill: DrillTarget = { list: 'patrols', query: drillPeriod(scope) };
    const hazardDrill = (set: string): DrillTarget => ({ list: 'hazards', query: drillPeriod(scope, { set }) });
    return [
      ...visitValues(scope, v, all),
      {
        id: 'patrols',
        value: Number(sessionRows.find((r) => r.stationId === scope.unitId)?.n ?? 0),
        drill: patrolDrill,
      },
      { id: 'patrol_points', ...rate(Number(p?.checked ?? 0), Number(p?.active ?? 0)), drill: patrolDrill },
      { id: 'hazards_found', value: Number(h?.found ?? 0), drill: hazardDrill('found') },
      { id: 'hazards_fixed', value: Number(h?.fixed ?? 0), drill: hazardDrill('fixed') },
      { id: 'hazards_overdue', value: Number(h?.overdue ?? 0), drill: hazardDrill('overdue') },
    ];
  });
}

export const fieldSection: SectionSpec = {
  area: 'field',
  figures: FIGURES,
  compute: async (ctx, scope) => {
    const [v, p, h] = await Promise.all([
      visitFigures(ctx, scope),
      patrolFigures(ctx, scope),
      hazardFigures(ctx, scope),
    ]);
    return [...v, ...p, ...h];
  },
  computeStations,
  charts,
};
