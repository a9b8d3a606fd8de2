/**
 * 反诈预警劝阻 over HTTP: instructions arrive from an upstream anti-fraud system (its own API key, IP allow-list,
 * idempotent by its own id) or are entered by the desk; each is routed to the grid's responsible officer, escalated
 * as the deadline nears, verified, and fed back (a signed webhook, or a list the upstream pulls). The person's name,
 * phone and address are sealed and shown only to the handling officer, the desk and the chief.
 */
import { z } from 'zod';
import {
  FRAUD_CONTACT_METHODS,
  FRAUD_FEEDBACK_MODES,
  FRAUD_FEEDBACK_STATUSES,
  FRAUD_FOLLOW_UPS,
  FRAUD_LEVELS,
  FRAUD_OUTCOMES,
  FRAUD_STATUSES,
  FRAUD_TYPES,
  type FraudRules,
} from '../domain/fraud.js';
import { Id, MobilePhone, Moment, Name, Shown, text } from './common.js';
import { Day, periodRules } from './dashboards.js';

const Version = z.number().int().min(1);
/** Whole yuan, up to a hundred million. */
const Yuan = z.number().int().min(0).max(100_000_000);

export const FraudSettings = z
  .object({
    highMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    otherMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    warnBeforeMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    retentionDays: z.number().int().min(7).max(3650),
  })
  .strict()
  .refine((s) => s.warnBeforeMinutes < s.highMinutes, {
    message: 'warnBeforeMinutes must be shorter than highMinutes',
    path: ['warnBeforeMinutes'],
  }) satisfies z.ZodType<FraudRules>;
export type FraudSettings = z.infer<typeof FraudSettings>;

/** An instruction as an upstream posts it, or as the desk enters it. */
export const FraudInstructionInput = z
  .object({
    /** The upstream's own id of the instruction (预警指令编号): a resend with it is answered with the first. */
    externalId: text(64, 1).regex(/^[A-Za-z0-9_.:-]+$/, { message: 'letters, digits and _ . : - only' }),
    /** When the anti-fraud centre issued it. */
    issuedAt: Moment,
    name: Name,
    phone: MobilePhone,
    address: text(200).optional(),
    /** A doorplate code (门牌编号) if the upstream knows it: routes without matching the address. */
    doorplateCode: text(40).optional(),
    /** The station's code when neither the address nor the doorplate is known (a bureau-level upstream). */
    stationCode: text(40).optional(),
    fraudType: z.enum(FRAUD_TYPES),
    level: z.enum(FRAUD_LEVELS),
    /** Minutes to contact; absent, the station's rule for the level. */
    deadlineMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    /** What the centre saw (the account, the amount at risk, the app); no more than needed. */
    detail: text(1000).optional(),
  })
  .strict();
export type FraudInstructionInput = z.infer<typeof FraudInstructionInput>;

/** The desk enters an instruction received by phone or paper for a station in its scope. */
export const DeskFraudInput = FraudInstructionInput.omit({ stationCode: true })
  .extend({ stationId: Id, externalId: FraudInstructionInput.shape.externalId.optional() })
  .strict();
export type DeskFraudInput = z.infer<typeof DeskFraudInput>;

/** What an upstream is answered: our id and number, who has it, and the contact deadline. */
export const UpstreamInstructionAnswer = z.object({
  id: Id,
  number: Shown,
  externalId: Shown,
  /** `officer` when routed to a grid's responsible officer, `desk` when the station's desk must assign it. */
  routedTo: z.enum(['officer', 'desk']),
  deadlineAt: Shown,
  status: z.enum(FRAUD_STATUSES),
});
export type UpstreamInstructionAnswer = z.infer<typeof UpstreamInstructionAnswer>;

/** 快核: what the officer found and did. */
export const FraudVerifyInput = z
  .object({
    version: Version,
    method: z.enum(FRAUD_CONTACT_METHODS),
    contactedAt: Moment,
    outcome: z.enum(FRAUD_OUTCOMES),
    /** 已被骗: how much was lost. */
    amountLost: Yuan.default(0),
    /** Money kept from loss (劝阻挽损). */
    amountPrevented: Yuan.default(0),
    /** 未联系上: how many tries. */
    attempts: z.number().int().min(1).max(100).default(1),
    followUps: z.array(z.enum(FRAUD_FOLLOW_UPS)).max(FRAUD_FOLLOW_UPS.length).default([]),
    note: text(1000).default(''),
  })
  .strict();
export type FraudVerifyInput = z.infer<typeof FraudVerifyInput>;

export const FraudAssignInput = z.object({ staffId: Id, version: Version }).strict();
export type FraudAssignInput = z.infer<typeof FraudAssignInput>;

export const FraudFeedbackView = z.object({
  mode: z.enum(FRAUD_FEEDBACK_MODES).nullable(),
  status: z.enum(FRAUD_FEEDBACK_STATUSES),
  sentAt: Shown.nullable(),
  attempts: z.number().int(),
  lastError: Shown.nullable(),
});

export const FraudInstructionView = z.object({
  id: Id,
  number: Shown,
  stationId: Id,
  stationName: Shown,
  source: z.enum(['upstream', 'desk']),
  upstreamName: Shown.nullable(),
  externalId: Shown.nullable(),
  issuedAt: Shown,
  receivedAt: Shown,
  /** Masked in lists; in full on the detail for the handling officer, the desk and the chief (audited). */
  name: Shown,
  phone: Shown,
  address: Shown.nullable(),
  detail: Shown.nullable(),
  household: z.object({ id: Id, address: Shown }).nullable(),
  unit: z.object({ id: Id, name: Shown }).nullable(),
  fraudType: z.enum(FRAUD_TYPES),
  level: z.enum(FRAUD_LEVELS),
  deadlineAt: Shown,
  status: z.enum(FRAUD_STATUSES),
  /** Past the deadline and not yet contacted. */
  overdue: z.boolean(),
  assignee: z.object({ id: Id, name: Shown }).nullable(),
  routedTo: z.enum(['officer', 'desk']),
  warnedAt: Shown.nullable(),
  escalatedAt: Shown.nullable(),
  method: z.enum(FRAUD_CONTACT_METHODS).nullable(),
  contactedAt: Shown.nullable(),
  outcome: z.enum(FRAUD_OUTCOMES).nullable(),
  amountLost: z.number().int().nullable(),
  amountPrevented: z.number().int().nullable(),
  attempts: z.number().int().nullable(),
  followUps: z.array(z.enum(FRAUD_FOLLOW_UPS)),
  note: Shown.nullable(),
  verifiedAt: Shown.nullable(),
  verifiedBy: Shown.nullable(),
  feedback: FraudFeedbackView,
  /** The person's data was deleted after the retention period; counts remain. */
  purged: z.boolean(),
  version: z.number().int(),
});
export type FraudInstructionView = z.infer<typeof FraudInstructionView>;

/** The list's filters, shared by the list and its export. */
const FraudFilters = {
  /** `mine`: the instructions this account handles; `all`: the scope's (desk and chief). */
  view: z.enum(['mine', 'all']).default('mine'),
  status: z.enum(FRAUD_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  fraudType: z.enum(FRAUD_TYPES).optional(),
  /** 核查结果: only the instructions verified with this outcome. */
  outcome: z.enum(FRAUD_OUTCOMES).optional(),
  /** Received (接收) on or after this day, Beijing time: a dashboard's drill-down. */
  from: Day.optional(),
  /** Received on or before this day. */
  to: Day.optional(),
  /** Only the instructions of this station's or bureau's subtree; within one's sight. */
  unitId: Id.optional(),
};

export const FraudListQuery = periodRules(
  z
    .object({
      ...FraudFilters,
      before: Moment.optional(),
      limit: z.coerce.number().int().min(1).max(100).default(30),
    })
    .strict(),
);
export type FraudListQuery = z.infer<typeof FraudListQuery>;
export const FraudPage = z.object({
  items: z.array(FraudInstructionView),
  hasMore: z.boolean(),
  /** All the instructions the filters match, over every page. */
  total: z.number().int(),
});
export type FraudPage = z.infer<typeof FraudPage>;

/** `GET /fraud/instructions/export`: the scope's list (view=all) with its filters, and why (导出事由, audited). */
export const FraudExportQuery = periodRules(
  z.object({ ...FraudFilters, /** 导出事由 */ reason: text(200, 2) }).strict(),
);
export type FraudExportQuery = z.infer<typeof FraudExportQuery>;

/** Figures for the chief and the bureau: no person, only counts and money. */
export const FraudFiguresQuery = z
  .object({
    stationId: Id.optional(),
    /** First and last month, YYYY-MM; at most five years. */
    from: text(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    to: text(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  })
  .strict();
export type FraudFiguresQuery = z.infer<typeof FraudFiguresQuery>;
const FraudCounts = z.object({
  received: z.number().int(),
  verified: z.number().int(),
  contactedInTime: z.number().int(),
  dissuaded: z.number().int(),
  defrauded: z.number().int(),
  unreachable: z.number().int(),
  falseAlarm: z.number().int(),
  amountPrevented: z.number().int(),
  amountLost: z.number().int(),
});
export const FraudFigures = z.object({
  totals: FraudCounts,
  byType: z.array(FraudCounts.extend({ fraudType: z.enum(FRAUD_TYPES) })),
  byMonth: z.array(FraudCounts.extend({ month: Shown })),
});
export type FraudFigures = z.infer<typeof FraudFigures>;

// ——— Upstream systems (接入方) ———

/** An IPv4/IPv6 address or a CIDR block. */
const IpOrCidr = text(64, 3).regex(/^[0-9a-fA-F:.]+(\/\d{1,3})?$/, { message: 'must be an IP address or CIDR' });

export const UpstreamInput = z
  .object({
    name: Name,
    /** The station, or the bureau whose stations it serves. */
    unitId: Id,
    allowedIps: z.array(IpOrCidr).min(1).max(50),
    feedback: z.enum(FRAUD_FEEDBACK_MODES),
    /** Where results are posted (https in production); required for `webhook`. */
    webhookUrl: text(500)
      .regex(/^https?:\/\/[^\s]+$/, { message: 'must be an http(s) URL' })
      .optional(),
  })
  .strict()
  .refine((u) => u.feedback === 'pull' || Boolean(u.webhookUrl), {
    message: 'a webhook needs its URL',
    path: ['webhookUrl'],
  });
export type UpstreamInput = z.infer<typeof UpstreamInput>;

export const UpstreamView = z.object({
  id: Id,
  name: Shown,
  unit: z.object({ id: Id, name: Shown }),
  /** The key's visible start (jmk_xxxxxxxx…); the key itself is shown once. */
  keyPrefix: Shown,
  allowedIps: z.array(Shown),
  feedback: z.enum(FRAUD_FEEDBACK_MODES),
  webhookUrl: Shown.nullable(),
  active: z.boolean(),
  createdAt: Shown,
  lastUsedAt: Shown.nullable(),
});
export type UpstreamView = z.infer<typeof UpstreamView>;
/** Created or rotated: the API key and the webhook signing secret, shown this once. */
export const UpstreamSecrets = z.object({ upstream: UpstreamView, apiKey: Shown, webhookSecret: Shown });
export type UpstreamSecrets = z.infer<typeof UpstreamSecrets>;

/** The result as it goes back upstream (the webhook's body, an item of the pull list). */
export const FraudFeedback = z.object({
  externalId: Shown,
  number: Shown,
  outcome: z.enum(FRAUD_OUTCOMES),
  method: z.enum(FRAUD_CONTACT_METHODS),
  contactedAt: Shown,
  withinDeadline: z.boolean(),
  amountPrevented: z.number().int(),
  amountLost: z.number().int(),
  attempts: z.number().int(),
  followUps: z.array(z.enum(FRAUD_FOLLOW_UPS)),
  verifiedAt: Shown,
});
export type FraudFeedback = z.infer<typeof FraudFeedback>;
export const FeedbackPullQuery = z
  .object({
    /** The cursor the last page answered; absent, from the beginning. */
    after: text(15)
      .regex(/^\d{1,15}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export const FeedbackPullPage = z.object({ items: z.array(FraudFeedback), next: Shown });
export type FeedbackPullPage = z.infer<typeof FeedbackPullPage>;
