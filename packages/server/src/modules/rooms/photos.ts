/**
 * Photos of room posts, read back by those who may read the post: staff in sight of the room; a member of the
 * room for a published post or its own; a member of any open room of the station for a published lost/found notice
 * shared across it; anyone for a published announcement's. A deleted post has none left.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { photos, roomItems, roomMembers, roomPosts, rooms } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendPhoto } from '../media/photos.queries.js';
import { roomOrThrow } from './members.service.js';
import { currentMember, residentPhone, roomForStaff } from './rooms.policy.js';

async function photoOf(ctx: Ctx, photoId: string, size: 'full' | 'thumb') {
  const [row] = await ctx.db
    .select({
      data: size === 'thumb' ? photos.thumb : photos.data,
      mime: size === 'thumb' ? sql<string>`'image/jpeg'` : photos.mime,
      post: roomPosts,
    })
    .from(photos)
    .innerJoin(roomPosts, eq(roomPosts.id, photos.ownerId))
    .where(and(eq(photos.id, photoId), eq(photos.ownerType, 'room_post')));
  if (!row) throw new AppError('NOT_FOUND', { what: 'photo' });
  return row;
}

export async function roomPhotoForStaff(ctx: Ctx, reply: FastifyReply, photoId: string, size: 'full' | 'thumb') {
  const photo = await photoOf(ctx, photoId, size);
  await roomForStaff(ctx, photo.post.roomId);
  return sendPhoto(reply, photo);
}

/** A published lost/found notice shared across the station, and the phone a member of one of its open rooms. */
async function sharedWith(ctx: Ctx, post: typeof roomPosts.$inferSelect, phoneIndex: string) {
  if (post.status !== 'published' || (post.kind !== 'lost' && post.kind !== 'found')) return false;
  const [row] = await ctx.db
    .select({ id: roomMembers.id })
    .from(roomItems)
    .innerJoin(rooms, and(eq(rooms.stationId, roomItems.stationId), eq(rooms.active, true)))
    .innerJoin(
      roomMembers,
      and(eq(roomMembers.roomId, rooms.id), eq(roomMembers.phoneIndex, phoneIndex), isNull(roomMembers.leftAt)),
    )
    .where(and(eq(roomItems.postId, post.id), eq(roomItems.acrossStation, true)))
    .limit(1);
  return row !== undefined;
}

export async function roomPhotoForMember(
  ctx: Ctx,
  reply: FastifyReply,
  photoId: string,
  size: 'full' | 'thumb',
  phoneToken: string | undefined,
) {
  const photo = await photoOf(ctx, photoId, size);
  const { post } = photo;
  if (post.kind === 'announcement' && post.status === 'published') return sendPhoto(reply, photo);
  const room = await roomOrThrow(ctx, post.roomId);
  const { phoneIndex } = await residentPhone(ctx, phoneToken);
  const member = await currentMember(ctx, room.id, phoneIndex);
  const readable = member
    ? post.status === 'published' || post.memberId === member.id
    : await sharedWith(ctx, post, phoneIndex);
  if (!readable) throw new AppError('NOT_FOUND', { what: 'photo' });
  return sendPhoto(reply, photo);
}
