/**
 * A station's own 码上办 rules: deadlines per kind and urgency, and the
 * submission limits. Stored as one settings row per station; the DOMAIN.md
 * defaults apply until the chief changes them. Read before a transaction,
 * never inside one (the embedded database has a single connection).
 */
import { DEFAULT_ESCALATION_RULES, DEFAULT_MATTER_SETTINGS, type MatterSettings } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { settings, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { saveSetting } from '../../platform/settings.js';

/** The settings row of one station's rules. */
export const matterSettingsKey = (stationId: string) => `matters.station.${stationId}`;

/** A few seconds' cache per database: intake reads the rules on every submission. */
const CACHE_MS = 5_000;
const cache = new WeakMap<Queryable, Map<string, { value: MatterSettings; at: number }>>();

/**
 * The rules of a station. Cached for five seconds in each process: a change
 * reaches this process at once and every other process within five seconds.
 */
export async function matterSettings(db: Queryable, stationId: string): Promise<MatterSettings> {
  const byStation = cache.get(db) ?? new Map<string, { value: MatterSettings; at: number }>();
  cache.set(db, byStation);
  const hit = byStation.get(stationId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, matterSettingsKey(stationId)));
  const stored = (row?.value ?? {}) as Partial<MatterSettings>;
  const value: MatterSettings = {
    deadlines: { ...DEFAULT_MATTER_SETTINGS.deadlines, ...stored.deadlines },
    limits: { ...DEFAULT_MATTER_SETTINGS.limits, ...stored.limits },
    privacy: { ...DEFAULT_MATTER_SETTINGS.privacy, ...stored.privacy },
    review: { ...DEFAULT_MATTER_SETTINGS.review, ...stored.review },
    evaluation: { ...DEFAULT_MATTER_SETTINGS.evaluation, ...stored.evaluation },
    desk: { ...DEFAULT_MATTER_SETTINGS.desk, ...stored.desk },
    escalation: { ...DEFAULT_ESCALATION_RULES, ...stored.escalation },
  };
  byStation.set(stationId, { value, at: Date.now() });
  return value;
}

/** The station, when the actor works in it, below it (reads) or above it; 404 or 403 otherwise. */
export async function stationInScope(ctx: Ctx, stationId: string) {
  const [station] = await ctx.db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.id, stationId), eq(units.kind, 'station')));
  if (!station) throw new AppError('NOT_FOUND', { what: 'station' });
  // Staff below a station (a police office) read their station's rules; only the station or above may change them.
  const actor = actorOf(ctx);
  const within = canSeePath(actor, station.path) || isUnder(actor.scopePath, station.path);
  if (!within) throw new AppError('FORBIDDEN');
  return station;
}

export async function readMatterSettings(ctx: Ctx, stationId: string) {
  await stationInScope(ctx, stationId);
  return matterSettings(ctx.db, stationId);
}

export async function updateMatterSettings(ctx: Ctx, stationId: string, next: MatterSettings) {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const current = await matterSettings(ctx.db, stationId);
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, matterSettingsKey(stationId), next, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'matter.settings.update',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { from: current, to: next },
    });
  });
  cache.get(ctx.db)?.delete(stationId);
  return next;
}
