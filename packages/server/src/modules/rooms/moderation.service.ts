/**
 * The hosts' work on posts: tag one of the seven kinds of work, pin an announcement, hide a post (its poster reads
 * the reason), release one the word list held. Each is guard → one transaction with its live event and its audit
 * entry (ids and the host's reason, never the post's text), and answers the post as staff read it.
 */
import {
  labelOf,
  ROOM_POST_STATUS_LABELS,
  type RoomLiveEvent,
  type RoomPostStatus,
  type RoomPostView,
} from '@jingmin/shared';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomPosts } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { tellStationOfItem } from './items.service.js';
import { publishRoomEvent } from './live.js';
import { presentPost, type RoomPost } from './posts.view.js';
import { resolveReports } from './reports.service.js';
import { assertRight, type Room, type RoomRights, roomForStaff } from './rooms.policy.js';

/** The words of an action in the caller's language, for ROOM_NOT_HOST and ROOM_POST_STATUS. */
export const actionWords = (ctx: Ctx, zh: string, en: string) => (ctx.locale === 'en' ? en : zh);

/** A post, its room and the actor's rights there; 404 when the post is gone or its room is out of sight. */
export async function postForStaff(
  ctx: Ctx,
  postId: string,
): Promise<{ post: RoomPost; room: Room; rights: RoomRights }> {
  const [post] = await ctx.db.select().from(roomPosts).where(eq(roomPosts.id, postId));
  if (!post) throw new AppError('NOT_FOUND', { what: 'room_post' });
  return { post, ...(await roomForStaff(ctx, post.roomId)) };
}

export function assertPostStatus(ctx: Ctx, post: RoomPost, allowed: readonly RoomPostStatus[], action: string) {
  if (!allowed.includes(post.status))
    throw new AppError('ROOM_POST_STATUS', {
      status: labelOf(ROOM_POST_STATUS_LABELS[post.status], ctx.locale),
      action,
    });
}

export const staffView = (ctx: Ctx, postId: string): Promise<RoomPostView> =>
  presentPost(ctx, postId, { type: 'staff', staffId: actorOf(ctx).id });

interface Change {
  post: RoomPost;
  room: Room;
  set: Partial<typeof roomPosts.$inferInsert>;
  /** The update holds only while this is still true (the old status: two hosts at once give a 409). */
  guard?: SQL;
  event: RoomLiveEvent;
  action: string;
  details: Record<string, unknown>;
  /** More of the same change, in its transaction (隐藏 closes the post's open reports). */
  also?: (tx: Tx) => Promise<unknown>;
}

/** One change of a post with its live event and audit entry, in one transaction. */
async function changePost(ctx: Ctx, c: Change) {
  await ctx.db.transaction(async (t) => {
    const [updated] = await t
      .update(roomPosts)
      .set(c.set)
      .where(and(eq(roomPosts.id, c.post.id), c.guard))
      .returning({ id: roomPosts.id, seq: roomPosts.seq });
    if (!updated) throw new AppError('CONFLICT');
    await c.also?.(t);
    await publishRoomEvent(t, ctx, c.room, c.event, updated);
    await audit(ctx, t, {
      action: c.action,
      result: 'ok',
      targetType: 'room_post',
      targetId: c.post.id,
      details: { roomId: c.room.id, ...c.details },
    });
  });
  return staffView(ctx, c.post.id);
}

const LIVE: RoomPostStatus[] = ['published', 'held', 'hidden'];

/** 标注: one of the seven kinds of work, or none. */
export async function tagPost(ctx: Ctx, postId: string, workType: string | null) {
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'post', actionWords(ctx, '标注发言', 'tag posts'));
  assertPostStatus(ctx, post, LIVE, actionWords(ctx, '标注', 'tag'));
  return changePost(ctx, {
    post,
    room,
    set: { workType },
    event: 'room.post_changed',
    action: 'room.post.tag',
    details: { from: post.workType, to: workType },
  });
}

/** 置顶 or 取消置顶: pinned posts stay at the top of the room. */
export async function pinPost(ctx: Ctx, postId: string, pinned: boolean) {
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'post', actionWords(ctx, '置顶发言', 'pin posts'));
  assertPostStatus(ctx, post, ['published'], actionWords(ctx, '置顶', 'pin'));
  return changePost(ctx, {
    post,
    room,
    set: { pinnedAt: pinned ? ctx.now() : null },
    event: 'room.post_changed',
    action: pinned ? 'room.post.pin' : 'room.post.unpin',
    details: {},
  });
}

/** 隐藏: a published or held post leaves the room; its poster reads the reason. */
export async function hidePost(ctx: Ctx, postId: string, reason: string) {
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'moderate', actionWords(ctx, '隐藏发言', 'hide posts'));
  const from: RoomPostStatus[] = ['published', 'held'];
  assertPostStatus(ctx, post, from, actionWords(ctx, '隐藏', 'hide'));
  return changePost(ctx, {
    post,
    room,
    set: { status: 'hidden', hiddenReason: reason, hiddenBy: actorOf(ctx).id, hiddenAt: ctx.now(), pinnedAt: null },
    guard: inArray(roomPosts.status, from),
    event: 'room.post_changed',
    action: 'room.post.hide',
    details: { from: post.status, reason },
    also: async (tx) => {
      await resolveReports(tx, ctx, post.id, 'hidden');
      await tellStationOfItem(tx, ctx, room, post.id);
    },
  });
}

/** 通过: a post the word list held is published; the room reads it live as a new post. */
export async function releasePost(ctx: Ctx, postId: string) {
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'moderate', actionWords(ctx, '审核发言', 'review posts'));
  assertPostStatus(ctx, post, ['held'], actionWords(ctx, '通过审核', 'release'));
  return changePost(ctx, {
    post,
    room,
    set: { status: 'published', heldWord: null },
    guard: eq(roomPosts.status, 'held'),
    event: 'room.post',
    action: 'room.post.release',
    details: { heldWord: post.heldWord },
    also: (tx) => tellStationOfItem(tx, ctx, room, post.id),
  });
}
