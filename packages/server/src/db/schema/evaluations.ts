/**
 * 五必评: a station's evaluation templates (versioned), the single-use
 * requests other modules open after their work, and the residents' answers.
 * An answer keeps the template version it answered; a request's secret is
 * kept only as its SM3 hash.
 */
import { CALLBACK_OUTCOMES, EVALUATION_TYPES, REVIEW_STATUSES } from '@jingmin/shared';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { households, units } from './org.js';
import { staff } from './staff.js';

export const evaluationType = pgEnum('evaluation_type', EVALUATION_TYPES);

/** Each PUT adds a version; the highest version of a station and type is the one in force. */
export const evaluationTemplates = pgTable(
  'evaluation_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    type: evaluationType().notNull(),
    /** 1, 2, …; 0 is reserved for the preset a station without its own template uses. */
    version: integer().notNull(),
    /** The questions (shared `Question[]`), never changed once written. */
    questions: jsonb().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // Two chiefs saving at once cannot both write the same version.
  (t) => [uniqueIndex('evaluation_templates_version_key').on(t.stationId, t.type, t.version)],
);

/** One resident's invitation to evaluate one piece of work; answered at most once. */
export const evaluationRequests = pgTable(
  'evaluation_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    type: evaluationType().notNull(),
    /** What is evaluated: a matter, a meeting, a visit … (its table's name and id). */
    subjectType: text().notNull(),
    subjectId: uuid().notNull(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** Unit path the work belongs to: scopes who sees the answers and figures. */
    unitPath: text().notNull(),
    /** The round of a subject handled more than once (a reopened matter's 第N次办理); null otherwise. */
    subjectRound: integer(),
    /** Whose work is rated (a matter's handler): never the one who calls back after an unsatisfied answer. */
    ratedStaffId: uuid().references(() => staff.id),
    /** The household the work was for (a matter's or a visit's): its doorplate page offers the request (待评价). */
    householdId: uuid().references(() => households.id),
    /** SM3 of the request's secret; the secret itself is only in the resident's link. */
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    remindedAt: timestamp({ withTimezone: true }),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_requests_token_hash_key').on(t.tokenHash),
    index('evaluation_requests_subject_idx').on(t.subjectType, t.subjectId),
    index('evaluation_requests_station_idx').on(t.stationId, t.type, t.createdAt),
    index('evaluation_requests_household_idx').on(t.householdId, t.expiresAt),
    /** The requests expiring later today: the 考核指标 of the running day count them as of now. */
    index('evaluation_requests_expires_idx').on(t.expiresAt),
  ],
);

/** A resident's answer: never edited, only followed by a review. */
export const evaluationAnswers = pgTable(
  'evaluation_answers',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => evaluationRequests.id),
    /** The template answered; null with version 0 (the preset). */
    templateId: uuid().references(() => evaluationTemplates.id),
    templateVersion: integer().notNull(),
    answers: jsonb().notNull(),
    /** By the options the scale marks as satisfied; null when the scale was not answered. */
    satisfied: boolean(),
    /** HMAC-SM3 of the answering device's address and browser: counts floods, reveals neither. */
    deviceHash: text(),
    /** HMAC-SM3 of the browser's own random key (kept in its storage): one phone however its address changes. */
    deviceKeyHash: text(),
    /** Many answers from one device in a short time: held out of the figures until the chief accepts it. */
    flagged: boolean().notNull().default(false),
    acceptedBy: uuid().references(() => staff.id),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_answers_request_key').on(t.requestId),
    index('evaluation_answers_device_idx').on(t.deviceHash, t.createdAt),
    index('evaluation_answers_device_key_idx').on(t.deviceKeyHash, t.createdAt),
  ],
);

export const evaluationReviewStatus = pgEnum('evaluation_review_status', REVIEW_STATUSES);
export const evaluationCallbackOutcome = pgEnum('evaluation_callback_outcome', CALLBACK_OUTCOMES);

/**
 * 不满意不放过: an unsatisfied answer opens a review for the chief (due within the
 * station's `review.callbackHours`); the chief assigns the callback (回访) to
 * someone other than the person rated, and its outcome closes the review.
 */
export const evaluationReviews = pgTable(
  'evaluation_reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid()
      .notNull()
      .references(() => evaluationRequests.id),
    answerId: uuid()
      .notNull()
      .references(() => evaluationAnswers.id),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    status: evaluationReviewStatus().notNull().default('open'),
    /** The callback is due by then: the answer's time plus the station's `review.callbackHours`. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    callbackStaffId: uuid().references(() => staff.id),
    assignedBy: uuid().references(() => staff.id),
    assignedAt: timestamp({ withTimezone: true }),
    outcome: evaluationCallbackOutcome(),
    /** What the resident said on the callback, or why they are still unsatisfied. */
    outcomeNote: text(),
    /** 整改 ordered: due on the working-day calendar. */
    rectificationDueAt: timestamp({ withTimezone: true }),
    closedBy: uuid().references(() => staff.id),
    closedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_reviews_request_key').on(t.requestId),
    index('evaluation_reviews_station_idx').on(t.stationId, t.status, t.dueAt),
  ],
);
