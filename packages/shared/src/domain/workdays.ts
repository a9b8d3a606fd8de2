/**
 * 工作日历 — working days by the bureau's calendar, for every "N working days"
 * rule (a data request answered within 15 working days, dispute follow-ups …).
 *
 * A day is a working day when it is Monday to Friday, unless the calendar marks
 * it `holiday` (法定节假日 and the 调休 days off), or when the calendar marks a
 * weekend day `workday` (调休上班). Dates are Asia/Shanghai calendar dates
 * written `YYYY-MM-DD`; an instant (`Date`) is first turned into its Beijing
 * date, so a submission at 23:30 Beijing time on a Friday belongs to that Friday.
 *
 * Counting follows the administrative rule (《民法典》第二百零一条): the day the
 * period starts does not count; day 1 is the first working day after it.
 */

/** `holiday`: a day off (法定节假日 or 调休 rest); `workday`: a weekend day worked (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, { zh: string; en: string }> = {
  holiday: { zh: '放假', en: 'Day off' },
  workday: { zh: '调休上班', en: 'Make-up working day' },
};

/** One exception to the Monday-to-Friday week. */
export interface CalendarException {
  /** Beijing calendar date, `YYYY-MM-DD`. */
  date: string;
  kind: CalendarDayKind;
}

/** The bureau's calendar as the functions below read it: exceptions by date, and the years it covers. */
export interface WorkingDayCalendar {
  readonly exceptions: ReadonlyMap<string, CalendarDayKind>;
  /** Years with at least one entry; a year outside falls back to Monday–Friday. */
  readonly years: ReadonlySet<number>;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+8, no daylight saving since 1991
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Far more than any rule needs; stops a runaway loop on a nonsense argument. */
const MAX_DAYS = 3_660;

/** Builds a calendar from its exceptions (rows of the `calendar_days` table or a preset). */
export function workingDayCalendar(days: Iterable<CalendarException>): WorkingDayCalendar {
  const exceptions = new Map<string, CalendarDayKind>();
  const years = new Set<number>();
  for (const day of days) {
    const date = toCalendarDate(day.date);
    exceptions.set(date, day.kind);
    years.add(Number(date.slice(0, 4)));
  }
  return { exceptions, years };
}

/** A moment as people at a station read it: `YYYY-MM-DD HH:mm` in Beijing time. */
export function beijingDateTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The Beijing calendar date of an instant, or a `YYYY-MM-DD` string checked and returned as is. */
export function toCalendarDate(day: string | Date): string {
  if (day instanceof Date) {
    if (Number.isNaN(day.getTime())) throw new RangeError('invalid date');
    return new Date(day.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  }
  const m = DATE_RE.exec(day);
  if (!m || new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) !== day)
    throw new RangeError(`not a calendar date: ${day}`);
  return day;
}

/** The instant a Beijing calendar date ends (the next day's 00:00 +08:00): a deadline on that day is met before it. */
export function shanghaiDayEnd(day: string | Date): Date {
  return new Date(dayNumber(toCalendarDate(day)) * DAY_MS + DAY_MS - SHANGHAI_OFFSET_MS);
}

/** Days since 1970-01-01 of a checked `YYYY-MM-DD`. */
function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function dateOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function isWorking(calendar: WorkingDayCalendar, n: number): boolean {
  const kind = calendar.exceptions.get(dateOf(n));
  if (kind) return kind === 'workday';
  const weekday = new Date(n * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** True when `day` (a Beijing date, or the Beijing date of an instant) is a working day. */
export function isWorkingDay(calendar: WorkingDayCalendar, day: string | Date): boolean {
  return isWorking(calendar, dayNumber(toCalendarDate(day)));
}

/**
 * The date of the `n`-th working day after `from` (`from` itself never counts,
 * even when it is a working day). `n = 0` gives `from`'s own date.
 * addWorkingDays(cal, '2026-09-30', 1) → '2026-10-08' (国庆 Oct 1–7 off).
 */
export function addWorkingDays(calendar: WorkingDayCalendar, from: string | Date, n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_DAYS) throw new RangeError(`working days must be 0–${MAX_DAYS}: ${n}`);
  let day = dayNumber(toCalendarDate(from));
  for (let left = n; left > 0; ) {
    day += 1;
    if (isWorking(calendar, day)) left -= 1;
  }
  return dateOf(day);
}

/**
 * Working days after `from` up to and including `to`, counted like
 * `addWorkingDays` (so `workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n`);
 * negative when `to` is before `from`, 0 on the same date.
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: string | Date, to: string | Date): number {
  const a = dayNumber(toCalendarDate(from));
  const b = dayNumber(toCalendarDate(to));
  if (b < a) return -workingDaysBetween(calendar, to, from);
  if (b - a > MAX_DAYS * 2) throw new RangeError('dates too far apart');
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isWorking(calendar, day)) count += 1;
  return count;
}

/** True when `date` is a Saturday or Sunday (make-up working days can only fall there). */
export function isWeekend(day: string | Date): boolean {
  const weekday = new Date(dayNumber(toCalendarDate(day)) * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** From this Beijing date on, next year's calendar should be entered (the notice comes out in November). */
export function isNextYearCalendarDue(now: Date): boolean {
  return toCalendarDate(now).slice(5, 7) === '12';
}

/** The reminder shown and logged while next year's calendar is missing in December. */
export function nextYearCalendarReminder(year: number): { zh: string; en: string } {
  return {
    zh: `请录入${year}年节假日安排（国务院办公厅通知通常于11月发布）`,
    en: `Please enter the ${year} holiday arrangements (the State Council's notice usually comes out in November)`,
  };
}

/** A problem with one day of a year being saved, with the field it names. */
export interface CalendarYearIssue {
  /** `days.3.date`, the path of the field in the saved body. */
  field: string;
  message: { zh: string; en: string };
}

/**
 * What is wrong with a year's list beyond its shape: a date outside the year,
 * a date listed twice, a make-up working day that is not a Saturday or Sunday.
 */
export function calendarYearIssues(year: number, days: readonly CalendarException[]): CalendarYearIssue[] {
  const issues: CalendarYearIssue[] = [];
  const seen = new Set<string>();
  days.forEach((day, i) => {
    const field = `days.${i}.date`;
    if (!day.date.startsWith(`${year}-`))
      issues.push({ field, message: { zh: `不在${year}年内`, en: `is not in ${year}` } });
    else if (seen.has(day.date)) issues.push({ field, message: { zh: '日期重复', en: 'is listed twice' } });
    else if (day.kind === 'workday' && !isWeekend(day.date))
      issues.push({
        field,
        message: { zh: '调休上班日应为周六或周日', en: 'a make-up working day must be a Saturday or Sunday' },
      });
    seen.add(day.date);
  });
  return issues;
}
