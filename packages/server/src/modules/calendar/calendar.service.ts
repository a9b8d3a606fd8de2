/**
 * 工作日历: the bureau's holidays and make-up working days. Other modules ask
 * `workingDays(ctx)` for the calendar and count with the shared functions
 * (`addWorkingDays`, `workingDaysBetween`, `isWorkingDay`). The 2026 notice
 * is loaded by the migration; the administrator (calendar.write) enters each
 * later year, and from December 1 the status asks for next year's.
 */
import {
  type CalendarAction,
  type CalendarStatus,
  type CalendarYearView,
  calendarYearIssues,
  isNextYearCalendarDue,
  type Label,
  labelOf,
  nextYearCalendarReminder,
  type ReplaceCalendarYearInput,
  toCalendarDate,
  type WorkingDayCalendar,
  workingDayCalendar,
} from '@jingmin/shared';
import { and, asc, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calendarDays } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

/** A few seconds' cache per database: deadline maths may read the calendar on every request. */
const CACHE_MS = 5_000;
const cache = new WeakMap<Db, { value: WorkingDayCalendar; at: number }>();
/** Serialises two saves of the same year (a second delete would miss the first's rows). */
const CALENDAR_LOCK = 7_262_010;

/**
 * The bureau's working-day calendar, every year it holds. Cached for five
 * seconds in each process: a save reaches this process at once and every other
 * process within five seconds. Call it before a transaction, never inside one
 * (the embedded database has a single connection).
 */
export async function workingDays(ctx: Pick<Ctx, 'db'>): Promise<WorkingDayCalendar> {
  const hit = cache.get(ctx.db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const rows = await ctx.db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
  const value = workingDayCalendar(rows);
  cache.set(ctx.db, { value, at: Date.now() });
  return value;
}

const inYear = (year: number) => and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`));

function allowedActions(ctx: Ctx): CalendarAction[] {
  return ctx.actor?.capabilities.includes('calendar.write') ? ['replace'] : [];
}

export async function readCalendarYear(ctx: Ctx, year: number): Promise<CalendarYearView> {
  const rows = await ctx.db.select().from(calendarDays).where(inYear(year)).orderBy(asc(calendarDays.date));
  return {
    year,
    days: rows.map((r) => ({
      date: r.date,
      kind: r.kind,
      name: r.name,
      note: r.note,
      updatedAt: r.updatedAt.toISOString(),
    })),
    allowedActions: allowedActions(ctx),
  };
}

const countKinds = (days: readonly { kind: string }[]) => ({
  holidays: days.filter((d) => d.kind === 'holiday').length,
  workdays: days.filter((d) => d.kind === 'workday').length,
});

/** Answers VALIDATION naming each bad field, like a schema failure does. */
function refuseIssues(ctx: Ctx, year: number, days: { date: string; kind: 'holiday' | 'workday' }[]) {
  const issues = calendarYearIssues(year, days);
  if (issues.length === 0) return;
  const fields = issues.map((i) => ({ field: i.field, message: labelOf(i.message, ctx.locale) }));
  const detail = fields.map((f) => `${f.field} ${f.message}`).join(ctx.locale === 'en' ? '; ' : '；');
  throw new AppError('VALIDATION', { detail }, { fields });
}

/** Replaces every exception of `year` with `input.days`; what is not listed follows Monday to Friday. */
export async function replaceCalendarYear(
  ctx: Ctx,
  year: number,
  input: ReplaceCalendarYearInput,
): Promise<CalendarYearView> {
  const days = input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, note: d.note }));
  refuseIssues(ctx, year, days);
  const actor = actorOf(ctx);
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK}, ${year})`);
    const removed = await tx.delete(calendarDays).where(inYear(year)).returning({ kind: calendarDays.kind });
    if (days.length > 0)
      await tx.insert(calendarDays).values(days.map((d) => ({ ...d, updatedBy: actor.id, updatedAt: at })));
    await audit(ctx, tx, {
      action: 'calendar.replace',
      result: 'ok',
      targetType: 'calendar_year',
      targetId: String(year),
      details: { year, before: countKinds(removed), after: countKinds(days) },
    });
  });
  cache.delete(ctx.db);
  return readCalendarYear(ctx, year);
}

/** One thing the administrator should do about the calendar. */
export interface CalendarWarning {
  code: 'calendar.next_year_missing' | 'calendar.year_missing';
  year: number;
  message: Label;
}

function warningsOf(status: CalendarStatus): CalendarWarning[] {
  const warnings: CalendarWarning[] = [];
  if (!status.hasYear)
    warnings.push({
      code: 'calendar.year_missing',
      year: status.year,
      message: {
        zh: `${status.year}年节假日安排尚未录入，工作日暂按周一至周五计算`,
        en: `The ${status.year} holiday arrangements are missing; working days count Monday to Friday`,
      },
    });
  if (status.missingNextYear)
    warnings.push({
      code: 'calendar.next_year_missing',
      year: status.nextYear,
      message: nextYearCalendarReminder(status.nextYear),
    });
  return warnings;
}

/** When each warning was last logged in this process: the console asks for the status on every visit. */
const lastLogged = new Map<string, number>();
const LOG_EVERY_MS = 3_600_000;

function logWarnings(ctx: Pick<Ctx, 'log'>, warnings: CalendarWarning[]) {
  for (const w of warnings) {
    const key = `${w.code}:${w.year}`;
    const last = lastLogged.get(key);
    if (last !== undefined && Date.now() - last < LOG_EVERY_MS) continue;
    lastLogged.set(key, Date.now());
    ctx.log.warn({ code: w.code, year: w.year }, w.message.zh);
  }
}

/**
 * Whether this year's and next year's calendars are present. `missingNextYear`
 * from December 1 (Beijing) while next year has no entries; a missing
 * calendar is also logged as a warning (at most once an hour per process).
 */
export async function calendarStatus(ctx: Pick<Ctx, 'db' | 'log'>, now: Date): Promise<CalendarStatus> {
  const { years } = await workingDays(ctx);
  const today = toCalendarDate(now);
  const year = Number(today.slice(0, 4));
  const status: CalendarStatus = {
    today,
    year,
    hasYear: years.has(year),
    nextYear: year + 1,
    hasNextYear: years.has(year + 1),
    missingNextYear: isNextYearCalendarDue(now) && !years.has(year + 1),
  };
  logWarnings(ctx, warningsOf(status));
  return status;
}

/**
 * The calendar's warnings at `now`, logged as they are found: for a start-up
 * check or a daily job (the lead schedules it), e.g.
 * `await calendarWarnings(systemCtx(deps, log), deps.clock.now())`.
 */
export async function calendarWarnings(ctx: Pick<Ctx, 'db' | 'log'>, now: Date): Promise<CalendarWarning[]> {
  return warningsOf(await calendarStatus(ctx, now));
}
