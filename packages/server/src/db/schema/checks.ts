/** 双率抽查: samples of an officer's households and the inspector's two answers per household. */
import { CHECK_METHODS } from '@jingmin/shared';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households, units } from './org.js';
import { scopeGrants } from './scope.js';
import { staff } from './staff.js';

/**
 * One draw: `size` households picked from the officer's area with `seed`, read by the inspector through
 * `grantId` (a scope grant on exactly those households). Never deleted: the record of what was checked.
 */
export const checkSamples = pgTable(
  'check_samples',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The station's path, so scoping a list is one prefix match. */
    stationPath: text().notNull(),
    officerStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    inspectorStaffId: uuid()
      .notNull()
      .references(() => staff.id),
    grantId: uuid()
      .notNull()
      .references(() => scopeGrants.id),
    seed: text().notNull(),
    /** Households in the officer's area at the draw. */
    population: integer().notNull(),
    drawnBy: uuid()
      .notNull()
      .references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('check_samples_station_idx').on(t.stationId),
    index('check_samples_inspector_idx').on(t.inspectorStaffId),
  ],
);

/** One sampled household and, once answered, the two yes/no answers and how they were obtained. */
export const checkItems = pgTable(
  'check_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    sampleId: uuid()
      .notNull()
      .references(() => checkSamples.id),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
    /** Order of the draw. */
    position: integer().notNull(),
    /** 知晓: the household knows its officer. */
    knowsOfficer: boolean(),
    /** 熟悉: the officer knows the household. */
    officerKnows: boolean(),
    method: text({ enum: CHECK_METHODS }),
    answeredAt: timestamp({ withTimezone: true }),
    answeredBy: uuid().references(() => staff.id),
  },
  (t) => [uniqueIndex('check_items_sample_household_key').on(t.sampleId, t.householdId)],
);
