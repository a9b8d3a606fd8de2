/** 工作日历: the bureau's holidays and make-up working days, one year at a time. */
import { z } from 'zod';
import { CALENDAR_DAY_KINDS } from '../domain/workdays.js';
import { Name, text } from './common.js';

/** A Beijing calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date();

export const CalendarYearParams = z
  .object({
    /** The calendar year (公历年份). */
    year: z.coerce.number().int().min(2000).max(2100),
  })
  .strict();
export type CalendarYearParams = z.infer<typeof CalendarYearParams>;

export const CalendarDayInput = z
  .object({
    /** The date, in the year being saved. */
    date: CalendarDate,
    /** `holiday` — a day off (放假); `workday` — a weekend day worked (调休上班). */
    kind: z.enum(CALENDAR_DAY_KINDS),
    /** The holiday it belongs to, as the notice names it: 春节, 国庆节 … */
    name: Name,
    /** Where it comes from or why (the notice, a local arrangement). */
    note: text(200).default(''),
  })
  .strict();
export type CalendarDayInput = z.infer<typeof CalendarDayInput>;

/** The whole year's exceptions; what is not listed follows Monday to Friday. */
export const ReplaceCalendarYearInput = z
  .object({
    /** Every holiday and make-up working day of the year, each date once. */
    days: z.array(CalendarDayInput).max(366),
  })
  .strict();
export type ReplaceCalendarYearInput = z.infer<typeof ReplaceCalendarYearInput>;

export const CalendarDayView = z.object({
  date: CalendarDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  note: z.string(),
  updatedAt: z.iso.datetime(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const CALENDAR_ACTIONS = ['replace'] as const;
export type CalendarAction = (typeof CALENDAR_ACTIONS)[number];

export const CalendarYearView = z.object({
  year: z.number().int(),
  /** Sorted by date. */
  days: z.array(CalendarDayView),
  /** What the caller may do with this year. */
  allowedActions: z.array(z.enum(CALENDAR_ACTIONS)),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const CalendarStatus = z.object({
  /** Today's Beijing date. */
  today: CalendarDate,
  year: z.number().int(),
  /** This year has entries. */
  hasYear: z.boolean(),
  nextYear: z.number().int(),
  hasNextYear: z.boolean(),
  /** From December 1 (Beijing) while next year has no entries: the administrator should enter them. */
  missingNextYear: z.boolean(),
});
export type CalendarStatus = z.infer<typeof CalendarStatus>;
