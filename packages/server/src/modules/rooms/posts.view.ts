/**
 * A room's posts as a reader sees them: the author by nickname (a member's nickname and village, staff's standard
 * nickname), the staff a post "@"s, its photos, and only what this reader may read — a hidden post's text and reason
 * to its poster, a matter's number to staff and the poster, the tracking link to the poster alone.
 */
import { ROOM_POST_TO_MATTER_NOTE, type RoomHostRole, type RoomPostView, staffNickname } from '@jingmin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import {
  disputeCases,
  matters,
  photos,
  roomHosts,
  roomMembers,
  roomPosts,
  rooms,
  staff,
  units,
} from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { trackingTokenFor } from '../residents/links.js';
import { roomRules } from './settings.js';

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

/** What every post of a page needs, read in one query per table. */
async function lookups(ctx: Ctx, rows: RoomPost[]) {
  const roomIds = unique(rows.map((r) => r.roomId));
  const memberIds = unique(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  const staffIds = unique(rows.flatMap((r) => [...(r.staffId ? [r.staffId] : []), ...r.mentions]));
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
      ? ctx.db.select({ id: staff.id, displayName: staff.displayName }).from(staff).where(inArray(staff.id, staffIds))
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
    patterns.set(stationId, (await roomRules(ctx.db, stationId)).nicknamePattern);
  const photosOf = new Map<string, { id: string }[]>();
  for (const p of photoRows) photosOf.set(p.ownerId, [...(photosOf.get(p.ownerId) ?? []), { id: p.id }]);
  return {
    rooms: new Map(roomRows.map((r) => [r.id, { ...r, pattern: patterns.get(r.stationId) ?? '' }])),
    members: new Map(memberRows.map((m) => [m.id, m])),
    staffNames: new Map(staffRows.map((s) => [s.id, s.displayName])),
    hosts: new Map(hostRows.map((h) => [`${h.roomId}:${h.staffId}`, h.role as RoomHostRole])),
    photos: photosOf,
    numbers: new Map([...matterRows, ...disputeRows].map((m) => [m.id, m.number])),
  };
}

type Lookups = Awaited<ReturnType<typeof lookups>>;

function nicknameOf(l: Lookups, roomId: string, staffId: string) {
  const room = l.rooms.get(roomId);
  return staffNickname(room?.pattern ?? '', room?.stationName ?? '', l.staffNames.get(staffId) ?? '');
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

/** The body this reader may read: a hidden post's text only to its poster; a held one to its poster and staff. */
function bodyFor(post: RoomPost, viewer: Viewer, isPoster: boolean) {
  switch (post.status) {
    case 'published':
      return post.body;
    case 'held':
      return isPoster || viewer.type === 'staff' ? post.body : '';
    case 'hidden':
      return isPoster ? post.body : '';
    case 'deleted':
      return '';
  }
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
    createdAt: post.createdAt.toISOString(),
  };
}

/** Presents a page of posts for one reader, in the order given. */
export async function presentPosts(ctx: Ctx, rows: RoomPost[], viewer: Viewer): Promise<RoomPostView[]> {
  if (rows.length === 0) return [];
  const l = await lookups(ctx, rows);
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
