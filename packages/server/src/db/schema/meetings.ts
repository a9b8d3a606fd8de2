/**
 * 召开会议必评: a station's meetings (治安通报会, 警民恳谈会, 房东大会, 报告工作会).
 * Attendance is a count of scans of the meeting's QR, no names; each scan
 * opens one evaluation request (subject `meeting`).
 */
import { MEETING_TYPES } from '@jingmin/shared';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { staff } from './staff.js';

export const meetingType = pgEnum('meeting_type', MEETING_TYPES);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The station's unit path: scopes who sees the meeting. */
    unitPath: text().notNull(),
    type: meetingType().notNull(),
    place: text().notNull(),
    heldAt: timestamp({ withTimezone: true }).notNull(),
    hostStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** Scans of the attendance QR. */
    attendance: integer().notNull().default(0),
    /** The attendance QR's secret (like a doorplate token: shown again whenever staff show the QR). */
    qrCode: text().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meetings_qr_code_key').on(t.qrCode), index('meetings_station_idx').on(t.stationId, t.heldAt)],
);
