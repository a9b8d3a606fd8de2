/** 工作日历: the bureau's exceptions to the Monday-to-Friday week, one row per date. */
import { CALENDAR_DAY_KINDS } from '@jingmin/shared';
import { date, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.js';

export const calendarDayKind = pgEnum('calendar_day_kind', CALENDAR_DAY_KINDS);

export const calendarDays = pgTable('calendar_days', {
  /** Beijing calendar date; a year's rows are found by range on this key. */
  date: date({ mode: 'string' }).primaryKey(),
  kind: calendarDayKind().notNull(),
  /** The holiday it belongs to, as the notice names it (春节, 国庆节 …). */
  name: text().notNull(),
  /** Its source or reason: the State Council notice, a local arrangement. */
  note: text().notNull().default(''),
  /** Who last saved the year; null for the days the migration loaded from the published notice. */
  updatedBy: uuid().references(() => staff.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
