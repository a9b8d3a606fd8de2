import {
  addWorkingDays,
  CALENDAR_2026,
  type CalendarStatus,
  type CalendarYearView,
  isWorkingDay,
} from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { calendarWarnings, workingDays } from './calendar.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A made-up 2027 arrangement (the real one is published in November 2026). */
const DAYS_2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦', note: '测试' },
  { date: '2027-02-05', kind: 'holiday', name: '春节', note: '测试' },
  { date: '2027-02-20', kind: 'workday', name: '春节', note: '测试' },
];

type ErrorAnswer = { error: { code: string; message: string; details?: { fields: { field: string }[] } } };
const fieldsOf = (body: unknown) => (body as ErrorAnswer).error.details?.fields.map((f) => f.field) ?? [];

/** Moves the test clock forward to `iso` (it only runs forward). */
function moveClockTo(iso: string) {
  const ms = Date.parse(iso) - t.clock.now().getTime();
  expect(ms).toBeGreaterThanOrEqual(0);
  t.clock.advance(ms);
}

describe('who may read and keep the calendar', () => {
  it('answers 401 to an anonymous caller', async () => {
    const anon = t.anonymous();
    expect((await anon.get('/api/v1/calendar/2026')).status).toBe(401);
    expect((await anon.get('/api/v1/calendar/status')).status).toBe(401);
    expect((await anon.put('/api/v1/calendar/2027', { days: [] })).status).toBe(401);
  });

  it('lets a grid worker read a year but not replace it (403, denial audited)', async () => {
    const grid = await t.as('a.grid');
    const read = await grid.get('/api/v1/calendar/2026');
    expect(read.status).toBe(200);
    expect((read.body as CalendarYearView).allowedActions).toEqual([]);
    const put = await grid.put('/api/v1/calendar/2027', { days: DAYS_2027 });
    expect(put.status).toBe(403);
    expect((put.body as ErrorAnswer).error.code).toBe('FORBIDDEN');
    const denied = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.result, 'denied'), eq(auditLog.actorId, t.fx.staffIds['a.grid']!)));
    expect(denied.some((e) => e.action.includes('/calendar/:year'))).toBe(true);
  });
});

describe('the 2026 notice', () => {
  it('is in a fresh database exactly as shipped in shared (CALENDAR_2026)', async () => {
    const admin = await t.as('sysadmin');
    const res = await admin.get('/api/v1/calendar/2026');
    expect(res.status).toBe(200);
    const view = res.body as CalendarYearView;
    expect(view.allowedActions).toEqual(['replace']);
    expect(view.days.map((d) => [d.date, d.kind, d.name, d.note])).toEqual(
      CALENDAR_2026.map((d) => [d.date, d.kind, d.name.zh, d.source]),
    );
  });

  it('is what workingDays(ctx) counts with: 国庆 off, Sat Oct 10 worked', async () => {
    const cal = await workingDays({ db: t.deps.database.db });
    expect(isWorkingDay(cal, '2026-10-05')).toBe(false);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    expect(addWorkingDays(cal, '2026-09-30', 3)).toBe('2026-10-10');
  });
});

describe('the December reminder', () => {
  it('does not ask for next year in November', async () => {
    const res = await (await t.as('a.officer')).get('/api/v1/calendar/status');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2026,
      hasYear: true,
      nextYear: 2027,
      hasNextYear: false,
      missingNextYear: false,
    } satisfies Partial<CalendarStatus>);
  });

  it('asks for next year from December 1, Beijing time, and logs the warning', async () => {
    moveClockTo('2026-11-30T15:59:00.000Z'); // 23:59 on November 30 in Beijing
    const quiet = { db: t.deps.database.db, log: { warn: () => undefined } as never };
    expect(await calendarWarnings(quiet, t.clock.now())).toEqual([]);
    moveClockTo('2026-11-30T16:00:00.000Z'); // 00:00 on December 1 in Beijing
    const logged: string[] = [];
    const log = { warn: (_obj: unknown, msg: string) => logged.push(msg) } as never;
    const warnings = await calendarWarnings({ db: t.deps.database.db, log }, t.clock.now());
    expect(warnings.map((w) => [w.code, w.year])).toEqual([['calendar.next_year_missing', 2027]]);
    expect(logged).toEqual(['请录入2027年节假日安排（国务院办公厅通知通常于11月发布）']);
    const res = await (await t.as('a.officer')).get('/api/v1/calendar/status');
    expect(res.body).toMatchObject({ today: '2026-12-01', hasNextYear: false, missingNextYear: true });
  });
});

describe('PUT /calendar/:year', () => {
  it('refuses a date outside the year, an unknown kind and NUL in a name, naming the field', async () => {
    const admin = await t.as('sysadmin');
    const outside = await admin.put('/api/v1/calendar/2027', {
      days: [DAYS_2027[0], { date: '2026-12-31', kind: 'holiday', name: '元旦' }],
    });
    expect(outside.status).toBe(400);
    expect((outside.body as ErrorAnswer).error.code).toBe('VALIDATION');
    expect(fieldsOf(outside.body)).toEqual(['days.1.date']);
    expect((outside.body as ErrorAnswer).error.message).toContain('不在2027年内');
    const kind = await admin.put('/api/v1/calendar/2027', { days: [{ ...DAYS_2027[0], kind: 'vacation' }] });
    expect(kind.status).toBe(400);
    expect(fieldsOf(kind.body)).toEqual(['days.0.kind']);
    const nul = await admin.put('/api/v1/calendar/2027', { days: [{ ...DAYS_2027[0], name: '元\u0000旦' }] });
    expect(nul.status).toBe(400);
    expect(fieldsOf(nul.body)).toEqual(['days.0.name']);
  });

  it('refuses a date twice, a make-up day on a weekday, a malformed date and a bad year', async () => {
    const admin = await t.as('sysadmin', { locale: 'en' });
    const twice = await admin.put('/api/v1/calendar/2027', { days: [DAYS_2027[0], DAYS_2027[0]] });
    expect(fieldsOf(twice.body)).toEqual(['days.1.date']);
    expect((twice.body as ErrorAnswer).error.message).toContain('is listed twice');
    const weekday = await admin.put('/api/v1/calendar/2027', {
      days: [{ date: '2027-02-04', kind: 'workday', name: '春节' }],
    });
    expect(fieldsOf(weekday.body)).toEqual(['days.0.date']);
    const malformed = await admin.put('/api/v1/calendar/2027', { days: [{ ...DAYS_2027[0], date: '2027-02-30' }] });
    expect(fieldsOf(malformed.body)).toEqual(['days.0.date']);
    expect((await admin.put('/api/v1/calendar/20x7', { days: [] })).status).toBe(400);
    expect((await admin.get('/api/v1/calendar/1900')).status).toBe(400);
  });

  it('lets the administrator replace 2027, read it back, and records the counts in the audit trail', async () => {
    const admin = await t.as('sysadmin');
    const put = await admin.put('/api/v1/calendar/2027', { days: DAYS_2027 });
    expect(put.status).toBe(200);
    const back = (await admin.get('/api/v1/calendar/2027')).body as CalendarYearView;
    expect(back.days.map((d) => [d.date, d.kind, d.name, d.note])).toEqual(
      DAYS_2027.map((d) => [d.date, d.kind, d.name, d.note]),
    );
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.replace'), eq(auditLog.targetId, '2027')));
    expect(entry).toMatchObject({ actorId: t.fx.staffIds.sysadmin, result: 'ok', targetType: 'calendar_year' });
    expect(entry!.details).toEqual({
      year: 2027,
      before: { holidays: 0, workdays: 0 },
      after: { holidays: 2, workdays: 1 },
    });
    // The other years are untouched.
    expect(((await admin.get('/api/v1/calendar/2026')).body as CalendarYearView).days).toHaveLength(39);
  });

  it('is counted with at once, and the reminder stops', async () => {
    const cal = await workingDays({ db: t.deps.database.db });
    expect(isWorkingDay(cal, '2027-02-20')).toBe(true); // a Saturday worked
    expect(addWorkingDays(cal, '2027-02-04', 1)).toBe('2027-02-08'); // Fri Feb 5 off
    const res = await (await t.as('a.officer')).get('/api/v1/calendar/status');
    expect(res.body).toMatchObject({ hasNextYear: true, missingNextYear: false });
  });

  it('replaces the whole year: a day left out is a plain day again', async () => {
    const admin = await t.as('sysadmin');
    const put = await admin.put('/api/v1/calendar/2027', { days: [DAYS_2027[0]] });
    expect((put.body as CalendarYearView).days.map((d) => d.date)).toEqual(['2027-01-01']);
    const [, second] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.replace'), eq(auditLog.targetId, '2027')))
      .orderBy(auditLog.id);
    expect(second!.details).toMatchObject({
      before: { holidays: 2, workdays: 1 },
      after: { holidays: 1, workdays: 0 },
    });
    const cal = await workingDays({ db: t.deps.database.db });
    expect(isWorkingDay(cal, '2027-02-05')).toBe(true);
  });
});
