/**
 * The audit trail: append-only (a trigger refuses DELETE and TRUNCATE, and any
 * UPDATE but the one that seals an entry) and chained with HMAC-SM3 under a
 * key kept outside the database. An entry is written in its action's
 * transaction with its own MAC; the sealer gives it its place (`seq`) and its
 * chain MAC after commit, so writers never wait on one another.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** Place in the chain, given by the sealer; null while the entry waits to be sealed. */
    seq: bigint({ mode: 'number' }),
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
    /** HMAC-SM3(key, canonical form without seq): written with the entry, so the sealer refuses a forged one. */
    entryMac: text(),
    /** HMAC-SM3(key, previous mac ‖ canonical form of this entry): the chain, set when sealed. */
    mac: text(),
    sealedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_unsealed_idx').on(t.id).where(sql`${t.seq} IS NULL`),
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
