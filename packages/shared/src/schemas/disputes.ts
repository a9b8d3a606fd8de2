/**
 * 矛盾纠纷 cases, first step: a case is opened from a resident's 矛盾纠纷 matter (one action), by the desk
 * (walk-in, phone, a 110 referral) or found proactively (摸排); it is classified, assessed (each assessment
 * kept with its factors, who and when) and coloured on the station's scheme (each change with its reason).
 * Parties' names, phones and ID numbers are sealed; views carry masks, and a reveal is audited.
 */
import { z } from 'zod';
import {
  DISPUTE_CATEGORIES,
  DISPUTE_LEVELS,
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  MEDIATION_CHANNELS,
  PARTY_KINDS,
  PARTY_ROLES,
} from '../domain/disputes.js';
import { idNumberProblem } from '../domain/id-number.js';
import type { Label } from '../i18n.js';
import { CalendarDate } from './calendar.js';
import { Id, MobilePhone, Name, Page, paged, Shown, text } from './common.js';
import { Day, periodRules } from './dashboards.js';
import {
  AgreementView,
  CloseReadiness,
  DisputeTimelineItem,
  FollowUpView,
  MediationSessionView,
  SatisfactionView,
  TransferView,
} from './dispute-work.js';

const Subcategory = text(20, 1);

/** 公民身份号码, checked by GB 11643 (MOD 11-2); a lower-case x is taken as X. */
export const IdNumber = text(18, 18)
  .transform((s) => s.toUpperCase())
  .superRefine((s, ctx) => {
    const problem = idNumberProblem(s);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message:
          problem === 'check'
            ? '身份证号码校验位不对，请核对 / the check digit does not match'
            : problem === 'birth_date'
              ? '身份证号码中的出生日期不对 / the birth date in it is not a date'
              : problem === 'region'
                ? '身份证号码的地址码不对 / the region code is unknown'
                : '身份证号码应为18位 / must be 18 characters',
      });
  });

export const PartyInput = z
  .object({
    kind: z.enum(PARTY_KINDS),
    /** A person's name or an organisation's. */ name: Name,
    role: z.enum(PARTY_ROLES),
    /** 与对方的关系：邻居、夫妻、雇佣 … */ relation: text(20).optional(),
    phone: MobilePhone.optional(),
    /** A person's ID number, optional. */ idNumber: IdNumber.optional(),
    /** The household, when known (a doorplate of the station). */ householdId: Id.optional(),
    /** A guardian: the party (already on the case) they attend for. */ guardianOfId: Id.optional(),
  })
  .strict();
export type PartyInput = z.infer<typeof PartyInput>;

const Classification = {
  category: z.enum(DISPUTE_CATEGORIES),
  /** One of the station's subcategories (邻里, 宅基地 …). */ subcategory: Subcategory.optional(),
};

/** 转为矛盾纠纷: from a resident's matter of kind 矛盾纠纷; the facts start from the resident's words. */
export const DisputeFromMatterInput = z
  .object({ ...Classification, title: text(60, 1).optional(), collective: z.boolean().optional() })
  .strict();
export type DisputeFromMatterInput = z.infer<typeof DisputeFromMatterInput>;

/** A case the desk records, or one found by 摸排: where it is (a household or a unit of the station). */
/** What a new case says, wherever it is opened (the desk, a household visit). */
export const DisputeFields = z
  .object({
    ...Classification,
    source: z.enum(['walk_in', 'phone', 'police_110', 'proactive']),
    title: text(60, 1),
    facts: text(4000, 1),
    householdId: Id.optional(),
    unitId: Id.optional(),
    collective: z.boolean().optional(),
    parties: z.array(PartyInput).max(50).optional(),
  })
  .strict();

export const DisputeInput = DisputeFields.refine((v) => Boolean(v.householdId) !== Boolean(v.unitId), {
  message: 'give a household or a village/grid of the station, one of the two',
  path: ['householdId'],
});
export type DisputeInput = z.infer<typeof DisputeInput>;

export const ClassificationInput = z.object(Classification).strict();
export type ClassificationInput = z.infer<typeof ClassificationInput>;

export const AssessmentFactorsInput = z
  .object({
    people: z.number().int().min(1).max(100000),
    amountYuan: z.number().min(0).max(1e12).nullable(),
    threats: z.boolean(),
    earlierViolence: z.boolean(),
    repeatCalls: z.boolean(),
    collective: z.boolean(),
    otherRisk: z.boolean(),
  })
  .strict();

export const AssessmentInput = z
  .object({ level: z.enum(DISPUTE_LEVELS), factors: AssessmentFactorsInput, note: text(500).optional() })
  .strict();
export type AssessmentInput = z.infer<typeof AssessmentInput>;

/** A colour of the station's scheme, and why it changes (kept with who and when). */
export const ColourInput = z.object({ colour: text(20, 1), reason: text(500, 1) }).strict();
export type ColourInput = z.infer<typeof ColourInput>;

/**
 * The sets of cases a dashboard figure counts over a period `from`–`to` (its instants [start, asOf), asOf the
 * period's end or now): the list filtered by one (`?set=&from=&to=`) shows exactly the cases counted. The SQL of
 * each lives once, in the server's modules/disputes/case-sets.ts; the monthly analysis counts with the same.
 */
export const DISPUTE_SETS = ['period', 'open', 'accepted', 'resolved', 'resolution_base', 'transferred'] as const;
export type DisputeSet = (typeof DISPUTE_SETS)[number];

export const DISPUTE_SET_LABELS: Record<DisputeSet, Label> = {
  period: { zh: '期末在办或期内受理的案件', en: 'Open at the end or accepted in the period' },
  open: { zh: '期末在办（未化解）的案件', en: 'Open (not resolved) at the end' },
  accepted: { zh: '期内受理的案件', en: 'Accepted in the period' },
  resolved: { zh: '期内化解的案件', en: 'Resolved in the period' },
  resolution_base: { zh: '期初在办及期内受理的案件', en: 'Open at the start or accepted in the period' },
  transferred: { zh: '期内移交的案件', en: 'Transferred in the period' },
};

/** 在办时长: an open case's days since acceptance at the period's end, as the monthly analysis buckets them. */
export const DISPUTE_AGES = ['upTo30', 'upTo90', 'upTo180', 'over180'] as const;
export type DisputeAge = (typeof DISPUTE_AGES)[number];

export const DISPUTE_AGE_LABELS: Record<DisputeAge, Label> = {
  upTo30: { zh: '30 天以内', en: 'Up to 30 days' },
  upTo90: { zh: '31–90 天', en: '31–90 days' },
  upTo180: { zh: '91–180 天', en: '91–180 days' },
  over180: { zh: '180 天以上', en: 'Over 180 days' },
};

/** `?colour=none`: the cases not coloured yet (no scheme has a colour of that key). */
export const NO_COLOUR = 'none';

/** The list's filters, also the export's (without the page). */
export const DisputeFilters = z
  .object({
    status: z.enum(DISPUTE_STATUSES).optional(),
    level: z.enum(DISPUTE_LEVELS).optional(),
    /** A colour's key (any scheme's), or `none`: not coloured. */
    colour: text(20).optional(),
    category: z.enum(DISPUTE_CATEGORIES).optional(),
    source: z.enum(DISPUTE_SOURCES).optional(),
    /** 案件编号 or words of the title. */ q: text(60).optional(),
    /** `1`: only cases still open (neither closed nor failed), as the 三色 board counts them. */
    open: z.literal('1').optional(),
    /** Only the cases of this unit's subtree (a station or a bureau from the dashboard); within one's sight. */
    unitId: Id.optional(),
    /** Only the cases a dashboard figure counted over the period `from`–`to` (Beijing days). */
    set: z.enum(DISPUTE_SETS).optional(),
    from: Day.optional(),
    to: Day.optional(),
    /** With `set=open`: only the open cases of this age at the period's end. */
    age: z.enum(DISPUTE_AGES).optional(),
  })
  .strict();
export type DisputeFilters = z.infer<typeof DisputeFilters>;

/** The period's rules, a set's period and an age's set, on the list's or the export's query. */
export function disputeFilterRules<T extends DisputeFilters>(schema: z.ZodType<T>) {
  return periodRules(schema)
    .refine((q) => !q.set || (q.from && q.to), { message: 'set needs from and to', path: ['from'] })
    .refine((q) => !q.age || q.set === 'open', { message: 'age needs set=open', path: ['age'] });
}

export const DisputeListQuery = disputeFilterRules(DisputeFilters.extend(Page.shape));
export type DisputeListQuery = z.infer<typeof DisputeListQuery>;

export const PartyView = z.object({
  id: Id,
  kind: z.enum(PARTY_KINDS),
  /** Masked (张*明); the full name is revealed on request, audited. */ nameMasked: Shown,
  role: z.enum(PARTY_ROLES),
  relation: Shown.nullable(),
  phoneMasked: Shown.nullable(),
  idNumberMasked: Shown.nullable(),
  /** Under the station's guardian age on the day (from the ID number): a guardian must attend. */
  minor: z.boolean(),
  householdId: Id.nullable(),
  /** The minor party this guardian attends for. */ guardianOfId: Id.nullable(),
});
export type PartyView = z.infer<typeof PartyView>;

/** The full particulars of one party, for the mediator who needs them; each read is audited. */
export const PartyRevealed = z.object({ name: Shown, phone: Shown.nullable(), idNumber: Shown.nullable() });
export type PartyRevealed = z.infer<typeof PartyRevealed>;

export const AssessmentView = z.object({
  id: Id,
  level: z.enum(DISPUTE_LEVELS),
  factors: AssessmentFactorsInput,
  note: Shown.nullable(),
  assessedBy: Shown,
  assessedAt: z.iso.datetime(),
});

export const ColourChangeView = z.object({
  id: Id,
  scheme: Shown,
  from: Shown.nullable(),
  to: Shown,
  reason: Shown,
  changedBy: Shown,
  changedAt: z.iso.datetime(),
});

export const DisputeListItem = z.object({
  id: Id,
  number: Shown,
  stationId: Id,
  stationName: Shown,
  title: Shown,
  category: z.enum(DISPUTE_CATEGORIES),
  subcategory: Shown.nullable(),
  source: z.enum(DISPUTE_SOURCES),
  level: z.enum(DISPUTE_LEVELS).nullable(),
  colourScheme: Shown,
  colour: Shown.nullable(),
  status: z.enum(DISPUTE_STATUSES),
  collective: z.boolean(),
  partyCount: z.number().int(),
  place: Shown,
  channel: z.enum(MEDIATION_CHANNELS).nullable(),
  /** 治安调解: when the next session is due (null when none is). */
  sessionDueAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime(),
});
export type DisputeListItem = z.infer<typeof DisputeListItem>;
export const DisputeList = paged(DisputeListItem);

export const DisputeView = DisputeListItem.extend({
  facts: Shown,
  matterId: Id.nullable(),
  matterNumber: Shown.nullable(),
  householdId: Id.nullable(),
  parties: z.array(PartyView),
  /** Newest first: re-assessment keeps the history. */ assessments: z.array(AssessmentView),
  /** Newest first. */ colourChanges: z.array(ColourChangeView),
  receivingBody: Shown.nullable(),
  handler: z.object({ id: Id, name: Shown }).nullable(),
  sessionEscalatedAt: z.iso.datetime().nullable(),
  nextAttemptOn: CalendarDate.nullable(),
  /** Why it was last found not settled (调解未成), as whoever found it wrote it. */
  failReason: Shown.nullable(),
  /** In order held (1, 2 …). */ sessions: z.array(MediationSessionView),
  /** Oldest first; the last is the one in force. */ agreements: z.array(AgreementView),
  /** Newest first. */ transfers: z.array(TransferView),
  /** By due date. */ followUps: z.array(FollowUpView),
  /** Each party's latest satisfaction. */ satisfaction: z.array(SatisfactionView),
  close: CloseReadiness,
  /** Newest first: every step of the case, read from its rows. */ timeline: z.array(DisputeTimelineItem),
  version: z.number().int(),
});
export type DisputeView = z.infer<typeof DisputeView>;

/** 治安调解's deadlines, the guardian age and the follow-up rhythm (DEFAULT_MEDIATION_RULES). */
export const MediationRulesInput = z
  .object({
    finishWorkingDays: z.number().int().min(1).max(30),
    secondSessionWorkingDays: z.number().int().min(1).max(30),
    maxSessions: z.number().int().min(1).max(5),
    guardianUnderAge: z.number().int().min(1).max(18),
    followUpDays: z.array(z.number().int().min(1).max(365)).min(1).max(5),
    nextAttemptDays: z.number().int().min(1).max(180),
  })
  .strict();

/** A station's dispute rules: its colour scheme, its subcategories and its mediation rules (defaults in domain/disputes.ts). */
export const DisputeSettings = z
  .object({
    colourScheme: text(20, 1),
    rules: MediationRulesInput,
    subcategories: z
      .array(z.object({ name: Subcategory, category: z.enum(DISPUTE_CATEGORIES) }).strict())
      .min(1)
      .max(60),
  })
  .strict();
export type DisputeSettings = z.infer<typeof DisputeSettings>;

/**
 * The chief's 三色 board: the station's open cases (not closed, not failed) counted by colour and level — one
 * cell per pair, null for not yet coloured or assessed — and the oldest open cases of the most demanding colour.
 */
export const DisputeBoard = z.object({
  stationId: Id,
  colourScheme: Shown,
  open: z.number().int(),
  cells: z.array(
    z.object({ colour: Shown.nullable(), level: z.enum(DISPUTE_LEVELS).nullable(), count: z.number().int() }),
  ),
  /** The oldest open cases of the scheme's first (most demanding) colour, at most ten. */
  oldestTop: z.array(DisputeListItem),
  /**
   * What is due: sessions past or near their 治安调解 deadline (within one working day: near escalation),
   * follow-ups and agreed duties past their date — oldest first, at most 50.
   */
  due: z.array(
    z.object({
      case: DisputeListItem,
      what: z.enum(['session', 'follow_up', 'duty']),
      dueAt: z.iso.datetime(),
      overdue: z.boolean(),
    }),
  ),
});
export type DisputeBoard = z.infer<typeof DisputeBoard>;
