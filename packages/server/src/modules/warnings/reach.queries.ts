/**
 * A notice's reach as staff read it: three figures never blended — delivered (households the notice was available to
 * when sent, phones an SMS went to), opened (devices), acknowledged (devices that tapped 已知晓) — plus reactions and
 * replies, in all and per village and grid of the target areas beside their households and QR scan coverage. Counts
 * only, read from the per-grid counters (`warning_reach`): never a list of who read what. Receipts from a page whose
 * area is unknown, or from outside the target areas, are "elsewhere".
 */
import type { WarningReach } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { units, warnings } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { areaUnits, householdsByPath, rollUp } from './coverage.js';

/** A notice the actor reads: its station in the actor's scope, or the actor working under that station. */
export async function warningInSight(ctx: Ctx, id: string) {
  const [w] = await ctx.db
    .select({
      id: warnings.id,
      stationId: warnings.stationId,
      stationPath: warnings.stationPath,
      targetPaths: warnings.targetPaths,
      deliveredHouseholds: warnings.deliveredHouseholds,
      smsSent: warnings.smsSent,
    })
    .from(warnings)
    .where(eq(warnings.id, id));
  const actor = actorOf(ctx);
  const seen = w && (canSeePath(actor, w.stationPath, 'warning.read') || isUnder(actor.scopePath, w.stationPath));
  if (!w || !seen) throw new AppError('NOT_FOUND', { what: 'warning' });
  return w;
}

type Counts = { opened: number; acknowledged: number; thanks: number; likes: number };

export async function warningReach(ctx: Ctx, id: string): Promise<WarningReach> {
  const w = await warningInSight(ctx, id);
  // A notice to rooms or subscribers only is read against the whole station's villages and grids.
  const prefixes = w.targetPaths.length ? w.targetPaths : [w.stationPath];
  const [area, perPath, counted, replies] = await Promise.all([
    areaUnits(ctx.db, prefixes),
    // The station's households by path: the target areas' figures and the station's coverage alike.
    householdsByPath(ctx.db, w.stationPath),
    ctx.db.execute(sql`
      SELECT u.path, r.opened, r.acknowledged, r.thanks, r.likes
        FROM warning_reach r JOIN ${units} u ON u.id = r.unit_id
       WHERE r.warning_id = ${id}`),
    ctx.db.execute(sql`SELECT count(*)::int AS n FROM warning_replies WHERE warning_id = ${id}`),
  ]);
  const reach = rowsOf<Counts & { path: string }>(counted).map((r) => ({
    path: r.path,
    figures: {
      opened: Number(r.opened),
      acknowledged: Number(r.acknowledged),
      thanks: Number(r.thanks),
      likes: Number(r.likes),
    },
  }));
  const homes = rollUp(
    area,
    perPath.map((p) => ({ path: p.path, figures: { households: p.households, scanned: p.scanned } })),
    () => ({ households: 0, scanned: 0 }),
  );
  const counts = rollUp(area, reach, () => ({ opened: 0, acknowledged: 0, thanks: 0, likes: 0 }));
  const listed = (path: string) => area.some((u) => isUnder(path, u.path));
  const total = (k: keyof Counts, rows = reach) => rows.reduce((s, r) => s + r.figures[k], 0);
  const outside = reach.filter((r) => !listed(r.path));
  return {
    totals: {
      deliveredHouseholds: w.deliveredHouseholds,
      deliveredPhones: w.smsSent,
      opened: total('opened'),
      acknowledged: total('acknowledged'),
      thanks: total('thanks'),
      likes: total('likes'),
      replies: Number(rowsOf<{ n: number }>(replies)[0]?.n ?? 0),
    },
    openedElsewhere: total('opened', outside),
    acknowledgedElsewhere: total('acknowledged', outside),
    units: area.map((u) => ({
      unitId: u.unitId,
      name: u.name,
      kind: u.kind,
      parentId: u.parentId,
      households: homes(u.unitId).households,
      scannedHouseholds: homes(u.unitId).scanned,
      opened: counts(u.unitId).opened,
      acknowledged: counts(u.unitId).acknowledged,
    })),
    coverage: {
      households: perPath.reduce((s, p) => s + p.households, 0),
      scannedHouseholds: perPath.reduce((s, p) => s + p.scanned, 0),
    },
  };
}
