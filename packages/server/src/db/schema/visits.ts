/**
 * 走访入户: a household visit logged by one of the three lines (三线合一: the police
 * line, the cadres' line, the community grid line). Each visit opens one
 * evaluation request (subject `visit`) that the household finds on its doorplate
 * page or scans from the visitor's phone. The fieldwork capability builds plans
 * and coverage on this table.
 */
import { VISIT_LINES, VISIT_PURPOSES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { disputeCases } from './disputes.js';
import { matters } from './matters.js';
import { addressKind, households, units } from './org.js';
import { staff } from './staff.js';

export const visitLine = pgEnum('visit_line', VISIT_LINES);
export const visitPurpose = pgEnum('visit_purpose', VISIT_PURPOSES);

export const visits = pgTable(
  'visits',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The household's unit path: scopes who sees the visit. */
    unitPath: text().notNull(),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    /** The household's kind, copied when logged: coverage counts households and enterprises apart. */
    householdKind: addressKind().notNull().default('household'),
    line: visitLine().notNull(),
    purpose: visitPurpose().notNull().default('routine'),
    /** Who visited (the staff member who logs it). */
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    /** Other staff who went along. */
    companionIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Others who went along, in words (村干部、网格员 …). */
    otherVisitors: text(),
    visitedAt: timestamp({ withTimezone: true }).notNull(),
    /** What was talked about, for the station; never shown to other households. */
    note: text(),
    /** The matter the household's need became, when the visitor made one of it. */
    raisedMatterId: uuid().references(() => matters.id),
    /** The dispute case a dispute the visit found became. */
    raisedDisputeId: uuid().references(() => disputeCases.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_station_idx').on(t.stationId, t.visitedAt),
    index('visits_household_idx').on(t.householdId, t.visitedAt),
  ],
);

/**
 * 关爱走访: a household asked to be visited every `everyDays` days (an elderly person living alone, a family
 * in difficulty). Exists only at the household's request, and ends when it asks or moves.
 */
export const careVisitRequests = pgTable(
  'care_visit_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    unitPath: text().notNull(),
    everyDays: integer().notNull(),
    /** What the household asked for, in its words (internal). */
    reason: text(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    /** The staff member who wrote the request down; null when the household asked on its doorplate page. */
    recordedBy: uuid().references(() => staff.id),
    endedAt: timestamp({ withTimezone: true }),
    endedBy: uuid().references(() => staff.id),
  },
  (t) => [
    index('care_visit_requests_household_idx').on(t.householdId),
    index('care_visit_requests_station_idx').on(t.stationId).where(sql`${t.endedAt} IS NULL`),
  ],
);
