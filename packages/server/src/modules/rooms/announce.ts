/**
 * Announcements another module posts in a room inside its own transaction (宣传与预警: a notice reaches its
 * rooms as a pinned announcement; its withdrawal unpins it and posts the correction). Posted as the staff member
 * named (the notice's author), through the room's own `seq`, live event and photo-less post; once per `key`,
 * so a step retried posts nothing twice. The caller audits its own step.
 */
import type { RoomWorkType } from '@jingmin/shared';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomPosts, rooms } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { publishRoomEvent } from './live.js';
import { insertPost } from './posts.service.js';

export interface Announcement {
  /** Who it is shown as. */
  staffId: string;
  body: string;
  pinned: boolean;
  workType: RoomWorkType | null;
  /** The caller's stable name for this announcement (e.g. `warning:<id>`): one post per room and key. */
  key: string;
}

const requestKeyOf = (roomId: string, key: string) => sm3(`room-announce:${roomId}:${key}`);

/** Posts the announcement in the room; null when the room has closed meanwhile (nothing is posted there). */
export async function announceInRoom(tx: Tx, ctx: Ctx, roomId: string, a: Announcement) {
  const [room] = await tx.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room?.active) return null;
  const requestKey = requestKeyOf(roomId, a.key);
  const [earlier] = await tx
    .select({ id: roomPosts.id, seq: roomPosts.seq })
    .from(roomPosts)
    .where(eq(roomPosts.requestKey, requestKey));
  if (earlier) return earlier;
  const post = await insertPost(
    tx,
    ctx,
    room,
    {
      kind: 'announcement',
      workType: a.workType,
      staffId: a.staffId,
      body: a.body,
      pinnedAt: a.pinned ? ctx.now() : null,
      requestKey,
    },
    { owner: { type: 'staff', id: a.staffId }, staffId: a.staffId },
    [],
  );
  await publishRoomEvent(tx, ctx, room, 'room.post', post);
  return { id: post.id, seq: post.seq };
}

/** Unpins the announcement posted under `key` in the room, if it is still pinned; answers whether it was. */
export async function unpinAnnouncement(tx: Tx, ctx: Ctx, roomId: string, key: string) {
  const [post] = await tx
    .update(roomPosts)
    .set({ pinnedAt: null })
    .where(
      and(
        eq(roomPosts.roomId, roomId),
        eq(roomPosts.requestKey, requestKeyOf(roomId, key)),
        isNotNull(roomPosts.pinnedAt),
      ),
    )
    .returning({ id: roomPosts.id, seq: roomPosts.seq });
  if (!post) return false;
  const [room] = await tx.select().from(rooms).where(eq(rooms.id, roomId));
  if (room) await publishRoomEvent(tx, ctx, room, 'room.post_changed', post);
  return true;
}
