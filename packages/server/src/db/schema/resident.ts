/**
 * What residents add beyond the matter itself: photos (re-encoded, stored in
 * the database so every process serves them), one-time phone codes, the
 * sessions of verified phones, and who answers for each grid.
 */
import { GRID_DUTIES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { matters } from './matters.js';
import { households, units } from './org.js';
import { staff } from './staff.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A photo of a submission or a chat message. Uploaded first (pending: no
 * matter yet, or no message yet), then attached in the transaction that
 * commits the submission or the message; pending photos expire.
 */
export const matterPhotos = pgTable(
  'matter_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The doorplate it was uploaded through, before a matter exists. */
    householdId: uuid().references(() => households.id),
    matterId: uuid().references(() => matters.id),
    /** The timeline event (submission or message) it belongs to, once attached. */
    eventId: bigint({ mode: 'number' }),
    uploaderType: text({ enum: ['resident', 'staff'] }).notNull(),
    uploaderStaffId: uuid().references(() => staff.id),
    /** The upload request's Idempotency-Key and the file's place in it: a retry finds the same photos. */
    uploadKey: uuid().notNull(),
    ordinal: integer().notNull(),
    mime: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: integer().notNull(),
    /** SM3 of the stored bytes. */
    digest: text().notNull(),
    data: bytea().notNull(),
    /** A small copy (at most 320 px) for lists and chat bubbles on a slow network. */
    thumb: bytea().notNull(),
    /** From the photo's GPS, kept only when the resident chose to share location. */
    location: jsonb().$type<{ lat: number; lng: number }>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('matter_photos_matter_idx').on(t.matterId),
    index('matter_photos_upload_key_idx').on(t.uploadKey, t.ordinal),
    index('matter_photos_pending_idx').on(t.createdAt).where(sql`matter_id IS NULL`),
  ],
);

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
