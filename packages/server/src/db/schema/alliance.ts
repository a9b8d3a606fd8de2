/**
 * 平安联盟: a volunteer of the safety alliance (双协员, 义警, 护卫队, 大妈, 的哥, 乡贤, 快递小哥, 老公安, 退伍老兵 …) has a
 * light account — a staff row with the `volunteer` role, scoped to a grid or village, no password — and this
 * profile: the phone it signs in with (by one-time code), what it is and the duties it took (八大员), and the
 * station's approval or suspension. A suspended volunteer's sessions end at once.
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { staff } from './staff.js';

export const volunteerProfiles = pgTable(
  'volunteer_profiles',
  {
    staffId: uuid()
      .primaryKey()
      .references(() => staff.id),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The keyed hash of the phone it signs in with (residents' phones use the same index). */
    phoneIndex: text().notNull(),
    /** What the volunteer is, in the station's words (义警, 快递小哥, 退伍老兵 …). */
    kind: text().notNull(),
    /** The duties taken (八大员: 信息采集员, 民情收集员, 安全巡查员 …). */
    duties: text().array().notNull().default(sql`'{}'::text[]`),
    appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp({ withTimezone: true }),
    approvedBy: uuid().references(() => staff.id),
    suspendedAt: timestamp({ withTimezone: true }),
    suspendedBy: uuid().references(() => staff.id),
    suspendReason: text(),
  },
  (t) => [
    uniqueIndex('volunteer_profiles_phone_key').on(t.phoneIndex),
    index('volunteer_profiles_station_idx').on(t.stationId),
  ],
);
