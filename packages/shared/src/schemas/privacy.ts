/**
 * 个人信息权利 — a resident's rights over the data of one matter (PIPL Art.
 * 44–47), exercised from the matter page with its tracking link: correct the
 * contact phone (更正), withdraw it (撤回), ask for deletion (删除请求). The
 * first two happen at once; a deletion request is answered by the desk or the
 * chief within the station's `privacy.answerWorkingDays` working days.
 */
import { z } from 'zod';
import { MATTER_KINDS, MATTER_STATUSES } from '../domain/matters.js';
import { type Label, type Locale, labelOf } from '../i18n.js';
import { Id, Page, Shown, text } from './common.js';

/** What a resident asked for: the two phone changes are carried out at once; a deletion waits for an answer. */
export const PRIVACY_REQUEST_KINDS = ['correct_phone', 'withdraw_phone', 'delete'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

export const PRIVACY_REQUEST_KIND_LABELS: Record<PrivacyRequestKind, Label> = {
  correct_phone: { zh: '更正联系电话', en: 'Correct the contact phone' },
  withdraw_phone: { zh: '撤回手机号', en: 'Withdraw the phone number' },
  delete: { zh: '删除个人信息', en: 'Delete personal information' },
};

/** `open`: waiting for the station's answer; `done`: carried out; `refused`: answered with a reason. */
export const PRIVACY_REQUEST_STATUSES = ['open', 'done', 'refused'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

export const PRIVACY_REQUEST_STATUS_LABELS: Record<PrivacyRequestStatus, Label> = {
  open: { zh: '待答复', en: 'Awaiting answer' },
  done: { zh: '已办理', en: 'Done' },
  refused: { zh: '不予删除', en: 'Refused' },
};

/** How the desk or the chief answers a deletion request. */
export const PRIVACY_ANSWER_ACTIONS = ['approve', 'refuse'] as const;
export type PrivacyAnswerAction = (typeof PRIVACY_ANSWER_ACTIONS)[number];

/**
 * What a deletion removes from a matter, by field name (the audit entry names
 * these, never their values). Kept: number, kind, station, unit, dates,
 * status, rating, who handled it, the timeline's steps and the audit trail.
 */
export const DELETED_FIELDS = [
  'body',
  'location',
  'contactPhone',
  'outcome',
  'ratingComment',
  'timelineNotes',
  'photos',
] as const;

/** Read in place of a matter's text once it was deleted. */
export const CONTENT_DELETED_LABEL: Label = {
  zh: '（内容已应群众要求删除）',
  en: "(Content deleted at the resident's request)",
};

/** A matter's text as shown to anyone: the resident's words, or a line saying they were deleted at their request. */
export function shownBody(m: { body: string; contentDeletedAt: Date | null }, locale: Locale): string {
  return m.contentDeletedAt ? labelOf(CONTENT_DELETED_LABEL, locale) : m.body;
}

/** 更正联系电话: the new number, proved by one-time code first (`PhoneSession.phoneToken`). */
export const CorrectContactPhoneInput = z
  .object({
    /** A verified phone's token from POST /public/phone/verify. */ phoneToken: text(100, 20, { trim: false }),
  })
  .strict();
export type CorrectContactPhoneInput = z.infer<typeof CorrectContactPhoneInput>;

/** 同意删除: the deletion is carried out at once; an optional word to the resident. */
export const ApproveDeletionInput = z
  .object({ /** Shown to the resident on the timeline. */ answer: text(500).optional() })
  .strict();
export type ApproveDeletionInput = z.infer<typeof ApproveDeletionInput>;

/** 不予删除: the reason the resident reads (still being handled, the law requires keeping it …). */
export const RefuseDeletionInput = z.object({ /** Shown to the resident. */ reason: text(500, 2) }).strict();
export type RefuseDeletionInput = z.infer<typeof RefuseDeletionInput>;

/** One request as the resident reads it. */
export const PrivacyRequestView = z.object({
  id: Id,
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  status: z.enum(PRIVACY_REQUEST_STATUSES),
  /** The last day of the answer period (Beijing date); null for what was carried out at once. */
  dueOn: z.iso.date().nullable(),
  /** Open past its last day. */
  overdue: z.boolean(),
  /** The station's answer or reason. */
  answer: Shown.nullable(),
  answeredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type PrivacyRequestView = z.infer<typeof PrivacyRequestView>;

/** 我的信息 on the matter page. */
export const ResidentPrivacyView = z.object({
  /** The verified contact phone, masked; null when none (or withdrawn). */
  contactPhone: Shown.nullable(),
  /** When the matter's personal information was deleted at the resident's request. */
  contentDeletedAt: z.iso.datetime().nullable(),
  /** The station's answer period for a deletion request, in working days. */
  answerWorkingDays: z.number().int(),
  /** Newest first. */
  requests: z.array(PrivacyRequestView),
  /** What the resident may do now. */
  allowedActions: z.array(z.enum(PRIVACY_REQUEST_KINDS)),
});
export type ResidentPrivacyView = z.infer<typeof ResidentPrivacyView>;

/** A request in the station's queue. */
export const StaffPrivacyRequest = PrivacyRequestView.extend({
  matterId: Id,
  matterNumber: Shown,
  matterKind: z.enum(MATTER_KINDS),
  matterStatus: z.enum(MATTER_STATUSES),
  stationName: Shown,
  /** Who answered; null while open or when the resident's own change was carried out at once. */
  answeredBy: Shown.nullable(),
  allowedActions: z.array(z.enum(PRIVACY_ANSWER_ACTIONS)),
  /** Deletion is carried out once the matter is finished (closed, invalid, merged); until then it can be refused. */
  waitsForMatter: z.boolean(),
});
export type StaffPrivacyRequest = z.infer<typeof StaffPrivacyRequest>;

export const PrivacyRequestQuery = Page.extend({
  /** `open` (default): the queue, earliest due first; `all`: with what was answered. */
  status: z.enum(['open', 'all']).default('open'),
}).strict();
export type PrivacyRequestQuery = z.infer<typeof PrivacyRequestQuery>;

export const PrivacyRequestPage = z.object({
  items: z.array(StaffPrivacyRequest),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Open requests in sight past their last day (for a 工作台 counter). */
  overdue: z.number().int(),
});
export type PrivacyRequestPage = z.infer<typeof PrivacyRequestPage>;
