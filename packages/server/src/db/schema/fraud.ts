/**
 * 反诈预警劝阻: upstream systems that push instructions, and the instructions with their routing, escalation,
 * verification and feedback. The person's name, phone, address and the details are sealed (SM4) with masked copies
 * for lists, and nulled after the station's retention period, leaving the counts.
 */
import {
  FRAUD_CONTACT_METHODS,
  FRAUD_FEEDBACK_MODES,
  FRAUD_FEEDBACK_STATUSES,
  FRAUD_LEVELS,
  FRAUD_OUTCOMES,
  FRAUD_STATUSES,
  FRAUD_TYPES,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { households, units } from './org.js';
import { staff } from './staff.js';

export const fraudType = pgEnum('fraud_type', FRAUD_TYPES);
export const fraudLevel = pgEnum('fraud_level', FRAUD_LEVELS);
export const fraudStatus = pgEnum('fraud_status', FRAUD_STATUSES);
export const fraudContactMethod = pgEnum('fraud_contact_method', FRAUD_CONTACT_METHODS);
export const fraudOutcome = pgEnum('fraud_outcome', FRAUD_OUTCOMES);
export const fraudFeedbackMode = pgEnum('fraud_feedback_mode', FRAUD_FEEDBACK_MODES);
export const fraudFeedbackStatus = pgEnum('fraud_feedback_status', FRAUD_FEEDBACK_STATUSES);

/** An upstream system (反诈中心平台) allowed to post instructions for a station or a bureau's stations. */
export const fraudUpstreams = pgTable(
  'fraud_upstreams',
  {
    id: uuid().primaryKey().defaultRandom(),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    name: text().notNull(),
    /** The key's public start (`jmk_` + 8 characters), found by index; the rest is checked against `keyHash`. */
    keyPrefix: text().notNull(),
    /** SM3 of the whole key. */
    keyHash: text().notNull(),
    allowedIps: text().array().notNull(),
    feedback: fraudFeedbackMode().notNull(),
    webhookUrl: text(),
    /** The webhook signing secret, sealed. */
    webhookSecretEnc: text().notNull(),
    active: boolean().notNull().default(true),
    createdBy: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('fraud_upstreams_key_prefix_key').on(t.keyPrefix),
    index('fraud_upstreams_unit_idx').on(t.unitId),
  ],
);

export const fraudInstructions = pgTable(
  'fraud_instructions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** FZ + date + sequence, e.g. FZ20261202-000012. */
    number: text().notNull(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** Where it was routed: the household's grid (or village), else the station. */
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    householdId: uuid().references(() => households.id),
    upstreamId: uuid().references(() => fraudUpstreams.id),
    externalId: text(),
    /** SM3 of the instruction as received: a resend with the same id and other content is refused. */
    contentDigest: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    nameEnc: text(),
    nameMasked: text().notNull(),
    phoneEnc: text(),
    phoneMasked: text().notNull(),
    addressEnc: text(),
    detailEnc: text(),
    fraudType: fraudType().notNull(),
    level: fraudLevel().notNull(),
    deadlineAt: timestamp({ withTimezone: true }).notNull(),
    status: fraudStatus().notNull().default('open'),
    assigneeId: uuid().references(() => staff.id),
    /** Sent to a grid's responsible officer, or left with the desk to assign. */
    routedTo: text({ enum: ['officer', 'desk'] }).notNull(),
    /** The desk was alerted as the deadline neared; the desk and the chief when it passed. Each once. */
    warnedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    method: fraudContactMethod(),
    contactedAt: timestamp({ withTimezone: true }),
    outcome: fraudOutcome(),
    amountLost: integer(),
    amountPrevented: integer(),
    attempts: integer(),
    followUps: text().array().notNull().default(sql`'{}'::text[]`),
    noteEnc: text(),
    verifiedAt: timestamp({ withTimezone: true }),
    verifiedBy: uuid().references(() => staff.id),
    feedbackStatus: fraudFeedbackStatus().notNull().default('none'),
    feedbackSentAt: timestamp({ withTimezone: true }),
    feedbackAttempts: integer().notNull().default(0),
    feedbackNextAt: timestamp({ withTimezone: true }),
    feedbackError: text(),
    /** Order of results for an upstream that pulls them (from `fraud_feedback_seq` at verification). */
    feedbackSeq: bigint({ mode: 'number' }),
    purgedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('fraud_instructions_number_key').on(t.number),
    uniqueIndex('fraud_instructions_external_key')
      .on(t.upstreamId, t.externalId)
      .where(sql`${t.upstreamId} IS NOT NULL`),
    index('fraud_instructions_station_idx').on(t.stationId, t.receivedAt),
    index('fraud_instructions_assignee_idx').on(t.assigneeId, t.status),
    index('fraud_instructions_open_idx').on(t.deadlineAt).where(sql`${t.status} = 'open'`),
    index('fraud_instructions_feedback_idx')
      .on(t.feedbackNextAt)
      .where(sql`${t.feedbackStatus} IN ('pending', 'failed')`),
    index('fraud_instructions_pull_idx').on(t.upstreamId, t.feedbackSeq),
  ],
);
