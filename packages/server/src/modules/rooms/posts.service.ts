/**
 * Posting in a room. A member posts with its verified phone (muted: refused with the time left; a held word: kept
 * for a host's review, unseen by the room), "@"s hosts with a clock, within the station's rate limits; a host posts,
 * pins announcements, answers — and a reply by a mentioned staff member or a host stamps the "@" answered, once.
 * Each post takes the room's next `seq` in its own transaction; a resend of one Idempotency-Key makes one post.
 */
import { heldWordIn, type MemberPostInput, type RoomPostView, type StaffPostInput } from '@jingmin/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { roomHosts, roomItems, roomMembers, roomPosts, staff } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { requireKey } from '../../platform/idempotency.js';
import { assertWithinLimits, type Limit, limitCtes, overColumn } from '../../platform/ratelimit.js';
import { attachPhotos, deleteOwnerPhotos, type PhotoSender } from '../media/photos.service.js';
import { tellStationOfItem } from './items.service.js';
import { publishHeldPost, publishRoomEvent } from './live.js';
import { roomAndMemberOrThrow, roomOrThrow } from './members.service.js';
import { actionWords } from './moderation.service.js';
import { presentPost, presentWritten, type RoomPost, type Viewer, type Written } from './posts.view.js';
import {
  assertOpen,
  assertRight,
  type Room,
  type RoomMember,
  type RoomRights,
  residentPhone,
  roomForStaff,
} from './rooms.policy.js';
import { cachedRoomRules } from './settings.js';

export type NewPost = Omit<typeof roomPosts.$inferInsert, 'roomId' | 'seq' | 'createdAt'>;

/** The post made under a request key, prepared once per database: every post's resend check. */
const byRequestKeyQuery = (db: Db) =>
  db
    .select()
    .from(roomPosts)
    .where(eq(roomPosts.requestKey, sql.placeholder('requestKey')))
    .prepare('room_post_by_request_key');
const byRequestKeyQueries = new WeakMap<Db, ReturnType<typeof byRequestKeyQuery>>();

async function byRequestKey(ctx: Ctx, requestKey: string) {
  let query = byRequestKeyQueries.get(ctx.db);
  if (!query) {
    query = byRequestKeyQuery(ctx.db);
    byRequestKeyQueries.set(ctx.db, query);
  }
  const [post] = await query.execute({ requestKey });
  return post ?? null;
}

/** What making a post answers: its row (presented by reading it back), or its view made from what the write held. */
type Made = RoomPost | { view: RoomPostView };

/** Makes the post once per request key: a resend (even one racing the first) answers the same post. */
export async function once(ctx: Ctx, requestKey: string, viewer: Viewer, make: () => Promise<Made>) {
  const earlier = await byRequestKey(ctx, requestKey);
  if (earlier) return presentPost(ctx, earlier.id, viewer);
  try {
    const made = await make();
    return 'view' in made ? made.view : presentPost(ctx, made.id, viewer);
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

/**
 * The room's next seq, unless it has closed (null). `limits` (a member's post) are counted in the same statement,
 * and past one of them no seq is taken: RATE_LIMITED, and the transaction rolls the count back with the post.
 */
async function nextSeq(tx: Tx, ctx: Ctx, room: Room, limits: Limit[]) {
  const now = ctx.now();
  const counted = limits.length > 0;
  const next = sql`next AS (UPDATE rooms SET last_seq = last_seq + 1
    WHERE id = ${room.id}::uuid AND active${counted ? sql` AND NOT EXISTS (SELECT 1 FROM over)` : sql``} RETURNING last_seq)`;
  const [row] = rowsOf<{ seq: number | string | null; overLimit: string[] }>(
    await tx.execute(
      sql`WITH ${sql.join([...(counted ? limitCtes(limits, now) : []), next], sql`, `)}
        SELECT (SELECT last_seq FROM next) AS seq, ${counted ? overColumn : sql`'{}'::text[] AS "overLimit"`}`,
    ),
  );
  assertWithinLimits(limits, row?.overLimit ?? [], now);
  return row?.seq == null ? null : Number(row.seq);
}

/**
 * Takes the room's next seq and inserts the post, with its photos, in `tx`; a member's post counts its `limits`
 * with the seq, so a refused post takes none and a post rolled back leaves no count.
 */
export async function insertPost(
  tx: Tx,
  ctx: Ctx,
  room: Room,
  post: NewPost,
  sender: PhotoSender,
  photoIds: string[],
  limits: Limit[] = [],
) {
  const seq = await nextSeq(tx, ctx, room, limits);
  if (seq === null) throw new AppError('ROOM_CLOSED', { room: room.name });
  const [row] = await tx
    .insert(roomPosts)
    .values({ ...post, roomId: room.id, seq, createdAt: ctx.now() })
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

/** A member's posts (messages and notices alike) per minute, and the room's: counted with the post's seq. */
export function memberLimits(
  rules: { memberPostsPerMinute: number; roomPostsPerMinute: number },
  room: Room,
  member: RoomMember,
): Limit[] {
  return [
    { key: `room-post:member:${member.id}`, max: rules.memberPostsPerMinute, windowSeconds: 60 },
    { key: `room-post:room:${room.id}`, max: rules.roomPostsPerMinute, windowSeconds: 60 },
  ];
}

/** "@" only the room's hosts: answers them (nickname parts and host role), for the post's view. */
async function mentionedHosts(ctx: Ctx, room: Room, mentions: string[]): Promise<Written['staff']> {
  if (mentions.length === 0) return [];
  const hosts = await ctx.db
    .select({ id: roomHosts.staffId, displayName: staff.displayName, roles: staff.roles, hostRole: roomHosts.role })
    .from(roomHosts)
    .innerJoin(staff, eq(staff.id, roomHosts.staffId))
    .where(and(eq(roomHosts.roomId, room.id), inArray(roomHosts.staffId, mentions)));
  if (hosts.length !== mentions.length) throw new AppError('ROOM_MENTION_NOT_HOST');
  return hosts;
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
  const { room, stationName, member } = await roomAndMemberOrThrow(ctx, roomId, phoneToken);
  const requestKey = sm3(`room-post:${key}:${member.id}`);
  const viewer = { type: 'member', memberId: member.id } as const;
  return once(ctx, requestKey, viewer, async () => {
    assertOpen(room);
    assertNotMuted(ctx, room, member);
    const mentions = [...new Set(input.mentions)];
    const hosts = await mentionedHosts(ctx, room, mentions);
    await replyTarget(ctx, room, input.replyToId);
    const rules = await cachedRoomRules(ctx.db, room.stationId);
    const now = ctx.now();
    // The place is shown to the room too: a held word there holds the post as one in its text does.
    const heldWord = heldWordIn(input.body, rules.heldWords) ?? heldWordIn(input.place ?? '', rules.heldWords);
    const post: NewPost = {
      status: heldWord ? 'held' : 'published',
      memberId: member.id,
      body: input.body,
      replyToId: input.replyToId ?? null,
      mentions,
      place: input.place || null,
      heldWord,
      answerDueAt: mentions.length ? new Date(now.getTime() + rules.answerMinutes * 60_000) : null,
      requestKey,
    };
    const row = await writeMemberPost(ctx, room, member, post, input.photoIds, memberLimits(rules, room, member));
    const written = {
      room: { stationId: room.stationId, stationName, nicknamePattern: rules.nicknamePattern },
      member,
      staff: hosts,
      photoIds: input.photoIds,
    };
    return { view: await presentWritten(ctx, row, written, viewer) };
  });
}

/** The member's post, its photos, its live event (a held one to its poster and staff only) and audit, at once. */
function writeMemberPost(ctx: Ctx, room: Room, member: RoomMember, post: NewPost, photoIds: string[], limits: Limit[]) {
  return ctx.db.transaction(async (tx) => {
    const sender = { owner: { type: 'room_member' as const, id: member.id }, staffId: null };
    const row = await insertPost(tx, ctx, room, post, sender, photoIds, limits);
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
    // A notice's particulars go with its text: what and where are the poster's words too.
    await tx.update(roomItems).set({ what: '', place: '' }).where(eq(roomItems.postId, post.id));
    await tellStationOfItem(tx, ctx, room, post.id);
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
