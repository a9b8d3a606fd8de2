/**
 * 码上办 matters: what a resident submits from a doorplate, its timeline of
 * events (written in the same transaction as every change), the outbox that
 * carries notifications to other processes, and the idempotency and
 * rate-limit records that make submission safe on a flaky phone network.
 */
import {
  ESCALATION_REASONS,
  MATTER_CHANNELS,
  MATTER_KINDS,
  MATTER_STATUSES,
  RATINGS,
  RECEIPT_SMS_STATES,
  URGENCIES,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, households, teams, timestamps, units } from './org.js';
import { staff } from './staff.js';

export const matterKind = pgEnum('matter_kind', MATTER_KINDS);
export const matterStatus = pgEnum('matter_status', MATTER_STATUSES);
export const matterUrgency = pgEnum('matter_urgency', URGENCIES);
export const matterRating = pgEnum('matter_rating', RATINGS);
export const matterChannel = pgEnum('matter_channel', MATTER_CHANNELS);

export const matters = pgTable(
  'matters',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** 回执号 shown to the resident: JM + date + sequence. */
    number: text().notNull(),
    /** The doorplate's household; null only when the desk recorded it in a village or grid (`place_note`). */
    householdId: uuid().references(() => households.id),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The household's unit path (or the village or grid the desk chose), so staff scoping is one prefix match. */
    unitPath: text().notNull(),
    /** 渠道: the resident's own doorplate submission, or how the desk heard of it. */
    channel: matterChannel().notNull().default('doorplate'),
    /** 110's 警情编号 or 12345's 工单编号; unique per channel, so the same one is never recorded twice. */
    externalNo: text(),
    /** Where, in the desk's words, when no household is known (村口小卖部旁). */
    placeNote: text(),
    /** Who recorded it at the desk; null for the resident's own submission. */
    recordedByStaffId: uuid().references(() => staff.id),
    /** When the caller agreed to a receipt SMS (PIPL Art. 13–14: a consent of its own); null: no consent. */
    smsConsentAt: timestamp({ withTimezone: true }),
    /** The receipt SMS sent after commit: pending until the provider answers, then sent or failed. */
    receiptSms: text({ enum: RECEIPT_SMS_STATES }),
    kind: matterKind().notNull(),
    category: text(),
    urgency: matterUrgency().notNull().default('normal'),
    status: matterStatus().notNull().default('submitted'),
    /** Bumped by every change of status or holder: two desks acting at once get one success and one 409. */
    version: integer().notNull().default(0),
    body: text().notNull(),
    /** Shared by the resident's choice only: { lat, lng, accuracy }. */
    location: jsonb().$type<{ lat: number; lng: number; accuracy?: number }>(),
    contactPhoneEnc: text(),
    contactPhoneMasked: text(),
    /** HMAC-SM3 of the verified phone: finds "my matters" without decrypting. */
    contactPhoneIndex: text(),
    /** The submission's Idempotency-Key: the tracking secret is derived from it with the data key. */
    intakeKey: uuid(),
    /** SM3 of the tracking secret kept on the submitting device. */
    trackingHash: text().notNull(),
    /** Version of the privacy notice the resident saw (PIPL Art. 17). */
    noticeVersion: text().notNull(),
    assigneeStaffId: uuid().references(() => staff.id),
    assigneeTeamId: uuid().references(() => teams.id),
    assigneeDepartmentId: uuid().references(() => departments.id),
    firstResponseDueAt: timestamp({ withTimezone: true }),
    takeDueAt: timestamp({ withTimezone: true }),
    resolveDueAt: timestamp({ withTimezone: true }),
    firstResponseAt: timestamp({ withTimezone: true }),
    acceptedAt: timestamp({ withTimezone: true }),
    dispatchedAt: timestamp({ withTimezone: true }),
    takenAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    outcome: text(),
    rating: matterRating(),
    ratingComment: text(),
    ratedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    mergedIntoId: uuid().references((): AnyPgColumn => matters.id),
    /** When its personal information was deleted at the resident's request (modules/privacy). */
    contentDeletedAt: timestamp({ withTimezone: true }),
    /** When each deadline breach was escalated: set once, so it fires once across processes. */
    firstResponseBreachedAt: timestamp({ withTimezone: true }),
    takeBreachedAt: timestamp({ withTimezone: true }),
    resolveBreachedAt: timestamp({ withTimezone: true }),
    /** 提级督办: when the matter was escalated to the bureau (reopened or transferred too often), once. */
    escalatedAt: timestamp({ withTimezone: true }),
    escalationReason: text({ enum: ESCALATION_REASONS }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('matters_number_key').on(t.number),
    uniqueIndex('matters_tracking_hash_key').on(t.trackingHash),
    uniqueIndex('matters_intake_key_key').on(t.intakeKey),
    uniqueIndex('matters_external_no_key').on(t.channel, t.externalNo).where(sql`external_no IS NOT NULL`),
    index('matters_channel_idx').on(t.stationId, t.channel),
    // A doorplate submission always comes from a household; only the desk may record a matter without one.
    check('matters_place_check', sql`household_id IS NOT NULL OR channel <> 'doorplate'`),
    index('matters_station_status_idx').on(t.stationId, t.status),
    index('matters_unit_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
    index('matters_assignee_staff_idx').on(t.assigneeStaffId, t.status),
    index('matters_household_idx').on(t.householdId),
    index('matters_phone_index_idx').on(t.contactPhoneIndex),
    index('matters_created_at_idx').on(t.createdAt),
    index('matters_escalated_idx').on(t.escalatedAt).where(sql`escalated_at IS NOT NULL`),
    index('matters_first_response_due_idx')
      .on(t.firstResponseDueAt)
      .where(sql`first_response_at IS NULL AND first_response_breached_at IS NULL`),
    index('matters_take_due_idx').on(t.takeDueAt).where(sql`status = 'dispatched' AND take_breached_at IS NULL`),
    index('matters_resolve_due_idx').on(t.resolveDueAt).where(sql`resolved_at IS NULL AND resolve_breached_at IS NULL`),
  ],
);

/** The timeline: every change of a matter, with who, when, from, to and a note. */
export const matterEvents = pgTable(
  'matter_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    matterId: uuid()
      .notNull()
      .references(() => matters.id),
    type: text().notNull(),
    actorType: text({ enum: ['resident', 'staff', 'system'] }).notNull(),
    actorId: uuid(),
    actorName: text(),
    fromStatus: matterStatus(),
    toStatus: matterStatus(),
    note: text(),
    /** `internal` events (notes) are never shown to the resident. */
    visibility: text({ enum: ['public', 'internal'] })
      .notNull()
      .default('public'),
    /** Who reads the note of a public step: an internal reason to reopen stays off the resident's page. */
    noteVisibility: text({ enum: ['public', 'internal'] })
      .notNull()
      .default('public'),
    payload: jsonb().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('matter_events_matter_idx').on(t.matterId, t.id),
    // The KPIs' periods: resolutions, reopenings and dispatches of a range of days.
    index('matter_events_type_at_idx').on(t.type, t.at),
  ],
);

/**
 * Notifications, written in the same transaction as the change. NOTIFY only
 * wakes other processes; a reconnecting client catches up from here by id.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /**
     * Delivery order, given by the sealer after commit: one writer at a time,
     * so once `seq` n is visible every smaller one is too. Null until then.
     */
    seq: bigint({ mode: 'number' }),
    /** `matter:<id>` for the resident's page, `unit:<id>` for each unit above it, `department:<id>`. */
    topics: text().array().notNull(),
    type: text().notNull(),
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('outbox_created_at_idx').on(t.createdAt),
    uniqueIndex('outbox_seq_idx').on(t.seq),
    index('outbox_unsequenced_idx').on(t.id).where(sql`${t.seq} IS NULL`),
  ],
);

/** Client-generated keys: a retried submission returns the stored answer instead of a second matter. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: uuid().primaryKey(),
  scope: text().notNull(),
  requestHash: text().notNull(),
  response: jsonb(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

/** Fixed-window counters shared by every process and surviving restarts. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
