/**
 * Posting in a room. A member posts with its verified phone (muted: refused with the time left; a held word: kept
 * for a host's review, unseen by the room), "@"s hosts with a clock, within the station's rate limits; a host posts,
 * pins announcements, answers — and a reply by a mentioned staff member or a host stamps the "@" answered, once.
 * Each post takes the room's next `seq` in its own transaction; a resend of one Idempotency-Key makes one post.
 */
import { heldWordIn, type MemberPostInput, type RoomPostView, type StaffPostInput } from '@jingmin/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomHosts, roomMembers, roomPosts, rooms } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { requireKey } from '../../platform/idempotency.js';
import { consume } from '../../platform/ratelimit.js';
import { attachPhotos, deleteOwnerPhotos, type PhotoSender } from '../media/photos.service.js';
import { publishHeldPost, publishRoomEvent } from './live.js';
import { memberOrThrow, roomOrThrow } from './members.service.js';
import { actionWords } from './moderation.service.js';
import { presentPost, type RoomPost, type Viewer } from './posts.view.js';
import {
  assertOpen,
  assertRight,
  type Room,
  type RoomMember,
  type RoomRights,
  residentPhone,
  roomForStaff,
} from './rooms.policy.js';
import { roomRules } from './settings.js';

export type NewPost = Omit<typeof roomPosts.$inferInsert, 'roomId' | 'seq' | 'createdAt'>;

async function byRequestKey(ctx: Ctx, requestKey: string) {
  const [post] = await ctx.db.select().from(roomPosts).where(eq(roomPosts.requestKey, requestKey));
  return post ?? null;
}

/** Makes the post once per request key: a resend (even one racing the first) answers the same post. */
export async function once(ctx: Ctx, requestKey: string, viewer: Viewer, make: () => Promise<RoomPost>) {
  const earlier = await byRequestKey(ctx, requestKey);
  if (earlier) return presentPost(ctx, earlier.id, viewer);
  try {
    return presentPost(ctx, (await make()).id, viewer);
  } catch (err) {
    const won = err instanceof AppError && err.code === 'CONFLICT' ? await byRequestKey(ctx, requestKey) : null;
    if (won) return presentPost(ctx, won.id, viewer);
    throw err;
  }
}

/** The post replied to: one of this room's, not deleted; else 404. */
async function replyTarget(ctx: Ctx, room: Room, replyToId: string | undefined) {
  if (!replyToId) return null;
  const [post] = await ctx.db
    .select()
    .from(roomPosts)
    .where(and(eq(roomPosts.id, replyToId), eq(roomPosts.roomId, room.id)));
  if (!post || post.status === 'deleted') throw new AppError('NOT_FOUND', { what: 'room_post' });
  return post;
}

/** Takes the room's next seq and inserts the post, with its photos, in `tx`. */
export async function insertPost(tx: Tx, ctx: Ctx, room: Room, post: NewPost, sender: PhotoSender, photoIds: string[]) {
  const [next] = await tx
    .update(rooms)
    .set({ lastSeq: sql`${rooms.lastSeq} + 1` })
    .where(and(eq(rooms.id, room.id), eq(rooms.active, true)))
    .returning({ seq: rooms.lastSeq });
  if (!next) throw new AppError('ROOM_CLOSED', { room: room.name });
  const [row] = await tx
    .insert(roomPosts)
    .values({ ...post, roomId: room.id, seq: next.seq, createdAt: ctx.now() })
    .onConflictDoNothing({ target: roomPosts.requestKey })
    .returning();
  // A resend racing the first send: this transaction rolls back, the caller answers the post that won.
  if (!row) throw new AppError('CONFLICT');
  await attachPhotos(tx, sender, photoIds, { owner: { type: 'room_post', id: row.id }, eventId: row.seq });
  return row;
}

export function assertNotMuted(ctx: Ctx, room: Room, member: RoomMember) {
  const now = ctx.now().getTime();
  if (!member.mutedUntil || member.mutedUntil.getTime() <= now) return;
  const minutes = Math.ceil((member.mutedUntil.getTime() - now) / 60_000);
  throw new AppError('ROOM_MUTED', { room: room.name, minutes, reason: member.muteReason ?? '' });
}

/** "@" only the room's hosts. */
async function assertMentionsHost(ctx: Ctx, room: Room, mentions: string[]) {
  if (mentions.length === 0) return;
  const hosts = await ctx.db
    .select({ staffId: roomHosts.staffId })
    .from(roomHosts)
    .where(and(eq(roomHosts.roomId, room.id), inArray(roomHosts.staffId, mentions)));
  if (hosts.length !== mentions.length) throw new AppError('ROOM_MENTION_NOT_HOST');
}

/** 发言 (群众): a member's post, published or — carrying a held word — held for a host. */
export async function postAsMember(
  ctx: Ctx,
  roomId: string,
  input: Required<Pick<MemberPostInput, 'body' | 'mentions' | 'photoIds'>> & MemberPostInput,
  phoneToken: string | undefined,
  idempotencyKey: string | undefined,
): Promise<RoomPostView> {
  const key = requireKey(idempotencyKey);
  const room = await roomOrThrow(ctx, roomId);
  const member = await memberOrThrow(ctx, room, phoneToken);
  const requestKey = sm3(`room-post:${key}:${member.id}`);
  return once(ctx, requestKey, { type: 'member', memberId: member.id }, async () => {
    assertOpen(room);
    assertNotMuted(ctx, room, member);
    const mentions = [...new Set(input.mentions)];
    await assertMentionsHost(ctx, room, mentions);
    await replyTarget(ctx, room, input.replyToId);
    const rules = await roomRules(ctx.db, room.stationId);
    const now = ctx.now();
    await consume(ctx.db, now, [
      { key: `room-post:member:${member.id}`, max: rules.memberPostsPerMinute, windowSeconds: 60 },
      { key: `room-post:room:${room.id}`, max: rules.roomPostsPerMinute, windowSeconds: 60 },
    ]);
    const heldWord = heldWordIn(input.body, rules.heldWords);
    return writeMemberPost(
      ctx,
      room,
      member,
      {
        status: heldWord ? 'held' : 'published',
        memberId: member.id,
        body: input.body,
        replyToId: input.replyToId ?? null,
        mentions,
        place: input.place || null,
        heldWord,
        answerDueAt: mentions.length ? new Date(now.getTime() + rules.answerMinutes * 60_000) : null,
        requestKey,
      },
      input.photoIds,
    );
  });
}

/** The member's post, its photos, its live event (a held one to its poster and staff only) and audit, at once. */
function writeMemberPost(ctx: Ctx, room: Room, member: RoomMember, post: NewPost, photoIds: string[]) {
  return ctx.db.transaction(async (tx) => {
    const sender = { owner: { type: 'room_member' as const, id: member.id }, staffId: null };
    const row = await insertPost(tx, ctx, room, post, sender, photoIds);
    if (row.status === 'held') await publishHeldPost(tx, ctx, room, member.id, row);
    else await publishRoomEvent(tx, ctx, room, 'room.post', row);
    await audit(ctx, tx, {
      action: 'room.post',
      result: 'ok',
      targetType: 'room_post',
      targetId: row.id,
      details: { roomId: room.id, memberId: member.id, status: row.status, mentions: row.mentions.length },
    });
    return row;
  });
}

/** A reply that answers an open "@": by a mentioned staff member, a host or manager, or the desk it reached. */
async function answer(tx: Tx, ctx: Ctx, room: Room, target: RoomPost | null, answers: boolean) {
  if (!target || !answers || !target.answerDueAt || target.answeredAt) return;
  const [stamped] = await tx
    .update(roomPosts)
    .set({ answeredAt: ctx.now(), answeredBy: actorOf(ctx).id })
    .where(and(eq(roomPosts.id, target.id), isNull(roomPosts.answeredAt)))
    .returning({ id: roomPosts.id, seq: roomPosts.seq });
  if (stamped) await publishRoomEvent(tx, ctx, room, 'room.post_changed', stamped);
}

/** 发言 (工作人员): a host's or manager's post or announcement; the desk only answers an "@" that reached it. */
export async function postAsStaff(
  ctx: Ctx,
  roomId: string,
  input: Required<Pick<StaffPostInput, 'body' | 'kind' | 'pinned' | 'photoIds'>> & StaffPostInput,
  idempotencyKey: string | undefined,
): Promise<RoomPostView> {
  const key = requireKey(idempotencyKey);
  const actor = actorOf(ctx);
  const { room, rights } = await roomForStaff(ctx, roomId);
  const viewer = { type: 'staff', staffId: actor.id } as const;
  const requestKey = sm3(`room-post:${key}:staff:${actor.id}`);
  return once(ctx, requestKey, viewer, () => writeStaffPost(ctx, room, rights, input, requestKey));
}

async function writeStaffPost(
  ctx: Ctx,
  room: Room,
  rights: RoomRights,
  input: Required<Pick<StaffPostInput, 'body' | 'kind' | 'pinned' | 'photoIds'>> & StaffPostInput,
  requestKey: string,
) {
  const actor = actorOf(ctx);
  const target = await replyTarget(ctx, room, input.replyToId);
  const deskAnswer =
    actor.capabilities.includes('matter.desk') && target?.escalatedAt != null && input.kind === 'message';
  if (!deskAnswer) assertRight(room, rights, 'post', actionWords(ctx, '发言', 'post'));
  assertOpen(room);
  const answers = rights.post || deskAnswer || (target?.mentions.includes(actor.id) ?? false);
  return ctx.db.transaction(async (tx) => {
    const row = await insertPost(
      tx,
      ctx,
      room,
      {
        kind: input.kind,
        workType: input.workType ?? null,
        staffId: actor.id,
        body: input.body,
        replyToId: input.replyToId ?? null,
        pinnedAt: input.pinned ? ctx.now() : null,
        requestKey,
      },
      { owner: { type: 'staff', id: actor.id }, staffId: actor.id },
      input.photoIds,
    );
    await answer(tx, ctx, room, target, answers);
    await publishRoomEvent(tx, ctx, room, 'room.post', row);
    await audit(ctx, tx, {
      action: 'room.post',
      result: 'ok',
      targetType: 'room_post',
      targetId: row.id,
      details: { roomId: room.id, kind: input.kind, replyToId: input.replyToId ?? null, pinned: input.pinned },
    });
    return row;
  });
}

/** 删除自己的发言: the text and photos go, the row stays (its place in the room's order); an open "@" stops. */
export async function deleteOwnPost(ctx: Ctx, postId: string, phoneToken: string | undefined): Promise<RoomPostView> {
  const [post] = await ctx.db.select().from(roomPosts).where(eq(roomPosts.id, postId));
  if (!post?.memberId) throw new AppError('NOT_FOUND', { what: 'room_post' });
  const room = await roomOrThrow(ctx, post.roomId);
  const { phoneIndex } = await residentPhone(ctx, phoneToken);
  const [mine] = await ctx.db
    .select({ id: roomMembers.id })
    .from(roomMembers)
    .where(and(eq(roomMembers.id, post.memberId), eq(roomMembers.phoneIndex, phoneIndex)));
  if (!mine) throw new AppError('NOT_FOUND', { what: 'room_post' });
  const viewer = { type: 'member', memberId: mine.id } as const;
  if (post.status === 'deleted') return presentPost(ctx, post.id, viewer);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(roomPosts)
      .set({ status: 'deleted', body: '', place: null, deletedAt: ctx.now(), answerDueAt: null })
      .where(eq(roomPosts.id, post.id));
    const photos = await deleteOwnerPhotos(tx, { type: 'room_post', id: post.id });
    await publishRoomEvent(tx, ctx, room, 'room.post_changed', post);
    await audit(ctx, tx, {
      action: 'room.post_delete',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, memberId: mine.id, photos },
    });
  });
  return presentPost(ctx, post.id, viewer);
}

/** Staff's photo upload check: those who may post in the room. */
export async function assertMayPost(ctx: Ctx, roomId: string) {
  const { room, rights } = await roomForStaff(ctx, roomId);
  assertRight(room, rights, 'post', actionWords(ctx, '发言', 'post'));
  return room;
}
