/**
 * A room's posts as a reader sees them: the author by nickname (a member's nickname and village, staff's standard
 * nickname), the staff a post "@"s, its photos, and only what this reader may read — a hidden post's text and reason
 * to its poster, a matter's number to staff and the poster, the tracking link to the poster alone.
 */
import {
  ROOM_POST_TO_MATTER_NOTE,
  type RoomHostRole,
  type RoomItemClosing,
  type RoomPostView,
  staffNickname,
} from '@jingmin/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  disputeCases,
  matters,
  photos,
  roomHosts,
  roomItems,
  roomMembers,
  roomPostReports,
  roomPosts,
  rooms,
  roomTopics,
  roomVotes,
  staff,
  units,
} from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { trackingTokenFor } from '../residents/links.js';
import { cachedRoomRules } from './settings.js';

export type RoomPost = typeof roomPosts.$inferSelect;

/** Who reads: a staff member, or a room member (null: a reader without a membership, e.g. public announcements). */
export type Viewer = { type: 'staff'; staffId: string } | { type: 'member'; memberId: string | null };

/**
 * The Idempotency-Key a matter made from a post is recorded with: derived from the post id, so the poster's
 * tracking link (`trackingTokenFor`) is recomputed from the post alone and a second attempt finds the same key.
 */
export const roomMatterKey = (postId: string) => {
  const h = sm3(`room-matter:${postId}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Lost/found particulars, topics with their vote counts, and reports, of the posts that have them. */
async function extras(ctx: Ctx, rows: RoomPost[], viewer: Viewer) {
  const itemIds = rows.filter((r) => r.kind === 'lost' || r.kind === 'found').map((r) => r.id);
  const topicIds = rows.filter((r) => r.kind === 'topic').map((r) => r.id);
  const postIds = rows.map((r) => r.id);
  const memberId = viewer.type === 'member' ? viewer.memberId : null;
  const [itemRows, topicRows, voteRows, myVotes, reportRows] = await Promise.all([
    itemIds.length ? ctx.db.select().from(roomItems).where(inArray(roomItems.postId, itemIds)) : [],
    topicIds.length ? ctx.db.select().from(roomTopics).where(inArray(roomTopics.postId, topicIds)) : [],
    topicIds.length
      ? ctx.db
          .select({ postId: roomVotes.postId, option: roomVotes.option, votes: sql<number>`count(*)::int` })
          .from(roomVotes)
          .where(inArray(roomVotes.postId, topicIds))
          .groupBy(roomVotes.postId, roomVotes.option)
      : [],
    topicIds.length && memberId
      ? ctx.db
          .select({ postId: roomVotes.postId, option: roomVotes.option })
          .from(roomVotes)
          .where(and(inArray(roomVotes.postId, topicIds), eq(roomVotes.memberId, memberId)))
      : [],
    viewer.type === 'staff'
      ? ctx.db
          .select({ postId: roomPostReports.postId, n: sql<number>`count(*)::int` })
          .from(roomPostReports)
          .where(and(inArray(roomPostReports.postId, postIds), isNull(roomPostReports.resolvedAt)))
          .groupBy(roomPostReports.postId)
      : memberId
        ? ctx.db
            .select({ postId: roomPostReports.postId, n: sql<number>`1` })
            .from(roomPostReports)
            .where(and(inArray(roomPostReports.postId, postIds), eq(roomPostReports.memberId, memberId)))
        : [],
  ]);
  const votes = new Map<string, Map<number, number>>();
  for (const v of voteRows) votes.set(v.postId, (votes.get(v.postId) ?? new Map()).set(v.option, Number(v.votes)));
  return {
    items: new Map(itemRows.map((i) => [i.postId, i])),
    topics: new Map(topicRows.map((t) => [t.postId, t])),
    votes,
    myVotes: new Map(myVotes.map((v) => [v.postId, v.option])),
    reports: new Map(reportRows.map((r) => [r.postId, Number(r.n)])),
  };
}

/** What every post of a page needs, read in one query per table. */
async function lookups(ctx: Ctx, rows: RoomPost[], viewer: Viewer) {
  const roomIds = unique(rows.map((r) => r.roomId));
  const memberIds = unique(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  const more = await extras(ctx, rows, viewer);
  const answerers = [...more.topics.values()].flatMap((t) => (t.answeredBy ? [t.answeredBy] : []));
  const staffIds = unique([...rows.flatMap((r) => [...(r.staffId ? [r.staffId] : []), ...r.mentions]), ...answerers]);
  const matterIds = unique(rows.flatMap((r) => (r.matterId ? [r.matterId] : [])));
  const disputeIds = unique(rows.flatMap((r) => (r.disputeId ? [r.disputeId] : [])));
  const postIds = rows.map((r) => r.id);
  const [roomRows, memberRows, staffRows, hostRows, photoRows, matterRows, disputeRows] = await Promise.all([
    ctx.db
      .select({ id: rooms.id, stationId: rooms.stationId, stationName: units.name })
      .from(rooms)
      .innerJoin(units, eq(units.id, rooms.stationId))
      .where(inArray(rooms.id, roomIds)),
    memberIds.length
      ? ctx.db
          .select({ id: roomMembers.id, nickname: roomMembers.nickname, place: roomMembers.place })
          .from(roomMembers)
          .where(inArray(roomMembers.id, memberIds))
      : [],
    staffIds.length
      ? ctx.db
          .select({ id: staff.id, displayName: staff.displayName, roles: staff.roles })
          .from(staff)
          .where(inArray(staff.id, staffIds))
      : [],
    ctx.db.select().from(roomHosts).where(inArray(roomHosts.roomId, roomIds)),
    ctx.db
      .select({ id: photos.id, ownerId: photos.ownerId })
      .from(photos)
      .where(and(eq(photos.ownerType, 'room_post'), inArray(photos.ownerId, postIds)))
      .orderBy(photos.ordinal),
    matterIds.length
      ? ctx.db.select({ id: matters.id, number: matters.number }).from(matters).where(inArray(matters.id, matterIds))
      : [],
    disputeIds.length
      ? ctx.db
          .select({ id: disputeCases.id, number: disputeCases.number })
          .from(disputeCases)
          .where(inArray(disputeCases.id, disputeIds))
      : [],
  ]);
  const patterns = new Map<string, string>();
  for (const stationId of unique(roomRows.map((r) => r.stationId)))
    patterns.set(stationId, (await cachedRoomRules(ctx.db, stationId)).nicknamePattern);
  const photosOf = new Map<string, { id: string }[]>();
  for (const p of photoRows) photosOf.set(p.ownerId, [...(photosOf.get(p.ownerId) ?? []), { id: p.id }]);
  return {
    rooms: new Map(roomRows.map((r) => [r.id, { ...r, pattern: patterns.get(r.stationId) ?? '' }])),
    members: new Map(memberRows.map((m) => [m.id, m])),
    staff: new Map(staffRows.map((s) => [s.id, s])),
    hosts: new Map(hostRows.map((h) => [`${h.roomId}:${h.staffId}`, h.role as RoomHostRole])),
    photos: photosOf,
    numbers: new Map([...matterRows, ...disputeRows].map((m) => [m.id, m.number])),
    ...more,
  };
}

type Lookups = Awaited<ReturnType<typeof lookups>>;

/** What writing a post already read: enough to present it without reading it back. */
export interface Written {
  /** The room's station name and the station's nickname pattern (how staff appear). */
  room: { stationId: string; stationName: string; nicknamePattern: string };
  /** The member who posted (none for a staff post). */
  member: { id: string; nickname: string; place: string | null } | null;
  /** The staff the post names: its author and those it "@"s, with their host roles in the room. */
  staff: { id: string; displayName: string; roles: string[]; hostRole: RoomHostRole | null }[];
  /** The photos attached, in their order. */
  photoIds: string[];
}

/**
 * A post just written, presented from what its write held — the same `present` as a page, without the reads: a new
 * message has no reports, votes, lost/found particulars or matter yet. Any other kind is read back as usual.
 */
export async function presentWritten(ctx: Ctx, post: RoomPost, written: Written, viewer: Viewer) {
  if (post.kind !== 'message' || post.matterId || post.disputeId) return presentPost(ctx, post.id, viewer);
  const { room, member } = written;
  const l: Lookups = {
    rooms: new Map([
      [
        post.roomId,
        { id: post.roomId, stationId: room.stationId, stationName: room.stationName, pattern: room.nicknamePattern },
      ],
    ]),
    members: new Map(member ? [[member.id, member]] : []),
    staff: new Map(written.staff.map((s) => [s.id, s])),
    hosts: new Map(written.staff.flatMap((s) => (s.hostRole ? [[`${post.roomId}:${s.id}`, s.hostRole]] : []))),
    photos: new Map([[post.id, written.photoIds.map((id) => ({ id }))]]),
    numbers: new Map(),
    items: new Map(),
    topics: new Map(),
    votes: new Map(),
    myVotes: new Map(),
    reports: new Map(),
  };
  return present(ctx, l, post, viewer);
}

function nicknameOf(l: Lookups, roomId: string, staffId: string) {
  const room = l.rooms.get(roomId);
  return staffNickname(
    room?.pattern ?? '',
    room?.stationName ?? '',
    l.staff.get(staffId) ?? { displayName: '', roles: [] },
  );
}

function authorOf(l: Lookups, post: RoomPost): RoomPostView['author'] {
  if (post.staffId)
    return {
      type: 'staff',
      id: post.staffId,
      nickname: nicknameOf(l, post.roomId, post.staffId),
      place: null,
      hostRole: l.hosts.get(`${post.roomId}:${post.staffId}`) ?? null,
    };
  const m = post.memberId ? l.members.get(post.memberId) : undefined;
  return {
    type: 'member',
    id: post.memberId ?? post.id,
    nickname: m?.nickname ?? '',
    place: m?.place ?? null,
    hostRole: null,
  };
}

const isPosterOf = (post: RoomPost, viewer: Viewer) =>
  viewer.type === 'member'
    ? viewer.memberId !== null && post.memberId === viewer.memberId
    : post.staffId === viewer.staffId;

/** The body this reader may read: a held or hidden post's text only to its poster and staff. */
function bodyFor(post: RoomPost, viewer: Viewer, isPoster: boolean) {
  switch (post.status) {
    case 'published':
      return post.body;
    case 'held':
      return isPoster || viewer.type === 'staff' ? post.body : '';
    case 'hidden':
      // The hosts who hid it still read it (to review, release or make it a matter); the room does not.
      return isPoster || viewer.type === 'staff' ? post.body : '';
    case 'deleted':
      return '';
  }
}

function itemOf(l: Lookups, post: RoomPost): RoomPostView['item'] {
  const i = l.items.get(post.id);
  if (!i) return null;
  return {
    what: post.status === 'deleted' ? '' : i.what,
    where: post.status === 'deleted' ? '' : i.place,
    at: i.at.toISOString(),
    acrossStation: i.acrossStation,
    closedAs: (i.closedAs as RoomItemClosing | null) ?? null,
    closedAt: i.closedAt?.toISOString() ?? null,
  };
}

function topicOf(ctx: Ctx, l: Lookups, post: RoomPost): RoomPostView['topic'] {
  const t = l.topics.get(post.id);
  if (!t) return null;
  const counts = l.votes.get(post.id) ?? new Map<number, number>();
  const options = t.options.map((label, i) => ({ label, votes: counts.get(i) ?? 0 }));
  return {
    question: t.question,
    options,
    voters: options.reduce((sum, o) => sum + o.votes, 0),
    myVote: l.myVotes.get(post.id) ?? null,
    closesAt: t.closesAt?.toISOString() ?? null,
    closed: t.answeredAt !== null || (t.closesAt !== null && t.closesAt.getTime() <= ctx.now().getTime()),
    answer: t.answer,
    answeredAt: t.answeredAt?.toISOString() ?? null,
    answeredBy: t.answeredBy ? nicknameOf(l, post.roomId, t.answeredBy) : null,
  };
}

function present(ctx: Ctx, l: Lookups, post: RoomPost, viewer: Viewer): RoomPostView {
  const isPoster = isPosterOf(post, viewer);
  const madeMatter = post.matterId !== null || post.disputeId !== null;
  const number = post.matterId ?? post.disputeId;
  const seesNumber = isPoster || viewer.type === 'staff';
  return {
    id: post.id,
    seq: post.seq,
    roomId: post.roomId,
    kind: post.kind,
    workType: (post.workType as RoomPostView['workType']) ?? null,
    status: post.status,
    body: bodyFor(post, viewer, isPoster),
    author: authorOf(l, post),
    replyToId: post.replyToId,
    mentions: post.mentions.map((staffId) => ({ staffId, nickname: nicknameOf(l, post.roomId, staffId) })),
    answeredAt: post.answeredAt?.toISOString() ?? null,
    answerDueAt: post.answeredAt ? null : (post.answerDueAt?.toISOString() ?? null),
    photos: post.status === 'published' || isPoster || viewer.type === 'staff' ? (l.photos.get(post.id) ?? []) : [],
    place: post.status === 'deleted' ? null : post.place,
    pinned: post.pinnedAt !== null,
    hiddenReason: post.status === 'hidden' && (isPoster || viewer.type === 'staff') ? post.hiddenReason : null,
    matterNote: madeMatter ? ROOM_POST_TO_MATTER_NOTE.zh : null,
    matterNumber: seesNumber && number ? (l.numbers.get(number) ?? null) : null,
    matterLink: isPoster && post.matterId ? `/m/${trackingTokenFor(ctx, roomMatterKey(post.id))}` : null,
    matterId: viewer.type === 'staff' ? post.matterId : null,
    caseId: viewer.type === 'staff' ? post.disputeId : null,
    item: itemOf(l, post),
    topic: topicOf(ctx, l, post),
    reports: viewer.type === 'staff' ? (l.reports.get(post.id) ?? 0) : null,
    reportedByMe: viewer.type === 'member' && l.reports.has(post.id),
    createdAt: post.createdAt.toISOString(),
  };
}

/** Presents a page of posts for one reader, in the order given. */
export async function presentPosts(ctx: Ctx, rows: RoomPost[], viewer: Viewer): Promise<RoomPostView[]> {
  if (rows.length === 0) return [];
  const l = await lookups(ctx, rows, viewer);
  return rows.map((post) => present(ctx, l, post, viewer));
}

/** One post for one reader (after a change); 404 when it is gone. */
export async function presentPost(ctx: Ctx, postId: string, viewer: Viewer): Promise<RoomPostView> {
  const [post] = await ctx.db.select().from(roomPosts).where(eq(roomPosts.id, postId));
  if (!post) throw new AppError('NOT_FOUND', { what: 'room_post' });
  const [view] = await presentPosts(ctx, [post], viewer);
  if (!view) throw new AppError('NOT_FOUND', { what: 'room_post' });
  return view;
}
