/**
 * 宣传与预警: a station's notices to an area and their reach. A notice is visible to its target paths, never copied
 * into a row per recipient; receipts are one row per device and notice (a keyed hash, no device id), purged when the
 * notice expires, and counted into `warning_reach` per grid in the same batch, so figures read a few rows.
 */
import { WARNING_PRIORITIES, WARNING_STATUSES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { households, units } from './org.js';
import { staff } from './staff.js';

export const warningPriority = pgEnum('warning_priority', WARNING_PRIORITIES);
export const warningStatus = pgEnum('warning_status', WARNING_STATUSES);

export const warnings = pgTable(
  'warnings',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The station's path: staff see a notice when it lies in their scope. */
    stationPath: text().notNull(),
    /** A key of the station's categories (shared/domain/warnings.ts, settings `warnings:<stationId>`). */
    category: text().notNull(),
    priority: warningPriority().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    ackRequired: boolean().notNull().default(false),
    expiresAt: timestamp({ withTimezone: true }),
    status: warningStatus().notNull().default('draft'),
    /** The units chosen on the tree, and their paths (a household sees the notice when a path is its prefix). */
    targetUnitIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    targetPaths: text().array().notNull().default(sql`'{}'::text[]`),
    targetRoomIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Everyone subscribed to the category anywhere in the station. */
    targetSubscribers: boolean().notNull().default(false),
    sms: boolean().notNull().default(false),
    /** The SMS as sent (frozen at sending). */
    smsText: text(),
    /** Phones the SMS went to so far, and the last subscription sent (the job resumes after it). */
    smsSent: integer().notNull().default(0),
    smsCursor: uuid(),
    smsDoneAt: timestamp({ withTimezone: true }),
    /** Households of the target areas when it was sent (the "delivered" figure). */
    deliveredHouseholds: integer().notNull().default(0),
    scheduledAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    correction: text(),
    /** When its receipts were purged (expiry, or the station's receipt days); counts stay. */
    receiptsPurgedAt: timestamp({ withTimezone: true }),
    authorId: uuid()
      .notNull()
      .references(() => staff.id),
    reviewerId: uuid().references(() => staff.id),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('warnings_station_created_idx').on(t.stationId, t.createdAt),
    index('warnings_live_idx').on(t.stationId, t.sentAt).where(sql`${t.status} IN ('sent', 'withdrawn')`),
    index('warnings_scheduled_idx').on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
  ],
);

/** Reach counted per notice and grid (the station's own id for a device whose area is unknown). */
export const warningReach = pgTable(
  'warning_reach',
  {
    warningId: uuid()
      .notNull()
      .references(() => warnings.id, { onDelete: 'cascade' }),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    opened: integer().notNull().default(0),
    acknowledged: integer().notNull().default(0),
    thanks: integer().notNull().default(0),
    likes: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.warningId, t.unitId] })],
);

/** One device's receipts of one notice: the key is a keyed hash of the device and the notice, nothing else. */
export const warningReceipts = pgTable(
  'warning_receipts',
  {
    warningId: uuid()
      .notNull()
      .references(() => warnings.id, { onDelete: 'cascade' }),
    deviceHash: text().notNull(),
    unitId: uuid().notNull(),
    openedAt: timestamp({ withTimezone: true }),
    ackedAt: timestamp({ withTimezone: true }),
    thankedAt: timestamp({ withTimezone: true }),
    likedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.warningId, t.deviceHash] })],
);

/** A resident's reply to a notice (from a verified phone, known by its index only) and the staff's answer. */
export const warningReplies = pgTable(
  'warning_replies',
  {
    id: uuid().primaryKey().defaultRandom(),
    warningId: uuid()
      .notNull()
      .references(() => warnings.id, { onDelete: 'cascade' }),
    phoneIndex: text().notNull(),
    /** The grid or village of the phone's subscription, if any. */
    unitId: uuid().references(() => units.id),
    body: text().notNull(),
    answer: text(),
    answeredBy: uuid().references(() => staff.id),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('warning_replies_warning_idx').on(t.warningId, t.createdAt),
    index('warning_replies_phone_idx').on(t.phoneIndex),
  ],
);

/** A verified phone following a station's categories for the area of a doorplate; SMS only with `sms`. */
export const warningSubscriptions = pgTable(
  'warning_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    phoneIndex: text().notNull(),
    phoneEnc: text().notNull(),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    /** The household's unit path: a notice to an area reaches the subscriptions under it. */
    unitPath: text().notNull(),
    categories: text().array().notNull().default(sql`'{}'::text[]`),
    sms: boolean().notNull().default(false),
    /** When SMS was opted in, and when it was last cancelled (退订). */
    smsOptedAt: timestamp({ withTimezone: true }),
    smsStoppedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('warning_subscriptions_phone_key').on(t.stationId, t.phoneIndex),
    index('warning_subscriptions_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
    index('warning_subscriptions_phone_idx').on(t.phoneIndex),
  ],
);

/** SMS sent per station and day, against the provider's daily cap. */
export const warningSmsDays = pgTable(
  'warning_sms_days',
  {
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    day: date().notNull(),
    sent: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.day] })],
);
