/**
 * Media carried by timeline events: photos, re-encoded and stored in the
 * database so every process serves them. A photo belongs to an owner, not to
 * one domain's table, so every place that takes photos uses one mechanism.
 */
import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * What a photo can belong to: `household` (uploaded through a doorplate,
 * before its matter exists), `matter`, `hazard` (the register's photos of the place and of its fix) and `staff`
 * (a volunteer's, uploaded before its report exists), `room_member` (a resident's in a 议事厅 room, before its post
 * exists; a host's wait under `staff`) and `room_post`. Mediation sessions join this list; a text column, so adding
 * one needs no migration. A notice's photos (`warning`) are attached when its draft is saved.
 */
export const PHOTO_OWNER_TYPES = [
  'household',
  'matter',
  'hazard',
  'staff',
  'room_member',
  'room_post',
  'warning',
] as const;
export type PhotoOwnerType = (typeof PHOTO_OWNER_TYPES)[number];

/**
 * A photo of a timeline event (a submission, a chat message). Uploaded first
 * (pending: no event yet), then attached in the transaction that commits the
 * event; pending photos expire.
 */
export const photos = pgTable(
  'photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What it belongs to; a doorplate's photo moves to its new matter when the submission attaches it. */
    ownerType: text({ enum: PHOTO_OWNER_TYPES }).notNull(),
    /** The owner's id (a household, a matter …); no foreign key, since the table depends on the type. */
    ownerId: uuid().notNull(),
    /** The owner's timeline event (a submission, a message) it belongs to, once attached; null while pending. */
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
    index('photos_owner_idx').on(t.ownerType, t.ownerId),
    index('photos_upload_key_idx').on(t.uploadKey, t.ordinal),
    index('photos_pending_idx').on(t.createdAt).where(sql`event_id IS NULL`),
  ],
);

/**
 * Audio and video of a notice (宣传与预警), stored as uploaded — no transcoding, so only the types browsers play
 * (WARNING_MEDIA_RULES) are accepted, checked by content. Pending (no owner) until the notice that names it is
 * saved; pending files expire like pending photos.
 */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerType: text({ enum: ['warning'] }),
    ownerId: uuid(),
    kind: text({ enum: ['audio', 'video'] }).notNull(),
    mime: text().notNull(),
    bytes: integer().notNull(),
    /** SM3 of the bytes. */
    digest: text().notNull(),
    data: bytea().notNull(),
    uploaderStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('media_files_owner_idx').on(t.ownerType, t.ownerId),
    index('media_files_pending_idx').on(t.createdAt).where(sql`owner_id IS NULL`),
  ],
);
