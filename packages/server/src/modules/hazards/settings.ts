/**
 * A station's hazard kinds and rectification periods as one settings row `hazard:<stationId>`. Unset, the
 * defaults of schemas/hazards.ts (消防安全 … 其他; 7 days, 3 for 消防安全).
 */
import {
  DEFAULT_HAZARD_KINDS,
  DEFAULT_HAZARD_PERIOD_DAYS,
  type HazardKind,
  type HazardSettings,
  type MyHazardSettings,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { settings, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { saveSetting } from '../../platform/settings.js';
import { stationInScope } from '../settings/settings.service.js';

export const hazardSettingsKey = (stationId: string) => `hazard:${stationId}`;

export async function hazardSettings(db: Queryable, stationId: string): Promise<HazardSettings> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, hazardSettingsKey(stationId)));
  const value = row?.value as Partial<HazardSettings> | undefined;
  return {
    kinds: value?.kinds ?? DEFAULT_HAZARD_KINDS.map((k) => ({ ...k })),
    defaultPeriodDays: value?.defaultPeriodDays ?? DEFAULT_HAZARD_PERIOD_DAYS,
  };
}

export async function myHazardSettings(ctx: Ctx): Promise<MyHazardSettings> {
  const actor = actorOf(ctx);
  // A county holds tens of stations: the one on the session's own path.
  const stations = await ctx.db.select({ id: units.id, path: units.path }).from(units).where(eq(units.kind, 'station'));
  const own = stations.find((s) => isUnder(actor.scopePath, s.path));
  if (!own) throw new AppError('NOT_FOUND', { what: 'station' });
  return { stationId: own.id, settings: await hazardSettings(ctx.db, own.id) };
}

/** The name people read for a stored kind key: the station's, else the default list's, else the key itself. */
export function kindName(kinds: readonly HazardKind[], key: string): string {
  return kinds.find((k) => k.key === key)?.name ?? DEFAULT_HAZARD_KINDS.find((k) => k.key === key)?.name ?? key;
}

/** The kind of a new hazard must be one of its station's; answers it with its period in days. */
export function kindOf(ctx: Ctx, s: HazardSettings, key: string) {
  const kind = s.kinds.find((k) => k.key === key);
  if (!kind) {
    const names = s.kinds.map((k) => `${k.key}（${k.name}）`).join('、');
    throw invalid(ctx, 'kind', `应为本所的隐患类别之一：${names}`, `must be one of the station's kinds: ${names}`);
  }
  return { ...kind, days: kind.periodDays ?? s.defaultPeriodDays };
}

export async function readHazardSettings(ctx: Ctx, stationId: string): Promise<HazardSettings> {
  await stationInScope(ctx, stationId);
  return hazardSettings(ctx.db, stationId);
}

/** The station or above sets its kinds; a kind already used keeps its key (its name may change). */
export async function saveHazardSettings(ctx: Ctx, stationId: string, input: HazardSettings) {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  for (const field of ['key', 'name'] as const) {
    const values = input.kinds.map((k) => k[field]);
    const twice = values.find((v, i) => values.indexOf(v) !== i);
    if (twice) throw invalid(ctx, 'kinds', `“${twice}”重复了`, `"${twice}" is listed twice`);
  }
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, hazardSettingsKey(stationId), input, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'hazard.settings.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { kinds: input.kinds.map((k) => k.key), defaultPeriodDays: input.defaultPeriodDays },
    });
  });
  return input;
}
