/**
 * Staff notifications (通知): the channels an officer may choose, why a
 * message goes out, when a matter is urgent enough to ignore quiet hours, and
 * the quiet-hours arithmetic in Beijing time. Pure rules, read by the server's
 * delivery job and by the console's settings card.
 */
import type { Label } from '../i18n.js';
import type { MatterEventType } from './events.js';
import type { MatterKind } from './matters.js';

/** What a staff member may choose: 企业微信, 短信, 浏览器通知. */
export const NOTIFY_CHANNELS = ['wecom', 'sms', 'browser'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** Every way a delivery goes out: the chosen channels, and the server log when none is chosen. */
export const DELIVERY_CHANNELS = [...NOTIFY_CHANNELS, 'log'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const NOTIFY_CHANNEL_LABELS: Record<DeliveryChannel, Label> = {
  wecom: { zh: '企业微信', en: 'WeCom' },
  sms: { zh: '短信', en: 'SMS' },
  browser: { zh: '浏览器通知', en: 'Browser notification' },
  log: { zh: '服务器日志', en: 'Server log' },
};

/** pending → sent | failed (will not succeed on retry) | skipped (the channel cannot reach this person). */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why a staff member hears about a matter. */
export const NOTIFY_REASONS = [
  'dispatched',
  'transferred',
  'chased',
  'deadline_near',
  'breached',
  'reopened',
  'test',
  // 矛盾纠纷: a 治安调解 deadline passed, a follow-up due or overdue, a case transferred to a department.
  'session_overdue',
  'follow_up_due',
  'follow_up_overdue',
  'case_transferred',
  // 提级督办: a matter reopened or transferred too often reaches the bureau's supervisors and the station's chiefs.
  'supervised',
] as const;
export type NotifyReason = (typeof NOTIFY_REASONS)[number];

/** Short on purpose: the SMS template takes the reason as a value of a few characters. */
export const NOTIFY_REASON_LABELS: Record<NotifyReason, Label> = {
  dispatched: { zh: '新派单', en: 'New assignment' },
  transferred: { zh: '转办', en: 'Transferred to you' },
  chased: { zh: '催办', en: 'Chased' },
  deadline_near: { zh: '即将超期', en: 'Deadline approaching' },
  breached: { zh: '已超期', en: 'Deadline passed' },
  reopened: { zh: '重新办理', en: 'Reopened' },
  test: { zh: '测试通知', en: 'Test notification' },
  session_overdue: { zh: '调解超期', en: 'Mediation deadline passed' },
  follow_up_due: { zh: '回访到期', en: 'Follow-up due' },
  follow_up_overdue: { zh: '回访逾期', en: 'Follow-up overdue' },
  case_transferred: { zh: '纠纷移交', en: 'Dispute case transferred' },
  supervised: { zh: '提级督办', en: 'Escalated' },
};

/** The matter events that notify whoever holds the matter, and the reason each gives. */
export const NOTIFY_EVENT_REASONS: Partial<Record<MatterEventType, NotifyReason>> = {
  'matter.dispatch': 'dispatched',
  'matter.transfer': 'transferred',
  'matter.remind': 'chased',
  'matter.deadline_near': 'deadline_near',
  'matter.escalated': 'breached',
  'matter.reopen': 'reopened',
};

/** The live event on a staff member's own stream that the console shows as a browser notification. */
export const NOTIFY_ALERT_EVENT = 'notify.alert';

/**
 * The outbox event of an open hazard past its 整改期限 (隐患台账), published once when the sweep escalates it:
 * the notify job tells the station's chiefs and the hazard's responsible person (reason `breached`).
 */
export const HAZARD_OVERDUE_EVENT = 'hazard.overdue';

/**
 * The outbox events of the 议事厅 "@" clock, each published once per post by the rooms sweep: an "@" to staff
 * unanswered past its answer time reaches the staff it "@"s (reason `chased`); still unanswered past the station's
 * desk time it reaches the station's desk (reason `breached`) and, live, the room's units.
 */
export const ROOM_MENTION_OVERDUE_EVENT = 'room.mention_overdue';
export const ROOM_MENTION_ESCALATED_EVENT = 'room.mention_escalated';

/** A room "@" an alert is about: the room's name and who is told, never the post's words or the poster. */
export interface AlertRoomMention {
  roomId: string;
  postId: string;
  roomName: string;
  /** `officer`: the staff it "@"s; `desk`: the station's desk. */
  stage: 'officer' | 'desk';
}

/** A hazard an alert is about: its kind and place as people read them, never who lives there. */
export interface AlertHazard {
  id: string;
  /** The kind's name (消防安全 …). */
  kind: string;
  /** The village or grid, and the place in words. */
  place: string;
}

/** What that live event carries: enough to say why and which matter or case, never its text. */
export interface NotifyAlert {
  matterId: string | null;
  /** A dispute case's alert (the reasons above from session_overdue): `number` is then the case's number. */
  disputeId?: string | null;
  /** A hazard's alert (隐患逾期): its kind and place. */
  hazard?: AlertHazard | null;
  /** A 议事厅 "@" unanswered in time: the room and the stage. */
  roomMention?: AlertRoomMention | null;
  /** An anti-fraud instruction (反诈预警): its number, type and level in words — never the person. */
  fraud?: { id: string; number: string; type: string; level: string } | null;
  number: string | null;
  reason: NotifyReason;
  kind: MatterKind | null;
  urgent: boolean;
}

/** Quiet hours (免打扰) in minutes after Beijing midnight; `start` after `end` crosses midnight (22:00–07:00). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
/** Beijing time is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Minutes after Beijing midnight of an instant. */
function shanghaiMinute(at: Date): number {
  const minutes = Math.floor(at.getTime() / MINUTE_MS) + SHANGHAI_OFFSET_MINUTES;
  return ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** Whether `at` falls inside the quiet hours (start included, end excluded). */
export function inQuietHours(quiet: QuietHours | null, at: Date): boolean {
  if (!quiet || quiet.startMinute === quiet.endMinute) return false;
  const m = shanghaiMinute(at);
  const { startMinute: s, endMinute: e } = quiet;
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** When the quiet period holding `at` ends, or `at` itself when it is not quiet then. */
export function quietEnds(quiet: QuietHours | null, at: Date): Date {
  if (!quiet || !inQuietHours(quiet, at)) return at;
  const wait = (quiet.endMinute - shanghaiMinute(at) + DAY_MINUTES) % DAY_MINUTES;
  const startOfMinute = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(startOfMinute + wait * MINUTE_MS);
}

/** `HH:MM` of a minute of the day, for labels. */
export function minuteLabel(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
