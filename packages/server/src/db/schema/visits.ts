/**
 * 走访入户: a household visit logged by one of the three lines (三线合一: the police
 * line, the cadres' line, the community grid line). Each visit opens one
 * evaluation request (subject `visit`) that the household finds on its doorplate
 * page or scans from the visitor's phone. The fieldwork capability builds plans
 * and coverage on this table.
 */
import { VISIT_LINES } from '@jingmin/shared';
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { households, units } from './org.js';
import { staff } from './staff.js';

export const visitLine = pgEnum('visit_line', VISIT_LINES);

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
    line: visitLine().notNull(),
    /** Who visited (the staff member who logs it). */
    staffId: uuid()
      .notNull()
      .references(() => staff.id),
    visitedAt: timestamp({ withTimezone: true }).notNull(),
    /** What was talked about, for the station; never shown to other households. */
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_station_idx').on(t.stationId, t.visitedAt),
    index('visits_household_idx').on(t.householdId, t.visitedAt),
  ],
);
