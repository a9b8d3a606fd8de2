/**
 * Photos of room posts, read back by those who may read the post: staff in sight of the room; a member of the
 * room for a published post or its own; anyone for a published announcement's. A deleted post has none left.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { photos, roomPosts } from '../../db/schema/index.js';
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
  const readable = member && (post.status === 'published' || post.memberId === member.id);
  if (!readable) throw new AppError('NOT_FOUND', { what: 'photo' });
  return sendPhoto(reply, photo);
}
