/**
 * 宣传与预警 over HTTP: staff compose a notice for an area (the station, villages, grids, rooms, or a category's
 * subscribers), the chief reviews an urgent one, it is sent or scheduled, and withdrawn with a correction; residents
 * read an area's current notices on the doorplate and "my matters" pages, tell that they opened or acknowledged one,
 * react and reply, and subscribe a verified phone to categories (SMS only when opted in, 退订 at any time). Reach is
 * three counts per village and grid, never who read what.
 */
import { z } from 'zod';
import {
  WARNING_ACTIONS,
  WARNING_MEDIA_KINDS,
  WARNING_PRIORITIES,
  WARNING_RECEIPT_KINDS,
  WARNING_STATUSES,
  type WarningRules,
} from '../domain/warnings.js';
import { Id, Moment, Name, Shown, text } from './common.js';
import { Day, periodRules } from './dashboards.js';

const Version = z.number().int().min(1);
/** A category key: lowercase letters, digits and `_`, as stored on notices and subscriptions. */
export const WarningCategoryKey = text(32, 1).regex(/^[a-z][a-z0-9_]*$/, {
  message: 'must be lowercase letters, digits or _',
});
/** The random id a resident's browser keeps for receipts (never a person's): 16–64 of A–Z a–z 0–9 _ -. */
export const DeviceId = text(64, 16, { trim: false }).regex(/^[A-Za-z0-9_-]{16,64}$/);

/** A station's warning rules (settings `warnings:<stationId>`). */
export const WarningSettings = z
  .object({
    extraCategories: z
      .array(z.object({ key: WarningCategoryKey, label: z.object({ zh: Name, en: Name }).strict() }).strict())
      .max(30),
    smsSignature: text(20),
    smsPerSecond: z.number().int().min(1).max(1000),
    smsDailyCap: z.number().int().min(0).max(10_000_000),
    receiptDays: z.number().int().min(7).max(3650),
  })
  .strict() satisfies z.ZodType<WarningRules>;
export type WarningSettings = z.infer<typeof WarningSettings>;

// ——— Staff: compose, review, send ———

/** Whom a notice reaches: units of the tree (station, villages, grids), rooms, and/or the category's subscribers. */
export const WarningTarget = z
  .object({
    unitIds: z.array(Id).max(200).default([]),
    roomIds: z.array(Id).max(200).default([]),
    /** Everyone subscribed to the notice's category anywhere in the station. */
    subscribers: z.boolean().default(false),
  })
  .strict()
  .refine((t) => t.unitIds.length + t.roomIds.length > 0 || t.subscribers, {
    message: 'choose at least one area, room or the subscribers',
  });
export type WarningTarget = z.infer<typeof WarningTarget>;

/** 编辑预警: a draft's content. Media are uploaded first and named here by id. */
export const WarningInput = z
  .object({
    /** The station that sends it (one in the author's scope). */
    stationId: Id,
    category: WarningCategoryKey,
    priority: z.enum(WARNING_PRIORITIES),
    title: text(60, 1).refine((s) => !/[\r\n]/.test(s), { message: 'must be a single line' }),
    body: text(4000, 1),
    /** Residents are asked to tap 已知晓. */
    ackRequired: z.boolean().default(false),
    /** After this the notice leaves residents' pages and its receipts are purged (counts stay). */
    expiresAt: Moment.nullable().default(null),
    target: WarningTarget,
    /** Also an SMS to opted-in verified phones of the area (the text is shown before sending). */
    sms: z.boolean().default(false),
    photoIds: z.array(Id).max(9).default([]),
    mediaIds: z.array(Id).max(3).default([]),
  })
  .strict();
export type WarningInput = z.infer<typeof WarningInput>;

export const WarningUpdateInput = WarningInput.omit({ stationId: true }).extend({ version: Version }).strict();
export type WarningUpdateInput = z.infer<typeof WarningUpdateInput>;

/** A step with its version; `at` for schedule, `note` for a refusal, `correction` for a withdrawal. */
export const WarningActionInput = z
  .object({
    version: Version,
    /** schedule: when it goes out (in the future). */
    at: Moment.optional(),
    /** reject: what to change. */
    note: text(500).optional(),
    /** withdraw: the correction residents read instead (更正说明). */
    correction: text(500).optional(),
  })
  .strict();
export type WarningActionInput = z.infer<typeof WarningActionInput>;

export const WarningActionParams = z
  .object({ id: Id, action: z.enum(Object.keys(WARNING_ACTIONS) as [keyof typeof WARNING_ACTIONS]) })
  .strict();

/** How far a target reaches before sending: households of its areas, subscribed devices, SMS phones. */
export const WarningReachPreview = z.object({
  households: z.number().int(),
  /** Households of those whose doorplate page was ever opened (the ceiling of reach). */
  scannedHouseholds: z.number().int(),
  /** Verified phones subscribed to the category in the areas (or the station, for subscribers). */
  subscribedDevices: z.number().int(),
  /** Of those, the ones opted in to SMS. */
  smsPhones: z.number().int(),
  rooms: z.number().int(),
  /** The SMS as it would read, with the signature; null when no SMS is asked for. */
  smsText: Shown.nullable(),
});
export type WarningReachPreview = z.infer<typeof WarningReachPreview>;

export const WarningPreviewInput = WarningInput.pick({ stationId: true, category: true, title: true, sms: true })
  .extend({ target: WarningTarget })
  .strict();
export type WarningPreviewInput = z.infer<typeof WarningPreviewInput>;

export const WarningMedia = z.object({
  id: Id,
  kind: z.enum(WARNING_MEDIA_KINDS),
  mime: Shown,
  bytes: z.number().int(),
  /** Where a browser plays it (Range requests served). */
  url: Shown,
});
export type WarningMedia = z.infer<typeof WarningMedia>;

/** The three reach figures and the reactions, totals only. */
export const WarningReachTotals = z.object({
  /** Households the notice was available to when sent. */
  deliveredHouseholds: z.number().int(),
  /** Phones an SMS was sent to. */
  deliveredPhones: z.number().int(),
  opened: z.number().int(),
  acknowledged: z.number().int(),
  thanks: z.number().int(),
  likes: z.number().int(),
  replies: z.number().int(),
});
export type WarningReachTotals = z.infer<typeof WarningReachTotals>;

export const WarningView = z.object({
  id: Id,
  stationId: Id,
  stationName: Shown,
  category: Shown,
  categoryLabel: Shown,
  priority: z.enum(WARNING_PRIORITIES),
  title: Shown,
  body: Shown,
  ackRequired: z.boolean(),
  expiresAt: Shown.nullable(),
  status: z.enum(WARNING_STATUSES),
  scheduledAt: Shown.nullable(),
  sentAt: Shown.nullable(),
  withdrawnAt: Shown.nullable(),
  correction: Shown.nullable(),
  target: z.object({
    units: z.array(z.object({ id: Id, name: Shown, kind: Shown })),
    rooms: z.array(z.object({ id: Id, name: Shown })),
    subscribers: z.boolean(),
  }),
  sms: z.boolean(),
  smsText: Shown.nullable(),
  photoIds: z.array(Id),
  media: z.array(WarningMedia),
  author: z.object({ id: Id, name: Shown }),
  reviewer: z.object({ id: Id, name: Shown }).nullable(),
  reviewedAt: Shown.nullable(),
  reviewNote: Shown.nullable(),
  reach: WarningReachTotals,
  /** The steps this account may take now (the console shows these buttons only). */
  actions: z.array(z.enum(Object.keys(WARNING_ACTIONS) as [keyof typeof WARNING_ACTIONS])),
  createdAt: Shown,
  version: z.number().int(),
});
export type WarningView = z.infer<typeof WarningView>;

/** The list's filters, shared by the list and its export. */
const WarningFilters = {
  status: z.enum(WARNING_STATUSES).optional(),
  category: WarningCategoryKey.optional(),
  priority: z.enum(WARNING_PRIORITIES).optional(),
  stationId: Id.optional(),
  /** Sent (发布) on or after this day, Beijing time: a dashboard's drill-down. */
  from: Day.optional(),
  /** Sent on or before this day. */
  to: Day.optional(),
  /** Only the notices of the stations in this station's or bureau's subtree; within one's sight. */
  unitId: Id.optional(),
};

export const WarningListQuery = periodRules(
  z
    .object({
      ...WarningFilters,
      /** Older than this moment (created), for the next page. */
      before: Moment.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(30),
    })
    .strict(),
);
export type WarningListQuery = z.infer<typeof WarningListQuery>;

export const WarningListItem = WarningView.pick({
  id: true,
  stationName: true,
  category: true,
  categoryLabel: true,
  priority: true,
  title: true,
  status: true,
  scheduledAt: true,
  sentAt: true,
  expiresAt: true,
  reach: true,
  createdAt: true,
}).extend({ authorName: Shown });
export type WarningListItem = z.infer<typeof WarningListItem>;
export const WarningPage = z.object({
  items: z.array(WarningListItem),
  hasMore: z.boolean(),
  /** All the notices the filters match, over every page. */
  total: z.number().int(),
});
export type WarningPage = z.infer<typeof WarningPage>;

/** `GET /warnings/export`: the list's filters and why (导出事由, audited). */
export const WarningExportQuery = periodRules(
  z.object({ ...WarningFilters, /** 导出事由 */ reason: text(200, 2) }).strict(),
);
export type WarningExportQuery = z.infer<typeof WarningExportQuery>;

/** Reach by village and grid: the three counts beside the households and the QR scan coverage, never a list of who. */
export const WarningReachUnit = z.object({
  unitId: Id,
  name: Shown,
  kind: Shown,
  /** The village of a grid (null for a village). */
  parentId: Id.nullable(),
  households: z.number().int(),
  scannedHouseholds: z.number().int(),
  opened: z.number().int(),
  acknowledged: z.number().int(),
});
export type WarningReachUnit = z.infer<typeof WarningReachUnit>;
export const WarningReach = z.object({
  totals: WarningReachTotals,
  /** Opened from a device whose area is not known (a link without a doorplate). */
  openedElsewhere: z.number().int(),
  acknowledgedElsewhere: z.number().int(),
  units: z.array(WarningReachUnit),
  /** The station's QR scan coverage at the time of reading. */
  coverage: z.object({ households: z.number().int(), scannedHouseholds: z.number().int() }),
});
export type WarningReach = z.infer<typeof WarningReach>;

/** QR scan coverage (扫码覆盖): households whose doorplate page was ever opened, by village and grid. */
export const ScanCoverageQuery = z.object({ stationId: Id.optional() }).strict();
export const ScanCoverage = z.object({
  households: z.number().int(),
  scannedHouseholds: z.number().int(),
  units: z.array(
    z.object({
      unitId: Id,
      name: Shown,
      kind: Shown,
      parentId: Id.nullable(),
      households: z.number().int(),
      scannedHouseholds: z.number().int(),
    }),
  ),
  /** First scans per month of the last twelve, oldest first: how coverage grew. */
  byMonth: z.array(z.object({ month: Shown, firstScans: z.number().int() })),
});
export type ScanCoverage = z.infer<typeof ScanCoverage>;

/** A resident's reply to a notice, and the staff's answer; no phone, no name. */
export const WarningReplyView = z.object({
  id: Id,
  body: Shown,
  /** The village (or grid) the phone subscribed at, if known. */
  area: Shown.nullable(),
  at: Shown,
  answer: Shown.nullable(),
  answeredBy: Shown.nullable(),
  answeredAt: Shown.nullable(),
});
export type WarningReplyView = z.infer<typeof WarningReplyView>;
export const WarningReplyPage = z.object({ items: z.array(WarningReplyView), hasMore: z.boolean() });
export type WarningReplyPage = z.infer<typeof WarningReplyPage>;
export const AnswerReplyInput = z.object({ answer: text(500, 1) }).strict();
export type AnswerReplyInput = z.infer<typeof AnswerReplyInput>;

// ——— Residents ———

/** A notice as a resident reads it. A withdrawn one shows its correction instead of its body. */
export const PublicNotice = z.object({
  id: Id,
  stationName: Shown,
  category: Shown,
  categoryLabel: Shown,
  priority: z.enum(WARNING_PRIORITIES),
  title: Shown,
  body: Shown,
  ackRequired: z.boolean(),
  sentAt: Shown,
  expiresAt: Shown.nullable(),
  withdrawn: z.boolean(),
  correction: Shown.nullable(),
  photoUrls: z.array(Shown),
  media: z.array(WarningMedia),
  /** What this device already told (its own receipts), when it named itself. */
  mine: z.object({ acknowledged: z.boolean(), thanks: z.boolean(), like: z.boolean() }),
  /** Reactions as everyone sees them (totals). */
  thanks: z.number().int(),
  likes: z.number().int(),
  /** Answered replies of this phone (when a verified phone asks). */
  myReplies: z.array(WarningReplyView),
});
export type PublicNotice = z.infer<typeof PublicNotice>;
export const PublicNoticeList = z.object({ items: z.array(PublicNotice) });
export type PublicNoticeList = z.infer<typeof PublicNoticeList>;
/** `device` lets the answer say what this device already did; optional. */
export const NoticeQuery = z.object({ device: DeviceId.optional() }).strict();

/** A receipt: this device opened the notice, acknowledged it, thanked or liked it. From a doorplate page, its area. */
export const WarningReceiptInput = z
  .object({
    device: DeviceId,
    kind: z.enum(WARNING_RECEIPT_KINDS),
    /** The doorplate token of the page it was read on: counts the receipt to that household's grid. */
    doorplate: text(64, 0, { trim: false })
      .regex(/^[A-Za-z0-9_-]{0,64}$/)
      .optional(),
  })
  .strict();
export type WarningReceiptInput = z.infer<typeof WarningReceiptInput>;
/** Counted: `counted` is false when this device had already said so (deduplicated). */
export const WarningReceiptAnswer = z.object({ counted: z.boolean() });

export const WarningReplyInput = z.object({ body: text(500, 1) }).strict();
export type WarningReplyInput = z.infer<typeof WarningReplyInput>;

/** A verified phone's subscription: the categories, the area (a doorplate) and whether SMS may be sent. */
export const SubscriptionInput = z
  .object({
    /** The doorplate whose area the phone follows (its household's village and grid). */
    doorplate: text(64, 1, { trim: false }).regex(/^[A-Za-z0-9_-]{1,64}$/),
    categories: z.array(WarningCategoryKey).max(40),
    /** SMS only with this explicit opt-in; false is 退订. */
    sms: z.boolean(),
  })
  .strict();
export type SubscriptionInput = z.infer<typeof SubscriptionInput>;
export const SubscriptionView = z.object({
  subscribed: z.boolean(),
  stationName: Shown.nullable(),
  area: Shown.nullable(),
  categories: z.array(WarningCategoryKey),
  sms: z.boolean(),
  /** The station's categories to choose from. */
  available: z.array(z.object({ key: Shown, label: z.object({ zh: Shown, en: Shown }) })),
  /** The sender residents will see on an SMS. */
  smsSignature: Shown.nullable(),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

/** Live: an urgent notice (or its withdrawal) on the area's topic; the page fetches the notice itself. */
export const WARNING_LIVE_EVENTS = ['warning.sent', 'warning.withdrawn'] as const;
export type WarningLiveEvent = (typeof WARNING_LIVE_EVENTS)[number];
export const WarningLivePayload = z.object({ warningId: Id, priority: z.enum(WARNING_PRIORITIES) });
export type WarningLivePayload = z.infer<typeof WarningLivePayload>;
