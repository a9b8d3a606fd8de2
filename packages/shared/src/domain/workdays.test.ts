import { describe, expect, it } from 'vitest';
import { CALENDAR_2026, holidayLabel } from './calendar-presets.js';
import {
  addWorkingDays,
  calendarYearIssues,
  isNextYearCalendarDue,
  isWorkingDay,
  shanghaiDayEnd,
  toCalendarDate,
  workingDayCalendar,
  workingDaysBetween,
} from './workdays.js';

const cal = workingDayCalendar(CALENDAR_2026);
const none = workingDayCalendar([]);

describe('isWorkingDay', () => {
  it('follows Monday to Friday where the calendar says nothing', () => {
    expect(isWorkingDay(cal, '2026-11-20')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-11-22')).toBe(false); // Sunday
  });

  it('takes 国庆 Oct 1–7 off and works Sat Oct 10 and Sun Sep 20 (调休)', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(cal, `2026-10-0${d}`)).toBe(false);
    expect(isWorkingDay(cal, '2026-10-08')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true);
    expect(isWorkingDay(cal, '2026-10-11')).toBe(false);
    expect(isWorkingDay(cal, '2026-09-20')).toBe(true);
    expect(isWorkingDay(none, '2026-10-10')).toBe(false);
  });

  it('takes 春节 Feb 15–23 off and works Sat Feb 14 and Sat Feb 28', () => {
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-16')).toBe(false); // a Monday off
    expect(isWorkingDay(cal, '2026-02-23')).toBe(false);
    expect(isWorkingDay(cal, '2026-02-24')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-28')).toBe(true);
  });

  it('reads an instant as its Beijing date', () => {
    // 2026-10-09T16:30Z is Sat Oct 10, 00:30 in Beijing: the make-up working day.
    expect(isWorkingDay(cal, new Date('2026-10-09T16:30:00Z'))).toBe(true);
    expect(isWorkingDay(cal, new Date('2026-10-09T15:30:00Z'))).toBe(true); // Fri Oct 9, 23:30
    expect(isWorkingDay(cal, new Date('2026-10-10T16:30:00Z'))).toBe(false); // Sun Oct 11
  });
});

describe('addWorkingDays', () => {
  it('starts counting the next day: day 0 never counts', () => {
    expect(addWorkingDays(cal, '2026-11-16', 1)).toBe('2026-11-17'); // Mon → Tue
    expect(addWorkingDays(cal, '2026-11-20', 1)).toBe('2026-11-23'); // Fri → Mon
    expect(addWorkingDays(cal, '2026-11-21', 1)).toBe('2026-11-23'); // Sat → Mon
    expect(addWorkingDays(cal, '2026-11-16', 0)).toBe('2026-11-16');
  });

  it('counts a Friday 23:30 Beijing submission from that Friday', () => {
    const friday2330 = new Date('2026-11-20T15:30:00Z');
    expect(toCalendarDate(friday2330)).toBe('2026-11-20');
    expect(addWorkingDays(cal, friday2330, 1)).toBe('2026-11-23');
    // 00:30 Saturday Beijing is already the weekend: still Monday, but from Saturday.
    expect(addWorkingDays(cal, new Date('2026-11-20T16:30:00Z'), 1)).toBe('2026-11-23');
  });

  it('steps over 国庆 and counts its Saturday make-up day', () => {
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays(cal, '2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays(cal, '2026-09-30', 4)).toBe('2026-10-12');
    expect(addWorkingDays(none, '2026-09-30', 4)).toBe('2026-10-06');
  });

  it('gives 15 working days across 春节 with both make-up Saturdays', () => {
    // From Thu Feb 12: Feb 13, 14(Sat, works), then Feb 24–27, 28(Sat), Mar 2–6, Mar 9–11.
    expect(addWorkingDays(cal, '2026-02-12', 2)).toBe('2026-02-14');
    expect(addWorkingDays(cal, '2026-02-12', 3)).toBe('2026-02-24');
    expect(addWorkingDays(cal, '2026-02-12', 7)).toBe('2026-02-28');
    expect(addWorkingDays(cal, '2026-02-12', 15)).toBe('2026-03-11');
  });

  it('refuses a negative, fractional or absurd count and a malformed date', () => {
    expect(() => addWorkingDays(cal, '2026-01-05', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-01-05', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-01-05', 1e9)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, '2026-2-3', 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after `from` up to and including `to`', () => {
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-08')).toBe(1);
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-12')).toBe(4);
    expect(workingDaysBetween(cal, '2026-10-12', '2026-09-30')).toBe(-4);
    expect(workingDaysBetween(cal, '2026-10-03', '2026-10-03')).toBe(0);
    // The whole 国庆 week, Sep 28 → Oct 11: Sep 29, 30, Oct 8, 9, 10.
    expect(workingDaysBetween(cal, '2026-09-28', '2026-10-11')).toBe(5);
  });

  it('is the inverse of addWorkingDays through the whole year', () => {
    for (const n of [1, 5, 15, 30, 60]) {
      const from = '2026-01-01';
      expect(workingDaysBetween(cal, from, addWorkingDays(cal, from, n))).toBe(n);
    }
  });

  it('counts 2026 as 248 working days (261 weekdays − 19 weekdays off + 6 make-up days)', () => {
    expect(workingDaysBetween(cal, '2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('helpers', () => {
  it('ends a Beijing day at the next 00:00 +08:00', () => {
    expect(shanghaiDayEnd('2026-10-08').toISOString()).toBe('2026-10-08T16:00:00.000Z');
  });

  it('asks for next year from December 1, Beijing time', () => {
    expect(isNextYearCalendarDue(new Date('2026-11-30T15:59:59Z'))).toBe(false);
    expect(isNextYearCalendarDue(new Date('2026-11-30T16:00:00Z'))).toBe(true);
    expect(isNextYearCalendarDue(new Date('2026-12-31T15:59:59Z'))).toBe(true);
    expect(isNextYearCalendarDue(new Date('2026-12-31T16:00:00Z'))).toBe(false);
  });

  it('labels the known holidays in both languages', () => {
    expect(holidayLabel('春节')).toEqual({ zh: '春节', en: 'Spring Festival' });
    expect(holidayLabel('本局值守')).toEqual({ zh: '本局值守', en: '本局值守' });
  });

  it('ships the 2026 notice: 33 days off and 6 make-up working days', () => {
    expect(CALENDAR_2026.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(CALENDAR_2026.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

describe('calendarYearIssues', () => {
  it('names a date outside the year, a date twice and a make-up day on a weekday', () => {
    const issues = calendarYearIssues(2027, [
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2026-12-31', kind: 'holiday' },
      { date: '2027-01-01', kind: 'holiday' },
      { date: '2027-02-04', kind: 'workday' }, // a Thursday
      { date: '2027-02-20', kind: 'workday' }, // a Saturday
    ]);
    expect(issues.map((i) => [i.field, i.message.zh])).toEqual([
      ['days.1.date', '不在2027年内'],
      ['days.2.date', '日期重复'],
      ['days.3.date', '调休上班日应为周六或周日'],
    ]);
    expect(calendarYearIssues(2026, CALENDAR_2026)).toEqual([]);
  });
});
