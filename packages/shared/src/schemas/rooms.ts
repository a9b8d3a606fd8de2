/**
 * 网上警民议事厅 over HTTP: a station's rooms and their hosts, residents joining with a verified phone and a
 * nickname, posts and replies with "@" to staff, a post made a matter in one action, and the hosts' moderation.
 * A resident is known to a room by the keyed index of its verified phone only; no host ever reads the number.
 */
import { z } from 'zod';
import { DISPUTE_CATEGORIES } from '../domain/disputes.js';
import { MATTER_KINDS, URGENCIES } from '../domain/matters.js';
import {
  ROOM_HOST_ROLES,
  ROOM_ITEM_CLOSINGS,
  ROOM_KINDS,
  ROOM_POST_KINDS,
  ROOM_POST_STATUSES,
  ROOM_REPORT_REASONS,
  ROOM_WORK_TYPES,
  type RoomRules,
} from '../domain/rooms.js';
import { CalendarDate } from './calendar.js';
import { Id, Moment, Name, Shown, text } from './common.js';
import { Day as DashboardDay, periodRules } from './dashboards.js';

const Version = z.number().int().min(1);
/** A day this century: earlier ones are typing mistakes (and year 0 is not a date to the database). */
const Day = CalendarDate.refine((d) => d >= '2000-01-01', { message: 'must be in 2000 or later' });
const Minutes = (max: number) => z.number().int().min(1).max(max);

/** A station's room rules (settings `rooms:<stationId>`). */
export const RoomSettings = z
  .object({
    nicknamePattern: text(40, 1).refine((s) => s.includes('{surname}'), {
      message: 'must contain {surname}',
    }),
    answerMinutes: Minutes(24 * 60),
    deskMinutes: Minutes(7 * 24 * 60),
    heldWords: z.array(text(20, 1)).max(500),
    memberPostsPerMinute: Minutes(60),
    roomPostsPerMinute: Minutes(10_000),
    retentionDays: z.number().int().min(30).max(3650),
  })
  .strict()
  .refine((s) => s.deskMinutes > s.answerMinutes, {
    message: 'deskMinutes must be longer than answerMinutes',
    path: ['deskMinutes'],
  }) satisfies z.ZodType<RoomRules>;
export type RoomSettings = z.infer<typeof RoomSettings>;

// ——— Staff: rooms and hosts ———

/** 建群: an area room covers a village, community or grid of the station; a group room covers the station. */
export const CreateRoomInput = z
  .object({
    name: Name,
    kind: z.enum(ROOM_KINDS),
    /** The village, community or grid an area room covers (required for `area`, refused for `group`). */
    unitId: Id.optional(),
    about: text(500).default(''),
    /** The officer who owns the room (群主). */
    ownerId: Id,
    /** Co-hosts: auxiliary police, grid workers of the station. */
    cohostIds: z.array(Id).max(20).default([]),
  })
  .strict()
  .refine((r) => (r.kind === 'area') === (r.unitId !== undefined), {
    message: 'an area room names its unitId; a group room has none',
    path: ['unitId'],
  });
export type CreateRoomInput = z.input<typeof CreateRoomInput>;

export const UpdateRoomInput = z
  .object({
    version: Version,
    name: Name.optional(),
    about: text(500).optional(),
    ownerId: Id.optional(),
    cohostIds: z.array(Id).max(20).optional(),
    /** A closed room keeps its history and takes no new posts or members. */
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateRoomInput = z.input<typeof UpdateRoomInput>;

export const RoomHostView = z.object({
  staffId: Id,
  role: z.enum(ROOM_HOST_ROLES),
  /** The standard nickname residents read (柳塘派出所·石警官). */
  nickname: Shown,
});
export type RoomHostView = z.infer<typeof RoomHostView>;

/** A room as staff see it in their list. */
export const RoomSummary = z.object({
  id: Id,
  stationId: Id,
  name: Shown,
  kind: z.enum(ROOM_KINDS),
  unitId: Id.nullable(),
  unitName: Shown.nullable(),
  about: Shown,
  active: z.boolean(),
  hosts: z.array(RoomHostView),
  members: z.number().int(),
  /** "@" to staff not yet answered, and how many of them are past the answer time. */
  openMentions: z.number().int(),
  overdueMentions: z.number().int(),
  /** Posts held by the word list, waiting for a host. */
  held: z.number().int(),
  /** Posts residents reported (举报) that no host has looked at yet. */
  reported: z.number().int(),
  lastPostAt: z.iso.datetime().nullable(),
  version: Version,
});
export type RoomSummary = z.infer<typeof RoomSummary>;

/** One room for staff: its summary, the invitation code (hosts and managers only) and what the actor may do. */
export const RoomView = RoomSummary.extend({
  /** The invitation's secret (`/r/<token>`): hosts and the station's managers read it, others get null. */
  inviteToken: Shown.nullable(),
  /** What the signed-in staff member may do here: post, moderate, manage. */
  can: z.object({ post: z.boolean(), moderate: z.boolean(), manage: z.boolean() }),
});
export type RoomView = z.infer<typeof RoomView>;

// ——— Posts ———

/** A photo on a post: read through /api/v1/room-photos/:id (staff) or /api/v1/public/room-photos/:id (members). */
export const RoomPhotoView = z.object({ id: Id });

/** Who wrote a post, as the room reads it: a resident's nickname and village, or staff's standard nickname. */
export const RoomAuthor = z.object({
  type: z.enum(['member', 'staff']),
  /** The member or staff id (a member's id is the room membership, never a phone). */
  id: Id,
  nickname: Shown,
  /** A member's village or community as it chose; staff: null. */
  place: Shown.nullable(),
  /** Staff: their host role in this room (null for staff who are not hosts, e.g. the desk answering). */
  hostRole: z.enum(ROOM_HOST_ROLES).nullable(),
});
export type RoomAuthor = z.infer<typeof RoomAuthor>;

/** 失物招领/寻物启事: what, where, when; shown in every room of the station when its poster chose so. */
export const RoomItemView = z.object({
  what: Shown,
  where: Shown,
  /** When it was lost or found. */
  at: z.iso.datetime(),
  acrossStation: z.boolean(),
  /** 已找到/已归还, by the poster or a host; null while open. */
  closedAs: z.enum(ROOM_ITEM_CLOSINGS).nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type RoomItemView = z.infer<typeof RoomItemView>;

/** 议事: a host's question with options; each member votes once; the station's answer stays on the topic. */
export const RoomTopicView = z.object({
  question: Shown,
  /** The options in order, with their votes so far (counts only, never who voted what). */
  options: z.array(z.object({ label: Shown, votes: z.number().int() })),
  voters: z.number().int(),
  /** The reading member's own vote (the option's index), else null; staff: null. */
  myVote: z.number().int().nullable(),
  /** Voting ends then (null: until the station answers). */
  closesAt: z.iso.datetime().nullable(),
  /** No more votes: past `closesAt` or answered. */
  closed: z.boolean(),
  /** 答复: the station's answer and outcome, published on the topic. */
  answer: Shown.nullable(),
  answeredAt: z.iso.datetime().nullable(),
  /** The answering staff member's standard nickname. */
  answeredBy: Shown.nullable(),
});
export type RoomTopicView = z.infer<typeof RoomTopicView>;

export const RoomPostView = z.object({
  id: Id,
  /** The room's order (ascending): pages are read with `before` this value. */
  seq: z.number().int(),
  roomId: Id,
  kind: z.enum(ROOM_POST_KINDS),
  workType: z.enum(ROOM_WORK_TYPES).nullable(),
  status: z.enum(ROOM_POST_STATUSES),
  /** The text; empty for a post hidden or deleted (its poster and staff still read a hidden one's text). */
  body: Shown,
  author: RoomAuthor,
  replyToId: Id.nullable(),
  /** Staff the post "@"s: id and nickname. */
  mentions: z.array(z.object({ staffId: Id, nickname: Shown })),
  /** For an "@": when it was answered (a reply by a mentioned staff member or a host), else null. */
  answeredAt: z.iso.datetime().nullable(),
  /** For an unanswered "@": when the answer is due. */
  answerDueAt: z.iso.datetime().nullable(),
  photos: z.array(RoomPhotoView),
  /** Words of the place, only when the poster chose to share it. */
  place: Shown.nullable(),
  pinned: z.boolean(),
  /** The reason a host hid it: its poster and the hosts read it. */
  hiddenReason: Shown.nullable(),
  /** 已转为事项: the room reads this note; the poster and staff read the matter's number too. */
  matterNote: Shown.nullable(),
  matterNumber: Shown.nullable(),
  /** The matter's tracking link (`/m/<token>`): only in the poster's own view, never the room's. */
  matterLink: Shown.nullable(),
  /** Staff only (null for members): the matter and the dispute case made from the post, to open them. */
  matterId: Id.nullable(),
  caseId: Id.nullable(),
  /** A lost/found notice's particulars (kinds `lost` and `found`), else null. */
  item: RoomItemView.nullable(),
  /** A 议事 topic (kind `topic`), else null. */
  topic: RoomTopicView.nullable(),
  /** Staff: reports not yet looked at (0 when none); members: null. */
  reports: z.number().int().nullable(),
  /** Members: this member already reported it; staff: false. */
  reportedByMe: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type RoomPostView = z.infer<typeof RoomPostView>;

/** Newest first; the next page is `before` the smallest `seq` read. */
export const RoomPostPage = z.object({ items: z.array(RoomPostView), hasMore: z.boolean() });
export type RoomPostPage = z.infer<typeof RoomPostPage>;

export const RoomPostQuery = z
  .object({
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
    /** Staff: only announcements (公告), or only unanswered "@". */
    only: z.enum(['announcements', 'open_mentions', 'held']).optional(),
  })
  .strict();
export type RoomPostQuery = z.infer<typeof RoomPostQuery>;

/** A host's post: a message or a pinned announcement, tagged with one of the seven kinds of work. */
export const StaffPostInput = z
  .object({
    body: text(2000, 1),
    kind: z.enum(['message', 'announcement']).default('message'),
    workType: z.enum(ROOM_WORK_TYPES).optional(),
    replyToId: Id.optional(),
    pinned: z.boolean().default(false),
    photoIds: z.array(Id).max(9).default([]),
  })
  .strict();
export type StaffPostInput = z.input<typeof StaffPostInput>;

/** A resident's post: text, photos, an optional place it chose to share, a reply, "@" staff of the room. */
export const MemberPostInput = z
  .object({
    body: text(2000, 1),
    replyToId: Id.optional(),
    /** Hosts of the room (their staff ids) the post asks. */
    mentions: z.array(Id).max(5).default([]),
    photoIds: z.array(Id).max(9).default([]),
    place: text(100).optional(),
  })
  .strict();
export type MemberPostInput = z.input<typeof MemberPostInput>;

/** A host tags a post with one of the seven kinds of work, or pins/unpins it. */
export const TagPostInput = z.object({ workType: z.enum(ROOM_WORK_TYPES).nullable() }).strict();
export type TagPostInput = z.infer<typeof TagPostInput>;
export const PinPostInput = z.object({ pinned: z.boolean() }).strict();
export type PinPostInput = z.infer<typeof PinPostInput>;

// ——— Moderation ———

/** 隐藏: the poster reads the reason. */
export const HidePostInput = z.object({ reason: text(200, 1) }).strict();
export type HidePostInput = z.infer<typeof HidePostInput>;
/** 禁言: for minutes; the member's posts are refused with the time left. */
export const MuteMemberInput = z
  .object({
    minutes: z
      .number()
      .int()
      .min(10)
      .max(30 * 24 * 60),
    reason: text(200, 1),
  })
  .strict();
export type MuteMemberInput = z.infer<typeof MuteMemberInput>;
/** 移出: for days (then the member may join again), its open streams closed at once. */
export const RemoveMemberInput = z.object({ days: z.number().int().min(1).max(3650), reason: text(200, 1) }).strict();
export type RemoveMemberInput = z.infer<typeof RemoveMemberInput>;

// ——— Post → matter ———

/** 转为事项: a host makes a post (and its thread) a tracked matter of the station; the poster gets the link privately. */
export const PostToMatterInput = z
  .object({
    kind: z.enum(MATTER_KINDS),
    urgency: z.enum(URGENCIES).default('normal'),
    /** What the desk reads, defaulting to the post's text (a host may add what the thread said). */
    body: text(2000).optional(),
  })
  .strict();
export type PostToMatterInput = z.input<typeof PostToMatterInput>;

export const PostToMatterResult = z.object({ matterId: Id, matterNumber: Shown, post: RoomPostView });
export type PostToMatterResult = z.infer<typeof PostToMatterResult>;

// ——— Post → dispute case ———

/** 转为矛盾纠纷: a host opens a dispute case (source 议事厅) from a post; the room reads the same neutral note. */
export const PostToCaseInput = z
  .object({
    category: z.enum(DISPUTE_CATEGORIES),
    subcategory: text(40, 1).optional(),
    title: text(60, 1),
    /** What the case file says, defaulting to the post's text. */
    facts: text(4000, 1).optional(),
  })
  .strict();
export type PostToCaseInput = z.input<typeof PostToCaseInput>;

export const PostToCaseResult = z.object({ caseId: Id, caseNumber: Shown, post: RoomPostView });
export type PostToCaseResult = z.infer<typeof PostToCaseResult>;

// ——— Lost and found ———

/** A lost/found notice, by a member or a host (items handed in at the station). Contact goes through the room. */
export const ItemPostInput = z
  .object({
    kind: z.enum(['lost', 'found']),
    what: text(50, 1),
    where: text(100, 1),
    /** When it was lost or found: not in the future. */
    at: Moment,
    /** More words (colour, marks); never a phone number: contact is through the room. */
    body: text(1000).default(''),
    photoIds: z.array(Id).max(9).default([]),
    /** Shown in every room of the station, not only this one. */
    acrossStation: z.boolean().default(false),
  })
  .strict();
export type ItemPostInput = z.input<typeof ItemPostInput>;

export const CloseItemInput = z.object({ as: z.enum(ROOM_ITEM_CLOSINGS) }).strict();
export type CloseItemInput = z.infer<typeof CloseItemInput>;

/** The station's lost and found: this room's notices and those of its other rooms shared across the station. */
export const RoomItemQuery = z
  .object({
    state: z.enum(['open', 'closed', 'all']).default('open'),
    /** The next page: notices posted before this time. */
    before: Moment.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export type RoomItemQuery = z.infer<typeof RoomItemQuery>;

export const StationItem = RoomPostView.extend({ roomName: Shown });
export type StationItem = z.infer<typeof StationItem>;
export const StationItemPage = z.object({ items: z.array(StationItem), hasMore: z.boolean() });
export type StationItemPage = z.infer<typeof StationItemPage>;

// ——— 议事 ———

/** A host opens a topic: the question, 2–10 distinct options, an optional end of voting. */
export const OpenTopicInput = z
  .object({
    question: text(200, 1),
    body: text(2000).default(''),
    options: z
      .array(text(50, 1))
      .min(2)
      .max(10)
      .refine((o) => new Set(o).size === o.length, { message: 'options must differ' }),
    closesAt: z.iso.datetime().optional(),
    photoIds: z.array(Id).max(9).default([]),
  })
  .strict();
export type OpenTopicInput = z.input<typeof OpenTopicInput>;

/** A member's one vote: the option's index. */
export const VoteInput = z.object({ option: z.number().int().min(0).max(9) }).strict();
export type VoteInput = z.infer<typeof VoteInput>;

/** 答复: the station's answer and outcome; voting ends with it. */
export const AnswerTopicInput = z.object({ answer: text(2000, 1) }).strict();
export type AnswerTopicInput = z.infer<typeof AnswerTopicInput>;

// ——— Reports (举报) ———

export const ReportPostInput = z.object({ reason: z.enum(ROOM_REPORT_REASONS), note: text(200).optional() }).strict();
export type ReportPostInput = z.infer<typeof ReportPostInput>;

/** A reported post for the hosts: how many reported it and why (never who). */
export const ReportedPost = z.object({
  post: RoomPostView,
  roomName: Shown,
  reports: z.number().int(),
  reasons: z.array(z.object({ reason: z.enum(ROOM_REPORT_REASONS), count: z.number().int() })),
  firstReportedAt: z.iso.datetime(),
});
export type ReportedPost = z.infer<typeof ReportedPost>;

// ——— Figures ———

export const RoomFiguresQuery = z.object({ from: Day, to: Day }).strict();
export type RoomFiguresQuery = z.infer<typeof RoomFiguresQuery>;

const RoomFigureCounts = z.object({
  posts: z.number().int(),
  /** "@" to staff made in the period; answered within the station's answer time; answered later; still open. */
  mentions: z.number().int(),
  answeredInTime: z.number().int(),
  answeredLate: z.number().int(),
  unanswered: z.number().int(),
  /** Matters and dispute cases made from the period's posts. */
  matters: z.number().int(),
  cases: z.number().int(),
});

/** 议事厅 figures of a station over a period (Beijing days), with each room's own. */
export const RoomFigures = RoomFigureCounts.extend({
  from: CalendarDate,
  to: CalendarDate,
  memberPosts: z.number().int(),
  staffPosts: z.number().int(),
  /** Posts tagged with each of the seven kinds of work. */
  byWorkType: z.array(z.object({ workType: z.enum(ROOM_WORK_TYPES), posts: z.number().int() })),
  items: z.object({ posted: z.number().int(), closed: z.number().int() }),
  topics: z.object({ opened: z.number().int(), votes: z.number().int(), answered: z.number().int() }),
  reports: z.object({ received: z.number().int(), hidden: z.number().int(), dismissed: z.number().int() }),
  rooms: z.array(RoomFigureCounts.extend({ roomId: Id, name: Shown, members: z.number().int() })),
});
export type RoomFigures = z.infer<typeof RoomFigures>;

// ——— Residents ———

/** A room offered to a resident (from its doorplate or an invitation): what it is, never who is in it. */
export const PublicRoom = z.object({
  id: Id,
  name: Shown,
  kind: z.enum(ROOM_KINDS),
  stationName: Shown,
  unitName: Shown.nullable(),
  about: Shown,
  /** The hosts a member may "@" (their staff ids), by their standard nicknames. */
  hosts: z.array(z.object({ staffId: Id, nickname: Shown, role: z.enum(ROOM_HOST_ROLES) })),
  members: z.number().int(),
  /** The verified phone behind the request is a member (false without one). */
  joined: z.boolean(),
});
export type PublicRoom = z.infer<typeof PublicRoom>;

/**
 * 入群: with a verified phone (header x-phone-token), through the doorplate's token or the room's invitation,
 * under a nickname the resident chose; the place shown is the doorplate's village or the one it names.
 */
export const JoinRoomInput = z
  .object({
    nickname: text(20, 1).refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' }),
    doorplateToken: text(64, 20, { trim: false }).optional(),
    inviteToken: text(64, 20, { trim: false }).optional(),
  })
  .strict()
  .refine((j) => (j.doorplateToken === undefined) !== (j.inviteToken === undefined), {
    message: 'one of doorplateToken or inviteToken',
    path: ['inviteToken'],
  });
export type JoinRoomInput = z.input<typeof JoinRoomInput>;

/** My membership: how the room reads me, and whether I may post now. */
export const RoomMembership = z.object({
  memberId: Id,
  roomId: Id,
  nickname: Shown,
  place: Shown.nullable(),
  joinedAt: z.iso.datetime(),
  /** Muted until then (posts refused), else null. */
  mutedUntil: z.iso.datetime().nullable(),
});
export type RoomMembership = z.infer<typeof RoomMembership>;

export const MyRooms = z.array(PublicRoom.extend({ membership: RoomMembership }));
export type MyRooms = z.infer<typeof MyRooms>;

/** A room's members for its hosts: nickname, place, since when, muted or removed — never a phone. */
export const RoomMemberView = z.object({
  id: Id,
  nickname: Shown,
  place: Shown.nullable(),
  joinedAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
  mutedUntil: z.iso.datetime().nullable(),
  removedUntil: z.iso.datetime().nullable(),
  posts: z.number().int(),
});
export type RoomMemberView = z.infer<typeof RoomMemberView>;

/** The station's "@" still unanswered, oldest first, for the hosts and the desk. */
export const OpenMention = z.object({
  post: RoomPostView,
  roomName: Shown,
  /** `officer` once it reached the officer's phone, `desk` once it reached the desk. */
  escalated: z.enum(['officer', 'desk']).nullable(),
});
export const OpenMentions = z.array(OpenMention);
export type OpenMention = z.infer<typeof OpenMention>;
export type OpenMentions = z.infer<typeof OpenMentions>;

/** Live events of a room (SSE `room.*`): enough to refresh, never a post's text. */
export const ROOM_LIVE_EVENTS = ['room.post', 'room.post_changed', 'room.member_removed'] as const;
export type RoomLiveEvent = (typeof ROOM_LIVE_EVENTS)[number];
export const RoomLivePayload = z.object({ roomId: Id, postId: Id.nullable(), seq: z.number().int().nullable() });
export type RoomLivePayload = z.infer<typeof RoomLivePayload>;

/**
 * `GET /rooms`: the rooms of a station's or bureau's subtree over a period, with what happened in each — the list
 * behind the dashboard's 警民群 figures. `posted`: only the rooms with a post in the period (活跃群).
 */
export const RoomPeriodQuery = periodRules(
  z
    .object({
      from: DashboardDay,
      to: DashboardDay,
      /** A station or bureau within one's sight; one's own station or bureau when absent. */
      unitId: Id.optional(),
      posted: z.enum(['1', 'true']).optional(),
    })
    .strict(),
);
export type RoomPeriodQuery = z.infer<typeof RoomPeriodQuery>;

export const RoomPeriodRow = z.object({
  id: Id,
  stationId: Id,
  stationName: Shown,
  name: Shown,
  kind: z.enum(ROOM_KINDS),
  unitName: Shown.nullable(),
  active: z.boolean(),
  /** Members at the period's end. */
  members: z.number().int(),
  /** Members who posted in the period. */
  activeMembers: z.number().int(),
  posts: z.number().int(),
  /** "@" to staff made in the period; answered by the deadline; due by the period's end (answered, or past due). */
  mentions: z.number().int(),
  answeredInTime: z.number().int(),
  mentionsDue: z.number().int(),
});
export type RoomPeriodRow = z.infer<typeof RoomPeriodRow>;
export const RoomPeriodPage = z.object({ items: z.array(RoomPeriodRow), total: z.number().int() });
export type RoomPeriodPage = z.infer<typeof RoomPeriodPage>;
