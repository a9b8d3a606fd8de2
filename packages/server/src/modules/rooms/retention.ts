/**
 * 保存期限: a room's posts are removed `retentionDays` (the station's rule) after they were made — the rows and their
 * photos — a room at a time, each room in one transaction with its one audit entry (how many, and the cut-off; never
 * a post's text). The daily pass removes one day's posts per room. A matter made from a post stays: it has its own life and its own retention.
 */
import { and, eq, inArray, lt } from 'drizzle-orm';
import { photos, roomPosts, rooms } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { deleteOwnerPhotos } from '../media/photos.service.js';
import type { Room } from './rooms.policy.js';
import { roomRules } from './settings.js';

async function removeFromRoom(ctx: Ctx, room: Room, before: Date): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const old = await tx
      .select({ id: roomPosts.id })
      .from(roomPosts)
      .where(and(eq(roomPosts.roomId, room.id), lt(roomPosts.createdAt, before)));
    if (old.length === 0) return 0;
    const ids = old.map((p) => p.id);
    const withPhotos = await tx
      .selectDistinct({ id: photos.ownerId })
      .from(photos)
      .where(and(eq(photos.ownerType, 'room_post'), inArray(photos.ownerId, ids)));
    let photoCount = 0;
    for (const p of withPhotos) photoCount += await deleteOwnerPhotos(tx, { type: 'room_post', id: p.id });
    await tx.delete(roomPosts).where(inArray(roomPosts.id, ids));
    await audit(ctx, tx, {
      action: 'room.retention',
      result: 'ok',
      targetType: 'room',
      targetId: room.id,
      details: { posts: ids.length, photos: photoCount, before: before.toISOString() },
    });
    return ids.length;
  });
}

/** One pass over every room: answers how many posts went, in all and per room (rooms with none left out). */
export async function removeOldPosts(ctx: Ctx): Promise<{ posts: number; rooms: number }> {
  const now = ctx.now().getTime();
  const all = await ctx.db.select().from(rooms).orderBy(rooms.stationId);
  const rules = new Map<string, number>();
  let posts = 0;
  let touched = 0;
  for (const room of all) {
    let days = rules.get(room.stationId);
    if (days === undefined) {
      days = (await roomRules(ctx.db, room.stationId)).retentionDays;
      rules.set(room.stationId, days);
    }
    const before = new Date(now - days * 86_400_000);
    const gone = await removeFromRoom(ctx, room, before);
    posts += gone;
    if (gone > 0) touched += 1;
  }
  return { posts, rooms: touched };
}
