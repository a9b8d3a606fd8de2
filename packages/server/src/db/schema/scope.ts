/** 临时授权: time-limited read rights outside an account's own subtree. */
import { GRANTABLE_CAPABILITIES } from '@jingmin/shared';
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households, units } from './org.js';
import { staff } from './staff.js';

/**
 * One grant: `staffId` may use `capability` (a read) on the subtree of
 * `unitId` until `expiresAt`, unless revoked earlier. Rows are never deleted:
 * they are the record of who could see what, and when.
 */
export const scopeGrants = pgTable(
  'scope_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    /** 授权事由. */
    purpose: text().notNull(),
    capability: text({ enum: GRANTABLE_CAPABILITIES }).notNull(),
    grantedBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Every request loads the grantee's grants in force.
    index('scope_grants_staff_id_expires_at_idx').on(t.staffId, t.expiresAt),
    index('scope_grants_unit_id_idx').on(t.unitId),
  ],
);

/**
 * A grant narrowed to a list of households (a 双率 sample): when a grant has rows here it opens only
 * these households of its unit's subtree, never the unit's lists. A grant without rows opens the subtree.
 */
export const scopeGrantHouseholds = pgTable(
  'scope_grant_households',
  {
    grantId: uuid()
      .notNull()
      .references(() => scopeGrants.id),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
  },
  (t) => [primaryKey({ columns: [t.grantId, t.householdId] })],
);
