/**
 * Read models of rooms: their hosts by standard nickname, the counts a host's list shows, and what a resident is
 * offered (never who is in a room). One query per table for any number of rooms.
 */
import { type PublicRoom, type RoomHostView, type RoomSummary, staffNickname } from '@jingmin/shared';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { roomHosts, roomMembers, roomPostReports, roomPosts, rooms, staff, units } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Room } from './rooms.policy.js';
import { roomRules } from './settings.js';

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Each room's hosts, owner first, as residents read them (柳塘派出所·石警官). */
export async function hostsOf(ctx: Ctx, list: Room[]): Promise<Map<string, RoomHostView[]>> {
  const byRoom = new Map<string, RoomHostView[]>(list.map((r) => [r.id, []]));
  if (list.length === 0) return byRoom;
  const stationIds = unique(list.map((r) => r.stationId));
  const [rows, stations] = await Promise.all([
    ctx.db
      .select({
        roomId: roomHosts.roomId,
        staffId: roomHosts.staffId,
        role: roomHosts.role,
        name: staff.displayName,
        roles: staff.roles,
      })
      .from(roomHosts)
      .innerJoin(staff, eq(staff.id, roomHosts.staffId))
      .where(inArray(roomHosts.roomId, [...byRoom.keys()]))
      .orderBy(roomHosts.role, roomHosts.addedAt),
    ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, stationIds)),
  ]);
  const nicknameOf = new Map<string, (who: { displayName: string; roles: string[] }) => string>();
  for (const s of stations) {
    const { nicknamePattern } = await roomRules(ctx.db, s.id);
    nicknameOf.set(s.id, (who) => staffNickname(nicknamePattern, s.name, who));
  }
  const stationOf = new Map(list.map((r) => [r.id, r.stationId]));
  for (const h of rows) {
    const who = { displayName: h.name, roles: h.roles };
    const nickname = nicknameOf.get(stationOf.get(h.roomId) ?? '')?.(who) ?? h.name;
    byRoom.get(h.roomId)?.push({ staffId: h.staffId, role: h.role, nickname });
  }
  return byRoom;
}

/** Current members per room. */
async function memberCounts(ctx: Ctx, roomIds: string[]) {
  const rows = await ctx.db
    .select({ roomId: roomMembers.roomId, n: count() })
    .from(roomMembers)
    .where(and(inArray(roomMembers.roomId, roomIds), isNull(roomMembers.leftAt)))
    .groupBy(roomMembers.roomId);
  return new Map(rows.map((r) => [r.roomId, Number(r.n)]));
}

/** The names of the units rooms cover. */
async function unitNames(ctx: Ctx, list: Room[]) {
  const ids = unique(list.flatMap((r) => (r.unitId ? [r.unitId] : [])));
  if (ids.length === 0) return new Map<string, string>();
  const rows = await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
  return new Map(rows.map((u) => [u.id, u.name]));
}

/** The list's rows: hosts, members, open and overdue "@", held posts and the last post's time. */
export async function summarize(ctx: Ctx, list: Room[]): Promise<RoomSummary[]> {
  if (list.length === 0) return [];
  const ids = list.map((r) => r.id);
  const now = ctx.now();
  const last = alias(roomPosts, 'last_post');
  const [hosts, members, names, open, lastRows, reported] = await Promise.all([
    hostsOf(ctx, list),
    memberCounts(ctx, ids),
    unitNames(ctx, list),
    ctx.db
      .select({
        roomId: roomPosts.roomId,
        open: sql<number>`count(*) FILTER (WHERE ${roomPosts.answerDueAt} IS NOT NULL AND ${roomPosts.answeredAt} IS NULL AND ${roomPosts.status} <> 'deleted')`,
        overdue: sql<number>`count(*) FILTER (WHERE ${roomPosts.answerDueAt} < ${now} AND ${roomPosts.answeredAt} IS NULL AND ${roomPosts.status} <> 'deleted')`,
        held: sql<number>`count(*) FILTER (WHERE ${roomPosts.status} = 'held')`,
      })
      .from(roomPosts)
      .where(
        and(
          inArray(roomPosts.roomId, ids),
          sql`(${roomPosts.status} = 'held' OR (${roomPosts.answerDueAt} IS NOT NULL AND ${roomPosts.answeredAt} IS NULL))`,
        ),
      )
      .groupBy(roomPosts.roomId),
    ctx.db
      .select({ roomId: rooms.id, at: last.createdAt })
      .from(rooms)
      .innerJoin(last, and(eq(last.roomId, rooms.id), eq(last.seq, rooms.lastSeq)))
      .where(inArray(rooms.id, ids)),
    ctx.db
      .select({ roomId: roomPostReports.roomId, posts: sql<number>`count(DISTINCT ${roomPostReports.postId})` })
      .from(roomPostReports)
      .where(and(inArray(roomPostReports.roomId, ids), isNull(roomPostReports.resolvedAt)))
      .groupBy(roomPostReports.roomId),
  ]);
  const reportedPosts = new Map(reported.map((r) => [r.roomId, Number(r.posts)]));
  const counts = new Map(open.map((o) => [o.roomId, o]));
  const lastAt = new Map(lastRows.map((r) => [r.roomId, r.at]));
  return list.map((r) => ({
    id: r.id,
    stationId: r.stationId,
    name: r.name,
    kind: r.kind,
    unitId: r.unitId,
    unitName: r.unitId ? (names.get(r.unitId) ?? null) : null,
    about: r.about,
    active: r.active,
    hosts: hosts.get(r.id) ?? [],
    members: members.get(r.id) ?? 0,
    openMentions: Number(counts.get(r.id)?.open ?? 0),
    overdueMentions: Number(counts.get(r.id)?.overdue ?? 0),
    held: Number(counts.get(r.id)?.held ?? 0),
    reported: reportedPosts.get(r.id) ?? 0,
    lastPostAt: lastAt.get(r.id)?.toISOString() ?? null,
    version: r.version,
  }));
}

/** Rooms as a resident is offered them: what they are, how many are in, whether this phone is. */
export async function presentPublicRooms(ctx: Ctx, list: Room[], phoneIndex: string | null): Promise<PublicRoom[]> {
  if (list.length === 0) return [];
  const ids = list.map((r) => r.id);
  const [hosts, members, names, stations, mine] = await Promise.all([
    hostsOf(ctx, list),
    memberCounts(ctx, ids),
    unitNames(ctx, list),
    ctx.db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(inArray(units.id, unique(list.map((r) => r.stationId)))),
    phoneIndex
      ? ctx.db
          .select({ roomId: roomMembers.roomId })
          .from(roomMembers)
          .where(
            and(inArray(roomMembers.roomId, ids), eq(roomMembers.phoneIndex, phoneIndex), isNull(roomMembers.leftAt)),
          )
      : [],
  ]);
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  const joined = new Set(mine.map((m) => m.roomId));
  return list.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    stationName: stationName.get(r.stationId) ?? '',
    unitName: r.unitId ? (names.get(r.unitId) ?? null) : null,
    about: r.about,
    hosts: hosts.get(r.id) ?? [],
    members: members.get(r.id) ?? 0,
    joined: joined.has(r.id),
  }));
}
