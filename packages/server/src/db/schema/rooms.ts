/**
 * 网上警民议事厅 (一警一群): a station's rooms, their hosts (the officer who owns it and named co-hosts), the residents
 * who joined with a verified phone — known by the phone's keyed index only, shown by a nickname and a village — and
 * the posts, ordered per room by `seq` so a room of a million posts pages by index. An "@" to staff carries its
 * clock (`answer_due_at`, then the officer's phone, then the desk), each step stamped once.
 */
import { ROOM_HOST_ROLES, ROOM_KINDS, ROOM_POST_KINDS, ROOM_POST_STATUSES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { disputeCases } from './disputes.js';
import { matters } from './matters.js';
import { households, units } from './org.js';
import { staff } from './staff.js';

export const roomKind = pgEnum('room_kind', ROOM_KINDS);
export const roomHostRole = pgEnum('room_host_role', ROOM_HOST_ROLES);
export const roomPostKind = pgEnum('room_post_kind', ROOM_POST_KINDS);
export const roomPostStatus = pgEnum('room_post_status', ROOM_POST_STATUSES);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    kind: roomKind().notNull(),
    /** The village, community or grid an area room covers; null for a group room (it covers the station). */
    unitId: uuid().references(() => units.id),
    /** The covered unit's path (the station's for a group room): who sees the room. */
    unitPath: text().notNull(),
    name: text().notNull(),
    about: text().notNull().default(''),
    /** The invitation's secret (`/r/<token>`), rotatable. */
    inviteToken: text().notNull(),
    active: boolean().notNull().default(true),
    /** The order of the room's posts: the next post takes `last_seq + 1` (one row lock per post). */
    lastSeq: bigint({ mode: 'number' }).notNull().default(0),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('rooms_invite_key').on(t.inviteToken),
    uniqueIndex('rooms_station_name_key').on(t.stationId, t.name),
    index('rooms_unit_path_idx').on(t.unitPath),
  ],
);

/** 群主 and 管理员: staff of the station who host the room. */
export const roomHosts = pgTable(
  'room_hosts',
  {
    roomId: uuid()
      .notNull()
      .references(() => rooms.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    role: roomHostRole().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.staffId] }), index('room_hosts_staff_idx').on(t.staffId)],
);

/** A resident in a room: its verified phone's keyed index (never shown), the nickname and village it chose. */
export const roomMembers = pgTable(
  'room_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    roomId: uuid()
      .notNull()
      .references(() => rooms.id),
    phoneIndex: text().notNull(),
    nickname: text().notNull(),
    /** The village or community shown beside the nickname (the doorplate's, when joined from one). */
    place: text(),
    householdId: uuid().references(() => households.id),
    joinedAt: timestamp({ withTimezone: true }).notNull(),
    leftAt: timestamp({ withTimezone: true }),
    mutedUntil: timestamp({ withTimezone: true }),
    muteReason: text(),
    removedUntil: timestamp({ withTimezone: true }),
    removeReason: text(),
  },
  (t) => [
    uniqueIndex('room_members_phone_key').on(t.roomId, t.phoneIndex),
    index('room_members_phone_idx').on(t.phoneIndex),
  ],
);

export const roomPosts = pgTable(
  'room_posts',
  {
    id: uuid().primaryKey().defaultRandom(),
    roomId: uuid()
      .notNull()
      .references(() => rooms.id),
    /** The room's order: `rooms.last_seq` taken when posted. */
    seq: bigint({ mode: 'number' }).notNull(),
    kind: roomPostKind().notNull().default('message'),
    /** One of the seven kinds of work (ROOM_WORK_TYPES), tagged by a host. */
    workType: text(),
    status: roomPostStatus().notNull().default('published'),
    memberId: uuid().references(() => roomMembers.id),
    staffId: uuid().references(() => staff.id),
    body: text().notNull(),
    replyToId: uuid(),
    /** Staff the post "@"s. */
    mentions: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Words of the place, only when the poster chose to share it. */
    place: text(),
    pinnedAt: timestamp({ withTimezone: true }),
    /** The held word that stopped it (status `held`). */
    heldWord: text(),
    hiddenReason: text(),
    hiddenBy: uuid().references(() => staff.id),
    hiddenAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    /** An "@": due, answered, reminded on the officer's phone, escalated to the desk — each once. */
    answerDueAt: timestamp({ withTimezone: true }),
    answeredAt: timestamp({ withTimezone: true }),
    answeredBy: uuid().references(() => staff.id),
    remindedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    matterId: uuid().references(() => matters.id),
    disputeId: uuid().references(() => disputeCases.id),
    /** The poster's Idempotency-Key hash: a resend makes one post. */
    requestKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('room_posts_seq_key').on(t.roomId, t.seq),
    index('room_posts_open_mentions_idx')
      .on(t.answerDueAt)
      .where(sql`${t.answeredAt} IS NULL AND ${t.answerDueAt} IS NOT NULL`),
    index('room_posts_reply_idx').on(t.replyToId).where(sql`${t.replyToId} IS NOT NULL`),
    index('room_posts_member_idx').on(t.memberId, t.createdAt),
    index('room_posts_created_idx').on(t.createdAt),
    uniqueIndex('room_posts_request_key').on(t.requestKey),
    // A room's announcements and held posts page by seq without reading its other posts.
    index('room_posts_announcements_idx')
      .on(t.roomId, t.seq)
      .where(sql`${t.kind} = 'announcement' AND ${t.status} = 'published'`),
    index('room_posts_held_idx').on(t.roomId, t.seq).where(sql`${t.status} = 'held'`),
  ],
);

/**
 * 失物招领/寻物启事: a lost or found notice's particulars, one row per post (kinds `lost`/`found`). `station_id` lets
 * the station's rooms read the notices shared across it (`across_station`) without reading the rooms' posts.
 */
export const roomItems = pgTable(
  'room_items',
  {
    postId: uuid()
      .primaryKey()
      .references(() => roomPosts.id, { onDelete: 'cascade' }),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    roomId: uuid()
      .notNull()
      .references(() => rooms.id),
    what: text().notNull(),
    place: text().notNull(),
    /** When it was lost or found. */
    at: timestamp({ withTimezone: true }).notNull(),
    acrossStation: boolean().notNull().default(false),
    /** ROOM_ITEM_CLOSINGS: 已找到 / 已归还, by the poster or a host. */
    closedAs: text(),
    closedAt: timestamp({ withTimezone: true }),
    closedByMember: uuid().references(() => roomMembers.id),
    closedByStaff: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('room_items_room_idx').on(t.roomId, t.createdAt),
    index('room_items_across_idx').on(t.stationId, t.createdAt).where(sql`${t.acrossStation}`),
  ],
);

/** 议事: a host's question and its options on a post of kind `topic`, and the station's answer once given. */
export const roomTopics = pgTable('room_topics', {
  postId: uuid()
    .primaryKey()
    .references(() => roomPosts.id, { onDelete: 'cascade' }),
  question: text().notNull(),
  options: text().array().notNull(),
  closesAt: timestamp({ withTimezone: true }),
  answer: text(),
  answeredAt: timestamp({ withTimezone: true }),
  answeredBy: uuid().references(() => staff.id),
});

/** One vote per member per topic (the key says so); counted, never shown by who. */
export const roomVotes = pgTable(
  'room_votes',
  {
    postId: uuid()
      .notNull()
      .references(() => roomTopics.postId, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => roomMembers.id),
    option: integer().notNull(),
    votedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId] })],
);

/** 举报: one per member per post, until a host hides the post or dismisses the reports. */
export const roomPostReports = pgTable(
  'room_post_reports',
  {
    postId: uuid()
      .notNull()
      .references(() => roomPosts.id, { onDelete: 'cascade' }),
    memberId: uuid()
      .notNull()
      .references(() => roomMembers.id),
    roomId: uuid()
      .notNull()
      .references(() => rooms.id),
    /** ROOM_REPORT_REASONS. */
    reason: text().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** `hidden` (the host hid the post) or `dismissed`, with who and when. */
    resolution: text(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => staff.id),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.memberId] }),
    index('room_post_reports_open_idx').on(t.roomId, t.createdAt).where(sql`${t.resolvedAt} IS NULL`),
  ],
);
