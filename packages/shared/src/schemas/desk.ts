/** The desk's supervision board, grid duties and the station's own 码上办 rules. */
import { z } from 'zod';
import { DEFAULT_ESCALATION_RULES } from '../domain/kpis.js';
import {
  DEFAULT_DEADLINES,
  DESK_CHANNELS,
  EXTERNAL_NO_PATTERN,
  MATTER_CHANNELS,
  MATTER_KINDS,
  MATTER_STATUSES,
  RECEIPT_SMS_STATES,
  URGENCIES,
} from '../domain/matters.js';
import { Id, MobilePhone, Shown, text } from './common.js';

/** Who owns the tasks in one column of the board. */
export const BOARD_OWNER_KINDS = ['desk', 'staff', 'team', 'department'] as const;

export const BoardTask = z.object({
  id: Id,
  number: Shown,
  kind: z.enum(MATTER_KINDS),
  status: z.enum(MATTER_STATUSES),
  urgency: z.enum(URGENCIES),
  address: Shown,
  /** Minutes since submission. */
  ageMinutes: z.number().int(),
  /** The deadline that applies now: first response at the desk, taking once dispatched, else resolution. */
  dueAt: z.iso.datetime().nullable(),
  deadline: z.enum(['first_response', 'take', 'resolve']).nullable(),
  overdue: z.boolean(),
});
export type BoardTask = z.infer<typeof BoardTask>;

export const BoardColumn = z.object({
  ownerKind: z.enum(BOARD_OWNER_KINDS),
  ownerId: Id.nullable(),
  name: Shown,
  open: z.number().int(),
  overdue: z.number().int(),
  tasks: z.array(BoardTask),
});
export type BoardColumn = z.infer<typeof BoardColumn>;

/** 督办看板: every open task by assignee, oldest first, overdue counted. */
export const SupervisionBoard = z.object({ generatedAt: z.iso.datetime(), columns: z.array(BoardColumn) });
export type SupervisionBoard = z.infer<typeof SupervisionBoard>;

/** The suggestion shown next to the dispatch button: the responsible officer of the household's grid. */
export const SuggestedAssignee = z.object({ staffId: Id, name: Shown, reason: Shown });
export type SuggestedAssignee = z.infer<typeof SuggestedAssignee>;

/**
 * Who serves a grid or village directly ("一警多格": a grid may host several police staff besides its beat's
 * officer): auxiliary police (驻村辅警) and grid members. The responsible officer is the beat's (`PoliceBeat`).
 */
export const GRID_DUTIES = ['auxiliary', 'grid_member'] as const;
export type GridDuty = (typeof GRID_DUTIES)[number];

/** 警格+网格: who serves a grid (or a village / community) directly. */
export const UnitDutiesInput = z
  .object({
    auxiliaryIds: z.array(Id).max(20).default([]),
    gridMemberIds: z.array(Id).max(50).default([]),
  })
  .strict();
export type UnitDutiesInput = z.infer<typeof UnitDutiesInput>;

/** The responsible officer who answers for a place, and the beat (and the beat's area) that names them. */
export const ResponsibleOfficer = z.object({
  staffId: Id,
  name: Shown,
  beatId: Id,
  beatName: Shown,
  /** The area of the beat the place lies in: the unit itself, or the ancestor (a village) it inherits from. */
  fromUnitId: Id,
  fromUnitName: Shown,
  inherited: z.boolean(),
});
export type ResponsibleOfficer = z.infer<typeof ResponsibleOfficer>;

export const UnitDuties = z.object({
  unitId: Id,
  /** Who serves this unit itself. */
  members: z.array(z.object({ staffId: Id, name: Shown, duty: z.enum(GRID_DUTIES) })),
  /**
   * The responsible officer who answers for matters from here: the officer of the beat (警务区) whose area
   * holds this unit, else the one holding the nearest unit above it (a grid inherits its village's). The same
   * rule suggests the assignee at dispatch and names the officer on the doorplate page. Null when no beat
   * with an officer covers the place.
   */
  responsibleOfficer: ResponsibleOfficer.nullable(),
  /** The beats whose area includes this unit itself (a grid may lie in more than one). */
  beats: z.array(z.object({ id: Id, name: Shown })),
});
export type UnitDuties = z.infer<typeof UnitDuties>;

/** A beat's people: its one responsible officer and its auxiliary police. */
export const BEAT_DUTIES = ['responsible_officer', 'auxiliary'] as const;
export type BeatDuty = (typeof BEAT_DUTIES)[number];

/** 警务区/警格: a station's police beat — its officer and auxiliaries, and the grids and villages it covers. */
export const PoliceBeatInput = z
  .object({
    name: text(40, 1),
    /** The station's own code for it (e.g. `LT-01`), unique in the station when given. */
    code: text(30)
      .regex(/^[A-Za-z0-9_-]*$/, { message: 'letters, digits, - and _' })
      .optional(),
    /** Its 警务室 (a police-office unit of the station), if it has one. */
    officeId: Id.nullable().optional(),
    /** 责任民警 (社区民警): suggested for every matter from its area, named on its doorplates. */
    responsibleOfficerId: Id.nullable(),
    auxiliaryIds: z.array(Id).max(20).default([]),
    /** Grids and villages of the station it covers ("一警多格"). */
    areaUnitIds: z.array(Id).max(200).default([]),
    note: text(500).optional(),
  })
  .strict();
export type PoliceBeatInput = z.infer<typeof PoliceBeatInput>;

export const PoliceBeatUpdate = PoliceBeatInput.extend({ version: z.number().int().min(1) }).strict();
export type PoliceBeatUpdate = z.infer<typeof PoliceBeatUpdate>;

export const PoliceBeat = z.object({
  id: Id,
  stationId: Id,
  name: Shown,
  code: Shown.nullable(),
  office: z.object({ id: Id, name: Shown }).nullable(),
  responsibleOfficer: z.object({ id: Id, name: Shown }).nullable(),
  auxiliaries: z.array(z.object({ id: Id, name: Shown })),
  /** Its areas by name, each with the households under it. */
  areas: z.array(z.object({ id: Id, name: Shown, kind: Shown, path: Shown, households: z.number().int() })),
  households: z.number().int(),
  note: Shown.nullable(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type PoliceBeat = z.infer<typeof PoliceBeat>;

export const PoliceBeatList = z.object({
  items: z.array(PoliceBeat),
  /** Grids and villages of the station that no beat covers (directly or through their village). */
  uncovered: z.array(z.object({ id: Id, name: Shown, kind: Shown, path: Shown })),
});
export type PoliceBeatList = z.infer<typeof PoliceBeatList>;

const minutes = (max: number) => z.number().int().min(1).max(max);
const DeadlineRuleInput = z
  .object({ firstResponseMinutes: minutes(1440), takeMinutes: minutes(1440), resolveMinutes: minutes(60 * 24 * 60) })
  .strict();

/** A station's own rules; the defaults come from DOMAIN.md and apply until the chief changes them. */
export const MatterSettings = z
  .object({
    deadlines: z
      .object({
        base: DeadlineRuleInput,
        byKind: z.partialRecord(z.enum(MATTER_KINDS), DeadlineRuleInput.partial()),
        urgent: DeadlineRuleInput.partial(),
      })
      .strict(),
    limits: z
      .object({
        perDoorplatePerHour: z.number().int().min(1).max(1000),
        perPhonePerHour: z.number().int().min(1).max(1000),
        perAddressPerHour: z.number().int().min(1).max(10000),
      })
      .strict(),
    /** Residents' rights over their data: a deletion request is answered within this many working days. */
    privacy: z.object({ answerWorkingDays: z.number().int().min(1).max(30) }).strict(),
    /** 不满意不放过: after an unsatisfied rating the chief reviews and calls back within this many hours. */
    review: z.object({ callbackHours: z.number().int().min(1).max(168) }).strict(),
    /** Whether community officers may take the 24-hour desk (值班台); the desk staff always do. */
    desk: z.object({ officersTakeDesk: z.boolean() }).strict(),
    /**
     * 五必评: an evaluation request stays open `expiresDays`; one SMS reminder goes out after
     * `reminderAfterDays` when still unanswered; more than `floodMaxAnswers` answers from one device
     * within `floodWindowMinutes` are flagged for the chief instead of counted.
     */
    evaluation: z
      .object({
        expiresDays: z.number().int().min(1).max(90),
        reminderAfterDays: z.number().int().min(1).max(60),
        floodWindowMinutes: z.number().int().min(1).max(1440),
        floodMaxAnswers: z.number().int().min(1).max(100),
      })
      .strict()
      .refine((e) => e.reminderAfterDays < e.expiresDays, {
        message: '提醒须早于评价截止 / the reminder must come before the evaluation expires',
        path: ['reminderAfterDays'],
      }),
    /** 提级督办: reopened or transferred this many times, a matter is escalated to the bureau (once). */
    escalation: z
      .object({
        reopens: z.number().int().min(2).max(20),
        transfers: z.number().int().min(2).max(20),
      })
      .strict()
      .optional(),
  })
  .strict();
export type MatterSettings = z.infer<typeof MatterSettings>;

/** The defaults a new station starts with (DOMAIN.md): first response 5 min for 求助/报警, 30 min otherwise. */
export const DEFAULT_MATTER_SETTINGS: MatterSettings = {
  deadlines: {
    base: { ...DEFAULT_DEADLINES.base },
    byKind: Object.fromEntries(Object.entries(DEFAULT_DEADLINES.byKind).map(([k, v]) => [k, { ...v }])),
    urgent: { ...DEFAULT_DEADLINES.urgent },
  },
  limits: { perDoorplatePerHour: 10, perPhonePerHour: 10, perAddressPerHour: 30 },
  // 15 working days is common practice for apps in China answering a personal-information request.
  privacy: { answerWorkingDays: 15 },
  review: { callbackHours: 24 },
  desk: { officersTakeDesk: false },
  // A week to answer, one reminder half-way; three answers from one phone in ten minutes is already unusual.
  evaluation: { expiresDays: 7, reminderAfterDays: 3, floodWindowMinutes: 10, floodMaxAnswers: 3 },
  escalation: { ...DEFAULT_ESCALATION_RULES },
};

/**
 * 值班台登记: the desk records a matter on a resident's behalf — a call to the 24-hour line, a visit to the
 * counter, a non-police matter handed down by 110, a 12345 work order. Where it happened is a household
 * (found by address) or, when none is known, a village or grid of the station: one of the two.
 */
export const RecordMatterInput = z
  .object({
    /** 渠道 */ channel: z.enum(DESK_CHANNELS),
    /** 110's 警情编号 or 12345's 工单编号: required for those two, absent for the others. */
    externalNo: text(40)
      .regex(EXTERNAL_NO_PATTERN, { message: 'letters, digits and dashes, 4 to 40 of them' })
      .optional(),
    /** 事项类型 */ kind: z.enum(MATTER_KINDS),
    /** 紧急程度: sets the deadlines like 受理 does. */ urgency: z.enum(URGENCIES).default('normal'),
    /** What the caller said, in the desk's words. */ body: text(2000, 2),
    /** The household, found by address search. */ householdId: Id.optional(),
    /** Or, when no household is known, a village or grid of the station. */ unitId: Id.optional(),
    /** Where, in words, beside a village or grid (村口小卖部旁). */ placeNote: text(100).optional(),
    /** The caller's mobile: sealed like a resident's own, so "my matters" lists it after the one-time code. */
    callerPhone: MobilePhone.optional(),
    /** The caller agreed to a receipt SMS (回执短信: the receipt number and the station's name, no link). */
    smsConsent: z.boolean().default(false),
  })
  .strict();
export type RecordMatterInput = z.infer<typeof RecordMatterInput>;

/** What the desk reads after saving: the 回执号 to tell the caller, and whether the SMS went. */
export const DeskReceipt = z.object({
  id: Id,
  number: Shown,
  channel: z.enum(MATTER_CHANNELS),
  status: z.enum(MATTER_STATUSES),
  /** null: no SMS was asked for (no consent, or no mobile number). */
  receiptSms: z.enum(RECEIPT_SMS_STATES).nullable(),
});
export type DeskReceipt = z.infer<typeof DeskReceipt>;
