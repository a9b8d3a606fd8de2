/**
 * 网上警民议事厅 (一警一群): a station's rooms, one per officer's area by default, hosted by the officer and named
 * co-hosts. Residents join from the doorplate or an invitation code, verify a phone once (后台实名) and post under
 * a nickname with their village (前台自愿). The seven kinds of work are tags a host puts on a post; an "@" to staff
 * is a request with a clock. What a station may change is data (`RoomSettings`), never logic.
 */
import type { Label } from '../i18n.js';

/** 区域群 covers a village, community or grids; 专题群 gathers people with a shared concern by invitation. */
export const ROOM_KINDS = ['area', 'group'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];
export const ROOM_KIND_LABELS: Record<RoomKind, Label> = {
  area: { zh: '片区群', en: 'Area room' },
  group: { zh: '专题群', en: 'Group room' },
};

export const ROOM_HOST_ROLES = ['owner', 'cohost'] as const;
export type RoomHostRole = (typeof ROOM_HOST_ROLES)[number];
export const ROOM_HOST_ROLE_LABELS: Record<RoomHostRole, Label> = {
  owner: { zh: '群主', en: 'Owner' },
  cohost: { zh: '管理员', en: 'Co-host' },
};

/** 七类工作: what a post is about, tagged by a host (Anhui's 网上警民议事厅). */
export const ROOM_WORK_TYPES = ['law', 'notice', 'dispute', 'safety', 'service', 'virtue', 'deliberation'] as const;
export type RoomWorkType = (typeof ROOM_WORK_TYPES)[number];
export const ROOM_WORK_TYPE_LABELS: Record<RoomWorkType, Label> = {
  law: { zh: '法治宣传', en: 'Legal education' },
  notice: { zh: '提醒告知', en: 'Reminder' },
  dispute: { zh: '矛盾化解', en: 'Dispute' },
  safety: { zh: '安全防范', en: 'Safety' },
  service: { zh: '便民服务', en: 'Service' },
  virtue: { zh: '弘扬正气', en: 'Good deeds' },
  deliberation: { zh: '议事', en: 'Deliberation' },
};

/**
 * A post is an ordinary message, a host's announcement (公告, readable without signing in), a lost/found notice
 * (structured: what, where, when) or a host's 议事 topic (a question with options residents vote on once).
 */
export const ROOM_POST_KINDS = ['message', 'announcement', 'lost', 'found', 'topic'] as const;
export type RoomPostKind = (typeof ROOM_POST_KINDS)[number];
export const ROOM_POST_KIND_LABELS: Record<RoomPostKind, Label> = {
  message: { zh: '发言', en: 'Message' },
  announcement: { zh: '公告', en: 'Announcement' },
  lost: { zh: '寻物启事', en: 'Lost' },
  found: { zh: '失物招领', en: 'Found' },
  topic: { zh: '议事', en: 'Topic' },
};

/** How a lost/found notice is closed, by its poster or a host: the owner found it, or it went back to its owner. */
export const ROOM_ITEM_CLOSINGS = ['found', 'returned'] as const;
export type RoomItemClosing = (typeof ROOM_ITEM_CLOSINGS)[number];
export const ROOM_ITEM_CLOSING_LABELS: Record<RoomItemClosing, Label> = {
  found: { zh: '已找到', en: 'Found' },
  returned: { zh: '已归还', en: 'Returned' },
};

/** Why a resident reports a post (举报); a host hides it or dismisses the reports. */
export const ROOM_REPORT_REASONS = ['fraud', 'ad', 'abuse', 'privacy', 'rumour', 'other'] as const;
export type RoomReportReason = (typeof ROOM_REPORT_REASONS)[number];
export const ROOM_REPORT_REASON_LABELS: Record<RoomReportReason, Label> = {
  fraud: { zh: '疑似诈骗', en: 'Possible fraud' },
  ad: { zh: '广告推销', en: 'Advertising' },
  abuse: { zh: '辱骂攻击', en: 'Abuse' },
  privacy: { zh: '泄露他人隐私', en: "Exposes someone's privacy" },
  rumour: { zh: '谣言不实', en: 'Rumour' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * published: everyone in the room reads it; held: the word list stopped it for a host's review (only its poster
 * and the hosts see it); hidden: a host hid it, with a reason its poster reads; deleted: its poster deleted it.
 */
export const ROOM_POST_STATUSES = ['published', 'held', 'hidden', 'deleted'] as const;
export type RoomPostStatus = (typeof ROOM_POST_STATUSES)[number];
export const ROOM_POST_STATUS_LABELS: Record<RoomPostStatus, Label> = {
  published: { zh: '已发布', en: 'Published' },
  held: { zh: '待审核', en: 'Held for review' },
  hidden: { zh: '已隐藏', en: 'Hidden' },
  deleted: { zh: '已删除', en: 'Deleted' },
};

/** What the room reads on a post a host made a matter (or a case): never the private details. */
export const ROOM_POST_TO_MATTER_NOTE: Label = { zh: '已转为事项，正在办理', en: 'Made a matter, being handled' };

/** A station's rules for its rooms (settings `rooms:<stationId>`); DOMAIN-style defaults until the chief saves. */
export interface RoomRules {
  /**
   * How staff appear: `{station}` the station's name, `{surname}` the staff member's surname, `{title}` what
   * residents call them (警官, 辅警, 网格员 — `staffTitle`).
   */
  nicknamePattern: string;
  /** An "@" to staff unanswered this long reaches the officer's phone (staff alerts). */
  answerMinutes: number;
  /** Still unanswered this long after the post, it reaches the station's desk. */
  deskMinutes: number;
  /** Words that hold a post for a host's review instead of publishing it. */
  heldWords: string[];
  /** Posts per member per minute, and per room per minute. */
  memberPostsPerMinute: number;
  roomPostsPerMinute: number;
  /** Posts are removed this many days after they were made. */
  retentionDays: number;
}

export const DEFAULT_ROOM_RULES: RoomRules = {
  nicknamePattern: '{station}·{surname}{title}',
  answerMinutes: 30,
  deskMinutes: 120,
  heldWords: ['代开发票', '刷单', '网赌', '贷款秒批', '办证'],
  memberPostsPerMinute: 6,
  roomPostsPerMinute: 600,
  retentionDays: 365,
};

const POLICE_ROLES: readonly string[] = ['duty_officer', 'community_officer', 'station_chief', 'bureau_supervisor'];

/** What residents call a staff member in a room: a police officer 警官, auxiliary police 辅警, a grid worker 网格员. */
export function staffTitle(roles: readonly string[]): string {
  if (roles.some((r) => POLICE_ROLES.includes(r))) return '警官';
  if (roles.includes('auxiliary_police')) return '辅警';
  if (roles.includes('grid_worker')) return '网格员';
  return '工作人员';
}

/** The standard nickname of a staff member in a room: 柳塘派出所·石警官, 柳塘派出所·郑网格员. */
export function staffNickname(
  pattern: string,
  stationName: string,
  staff: { displayName: string; roles: readonly string[] },
): string {
  const surname = [...staff.displayName.trim()][0] ?? '';
  return pattern
    .replaceAll('{station}', stationName)
    .replaceAll('{surname}', surname)
    .replaceAll('{title}', staffTitle(staff.roles));
}

/** The first held word a text contains (case-insensitive, spaces ignored), or null. */
export function heldWordIn(text: string, words: readonly string[]): string | null {
  const squeezed = text.replace(/\s+/g, '').toLowerCase();
  return words.find((w) => w.trim() && squeezed.includes(w.replace(/\s+/g, '').toLowerCase())) ?? null;
}
