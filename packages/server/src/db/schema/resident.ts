/**
 * What residents add beyond the matter itself: one-time phone codes, the
 * sessions of verified phones, and who answers for each grid. Photos are in
 * media.ts.
 */
import { GRID_DUTIES } from '@jingmin/shared';
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { staff } from './staff.js';

/** A one-time code sent to a phone; stored as a keyed hash, a few attempts, minutes to live. */
export const phoneCodes = pgTable(
  'phone_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** HMAC-SM3 of the number: found without decrypting. */
    phoneIndex: text().notNull(),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    consumedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('phone_codes_phone_idx').on(t.phoneIndex, t.createdAt)],
);

/** A verified phone on one device: the token's SM3, the number sealed with SM4. */
export const phoneSessions = pgTable(
  'phone_sessions',
  {
    tokenHash: text().primaryKey(),
    phoneIndex: text().notNull(),
    phoneEnc: text().notNull(),
    phoneMasked: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('phone_sessions_expires_idx').on(t.expiresAt)],
);

export const gridDuty = pgEnum('grid_duty', GRID_DUTIES);

/** 警格+网格: the responsible officer, auxiliary police and grid members of a grid (or village). */
export const unitDuties = pgTable(
  'unit_duties',
  {
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    duty: gridDuty().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.staffId, t.duty] }), index('unit_duties_staff_idx').on(t.staffId)],
);
