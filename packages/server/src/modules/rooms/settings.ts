/**
 * A station's rules for its 议事厅 rooms as one settings row `rooms:<stationId>`: how staff appear, the "@" clock,
 * the held words, rate limits and retention. Unset, `DEFAULT_ROOM_RULES` (shared/domain/rooms.ts).
 */
import { DEFAULT_ROOM_RULES, type RoomSettings } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { saveSetting } from '../../platform/settings.js';
import { stationInScope } from '../settings/settings.service.js';

export const roomSettingsKey = (stationId: string) => `rooms:${stationId}`;

export async function roomRules(db: Queryable, stationId: string): Promise<RoomSettings> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, roomSettingsKey(stationId)));
  return {
    ...DEFAULT_ROOM_RULES,
    heldWords: [...DEFAULT_ROOM_RULES.heldWords],
    ...(row?.value as Partial<RoomSettings>),
  };
}

/**
 * How long a process keeps a station's rules for posting and presenting posts (`cachedRoomRules`). A save in this
 * process drops them at once; another process (or a direct write to `settings`) is seen after at most this long.
 */
export const ROOM_RULES_TTL_MS = 5_000;

interface Kept {
  rules: RoomSettings;
  until: number;
}
/** Per database (a process may open several, as the tests do), per station; `saves` counts this process's saves. */
const kept = new WeakMap<Db, { rules: Map<string, Kept>; saves: Map<string, number> }>();

function keptIn(db: Db) {
  let k = kept.get(db);
  if (!k) {
    k = { rules: new Map(), saves: new Map() };
    kept.set(db, k);
  }
  return k;
}

const copyOf = (rules: RoomSettings): RoomSettings => ({ ...rules, heldWords: [...rules.heldWords] });

/**
 * The station's rules as the post path and the posts' view read them: kept for `ROOM_RULES_TTL_MS`. The settings
 * page reads `roomRules` itself, always fresh.
 */
export async function cachedRoomRules(db: Db, stationId: string): Promise<RoomSettings> {
  const k = keptIn(db);
  const now = performance.now();
  const hit = k.rules.get(stationId);
  if (hit && hit.until > now) return copyOf(hit.rules);
  const saves = k.saves.get(stationId) ?? 0;
  const rules = await roomRules(db, stationId);
  // A save that committed while this read ran may have been missed: keep nothing then.
  if ((k.saves.get(stationId) ?? 0) === saves) k.rules.set(stationId, { rules, until: now + ROOM_RULES_TTL_MS });
  return copyOf(rules);
}

/** Drops this process's kept rules of the station, after a save has committed. */
function forgetRoomRules(db: Db, stationId: string) {
  const k = keptIn(db);
  k.rules.delete(stationId);
  k.saves.set(stationId, (k.saves.get(stationId) ?? 0) + 1);
}

export async function readRoomSettings(ctx: Ctx, stationId: string): Promise<RoomSettings> {
  await stationInScope(ctx, stationId);
  return roomRules(ctx.db, stationId);
}

/** The station or above sets its rules (room.manage); audited with what changed, never a post's text. */
export async function saveRoomSettings(ctx: Ctx, stationId: string, input: RoomSettings): Promise<RoomSettings> {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const words = [...new Set(input.heldWords.map((w) => w.trim()).filter(Boolean))];
  const value: RoomSettings = { ...input, heldWords: words };
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, roomSettingsKey(stationId), value, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'room.settings.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { answerMinutes: value.answerMinutes, deskMinutes: value.deskMinutes, heldWords: words.length },
    });
  });
  forgetRoomRules(ctx.db, stationId);
  return value;
}
