/**
 * 警务区/警格: a station's police beats. A beat is its own object beside the unit tree ("警务区 → 网格 → 楼栋 →
 * 住户"): it covers many grids and villages (一警多格), and a grid may lie in more than one. Its responsible
 * officer answers for every matter from its area — the one rule the desk's suggestion and the doorplate read.
 */
import { BEAT_DUTIES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { staff } from './staff.js';

export const policeBeats = pgTable(
  'police_beats',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    name: text().notNull(),
    code: text(),
    /** Its 警务室, a police-office unit of the station. */
    officeId: uuid().references(() => units.id),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('police_beats_station_name_key').on(t.stationId, t.name),
    uniqueIndex('police_beats_station_code_key').on(t.stationId, t.code).where(sql`${t.code} IS NOT NULL`),
  ],
);

/** The grids and villages a beat covers. */
export const policeBeatAreas = pgTable(
  'police_beat_areas',
  {
    beatId: uuid()
      .notNull()
      .references(() => policeBeats.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.beatId, t.unitId] }), index('police_beat_areas_unit_idx').on(t.unitId)],
);

export const beatDuty = pgEnum('beat_duty', BEAT_DUTIES);

/** A beat's responsible officer (one at most) and its auxiliary police. */
export const policeBeatStaff = pgTable(
  'police_beat_staff',
  {
    beatId: uuid()
      .notNull()
      .references(() => policeBeats.id),
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    duty: beatDuty().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.beatId, t.staffId] }),
    index('police_beat_staff_staff_idx').on(t.staffId),
    uniqueIndex('police_beat_staff_one_officer_key').on(t.beatId).where(sql`${t.duty} = 'responsible_officer'`),
  ],
);
