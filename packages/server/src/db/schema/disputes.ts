/**
 * 矛盾纠纷 cases: the case (from a matter, the desk or 摸排), its parties (particulars sealed, masks for
 * lists), its assessments (分级评估: each kept with its factors) and its colour changes (三色: each with its
 * reason), its mediation sessions, agreements and their duties, transfers to partner departments, follow-ups
 * and the parties' satisfaction. The case's own history (its timeline) is read from these rows.
 */
import {
  DISPUTE_CATEGORIES,
  DISPUTE_LEVELS,
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  FOLLOW_UP_KINDS,
  MEDIATION_CHANNELS,
  PARTY_KINDS,
  PARTY_ROLES,
  SATISFACTION_VIA,
  SESSION_RESULTS,
  TRANSFER_STATUSES,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { evaluationRequests } from './evaluations.js';
import { matters } from './matters.js';
import { departments, households, units } from './org.js';
import { staff } from './staff.js';

export const disputeCategory = pgEnum('dispute_category', DISPUTE_CATEGORIES);
export const disputeLevel = pgEnum('dispute_level', DISPUTE_LEVELS);
export const disputeSource = pgEnum('dispute_source', DISPUTE_SOURCES);
export const disputeStatus = pgEnum('dispute_status', DISPUTE_STATUSES);
export const partyKind = pgEnum('dispute_party_kind', PARTY_KINDS);
export const partyRole = pgEnum('dispute_party_role', PARTY_ROLES);
export const mediationChannel = pgEnum('mediation_channel', MEDIATION_CHANNELS);
export const sessionResult = pgEnum('dispute_session_result', SESSION_RESULTS);
export const transferStatus = pgEnum('dispute_transfer_status', TRANSFER_STATUSES);
export const followUpKind = pgEnum('dispute_follow_up_kind', FOLLOW_UP_KINDS);
export const satisfactionVia = pgEnum('dispute_satisfaction_via', SATISFACTION_VIA);

export const disputeCases = pgTable(
  'dispute_cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** 案件编号 MD20261130-000001, from `dispute_number_seq`. */
    number: text().notNull(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** Where the dispute is (its household's unit, or the village/grid the desk named): scopes who sees it. */
    unitPath: text().notNull(),
    householdId: uuid().references(() => households.id),
    /** The resident's 矛盾纠纷 matter it came from: one case per matter. */
    matterId: uuid().references(() => matters.id),
    source: disputeSource().notNull(),
    category: disputeCategory().notNull(),
    subcategory: text(),
    title: text().notNull(),
    facts: text().notNull(),
    /** The latest assessment's level; null until assessed. */
    level: disputeLevel(),
    /** The station's scheme when the case was coloured, and the colour's key in it. */
    colourScheme: text().notNull(),
    colour: text(),
    status: disputeStatus().notNull().default('accepted'),
    collective: boolean().notNull().default(false),
    /** 分流化解: the channel chosen for its cause, and the body that receives it (村调委会, 司法所 …). */
    channel: mediationChannel(),
    receivingBody: text(),
    /** 承办人: the staff member who works the case (a mediator sees the cases given to them). */
    handlerId: uuid().references(() => staff.id),
    /**
     * 治安调解: when the next session is due (3 working days from acceptance, 7 from the first session), and when
     * the sweep escalated it to the chief — once per due date (a new due date clears it).
     */
    sessionDueAt: timestamp({ withTimezone: true }),
    sessionEscalatedAt: timestamp({ withTimezone: true }),
    /** 调解未成: the date of the next attempt (分案处理). */
    nextAttemptOn: date(),
    /** The last time it was found not settled (the monthly analysis counts 调解未成 by it). */
    failedAt: timestamp({ withTimezone: true }),
    /** Why it was last found not settled, in the words of whoever found it (调解未成 with its reason). */
    failReason: text(),
    /** 三个不放 held, or the chief overrode with a written reason (audited, listed on the monthly analysis). */
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid().references(() => staff.id),
    closeOverrideReason: text(),
    acceptedAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('dispute_cases_number_key').on(t.number),
    uniqueIndex('dispute_cases_matter_key').on(t.matterId),
    index('dispute_cases_station_idx').on(t.stationId, t.status, t.acceptedAt),
    index('dispute_cases_handler_idx').on(t.handlerId),
    // The monthly analysis reads a station's month by acceptance (with the close and the household, so the stock
    // and the repeat places read the index alone) and by close.
    index('dispute_cases_station_accepted_idx').on(t.stationId, t.acceptedAt, t.closedAt, t.householdId),
    index('dispute_cases_station_closed_idx').on(t.stationId, t.closedAt),
    // 调解未成 and the chief's override are rare: the analysis reads a month's from small indexes, not every case.
    index('dispute_cases_station_failed_idx').on(t.stationId, t.failedAt).where(sql`${t.failedAt} IS NOT NULL`),
    index('dispute_cases_station_overridden_idx')
      .on(t.stationId, t.closedAt)
      .where(sql`${t.closeOverrideReason} IS NOT NULL`),
    index('dispute_cases_session_due_idx').on(t.sessionDueAt),
  ],
);

export const disputeParties = pgTable(
  'dispute_parties',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    kind: partyKind().notNull(),
    role: partyRole().notNull(),
    /** SM4-sealed name, and its mask for lists. */
    nameEnc: text().notNull(),
    nameMasked: text().notNull(),
    relation: text(),
    phoneEnc: text(),
    phoneMasked: text(),
    /** Keyed hash of the phone (as matters keep theirs): "my matters" finds the party's evaluation by it. */
    phoneIndex: text(),
    idNumberEnc: text(),
    idNumberMasked: text(),
    /** From the ID number: the guardian rule reads it without opening the number. */
    birthDate: text(),
    householdId: uuid().references(() => households.id),
    /** A guardian is a party too: the minor party they attend for (治安调解: under 16). */
    guardianOfId: uuid().references((): AnyPgColumn => disputeParties.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_parties_case_idx').on(t.caseId), index('dispute_parties_phone_idx').on(t.phoneIndex)],
);

/**
 * Each phone once per case, with the case's station and acceptance: the monthly analysis counts a party met in
 * two or more of a station's cases of a year (重复当事人) from this index alone, without opening or joining the
 * parties. Written
 * with the parties (`notePartyPhones`); neither a case's station nor its acceptance ever changes.
 */
export const disputePartyPhones = pgTable(
  'dispute_party_phones',
  {
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    phoneIndex: text().notNull(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    acceptedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.phoneIndex] }),
    index('dispute_party_phones_station_idx').on(t.stationId, t.acceptedAt, t.phoneIndex),
  ],
);

export const disputeAssessments = pgTable(
  'dispute_assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    level: disputeLevel().notNull(),
    /** shared `AssessmentFactors`. */
    factors: jsonb().notNull(),
    note: text(),
    assessedBy: uuid()
      .notNull()
      .references(() => staff.id),
    assessedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dispute_assessments_case_idx').on(t.caseId, t.assessedAt)],
);

export const disputeColourChanges = pgTable(
  'dispute_colour_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    scheme: text().notNull(),
    fromColour: text(),
    toColour: text().notNull(),
    reason: text().notNull(),
    changedBy: uuid()
      .notNull()
      .references(() => staff.id),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dispute_colour_changes_case_idx').on(t.caseId, t.changedAt)],
);

/** A mediation session (调解会): planned, then held with its attendees, internal notes and result. */
export const disputeSessions = pgTable(
  'dispute_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    /** 1, 2 …: 治安调解 allows the station's `maxSessions`. */
    seq: integer().notNull(),
    channel: mediationChannel().notNull(),
    plannedAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull(),
    /** Staff who mediate (ids): a mediator account sees the cases it mediates. */
    mediatorIds: jsonb().$type<string[]>().notNull().default([]),
    /** Mediators without an account: 村调委会主任, 律师, 司法所 … */
    outsideMediators: text(),
    /** Parties present (ids; a minor's guardian must be among them) and others (村干部, 亲友). */
    attendeePartyIds: jsonb().$type<string[]>().notNull().default([]),
    otherAttendees: text(),
    /** Internal: never on any resident page. */
    notes: text(),
    result: sessionResult(),
    heldAt: timestamp({ withTimezone: true }),
    /** How many parties were told the time and place by SMS when it was planned (null: none was sent). */
    partiesNotified: integer(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    recordedBy: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('dispute_sessions_case_seq_key').on(t.caseId, t.seq)],
);

/** 调解协议书: the fields DOMAIN.md §2 lists; printed as a PDF from these columns and the case's parties. */
export const disputeAgreements = pgTable(
  'dispute_agreements',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    sessionId: uuid().references(() => disputeSessions.id),
    /** 协议书编号: the case number and a running letter (MD20261130-000001-1). */
    number: text().notNull(),
    channel: mediationChannel().notNull(),
    /** 纠纷简要事实, 争议事项, 各方责任. */
    facts: text().notNull(),
    disputePoints: text().notNull(),
    responsibilities: text().notNull(),
    /** 履行方式、地点、期限. */
    performanceMethod: text().notNull(),
    performancePlace: text().notNull(),
    performanceBy: date().notNull(),
    /** The mediating body (派出所 / 村调委会) and the mediator who signs. */
    mediatingBody: text().notNull(),
    mediatorName: text().notNull(),
    /** 一式N份: each party one, one kept. */
    copies: integer().notNull(),
    signedOn: date().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('dispute_agreements_number_key').on(t.number), index('dispute_agreements_case_idx').on(t.caseId)],
);

/** An agreed duty (履行事项): who owes what by when, and when it was performed. */
export const disputeDuties = pgTable(
  'dispute_duties',
  {
    id: uuid().primaryKey().defaultRandom(),
    agreementId: uuid()
      .notNull()
      .references(() => disputeAgreements.id),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    /** The party who owes it (null: all parties). */
    partyId: uuid().references(() => disputeParties.id),
    description: text().notNull(),
    amountYuan: numeric({ precision: 14, scale: 2 }),
    dueOn: date().notNull(),
    performedAt: timestamp({ withTimezone: true }),
    performedNote: text(),
    recordedBy: uuid().references(() => staff.id),
  },
  (t) => [index('dispute_duties_case_idx').on(t.caseId), index('dispute_duties_due_idx').on(t.dueOn)],
);

/** 移交 to a partner department or committee: accepted or returned with a reason, progress, result. */
export const disputeTransfers = pgTable(
  'dispute_transfers',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    note: text().notNull(),
    status: transferStatus().notNull().default('pending'),
    sentBy: uuid()
      .notNull()
      .references(() => staff.id),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    answeredBy: uuid().references(() => staff.id),
    answeredAt: timestamp({ withTimezone: true }),
    returnReason: text(),
    /** The department's result: resolved or not, in its words. */
    resolved: boolean(),
    result: text(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('dispute_transfers_case_idx').on(t.caseId),
    index('dispute_transfers_department_idx').on(t.departmentId, t.status),
  ],
);

/** The receiving department's progress notes on a transfer. */
export const disputeTransferUpdates = pgTable(
  'dispute_transfer_updates',
  {
    id: uuid().primaryKey().defaultRandom(),
    transferId: uuid()
      .notNull()
      .references(() => disputeTransfers.id),
    text: text().notNull(),
    by: uuid()
      .notNull()
      .references(() => staff.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dispute_transfer_updates_transfer_idx').on(t.transferId, t.at)],
);

/** 跟踪回访: due on a date, for a responsible person; escalated once when overdue; what it found. */
export const disputeFollowUps = pgTable(
  'dispute_follow_ups',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    agreementId: uuid().references(() => disputeAgreements.id),
    kind: followUpKind().notNull(),
    dueOn: date().notNull(),
    responsibleId: uuid()
      .notNull()
      .references(() => staff.id),
    doneAt: timestamp({ withTimezone: true }),
    /** Is the agreement performed? Is the hazard gone? (null: not asked on this follow-up) */
    performed: boolean(),
    hazardCleared: boolean(),
    note: text(),
    remindedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    recordedBy: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dispute_follow_ups_case_idx').on(t.caseId), index('dispute_follow_ups_due_idx').on(t.dueOn)],
);

/** Each party's satisfaction, learnt in person or through an evaluation link (then filled when answered). */
export const disputeSatisfaction = pgTable(
  'dispute_satisfaction',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid()
      .notNull()
      .references(() => disputeCases.id),
    followUpId: uuid().references(() => disputeFollowUps.id),
    partyId: uuid()
      .notNull()
      .references(() => disputeParties.id),
    via: satisfactionVia().notNull(),
    evaluationRequestId: uuid().references(() => evaluationRequests.id),
    /** null while the evaluation link waits for the party's answer. */
    satisfied: boolean(),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
    recordedBy: uuid().references(() => staff.id),
  },
  (t) => [index('dispute_satisfaction_case_idx').on(t.caseId, t.partyId, t.recordedAt)],
);
