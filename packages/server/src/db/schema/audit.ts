/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE)
 * and chained with HMAC-SM3 under a key kept outside the database.
 */
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorId: text(),
    actorName: text(),
    actorRoles: text().array().notNull(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    result: text({ enum: ['ok', 'denied', 'failed'] }).notNull(),
    ip: text(),
    requestId: text(),
    details: jsonb().notNull(),
    /** HMAC-SM3(key, previous mac ‖ canonical form of this entry). */
    mac: text().notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_id_idx').on(t.actorId),
    index('audit_log_action_idx').on(t.action),
  ],
);

/** Station-configurable settings and security policies, one JSON value per key. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: text(),
});
