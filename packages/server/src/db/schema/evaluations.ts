/**
 * 五必评: a station's evaluation templates (versioned), the single-use
 * requests other modules open after their work, and the residents' answers.
 * An answer keeps the template version it answered; a request's secret is
 * kept only as its SM3 hash.
 */
import { EVALUATION_TYPES } from '@jingmin/shared';
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
import { units } from './org.js';
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
    /** Held out of the figures until the chief accepts it. */
    flagged: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_answers_request_key').on(t.requestId),
    index('evaluation_answers_device_idx').on(t.deviceHash, t.createdAt),
  ],
);
