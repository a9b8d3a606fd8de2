/**
 * 平安联盟: a volunteer of the safety alliance (双协员, 义警, 护卫队, 大妈, 的哥, 乡贤, 快递小哥, 老公安, 退伍老兵 …) has a
 * light account — a staff row with the `volunteer` role, scoped to a grid or village, no password — and this
 * profile: the phone it signs in with (by one-time code), what it is and the duties it took (八大员), and the
 * station's approval or suspension. A suspended volunteer's sessions end at once.
 */
import { VOLUNTEER_TASK_STATUSES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { matters } from './matters.js';
import { households, units } from './org.js';
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

export const volunteerTaskStatus = pgEnum('volunteer_task_status', VOLUNTEER_TASK_STATUSES);

/**
 * A task the desk sends one volunteer (看望独居老人, 查看损坏路灯, 劝导占道经营): what to do and where — the
 * address in words, copied when sent, never a resident's phone or other personal data — optionally for a matter
 * the desk holds. The volunteer accepts or declines it with a reason and reports it done with a short note;
 * the desk can withdraw it while it is open.
 */
export const volunteerTasks = pgTable(
  'volunteer_tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => units.id),
    /** The unit the task lies in (the household's, or the volunteer's grid), for scoping. */
    unitPath: text().notNull(),
    volunteerId: uuid()
      .notNull()
      .references(() => staff.id),
    title: text().notNull(),
    detail: text(),
    /** Where, in words: the household's address when there is one (no names, no phones). */
    place: text().notNull(),
    householdId: uuid().references(() => households.id),
    matterId: uuid().references(() => matters.id),
    dueAt: timestamp({ withTimezone: true }),
    status: volunteerTaskStatus().notNull().default('sent'),
    sentBy: uuid()
      .notNull()
      .references(() => staff.id),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    /** What the volunteer did or saw, in a few words. */
    doneNote: text(),
    declinedAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('volunteer_tasks_volunteer_idx').on(t.volunteerId, t.sentAt),
    index('volunteer_tasks_station_idx').on(t.stationId, t.sentAt),
    index('volunteer_tasks_matter_idx').on(t.matterId).where(sql`${t.matterId} IS NOT NULL`),
  ],
);
