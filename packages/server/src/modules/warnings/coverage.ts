/**
 * 扫码覆盖 (QR scan coverage): the households whose doorplate page was ever opened — a first-scan date per household,
 * set once by the doorplate page, no device ids — over all households, by village and grid, and the first scans of
 * the last twelve months. It is the ceiling of a notice's reach, shown beside it. Households only: an enterprise's
 * or a unit's plate (address kind `enterprise`) is neither counted among the households nor as scanned.
 */
import type { ScanCoverage } from '@jingmin/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { households, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { escapeLike, isUnder } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';

export interface AreaUnit {
  unitId: string;
  name: string;
  kind: string;
  parentId: string | null;
  path: string;
}

/**
 * What reach counts as a household: a home, not an enterprise (企业 stand at doorplates too and read notices, but the
 * figures of delivery and QR scan coverage are the residents' homes). Every household figure of a notice uses it.
 */
export const isHome = sql`${households.kind} = 'household'`;

/** Households and scanned households per unit path under `prefix` (one grouped scan of the households' path index). */
export async function householdsByPath(db: Queryable, prefix: string) {
  const rows = rowsOf<{ path: string; households: number; scanned: number }>(
    await db.execute(sql`
      SELECT unit_path AS path, count(*)::int AS households, count(first_scanned_at)::int AS scanned
        FROM households WHERE unit_path LIKE ${`${escapeLike(prefix)}%`} AND ${isHome}
       GROUP BY unit_path`),
  );
  return rows.map((r) => ({ path: r.path, households: Number(r.households), scanned: Number(r.scanned) }));
}

/** The villages and grids under any of `prefixes`, villages first, then by name. */
export async function areaUnits(db: Queryable, prefixes: string[]): Promise<AreaUnit[]> {
  if (prefixes.length === 0) return [];
  const within = sql.join(
    prefixes.map((p) => sql`path LIKE ${`${escapeLike(p)}%`}`),
    sql` OR `,
  );
  const rows = rowsOf<{ id: string; name: string; kind: string; parent_id: string | null; path: string }>(
    await db.execute(sql`
      SELECT id, name, kind, parent_id, path FROM units
       WHERE kind IN ('village', 'grid') AND (${within})
       ORDER BY path`),
  );
  return rows.map((r) => ({ unitId: r.id, name: r.name, kind: r.kind, parentId: r.parent_id, path: r.path }));
}

/** Sums per-path figures into each unit whose subtree holds the path. */
export function rollUp<T extends Record<string, number>>(
  area: AreaUnit[],
  perPath: { path: string; figures: T }[],
  zero: () => T,
): (unitId: string) => T {
  const out = new Map(area.map((u) => [u.unitId, zero()]));
  for (const { path, figures } of perPath)
    for (const u of area) {
      const sum = out.get(u.unitId);
      if (!sum || !isUnder(path, u.path)) continue;
      for (const k of Object.keys(figures) as (keyof T)[])
        sum[k] = ((sum[k] as number) + (figures[k] as number)) as T[keyof T];
    }
  return (unitId) => out.get(unitId) ?? zero();
}

/** Month keys (YYYY-MM, Beijing time) of the last twelve months, oldest first, and the first one's start. */
export function lastTwelveMonths(now: Date): { months: string[]; start: Date } {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const y = beijing.getUTCFullYear();
  const m = beijing.getUTCMonth();
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 11 + i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  return { months, start: new Date(`${months[0]}-01T00:00:00+08:00`) };
}

/** The station a coverage request is about: the one named, else the one the actor works in or under. */
async function stationOf(ctx: Ctx, stationId: string | undefined) {
  if (stationId) return stationInScope(ctx, stationId);
  const ids = actorOf(ctx).scopePath.split('/').filter(Boolean);
  const [station] = await ctx.db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.kind, 'station'), inArray(units.id, ids)));
  if (!station) throw invalid(ctx, 'stationId', '请选择派出所', 'choose a station');
  return station;
}

export async function scanCoverage(ctx: Ctx, stationId?: string): Promise<ScanCoverage> {
  const station = await stationOf(ctx, stationId);
  const { months, start } = lastTwelveMonths(ctx.now());
  const [area, perPath, scans] = await Promise.all([
    areaUnits(ctx.db, [station.path]),
    householdsByPath(ctx.db, station.path),
    ctx.db.execute(sql`
      SELECT to_char(first_scanned_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
        FROM households
       WHERE unit_path LIKE ${`${escapeLike(station.path)}%`} AND ${isHome}
         AND first_scanned_at >= ${start.toISOString()}::timestamptz
       GROUP BY 1`),
  ]);
  const sums = rollUp(
    area,
    perPath.map((p) => ({ path: p.path, figures: { households: p.households, scanned: p.scanned } })),
    () => ({ households: 0, scanned: 0 }),
  );
  const byMonth = new Map(rowsOf<{ month: string; n: number }>(scans).map((r) => [r.month, Number(r.n)]));
  return {
    households: perPath.reduce((s, p) => s + p.households, 0),
    scannedHouseholds: perPath.reduce((s, p) => s + p.scanned, 0),
    units: area.map((u) => {
      const sum = sums(u.unitId);
      return {
        unitId: u.unitId,
        name: u.name,
        kind: u.kind,
        parentId: u.parentId,
        households: sum.households,
        scannedHouseholds: sum.scanned,
      };
    }),
    byMonth: months.map((month) => ({ month, firstScans: byMonth.get(month) ?? 0 })),
  };
}
