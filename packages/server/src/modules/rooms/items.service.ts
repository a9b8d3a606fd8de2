/**
 * 失物招领/寻物启事: a room's structured notices — what, where, when, photos and more words, never a phone: contact
 * goes through the room. A member posts one the way it posts a message (verified phone, membership, not muted,
 * the rate limits, held words, one post per Idempotency-Key); a host posts a 失物招领 for an item handed in at the
 * station. The poster or a host of the room closes it once, as 已找到 or 已归还. A notice its poster shares across
 * the station is listed in every open room of the station (items.queries.ts).
 */
import {
  heldWordIn,
  type ItemPostInput,
  labelOf,
  ROOM_ITEM_CLOSING_LABELS,
  ROOM_POST_KIND_LABELS,
  type RoomItemClosing,
  type RoomPostView,
} from '@jingmin/shared';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomItems, roomMembers, roomPosts, rooms } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { requireKey } from '../../platform/idempotency.js';
import { publishHeldPost, publishRoomEvent } from './live.js';
import { memberOrThrow, roomOrThrow } from './members.service.js';
import { actionWords, assertPostStatus, postForStaff, staffView } from './moderation.service.js';
import { assertNotMuted, insertPost, memberLimits, once } from './posts.service.js';
import { presentPost, type RoomPost } from './posts.view.js';
import { assertOpen, assertRight, type Room, type RoomMember, residentPhone, roomForStaff } from './rooms.policy.js';
import { roomRules } from './settings.js';

/** The notice as the route parsed it (defaults filled). */
export type ItemInput = Required<ItemPostInput>;

/** A phone's clock may run a little ahead of ours: "now" on the form is not refused as the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

function assertNotFuture(ctx: Ctx, at: string) {
  if (Date.parse(at) <= ctx.now().getTime() + CLOCK_SKEW_MS) return;
  throw new AppError('VALIDATION', {
    detail: actionWords(
      ctx,
      'at：丢失或拾到的时间不能晚于现在',
      'at: when it was lost or found cannot be in the future',
    ),
  });
}

/** The first held word in what, where or the more words, else null. */
function heldWordOf(input: ItemInput, words: string[]) {
  return [input.what, input.where, input.body].map((text) => heldWordIn(text, words)).find(Boolean) ?? null;
}

/**
 * The other open rooms of the station hear that a notice shared across it came or changed (no post: it is not
 * theirs), so their lost-and-found lists read it again; a held notice stays unheard until a host releases it.
 */
async function tellStation(tx: Tx, ctx: Ctx, room: Room, post: RoomPost, acrossStation: boolean) {
  if (!acrossStation || post.status !== 'published') return;
  await tellOtherRooms(tx, ctx, room);
}

async function tellOtherRooms(tx: Tx, ctx: Ctx, room: Room) {
  const others = await tx
    .select()
    .from(rooms)
    .where(and(eq(rooms.stationId, room.stationId), eq(rooms.active, true), ne(rooms.id, room.id)));
  for (const other of others) await publishRoomEvent(tx, ctx, other, 'room.post_changed', null);
}

/** A host released or hid a post: if it is a notice shared across the station, the other rooms hear it too. */
export async function tellStationOfItem(tx: Tx, ctx: Ctx, room: Room, postId: string) {
  const [item] = await tx
    .select({ acrossStation: roomItems.acrossStation })
    .from(roomItems)
    .where(eq(roomItems.postId, postId));
  if (item?.acrossStation) await tellOtherRooms(tx, ctx, room);
}

/** The notice's particulars beside its post, its live events and its audit entry, in the post's transaction. */
async function writeItem(tx: Tx, ctx: Ctx, room: Room, row: RoomPost, input: ItemInput, member: RoomMember | null) {
  await tx.insert(roomItems).values({
    postId: row.id,
    stationId: room.stationId,
    roomId: room.id,
    what: input.what,
    place: input.where,
    at: new Date(input.at),
    acrossStation: input.acrossStation,
    createdAt: row.createdAt,
  });
  if (row.status === 'held' && member) await publishHeldPost(tx, ctx, room, member.id, row);
  else await publishRoomEvent(tx, ctx, room, 'room.post', row);
  await tellStation(tx, ctx, room, row, input.acrossStation);
  await audit(ctx, tx, {
    action: 'room.item.post',
    result: 'ok',
    targetType: 'room_post',
    targetId: row.id,
    details: {
      roomId: room.id,
      memberId: member?.id ?? null,
      kind: input.kind,
      status: row.status,
      acrossStation: input.acrossStation,
      photos: input.photoIds.length,
    },
  });
  return row;
}

/** 寻物启事/失物招领 (群众): a member's notice, published or — carrying a held word — held for a host. */
export async function postItemAsMember(
  ctx: Ctx,
  roomId: string,
  input: ItemInput,
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
    assertNotFuture(ctx, input.at);
    const rules = await roomRules(ctx.db, room.stationId);
    const heldWord = heldWordOf(input, rules.heldWords);
    const post = {
      kind: input.kind,
      status: heldWord ? ('held' as const) : ('published' as const),
      memberId: member.id,
      body: input.body,
      heldWord,
      requestKey,
    };
    const sender = { owner: { type: 'room_member' as const, id: member.id }, staffId: null };
    return ctx.db.transaction(async (tx) => {
      // Counted with the seq, as a message is: a refused notice spends neither the member's nor the room's.
      const row = await insertPost(tx, ctx, room, post, sender, input.photoIds, memberLimits(rules, room, member));
      return writeItem(tx, ctx, room, row, input, member);
    });
  });
}

/** 失物招领 (工作人员): a host's notice, e.g. for an item handed in at the station. */
export async function postItemAsStaff(
  ctx: Ctx,
  roomId: string,
  input: ItemInput,
  idempotencyKey: string | undefined,
): Promise<RoomPostView> {
  const key = requireKey(idempotencyKey);
  const actor = actorOf(ctx);
  const { room, rights } = await roomForStaff(ctx, roomId);
  const requestKey = sm3(`room-post:${key}:staff:${actor.id}`);
  return once(ctx, requestKey, { type: 'staff', staffId: actor.id }, async () => {
    assertRight(room, rights, 'post', actionWords(ctx, '发布失物招领', 'post lost and found notices'));
    assertOpen(room);
    assertNotFuture(ctx, input.at);
    const post = { kind: input.kind, staffId: actor.id, body: input.body, requestKey };
    const sender = { owner: { type: 'staff' as const, id: actor.id }, staffId: actor.id };
    return ctx.db.transaction(async (tx) => {
      const row = await insertPost(tx, ctx, room, post, sender, input.photoIds);
      return writeItem(tx, ctx, room, row, input, null);
    });
  });
}

/** The post is a notice still open, and not deleted; else ROOM_POST_KIND, ROOM_POST_STATUS or ROOM_ITEM_CLOSED. */
async function openItemOf(ctx: Ctx, post: RoomPost) {
  const [item] = await ctx.db.select().from(roomItems).where(eq(roomItems.postId, post.id));
  if (!item || (post.kind !== 'lost' && post.kind !== 'found'))
    throw new AppError('ROOM_POST_KIND', {
      kind: `${labelOf(ROOM_POST_KIND_LABELS.lost, ctx.locale)}/${labelOf(ROOM_POST_KIND_LABELS.found, ctx.locale)}`,
      action: actionWords(ctx, '标记为已找到或已归还', 'close it as found or returned'),
    });
  assertPostStatus(ctx, post, ['published', 'held', 'hidden'], actionWords(ctx, '标记', 'close'));
  if (item.closedAs) throw closedError(ctx, item.closedAs);
  return item;
}

const closedError = (ctx: Ctx, closedAs: string) =>
  new AppError('ROOM_ITEM_CLOSED', {
    closedAs: labelOf(ROOM_ITEM_CLOSING_LABELS[closedAs as RoomItemClosing], ctx.locale),
  });

interface Closer {
  memberId: string | null;
  staffId: string | null;
}

/** Closes the notice once (two closers at once: the second reads ROOM_ITEM_CLOSED), live and audited. */
async function closeItem(ctx: Ctx, room: Room, post: RoomPost, as: RoomItemClosing, by: Closer) {
  const item = await openItemOf(ctx, post);
  await ctx.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(roomItems)
      .set({ closedAs: as, closedAt: ctx.now(), closedByMember: by.memberId, closedByStaff: by.staffId })
      .where(and(eq(roomItems.postId, post.id), isNull(roomItems.closedAs)))
      .returning({ postId: roomItems.postId });
    if (!closed) {
      const [won] = await tx
        .select({ closedAs: roomItems.closedAs })
        .from(roomItems)
        .where(eq(roomItems.postId, post.id));
      throw closedError(ctx, won?.closedAs ?? as);
    }
    // A held or hidden notice is not the room's to hear of: its poster and the hosts are told.
    if (post.status === 'published') await publishRoomEvent(tx, ctx, room, 'room.post_changed', post);
    else if (post.memberId) await publishHeldPost(tx, ctx, room, post.memberId, post);
    await tellStation(tx, ctx, room, post, item.acrossStation);
    await audit(ctx, tx, {
      action: 'room.item.close',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, as, kind: post.kind, memberId: by.memberId, by: by.staffId ? 'staff' : 'poster' },
    });
  });
}

/** 已找到/已归还 by its poster: the phone that posted it (after leaving the room too); anyone else reads 404. */
export async function closeOwnItem(
  ctx: Ctx,
  postId: string,
  as: RoomItemClosing,
  phoneToken: string | undefined,
): Promise<RoomPostView> {
  const { phoneIndex } = await residentPhone(ctx, phoneToken);
  const [post] = await ctx.db.select().from(roomPosts).where(eq(roomPosts.id, postId));
  if (!post?.memberId) throw new AppError('NOT_FOUND', { what: 'room_post' });
  const [mine] = await ctx.db
    .select({ id: roomMembers.id })
    .from(roomMembers)
    .where(and(eq(roomMembers.id, post.memberId), eq(roomMembers.phoneIndex, phoneIndex)));
  if (!mine) throw new AppError('NOT_FOUND', { what: 'room_post' });
  const room = await roomOrThrow(ctx, post.roomId);
  await closeItem(ctx, room, post, as, { memberId: mine.id, staffId: null });
  return presentPost(ctx, post.id, { type: 'member', memberId: mine.id });
}

/** 已找到/已归还 by a host of the room (群主, 管理员) or a manager of the station: the right to post there. */
export async function closeItemAsStaff(ctx: Ctx, postId: string, as: RoomItemClosing): Promise<RoomPostView> {
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'post', actionWords(ctx, '标记启事', 'close notices'));
  await closeItem(ctx, room, post, as, { memberId: null, staffId: actorOf(ctx).id });
  return staffView(ctx, post.id);
}
