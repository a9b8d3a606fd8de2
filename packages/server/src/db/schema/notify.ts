/**
 * Staff notifications: each member's channels and quiet hours, one delivery
 * row per (outbox event, member, channel) with its attempts, and the outbox
 * position the delivery job has read up to.
 */
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFY_REASONS } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { disputeCases } from './disputes.js';
import { matters } from './matters.js';
import { timestamps } from './org.js';
import { staff } from './staff.js';

export const deliveryChannel = pgEnum('notify_channel', DELIVERY_CHANNELS);
export const deliveryStatus = pgEnum('notify_delivery_status', DELIVERY_STATUSES);
export const notifyReason = pgEnum('notify_reason', NOTIFY_REASONS);

/** A member's choices; no row: nothing chosen (the server log). */
export const notifyPreferences = pgTable(
  'notify_preferences',
  {
    staffId: uuid()
      .primaryKey()
      .references(() => staff.id),
    /** Chosen of `wecom`, `sms`, `browser`. */
    channels: text().array().notNull().default(sql`'{}'::text[]`),
    /** 免打扰, minutes after Beijing midnight; both or neither. */
    quietStartMinute: integer(),
    quietEndMinute: integer(),
    /** UserID in the corp's WeCom directory, linked by an administrator. */
    wecomUserId: text(),
    ...timestamps,
  },
  (t) => [
    check(
      'notify_preferences_quiet_hours',
      sql`(${t.quietStartMinute} IS NULL) = (${t.quietEndMinute} IS NULL)
        AND coalesce(${t.quietStartMinute} BETWEEN 0 AND 1439, true) AND coalesce(${t.quietEndMinute} BETWEEN 0 AND 1439, true)`,
    ),
  ],
);

/**
 * One message to one member on one channel. Unique per source event, member and channel, so reading
 * the outbox twice queues nothing twice; a test notification has no source event.
 */
export const notifyDeliveries = pgTable(
  'notify_deliveries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** The outbox row (its `seq`) that caused it; null for a test notification. */
    eventSeq: bigint({ mode: 'number' }),
    reason: notifyReason().notNull(),
    matterId: uuid().references(() => matters.id, { onDelete: 'set null' }),
    /** A dispute case's alert (治安调解 deadline, follow-up, transfer): the sender names the case by its number. */
    disputeId: uuid().references((): AnyPgColumn => disputeCases.id, { onDelete: 'set null' }),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    channel: deliveryChannel().notNull(),
    /** 紧急/求助/报警: sent through quiet hours. */
    urgent: boolean().notNull().default(false),
    status: deliveryStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** Not before; also the lease of an attempt in flight (a crashed sender's claim runs out). */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull(),
    /** Provider or channel code of the last failure (`45009`, `no_phone`); never a message text. */
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('notify_deliveries_event_staff_channel_key').on(t.eventSeq, t.staffId, t.channel),
    index('notify_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('notify_deliveries_staff_idx').on(t.staffId, t.createdAt),
  ],
);

/** How far the delivery job has read the outbox (by `seq`); one row, `outbox`. */
export const notifyCursors = pgTable('notify_cursors', {
  name: text().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
