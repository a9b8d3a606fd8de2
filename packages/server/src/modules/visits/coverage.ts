/**
 * 走访覆盖率: households visited in a period over all households, for a station (by village) or a village or grid
 * (by grid), with each line's and each visitor's visits and households reached, and the households not yet
 * visited. Visits are counted where the household lives; a household counts once however often it was visited.
 */
import {
  type AddressKind,
  type CoverageQuery,
  shanghaiDayEnd,
  type UnvisitedHousehold,
  type UnvisitedQuery,
  type VisitCoverage,
  type VisitLine,
} from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { under, visibleUnits } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';

const DAY_MS = 86_400_000;

/** The period's instants [from 00:00, the day after `to` 00:00) in Beijing time, and the unit asked about. */
async function scopeOf(ctx: Ctx, stationId: string, q: CoverageQuery) {
  if (q.to < q.from) throw invalid(ctx, 'to', '结束日期不能早于开始日期', 'the end is before the start');
  const station = await stationInScope(ctx, stationId);
  let unit = { id: station.id, path: station.path, kind: 'station' as string };
  if (q.unitId) {
    const [u] = await ctx.db
      .select({ id: units.id, path: units.path, kind: units.kind })
      .from(units)
      .where(eq(units.id, q.unitId));
    if (!u?.path.startsWith(station.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
    unit = u;
  }
  const start = new Date(shanghaiDayEnd(q.from).getTime() - DAY_MS);
  const end = shanghaiDayEnd(q.to);
  // Households and enterprises are covered apart: a household's coverage counts households only.
  const seen = sql`${visibleUnits(actorOf(ctx), sql`unit_path`, 'household.read')} AND kind = ${q.kind}`;
  return { station, unit, start, end, seen };
}

export async function visitCoverage(ctx: Ctx, stationId: string, q: CoverageQuery): Promise<VisitCoverage> {
  const { station, unit, start, end, seen } = await scopeOf(ctx, stationId, q);
  // A station (or township) breaks down by village; a village by grid; a grid is its own line.
  const breakdown = unit.kind === 'village' || unit.kind === 'grid' ? 'grid' : 'village';
  const inPeriod = sql`station_id = ${station.id} AND visited_at >= ${start} AND visited_at < ${end}
    AND ${under(sql`unit_path`, unit.path)} AND ${visibleUnits(actorOf(ctx), sql`unit_path`, 'household.read')}
    AND household_kind = ${q.kind}`;
  const [parts, lines, people] = await Promise.all([
    // Households and households visited per grid (a household lies in one grid), then summed to villages.
    ctx.db.execute(sql`
      WITH hh AS (
        SELECT unit_path, count(*)::int AS households FROM households
         WHERE ${under(sql`unit_path`, unit.path)} AND ${seen} GROUP BY unit_path
      ), vv AS (
        SELECT unit_path, count(DISTINCT household_id)::int AS visited FROM visits WHERE ${inPeriod} GROUP BY unit_path
      ), parts AS (
        SELECT u.id, u.name, u.code, u.kind::text AS kind, u.path FROM units u
         WHERE u.kind = ${breakdown} AND ${under(sql`u.path`, unit.path)}
      )
      SELECT p.id, p.name, p.kind, coalesce(sum(hh.households), 0)::int AS households,
             coalesce(sum(vv.visited), 0)::int AS visited
        FROM parts p
        LEFT JOIN hh ON hh.unit_path LIKE p.path || '%'
        LEFT JOIN vv ON vv.unit_path = hh.unit_path
       GROUP BY p.id, p.name, p.code, p.kind
       ORDER BY p.code NULLS LAST, p.name`),
    ctx.db.execute(sql`
      SELECT line::text AS line, count(*)::int AS visits, count(DISTINCT household_id)::int AS visited
        FROM visits WHERE ${inPeriod} GROUP BY line`),
    ctx.db.execute(sql`
      SELECT v.staff_id, s.display_name AS name, v.visits, v.visited
        FROM (SELECT staff_id, count(*)::int AS visits, count(DISTINCT household_id)::int AS visited
                FROM visits WHERE ${inPeriod} GROUP BY staff_id) v
        JOIN staff s ON s.id = v.staff_id
       ORDER BY v.visits DESC, s.display_name`),
  ]);
  const [totals] = rowsOf<{ households: number; visited: number; visits: number }>(
    await ctx.db.execute(sql`
      SELECT (SELECT count(*)::int FROM households WHERE ${under(sql`unit_path`, unit.path)} AND ${seen}) AS households,
             (SELECT count(DISTINCT household_id)::int FROM visits WHERE ${inPeriod}) AS visited,
             (SELECT count(*)::int FROM visits WHERE ${inPeriod}) AS visits`),
  );
  const lineRows = rowsOf<{ line: VisitLine; visits: number; visited: number }>(lines);
  return {
    from: q.from,
    to: q.to,
    households: Number(totals?.households ?? 0),
    visited: Number(totals?.visited ?? 0),
    visits: Number(totals?.visits ?? 0),
    byUnit: rowsOf<{ id: string; name: string; kind: string; households: number; visited: number }>(parts).map((r) => ({
      unitId: r.id,
      name: r.name,
      kind: r.kind,
      households: Number(r.households),
      visited: Number(r.visited),
    })),
    byLine: (['police', 'cadre', 'grid'] as const).map((line) => {
      const r = lineRows.find((l) => l.line === line);
      return { line, visits: Number(r?.visits ?? 0), visited: Number(r?.visited ?? 0) };
    }),
    byStaff: rowsOf<{ staff_id: string; name: string; visits: number; visited: number }>(people).map((r) => ({
      staffId: r.staff_id,
      name: r.name,
      visits: Number(r.visits),
      visited: Number(r.visited),
    })),
  };
}

/** The households of the unit not visited in the period, by address. */
export async function unvisitedHouseholds(ctx: Ctx, stationId: string, q: UnvisitedQuery) {
  const { station, unit, start, end } = await scopeOf(ctx, stationId, q);
  // One index lookup per household (visits_household_idx): the same plan with or without statistics.
  const rows = rowsOf<{
    id: string;
    address: string;
    kind: AddressKind;
    name: string | null;
    unit_name: string;
    last_at: Date | string | null;
    total: number;
  }>(
    await ctx.db.execute(sql`
      SELECT h.id, h.address, h.kind::text AS kind, h.name, u.name AS unit_name, l.last_at, count(*) OVER ()::int AS total
        FROM households h JOIN units u ON u.id = h.unit_id
        LEFT JOIN LATERAL (
          SELECT max(v.visited_at) AS last_at,
                 bool_or(v.station_id = ${station.id} AND v.visited_at >= ${start} AND v.visited_at < ${end}) AS seen
            FROM visits v WHERE v.household_id = h.id) l ON true
       WHERE ${under(sql`h.unit_path`, unit.path)} AND ${visibleUnits(actorOf(ctx), sql`h.unit_path`, 'household.read')}
         AND h.kind = ${q.kind} AND l.seen IS NOT TRUE
       ORDER BY h.address
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  );
  const items: UnvisitedHousehold[] = rows.map((r) => ({
    householdId: r.id,
    address: r.address,
    kind: r.kind,
    name: r.name,
    unitName: r.unit_name,
    lastVisitedAt: r.last_at ? new Date(r.last_at).toISOString() : null,
  }));
  return { items, total: Number(rows[0]?.total ?? 0), page: q.page, pageSize: q.pageSize };
}
