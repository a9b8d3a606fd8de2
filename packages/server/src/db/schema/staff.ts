/** Staff accounts and their sessions. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { departments, teams, timestamps, units } from './org.js';

export const staff = pgTable(
  'staff',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    /** Earlier hashes, newest first, to refuse reuse. */
    passwordHistory: jsonb().$type<string[]>().notNull().default([]),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    mustChangePassword: boolean().notNull().default(true),
    roles: text().array().notNull().default(sql`'{}'::text[]`),
    scopeUnitId: uuid()
      .notNull()
      .references(() => units.id),
    teamId: uuid().references(() => teams.id),
    departmentId: uuid().references(() => departments.id),
    /** SM4-CTR + HMAC-SM3 ciphertext of the mobile number. */
    phoneEnc: text(),
    phoneMasked: text(),
    status: text({ enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    /** Encrypted TOTP seed; `totpEnabled` only once a code has confirmed it. */
    totpSecretEnc: text(),
    totpEnabled: boolean().notNull().default(false),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer(),
    lastLoginAt: timestamp({ withTimezone: true }),
    /** Demo accounts share a published password: refused whenever demo mode is off. */
    isDemo: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('staff_username_key').on(t.username),
    index('staff_scope_unit_id_idx').on(t.scopeUnitId),
    // 三员分立 holds in the database too, not only in the API.
    check(
      'staff_role_separation',
      sql`(('system_admin' = ANY(${t.roles}))::int + ('security_admin' = ANY(${t.roles}))::int + ('auditor' = ANY(${t.roles}))::int) <= 1`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SM3 hash of the cookie token; the token itself is never stored. */
    id: text().primaryKey(),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    stage: text({ enum: ['totp', 'totp_enrol', 'password_change', 'full'] }).notNull(),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_staff_id_idx').on(t.staffId), index('sessions_expires_at_idx').on(t.expiresAt)],
);
