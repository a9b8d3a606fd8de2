/**
 * Residents in rooms: offered from their doorplate (the area rooms covering its unit) or an invitation, joined
 * with a verified phone under a nickname and the doorplate's village, left at will. A phone is known to a room by
 * its keyed index alone; no view here carries it.
 */
import type { JoinRoomInput, MyRooms, PublicRoom, RoomMembership, RoomMemberView } from '@jingmin/shared';
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { households, phoneSessions, roomMembers, roomPosts, rooms, units } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { isUnder } from '../../platform/scope.js';
import { liveSession, phoneSessionOrThrow } from '../residents/phone.service.js';
import { publishMemberRemoved, publishRoomEvent } from './live.js';
import { actionWords } from './moderation.service.js';
import {
  assertOpen,
  assertRight,
  currentMember,
  type Room,
  type RoomMember,
  residentPhone,
  roomForStaff,
} from './rooms.policy.js';
import { presentPublicRooms } from './rooms.queries.js';

export function membershipView(m: RoomMember): RoomMembership {
  return {
    memberId: m.id,
    roomId: m.roomId,
    nickname: m.nickname,
    place: m.place,
    joinedAt: m.joinedAt.toISOString(),
    mutedUntil: m.mutedUntil?.toISOString() ?? null,
  };
}

/** The phone behind an optional x-phone-token: browsing works without one (joined is then false). */
async function optionalPhone(ctx: Ctx, token: string | undefined) {
  if (!token) return null;
  return phoneSessionOrThrow(ctx, token)
    .then((s) => s.phoneIndex)
    .catch(() => null);
}

export async function roomOrThrow(ctx: Ctx, roomId: string): Promise<Room> {
  const [room] = await ctx.db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room) throw new AppError('NOT_FOUND', { what: 'room' });
  return room;
}

async function householdOf(ctx: Ctx, token: string) {
  const [h] = await ctx.db
    .select({ id: households.id, unitPath: households.unitPath })
    .from(households)
    .where(eq(households.doorplateToken, token));
  if (!h) throw new AppError('NOT_FOUND', { what: 'doorplate' });
  return h;
}

/** Every prefix of a materialised path: `/a/`, `/a/b/`, … — the units that cover it. */
const coveringPaths = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((_, i, ids) => `/${ids.slice(0, i + 1).join('/')}/`);

/** 门牌页的议事厅: the open area rooms covering the doorplate's unit, and nothing else. */
export async function doorplateRooms(ctx: Ctx, token: string, phoneToken: string | undefined): Promise<PublicRoom[]> {
  const household = await householdOf(ctx, token);
  const list = await ctx.db
    .select()
    .from(rooms)
    .where(
      and(eq(rooms.kind, 'area'), eq(rooms.active, true), inArray(rooms.unitPath, coveringPaths(household.unitPath))),
    )
    .orderBy(asc(rooms.name));
  return presentPublicRooms(ctx, list, await optionalPhone(ctx, phoneToken));
}

/** The room an invitation opens; an unknown or rotated one is a plain 404. */
export async function inviteRoom(ctx: Ctx, token: string, phoneToken: string | undefined): Promise<PublicRoom> {
  const [room] = await ctx.db.select().from(rooms).where(eq(rooms.inviteToken, token));
  if (!room) throw new AppError('NOT_FOUND', { what: 'room' });
  const [view] = await presentPublicRooms(ctx, [room], await optionalPhone(ctx, phoneToken));
  if (!view) throw new AppError('NOT_FOUND', { what: 'room' });
  return view;
}

/** How the resident came: its doorplate under the room's unit (and its village shown), or the room's invitation. */
async function entryOf(ctx: Ctx, room: Room, input: JoinRoomInput) {
  if (input.inviteToken !== undefined) {
    if (input.inviteToken !== room.inviteToken) throw new AppError('NOT_FOUND', { what: 'room' });
    return { via: 'invite', householdId: null, place: null };
  }
  const household = await householdOf(ctx, input.doorplateToken ?? '');
  if (room.kind !== 'area' || !isUnder(household.unitPath, room.unitPath))
    throw new AppError('NOT_FOUND', { what: 'room' });
  const [village] = await ctx.db
    .select({ name: units.name })
    .from(units)
    .where(and(inArray(units.id, household.unitPath.split('/').filter(Boolean)), eq(units.kind, 'village')));
  return { via: 'doorplate', householdId: household.id, place: village?.name ?? null };
}

/** 入群: a verified phone joins (or rejoins after leaving) under a nickname no current member uses. */
export async function joinRoom(
  ctx: Ctx,
  roomId: string,
  input: JoinRoomInput,
  phoneToken: string | undefined,
): Promise<RoomMembership> {
  const { phoneIndex } = await residentPhone(ctx, phoneToken);
  const room = await roomOrThrow(ctx, roomId);
  assertOpen(room);
  const entry = await entryOf(ctx, room, input);
  const now = ctx.now();
  const member = await ctx.db.transaction(async (tx) => {
    // One join at a time per room: two residents picking the same nickname at once get one refusal.
    await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.id, room.id)).for('update');
    const [earlier] = await tx
      .select()
      .from(roomMembers)
      .where(and(eq(roomMembers.roomId, room.id), eq(roomMembers.phoneIndex, phoneIndex)));
    if (earlier && earlier.leftAt === null) return earlier;
    if (earlier?.removedUntil && earlier.removedUntil > now)
      throw new AppError('ROOM_REMOVED', {
        room: room.name,
        until: earlier.removedUntil.toISOString().slice(0, 10),
        reason: earlier.removeReason ?? '',
      });
    const [taken] = await tx
      .select({ id: roomMembers.id })
      .from(roomMembers)
      .where(
        and(
          eq(roomMembers.roomId, room.id),
          eq(roomMembers.nickname, input.nickname),
          isNull(roomMembers.leftAt),
          ne(roomMembers.phoneIndex, phoneIndex),
        ),
      );
    if (taken) throw new AppError('ROOM_NICKNAME_TAKEN', { nickname: input.nickname });
    const values = { nickname: input.nickname, place: entry.place, householdId: entry.householdId, joinedAt: now };
    const [row] = earlier
      ? await tx
          .update(roomMembers)
          .set({ ...values, leftAt: null, removedUntil: null })
          .where(eq(roomMembers.id, earlier.id))
          .returning()
      : await tx
          .insert(roomMembers)
          .values({ roomId: room.id, phoneIndex, ...values })
          .returning();
    if (!row) throw new AppError('CONFLICT');
    await publishRoomEvent(tx, ctx, room, 'room.post_changed', null);
    await audit(ctx, tx, {
      action: 'room.join',
      result: 'ok',
      targetType: 'room',
      targetId: room.id,
      details: { memberId: row.id, via: entry.via, rejoin: Boolean(earlier) },
    });
    return row;
  });
  return membershipView(member);
}

/** The request's phone as a current member of the room, else ROOM_NOT_MEMBER. */
export async function memberOrThrow(ctx: Ctx, room: Room, phoneToken: string | undefined) {
  const { phoneIndex } = await residentPhone(ctx, phoneToken);
  const member = await currentMember(ctx, room.id, phoneIndex);
  if (!member) throw new AppError('ROOM_NOT_MEMBER', { room: room.name });
  return member;
}

/** The read behind `roomAndMemberOrThrow`, prepared once per database: a resident's every post starts with it. */
function roomAndMemberQuery(db: Db) {
  return db
    .select({ room: rooms, stationName: units.name, phoneIndex: phoneSessions.phoneIndex, member: roomMembers })
    .from(rooms)
    .innerJoin(units, eq(units.id, rooms.stationId))
    .leftJoin(phoneSessions, liveSession(sql.placeholder('tokenHash'), sql`${sql.placeholder('now')}::timestamptz`))
    .leftJoin(
      roomMembers,
      and(
        eq(roomMembers.roomId, rooms.id),
        eq(roomMembers.phoneIndex, phoneSessions.phoneIndex),
        isNull(roomMembers.leftAt),
      ),
    )
    .where(eq(rooms.id, sql.placeholder('roomId')))
    .prepare('room_and_member');
}
const roomAndMemberQueries = new WeakMap<Db, ReturnType<typeof roomAndMemberQuery>>();

/**
 * `roomOrThrow` and `memberOrThrow` in one read — the room (with its station's name), the phone session behind the
 * x-phone-token (live as `phoneSessionOrThrow` takes it: the token's hash, not expired) and its current membership —
 * answering NOT_FOUND, PHONE_SESSION_REQUIRED and ROOM_NOT_MEMBER in that order, as the two would.
 */
export async function roomAndMemberOrThrow(ctx: Ctx, roomId: string, phoneToken: string | undefined) {
  let query = roomAndMemberQueries.get(ctx.db);
  if (!query) {
    query = roomAndMemberQuery(ctx.db);
    roomAndMemberQueries.set(ctx.db, query);
  }
  // No token (or one too long to be ours) finds no session: no session's hash is empty.
  const tokenHash = phoneToken && phoneToken.length <= 100 ? sm3(phoneToken) : '';
  const [row] = await query.execute({ roomId, tokenHash, now: ctx.now().toISOString() });
  if (!row) throw new AppError('NOT_FOUND', { what: 'room' });
  if (row.phoneIndex === null) throw new AppError('PHONE_SESSION_REQUIRED');
  if (!row.member) throw new AppError('ROOM_NOT_MEMBER', { room: row.room.name });
  return { room: row.room, stationName: row.stationName, member: row.member };
}

/** 退群: the member leaves; its posts stay under its nickname, its open streams close. */
export async function leaveRoom(ctx: Ctx, roomId: string, phoneToken: string | undefined): Promise<RoomMembership> {
  const room = await roomOrThrow(ctx, roomId);
  const member = await memberOrThrow(ctx, room, phoneToken);
  const left = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(roomMembers)
      .set({ leftAt: ctx.now() })
      .where(and(eq(roomMembers.id, member.id), isNull(roomMembers.leftAt)))
      .returning();
    if (!row) throw new AppError('CONFLICT');
    await publishMemberRemoved(tx, ctx, room, member.id);
    await publishRoomEvent(tx, ctx, room, 'room.post_changed', null);
    await audit(ctx, tx, {
      action: 'room.leave',
      result: 'ok',
      targetType: 'room',
      targetId: room.id,
      details: { memberId: member.id },
    });
    return row;
  });
  return membershipView(left);
}

/** 我的议事厅: the rooms this phone is in, with how each reads it. */
export async function myRooms(ctx: Ctx, phoneToken: string | undefined): Promise<MyRooms> {
  const { phoneIndex } = await residentPhone(ctx, phoneToken);
  const rows = await ctx.db
    .select({ room: rooms, member: roomMembers })
    .from(roomMembers)
    .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
    .where(and(eq(roomMembers.phoneIndex, phoneIndex), isNull(roomMembers.leftAt)))
    .orderBy(asc(rooms.name));
  const views = await presentPublicRooms(
    ctx,
    rows.map((r) => r.room),
    phoneIndex,
  );
  const memberOf = new Map(rows.map((r) => [r.room.id, r.member]));
  return views.flatMap((v) => {
    const member = memberOf.get(v.id);
    return member ? [{ ...v, membership: membershipView(member) }] : [];
  });
}

/** 群成员: for the room's hosts and the station's managers — nicknames and places, never a phone. */
export async function listMembers(ctx: Ctx, roomId: string): Promise<RoomMemberView[]> {
  const { room, rights } = await roomForStaff(ctx, roomId);
  assertRight(room, rights, 'moderate', actionWords(ctx, '查看成员', 'list the members'));
  const rows = await ctx.db
    .select()
    .from(roomMembers)
    .where(eq(roomMembers.roomId, room.id))
    .orderBy(asc(roomMembers.joinedAt));
  const posts = rows.length
    ? await ctx.db
        .select({ memberId: roomPosts.memberId, n: count() })
        .from(roomPosts)
        .where(
          inArray(
            roomPosts.memberId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(roomPosts.memberId)
    : [];
  const postsOf = new Map(posts.map((p) => [p.memberId, Number(p.n)]));
  return rows.map((m) => ({
    id: m.id,
    nickname: m.nickname,
    place: m.place,
    joinedAt: m.joinedAt.toISOString(),
    leftAt: m.leftAt?.toISOString() ?? null,
    mutedUntil: m.mutedUntil?.toISOString() ?? null,
    removedUntil: m.removedUntil?.toISOString() ?? null,
    posts: postsOf.get(m.id) ?? 0,
  }));
}
