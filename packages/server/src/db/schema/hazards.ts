/**
 * 隐患台账: a hazard found in the field (a visit, a patrol, a matter, an inspection of an enterprise, a
 * volunteer's report), its place and kind (the station's list), who must fix it by when, and who checked the
 * fix. The owner (`responsibleId`) follows it; someone else verifies it. Overdue hazards are escalated once,
 * marked by `escalatedAt` in the statement that claims them.
 */
import { HAZARD_SOURCES, HAZARD_STATUSES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { matters } from './matters.js';
import { households, units } from './org.js';
import { patrolSessions } from './patrols.js';
import { staff } from './staff.js';
import { visits } from './visits.js';

export const hazardSource = pgEnum('hazard_source', HAZARD_SOURCES);
export const hazardStatus = pgEnum('hazard_status', HAZARD_STATUSES);

export const hazards = pgTable(
  'hazards',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The village or grid it lies in, and its path (scoping is one prefix match). */
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    /** The household or enterprise address it was found at, when it is one. */
    householdId: uuid().references(() => households.id),
    /** Where it is, in words (an address, a road section, a shop). */
    place: text().notNull(),
    /** One of the station's hazard kinds (消防, 交通, 房屋结构, 用电 …). */
    kind: text().notNull(),
    description: text().notNull(),
    source: hazardSource().notNull(),
    visitId: uuid().references(() => visits.id),
    patrolSessionId: uuid().references(() => patrolSessions.id),
    matterId: uuid().references(() => matters.id),
    /** Who must fix it: the household, the shop, the enterprise or the department (责任单位/责任人). */
    rectifier: text(),
    /** The staff member who follows it until it is verified. */
    responsibleId: uuid()
      .notNull()
      .references(() => staff.id),
    foundBy: uuid()
      .notNull()
      .references(() => staff.id),
    foundAt: timestamp({ withTimezone: true }).notNull(),
    /** 整改期限, a Beijing calendar date. */
    deadlineOn: date({ mode: 'string' }).notNull(),
    status: hazardStatus().notNull().default('open'),
    rectifiedAt: timestamp({ withTimezone: true }),
    rectifiedBy: uuid().references(() => staff.id),
    rectifyNote: text(),
    verifiedAt: timestamp({ withTimezone: true }),
    verifiedBy: uuid().references(() => staff.id),
    verifyNote: text(),
    voidedReason: text(),
    /** When its owner's chiefs were told it is overdue: once. */
    escalatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('hazards_station_found_idx').on(t.stationId, t.foundAt),
    index('hazards_open_deadline_idx').on(t.deadlineOn).where(sql`${t.status} = 'open' AND ${t.escalatedAt} IS NULL`),
    index('hazards_unit_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
    index('hazards_visit_idx').on(t.visitId).where(sql`${t.visitId} IS NOT NULL`),
  ],
);
