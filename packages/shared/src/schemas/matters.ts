/** 码上办 contract: resident submission and tracking, staff handling. */
import { z } from 'zod';
import { MATTER_COUNTERS } from '../domain/counters.js';
import { KPI_SETS } from '../domain/kpis.js';
import {
  MATTER_ACTIONS,
  MATTER_CHANNELS,
  MATTER_KINDS,
  MATTER_MESSAGE_ACTIONS,
  MATTER_STATUSES,
  NOTE_AUDIENCES,
  RATINGS,
  RECEIPT_SMS_STATES,
  URGENCIES,
} from '../domain/matters.js';
import { Id, Shown, TrackingToken, text } from './common.js';
import { Day, periodRules } from './dashboards.js';
import { SuggestedAssignee } from './desk.js';
import { PhotoIds } from './resident.js';

/** Version of the privacy notice shown on the resident page before submitting (PIPL Art. 17). */
export const PRIVACY_NOTICE_VERSION = '2026-11.3';

export const Location = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    accuracy: z.number().min(0).max(100000).optional(),
  })
  .strict();

export const SubmitMatterInput = z
  .object({
    /** 事项类型 */ kind: z.enum(MATTER_KINDS),
    /** What happened or what is needed, in the resident's words. */ body: text(2000, 2),
    /** Only when the resident chose to share it; never required. */ location: Location.optional(),
    /** The notice the resident saw. */ noticeVersion: text(20),
    /** Photos uploaded beforehand to the doorplate (POST …/photos), at most 9. */ photoIds: PhotoIds,
    /** A verified phone (PhoneSession.phoneToken): the station may call back, and "my matters" lists it. */
    phoneToken: text(100, 20, { trim: false }).optional(),
  })
  .strict();
export type SubmitMatterInput = z.infer<typeof SubmitMatterInput>;

/** The receipt: shown only after the matter is committed. */
export const MatterReceipt = z.object({
  number: Shown,
  /** Secret for the tracking link; kept on the submitting device. */
  trackingToken: Shown,
  status: z.enum(MATTER_STATUSES),
  submittedAt: z.iso.datetime(),
});
export type MatterReceipt = z.infer<typeof MatterReceipt>;

export const TrackingParams = z.object({ /** Secret of the tracking link. */ tracking: TrackingToken }).strict();

export const TimelineEntry = z.object({
  id: z.number().int(),
  type: Shown,
  actor: Shown.nullable(),
  fromStatus: z.enum(MATTER_STATUSES).nullable(),
  toStatus: z.enum(MATTER_STATUSES).nullable(),
  note: Shown.nullable(),
  /** Who reads the note (a resident's timeline never carries an internal one). */
  noteVisibility: z.enum(NOTE_AUDIENCES),
  visibility: z.enum(['public', 'internal']),
  /** Photos sent with this message. */
  photoIds: z.array(Id),
  /** Whom a dispatch or transfer went to: a name for staff; for the resident a department, a team or 责任民警. */
  target: Shown.nullable(),
  at: z.iso.datetime(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** 不满意不放过: what the resident is promised after an unsatisfied rating (the station's `review.callbackHours`). */
export const ReviewPromise = z.object({
  /** The chief reviews and calls back within this many hours. */
  callbackHours: z.number().int(),
  /** When the call-back is due: the rating time plus `callbackHours`. */
  dueAt: z.iso.datetime(),
});
export type ReviewPromise = z.infer<typeof ReviewPromise>;

/**
 * One round of handling (第N次办理): from the submission, or from the chief's
 * reopening, to its outcome and the resident's rating. A matter is rated once per round.
 */
export const ResidentRound = z.object({
  /** 1 for the first handling, 2 after the first reopening, … */
  round: z.number().int().min(1),
  startedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  /** 办结情况 as written to the resident. */
  outcome: Shown.nullable(),
  rating: z.enum(RATINGS).nullable(),
  /** The resident's own words with the rating. */
  ratingComment: Shown.nullable(),
  ratedAt: z.iso.datetime().nullable(),
  /** Present after an unsatisfied rating. */
  review: ReviewPromise.nullable(),
  /** When the callback after that rating was recorded (所长已复核并回访); what was said stays with the station. */
  reviewedAt: z.iso.datetime().nullable(),
  /** When the chief reopened it (the round ended); null for the current round. */
  reopenedAt: z.iso.datetime().nullable(),
});
export type ResidentRound = z.infer<typeof ResidentRound>;

/** A step on the resident's timeline, with the round it belongs to. */
export const ResidentTimelineEntry = TimelineEntry.extend({ round: z.number().int().min(1) });
export type ResidentTimelineEntry = z.infer<typeof ResidentTimelineEntry>;

/** What the resident holding the tracking link sees: never internal notes or staff identities beyond a role. */
export const ResidentMatterView = z.object({
  number: Shown,
  kind: z.enum(MATTER_KINDS),
  status: z.enum(MATTER_STATUSES),
  body: Shown,
  address: Shown,
  stationName: Shown,
  handledBy: Shown.nullable(),
  /** The current round's outcome (its 办结情况); earlier rounds' are in `earlierRounds`. */
  outcome: Shown.nullable(),
  /** The current round's rating. */
  rating: z.enum(RATINGS).nullable(),
  /** The round being handled now: 1 unless the chief reopened the matter. */
  round: ResidentRound,
  /** Rounds before a reopening, oldest first: their outcomes and ratings stay as history. */
  earlierRounds: z.array(ResidentRound),
  submittedAt: z.iso.datetime(),
  /** Photos of the submission. */
  photoIds: z.array(Id),
  location: Location.nullable(),
  /** The verified contact phone, masked. */
  contactPhone: Shown.nullable(),
  timeline: z.array(ResidentTimelineEntry),
  canRate: z.boolean(),
  /** The chat stays open until the matter is closed. */
  canChat: z.boolean(),
});
export type ResidentMatterView = z.infer<typeof ResidentMatterView>;

export const RateMatterInput = z.object({ rating: z.enum(RATINGS), comment: text(500).optional() }).strict();
export type RateMatterInput = z.infer<typeof RateMatterInput>;

export const MatterView = z.object({
  id: z.uuid(),
  number: Shown,
  kind: z.enum(MATTER_KINDS),
  category: Shown.nullable(),
  urgency: z.enum(URGENCIES),
  status: z.enum(MATTER_STATUSES),
  body: Shown,
  address: Shown,
  /** Null when the desk recorded it in a village or grid with no household known. */
  householdId: z.uuid().nullable(),
  stationId: z.uuid(),
  /** 渠道: the doorplate, or how the desk heard of it. */
  channel: z.enum(MATTER_CHANNELS),
  /** 110's 警情编号 or 12345's 工单编号. */
  externalNo: Shown.nullable(),
  /** The receipt SMS of a matter the desk recorded; null when none was asked for. */
  receiptSms: z.enum(RECEIPT_SMS_STATES).nullable(),
  /** 派出所 name: a bureau supervisor reads matters of several stations. */
  stationName: Shown,
  location: Location.nullable(),
  contactPhone: Shown.nullable(),
  photoIds: z.array(Id),
  /** The dispute case a 矛盾纠纷 matter became (on a single matter's view; lists leave it out). */
  dispute: z.object({ id: Id, number: Shown }).nullable().optional(),
  assigneeStaffId: z.uuid().nullable(),
  assigneeTeamId: z.uuid().nullable(),
  assigneeDepartmentId: z.uuid().nullable(),
  firstResponseDueAt: z.iso.datetime().nullable(),
  takeDueAt: z.iso.datetime().nullable(),
  resolveDueAt: z.iso.datetime().nullable(),
  outcome: Shown.nullable(),
  rating: z.enum(RATINGS).nullable(),
  ratingComment: Shown.nullable(),
  createdAt: z.iso.datetime(),
  /** Seconds from submission; null while the step has not happened. */
  figures: z.object({
    firstResponseSeconds: z.number().nullable(),
    acceptSeconds: z.number().nullable(),
    resolveSeconds: z.number().nullable(),
    /** Resolved (or still open) within the resolution deadline. */
    onTime: z.boolean().nullable(),
  }),
  /** Status steps and messages this account may take now. */
  /** The deadline racing now (the first passed, else the nearest) and whether one has passed. */
  due: z.object({
    deadline: z.enum(['first_response', 'take', 'resolve']).nullable(),
    dueAt: z.iso.datetime().nullable(),
    overdue: z.boolean(),
  }),
  allowedActions: z.array(
    z.enum([
      ...(Object.keys(MATTER_ACTIONS) as [keyof typeof MATTER_ACTIONS, ...(keyof typeof MATTER_ACTIONS)[]]),
      ...MATTER_MESSAGE_ACTIONS,
    ]),
  ),
});
export type MatterView = z.infer<typeof MatterView>;

/** The desk list's filters, shared by the list and its export (`GET /matters/export`). */
const MatterFilters = {
  status: z.enum(MATTER_STATUSES).optional(),
  kind: z.enum(MATTER_KINDS).optional(),
  /** 渠道: only matters that came in this way. */
  channel: z.enum(MATTER_CHANNELS).optional(),
  /** `unsatisfied`: rated 不满意 and still waiting for the chief's review. */
  rating: z.enum(RATINGS).optional(),
  q: text(100).optional(),
  mine: z.enum(['1', 'true']).optional(),
  /** Only what still waits for someone (OPEN_MATTER_STATUSES); overdue ones come first. */
  open: z.enum(['1', 'true']).optional(),
  /** Only the matters a 工作台 counter counts (the same rule as the summary). */
  counter: z.enum(MATTER_COUNTERS).optional(),
  /** Only the matters a KPI counted over the period `from`–`to` (domain/kpis.ts): a dashboard's drill-down. */
  kpi: z.enum(KPI_SETS).optional(),
  from: Day.optional(),
  to: Day.optional(),
  /** Only the matters submitted in this hour of the day, Beijing time (0–23): the desk's intake-by-hour chart. */
  hour: z.coerce.number().int().min(0).max(23).optional(),
  /** Only the matters of this unit's subtree (a station opened from the bureau's dashboard); within one's sight. */
  unitId: Id.optional(),
};

/** A KPI filter counts over a period: `kpi` needs `from` and `to`. */
const kpiHasPeriod = (q: { kpi?: string | undefined; from?: string | undefined; to?: string | undefined }) =>
  !q.kpi || Boolean(q.from && q.to);
const KPI_NEEDS_PERIOD = { message: 'kpi needs from and to', path: ['from'] };

export const MatterQuery = periodRules(
  z
    .object({
      ...MatterFilters,
      page: z.coerce.number().int().min(1).max(100000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(20),
    })
    .strict()
    .refine(kpiHasPeriod, KPI_NEEDS_PERIOD),
);
export type MatterQuery = z.infer<typeof MatterQuery>;

/** `GET /matters/export`: the list's filters and why (导出事由, audited). */
export const MatterExportQuery = periodRules(
  z
    .object({ ...MatterFilters, /** 导出事由 */ reason: text(200, 2) })
    .strict()
    .refine(kpiHasPeriod, KPI_NEEDS_PERIOD),
);
export type MatterExportQuery = z.infer<typeof MatterExportQuery>;

/** Who reads the step's note; absent: the step's default (NOTE_AUDIENCE_DEFAULT). */
const NoteVisibility = z.enum(NOTE_AUDIENCES).optional();

export const AcceptMatterInput = z
  .object({
    kind: z.enum(MATTER_KINDS).optional(),
    category: text(50).optional(),
    urgency: z.enum(URGENCIES),
    note: text(500).optional(),
    noteVisibility: NoteVisibility,
  })
  .strict();
export type AcceptMatterInput = z.infer<typeof AcceptMatterInput>;
export const ReasonInput = z
  .object({ /** Why: shown on the timeline. */ reason: text(500, 2), noteVisibility: NoteVisibility })
  .strict();
export type ReasonInput = z.infer<typeof ReasonInput>;
export const DispatchMatterInput = z
  .object({
    /** Exactly one of staff, team or department. */
    assigneeStaffId: Id.optional(),
    assigneeTeamId: Id.optional(),
    assigneeDepartmentId: Id.optional(),
    /** Overrides the resolution deadline of the kind. */ resolveDueAt: z.iso.datetime().optional(),
    note: text(500).optional(),
    noteVisibility: NoteVisibility,
  })
  .strict()
  .refine((v) => [v.assigneeStaffId, v.assigneeTeamId, v.assigneeDepartmentId].filter(Boolean).length === 1, {
    message: 'choose exactly one assignee: a staff member, a team or a department',
  });
export type DispatchMatterInput = z.infer<typeof DispatchMatterInput>;
export const ResolveMatterInput = z.object({ /** 办结情况 */ outcome: text(2000, 2) }).strict();
export const MessageInput = z
  .object({ text: text(2000), photoIds: PhotoIds })
  .strict()
  .refine((m) => m.text.length > 0 || m.photoIds.length > 0, { message: 'write a message or add a photo' });
/** The original a duplicate is folded into: by id, or by the 回执号 staff read off the screen. */
export const MergeMatterInput = z
  .object({
    intoId: Id.optional(),
    intoNumber: text(20)
      .regex(/^JM\d{8}-\d{6}$/, { message: 'must be a receipt number such as JM20261129-000123' })
      .optional(),
    note: text(500).optional(),
    noteVisibility: NoteVisibility,
  })
  .strict()
  .refine((v) => Boolean(v.intoId) !== Boolean(v.intoNumber), { message: 'give intoId or intoNumber, one of them' });
export type MergeMatterInput = z.infer<typeof MergeMatterInput>;

/** The desk's small summary: today in Asia/Shanghai, satisfaction over every rated matter in scope. */
export const DeskSummary = z.object({
  acceptedToday: z.number().int(),
  resolvedToday: z.number().int(),
  openNow: z.number().int(),
  overdueNow: z.number().int(),
  averageFirstResponseMinutesToday: z.number().nullable(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  /** 不满意不放过: rated 不满意 and not yet reopened or closed by the chief. */
  awaitingReview: z.number().int(),
  /** 待受理: submitted, waiting for the desk. */
  waitingNow: z.number().int(),
  /** 待接单: dispatched, waiting for its assignee. */
  toTakeNow: z.number().int(),
  /** (满意 + 基本满意) / 已评价; null before the first rating. */
  satisfactionRate: z.number().nullable(),
  /** 渠道: matters by the way they came in, every channel listed (today in Asia/Shanghai, open now, all). */
  byChannel: z.array(
    z.object({
      channel: z.enum(MATTER_CHANNELS),
      today: z.number().int(),
      open: z.number().int(),
      total: z.number().int(),
    }),
  ),
});
export type DeskSummary = z.infer<typeof DeskSummary>;

/** `GET /matters/summary`: `mine` counts only the matters the caller holds (我的任务), as the list's `mine`. */
export const SummaryQuery = z.object({ mine: z.enum(['1', 'true']).optional() }).strict();
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** The detail page of a matter: the matter, its full timeline and the suggested assignee. */
export const MatterDetail = MatterView.extend({
  /** Every entry, internal notes included. */ timeline: z.array(TimelineEntry),
  /** 建议派单: the responsible officer of the household's grid. */
  suggestedAssignee: SuggestedAssignee.nullable(),
});
export type MatterDetail = z.infer<typeof MatterDetail>;

/** `GET /matters/:id/photos/:photoId`. */
export const MatterPhotoParams = z
  .object({ /** The matter. */ id: Id, /** One of its photos. */ photoId: Id })
  .strict();

/** Someone or something a matter can be dispatched or transferred to. */
export const AssigneeOption = z.object({
  id: Id,
  /** 名称 or 姓名 */ name: Shown,
  /** The unit it belongs to, for telling namesakes apart. */ unit: Shown,
});

/** Everyone a matter can go to from the caller's station. */
export const Assignees = z.object({
  /** Staff with their role names. */ staff: z.array(AssigneeOption.extend({ roles: z.array(Shown) })),
  teams: z.array(AssigneeOption),
  departments: z.array(AssigneeOption),
});
export type Assignees = z.infer<typeof Assignees>;

/** The resident's verified phone in full, shown on request (and audited). */
export const ContactPhoneView = z.object({ /** The full number. */ phone: Shown });
