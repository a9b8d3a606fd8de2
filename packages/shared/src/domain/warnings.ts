/**
 * 宣传与预警: a station's warnings and campaigns to an area of its tree, and what reached whom, counted honestly.
 * A notice is visible to an area (its target paths), never copied into a row per recipient; the reach figures are
 * three distinct counts — delivered, opened, acknowledged — never blended, kept as totals per village and grid.
 * What a station may change is data (`WarningRules`), never logic.
 */
import type { Label } from '../i18n.js';

/** 紧急 / 提示 / 宣传, the way Nixle separates alert, advisory and community notices. */
export const WARNING_PRIORITIES = ['urgent', 'advisory', 'community'] as const;
export type WarningPriority = (typeof WARNING_PRIORITIES)[number];
export const WARNING_PRIORITY_LABELS: Record<WarningPriority, Label> = {
  urgent: { zh: '紧急', en: 'Alert' },
  advisory: { zh: '提示', en: 'Advisory' },
  community: { zh: '宣传', en: 'Community' },
};

/** A category a station offers (预警信息, 反诈 …); `key` is what notices and subscriptions store. */
export interface WarningCategory {
  key: string;
  label: Label;
}

/** The categories every station starts with; a station adds its own (settings `warnings:<stationId>`). */
export const DEFAULT_WARNING_CATEGORIES: readonly WarningCategory[] = [
  { key: 'alert', label: { zh: '预警信息', en: 'Alerts' } },
  { key: 'antifraud', label: { zh: '反诈', en: 'Anti-fraud' } },
  { key: 'antidrug', label: { zh: '禁毒', en: 'Anti-drug' } },
  { key: 'traffic', label: { zh: '交通安全', en: 'Traffic safety' } },
  { key: 'fire', label: { zh: '防火', en: 'Fire safety' } },
  { key: 'case', label: { zh: '典型案例', en: 'Case studies' } },
  { key: 'policy', label: { zh: '政策', en: 'Policy' } },
  { key: 'other', label: { zh: '其他', en: 'Other' } },
];

/**
 * A notice's life: a draft is edited by its author; an urgent one goes to the chief for review (in_review), comes
 * back to draft when refused; an approved or non-urgent one is scheduled (sent by the job at its time) or sent at
 * once; a sent one may be withdrawn with a correction. Expiry is a time, not a status.
 */
export const WARNING_STATUSES = ['draft', 'in_review', 'scheduled', 'sent', 'withdrawn'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
export const WARNING_STATUS_LABELS: Record<WarningStatus, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  in_review: { zh: '待所长审核', en: 'Awaiting review' },
  scheduled: { zh: '定时待发', en: 'Scheduled' },
  sent: { zh: '已发布', en: 'Sent' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The steps a notice takes, and from which statuses each is allowed: the one table the service checks. */
export const WARNING_ACTIONS = {
  edit: ['draft'],
  submit: ['draft'],
  approve: ['in_review'],
  reject: ['in_review'],
  send: ['draft', 'scheduled'],
  schedule: ['draft'],
  unschedule: ['scheduled'],
  withdraw: ['sent', 'scheduled', 'in_review'],
  delete: ['draft'],
} as const satisfies Record<string, readonly WarningStatus[]>;
export type WarningAction = keyof typeof WARNING_ACTIONS;
export const WARNING_ACTION_LABELS: Record<WarningAction, Label> = {
  edit: { zh: '修改', en: 'Edit' },
  submit: { zh: '提交审核', en: 'Submit for review' },
  approve: { zh: '审核通过', en: 'Approve' },
  reject: { zh: '退回修改', en: 'Return' },
  send: { zh: '发布', en: 'Send' },
  schedule: { zh: '定时发布', en: 'Schedule' },
  unschedule: { zh: '取消定时', en: 'Unschedule' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  delete: { zh: '删除', en: 'Delete' },
};

export function warningActionAllowed(action: WarningAction, status: WarningStatus): boolean {
  return (WARNING_ACTIONS[action] as readonly WarningStatus[]).includes(status);
}

/**
 * 紧急 notices are reviewed by the chief before they go out; the others are sent by their author. The chief's own
 * urgent notice goes out by the chief: `authorReviews` is true when its author holds the review right over it.
 */
export const needsReview = (priority: WarningPriority, authorReviews = false) =>
  priority === 'urgent' && !authorReviews;

/** What a device tells about a notice: opened it, tapped 已知晓, said 谢谢 or 点赞 — each once per device. */
export const WARNING_RECEIPT_KINDS = ['open', 'ack', 'thanks', 'like'] as const;
export type WarningReceiptKind = (typeof WARNING_RECEIPT_KINDS)[number];
export const WARNING_RECEIPT_LABELS: Record<WarningReceiptKind, Label> = {
  open: { zh: '查看', en: 'Opened' },
  ack: { zh: '已知晓', en: 'Acknowledged' },
  thanks: { zh: '谢谢', en: 'Thanks' },
  like: { zh: '点赞', en: 'Like' },
};

/** What media a notice carries besides its photos, checked by content (no transcoding). */
export const WARNING_MEDIA_KINDS = ['audio', 'video'] as const;
export type WarningMediaKind = (typeof WARNING_MEDIA_KINDS)[number];
/** The whitelist: each kind's types as browsers play them without transcoding, and its size limit. */
export const WARNING_MEDIA_RULES: Record<WarningMediaKind, { mimes: readonly string[]; maxBytes: number }> = {
  audio: { mimes: ['audio/mpeg', 'audio/mp4', 'audio/wav'], maxBytes: 10 * 1024 * 1024 },
  video: { mimes: ['video/mp4', 'video/webm'], maxBytes: 30 * 1024 * 1024 },
};
/** At most this many photos and this many audio/video files on one notice. */
export const WARNING_MAX_PHOTOS = 9;
export const WARNING_MAX_MEDIA = 3;

/** A station's rules for its warnings (settings `warnings:<stationId>`). */
export interface WarningRules {
  /** The station's own categories after the defaults (keys unique, lowercase letters, digits, `_`). */
  extraCategories: WarningCategory[];
  /** The signature residents see on an SMS (短信签名), e.g. 柳塘派出所; approved at the provider. */
  smsSignature: string;
  /** SMS sent per second at most (the provider's rate). */
  smsPerSecond: number;
  /** SMS sent per day at most across the station's notices (the provider's daily cap). */
  smsDailyCap: number;
  /** How long receipts of a notice without an expiry are kept (days after sending); counts stay. */
  receiptDays: number;
}

export const DEFAULT_WARNING_RULES: WarningRules = {
  extraCategories: [],
  smsSignature: '',
  smsPerSecond: 20,
  smsDailyCap: 10_000,
  receiptDays: 90,
};

/** The station's categories: the defaults, then its own. */
export function warningCategories(rules: Pick<WarningRules, 'extraCategories'>): WarningCategory[] {
  return [...DEFAULT_WARNING_CATEGORIES, ...rules.extraCategories];
}

/** The text an opted-in resident receives by SMS: the category and title, at most 60 characters, no link. */
export const WARNING_SMS_MAX = 60;
export function warningSmsSummary(categoryLabel: string, title: string): string {
  const text = `【${categoryLabel}】${title}`;
  return text.length > WARNING_SMS_MAX ? `${text.slice(0, WARNING_SMS_MAX - 1)}…` : text;
}

/** A share as people read it: 3012 of 5096 → 59.1 (one decimal); nothing to divide is null, not 0. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
