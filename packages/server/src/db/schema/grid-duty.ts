/**
 * 三级网格责任体系 and 十户联防: who answers for each village and grid at three levels, by roles the station keeps
 * as data (责任区民辅警, 驻村辅警, 驻村干部, 村干部, 橄榄义警, 十户联防户长 …), held by staff or by people who have
 * no account (a village cadre: name and phone sealed); and the 联防组 of about ten neighbouring households with
 * their 户长.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households, units } from './org.js';
import { staff } from './staff.js';

/** One holder of one responsibility role for a village or grid. */
export const unitResponsibilities = pgTable(
  'unit_responsibilities',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    /** A key of the station's responsibility roles (settings `responsibility:<stationId>`). */
    roleKey: text().notNull(),
    /** A staff holder … */
    staffId: uuid().references(() => staff.id),
    /** … or a person without an account: name and phone sealed, masked copies for lists. */
    holderNameEnc: text(),
    holderNameMasked: text(),
    holderPhoneEnc: text(),
    holderPhoneMasked: text(),
    note: text(),
    createdBy: uuid().references(() => staff.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unit_responsibilities_unit_idx').on(t.unitId),
    index('unit_responsibilities_station_idx').on(t.stationId),
    uniqueIndex('unit_responsibilities_staff_key')
      .on(t.unitId, t.roleKey, t.staffId)
      .where(sql`${t.staffId} IS NOT NULL`),
    check('unit_responsibilities_holder_check', sql`${t.staffId} IS NOT NULL OR ${t.holderNameEnc} IS NOT NULL`),
  ],
);

/** 十户联防: a group of about ten neighbouring households in a grid, with its 户长 (a household of the group). */
export const householdGroups = pgTable(
  'household_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    unitId: uuid()
      .notNull()
      .references(() => units.id),
    unitPath: text().notNull(),
    name: text().notNull(),
    /** The 户长's household, and the 户长's name and phone (sealed). */
    leaderHouseholdId: uuid().references(() => households.id),
    leaderNameEnc: text(),
    leaderNameMasked: text(),
    leaderPhoneEnc: text(),
    leaderPhoneMasked: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('household_groups_unit_name_key').on(t.unitId, t.name),
    index('household_groups_station_idx').on(t.stationId),
  ],
);

/** A household belongs to one 联防组 at most. */
export const householdGroupMembers = pgTable(
  'household_group_members',
  {
    groupId: uuid()
      .notNull()
      .references(() => householdGroups.id),
    householdId: uuid()
      .notNull()
      .references(() => households.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.householdId] }),
    uniqueIndex('household_group_members_household_key').on(t.householdId),
  ],
);
