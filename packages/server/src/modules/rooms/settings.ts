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
import { KeptSettings, saveSetting } from '../../platform/settings.js';
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

const copyOf = (rules: RoomSettings): RoomSettings => ({ ...rules, heldWords: [...rules.heldWords] });
const kept = new KeptSettings(roomRules, ROOM_RULES_TTL_MS, copyOf);

/**
 * The station's rules as the post path and the posts' view read them: kept for `ROOM_RULES_TTL_MS`. The settings
 * page reads `roomRules` itself, always fresh.
 */
export const cachedRoomRules = (db: Db, stationId: string): Promise<RoomSettings> => kept.get(db, stationId);

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
  kept.forget(ctx.db, stationId);
  return value;
}
