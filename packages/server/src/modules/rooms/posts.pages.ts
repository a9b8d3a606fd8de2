/**
 * Reading a room's history, newest first, a page `before` a seq: one index range on (room_id, seq), so a room of a
 * million posts pages as fast as a new one. Staff read every post; a member the published ones and its own held or
 * hidden ones; anyone the published announcements.
 */
import type { RoomPostPage, RoomPostQuery } from '@jingmin/shared';
import { and, desc, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { roomPosts } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { memberOrThrow, roomOrThrow } from './members.service.js';
import { presentPosts, type Viewer } from './posts.view.js';
import { roomForStaff } from './rooms.policy.js';

const ONLY: Record<NonNullable<RoomPostQuery['only']>, SQL | undefined> = {
  announcements: eq(roomPosts.kind, 'announcement'),
  open_mentions: and(isNotNull(roomPosts.answerDueAt), isNull(roomPosts.answeredAt), ne(roomPosts.status, 'deleted')),
  held: eq(roomPosts.status, 'held'),
};

async function page(
  ctx: Ctx,
  roomId: string,
  query: RoomPostQuery,
  seen: SQL | undefined,
  viewer: Viewer,
): Promise<RoomPostPage> {
  const rows = await ctx.db
    .select()
    .from(roomPosts)
    .where(
      and(
        eq(roomPosts.roomId, roomId),
        query.before !== undefined ? lt(roomPosts.seq, query.before) : undefined,
        query.only ? ONLY[query.only] : undefined,
        seen,
      ),
    )
    .orderBy(desc(roomPosts.seq))
    .limit(query.limit + 1);
  return { items: await presentPosts(ctx, rows.slice(0, query.limit), viewer), hasMore: rows.length > query.limit };
}

/** Staff in sight of the room read all of it, held and hidden posts included. */
export async function staffPosts(ctx: Ctx, roomId: string, query: RoomPostQuery): Promise<RoomPostPage> {
  const { room } = await roomForStaff(ctx, roomId);
  return page(ctx, room.id, query, undefined, { type: 'staff', staffId: actorOf(ctx).id });
}

/** A member reads the published posts, and its own held or hidden ones. */
export async function memberPosts(
  ctx: Ctx,
  roomId: string,
  query: RoomPostQuery,
  phoneToken: string | undefined,
): Promise<RoomPostPage> {
  const room = await roomOrThrow(ctx, roomId);
  const member = await memberOrThrow(ctx, room, phoneToken);
  const seen = or(
    eq(roomPosts.status, 'published'),
    and(eq(roomPosts.memberId, member.id), inArray(roomPosts.status, ['held', 'hidden'])),
  );
  return page(ctx, room.id, query, seen, { type: 'member', memberId: member.id });
}

/** 公告: a room's published announcements, readable without signing in. */
export async function announcements(ctx: Ctx, roomId: string, query: RoomPostQuery): Promise<RoomPostPage> {
  const room = await roomOrThrow(ctx, roomId);
  const seen = and(eq(roomPosts.kind, 'announcement'), eq(roomPosts.status, 'published'));
  return page(ctx, room.id, { ...query, only: undefined }, seen, { type: 'member', memberId: null });
}
