import { FraudVerifyInput } from '@jingmin/shared';
import { describe, expect, it } from 'vitest';
import { countdown, formatSpan, lastTwelveMonths, toVerifyInput, type VerifyValues, verifyProblems } from './model';

const zh = (z: string) => z;
const en = (_: string, e: string) => e;
const deadline = '2026-03-01T08:10:00.000Z';
const at = (iso: string) => new Date(iso).getTime();

describe('countdown', () => {
  it('counts down as a clock under an hour and turns urgent in the last three minutes', () => {
    expect(countdown(deadline, at('2026-03-01T08:01:28Z'), zh)).toEqual({
      overdue: false,
      urgent: false,
      text: '剩余 08:32',
    });
    expect(countdown(deadline, at('2026-03-01T08:07:00Z'), zh)).toMatchObject({ urgent: true, text: '剩余 03:00' });
    expect(countdown(deadline, at('2026-03-01T08:10:00Z'), en).text).toBe('00:00 left');
  });

  it('says 超时 once the deadline passed, never urgent then', () => {
    expect(countdown(deadline, at('2026-03-01T08:12:10Z'), zh)).toEqual({
      overdue: true,
      urgent: false,
      text: '超时 02:10',
    });
    expect(countdown(deadline, at('2026-03-01T09:15:00Z'), en).text).toBe('Overdue 1h 05m');
  });

  it('shows hours and minutes, then days and hours, for longer spans', () => {
    expect(formatSpan(3 * 3600 + 7 * 60 + 59, zh)).toBe('3小时07分');
    expect(formatSpan(2 * 86_400 + 3 * 3600, zh)).toBe('2天3小时');
    expect(formatSpan(-5, zh)).toBe('00:00');
  });
});

const base: VerifyValues = {
  method: 'phone',
  contactedAt: new Date('2026-03-01T08:05:00.000Z'),
  outcome: 'dissuaded',
  amountLost: 3000,
  amountPrevented: 50_000,
  attempts: 4,
  followUps: ['revisit', 'app_installed', 'revisit'],
  note: '  老人正准备转账，已劝住  ',
};

describe('toVerifyInput', () => {
  it('keeps the money prevented and drops the loss and attempts for 劝阻成功', () => {
    const input = toVerifyInput(base, 3);
    expect(input).toEqual({
      version: 3,
      method: 'phone',
      contactedAt: '2026-03-01T08:05:00.000Z',
      outcome: 'dissuaded',
      amountLost: 0,
      amountPrevented: 50_000,
      attempts: 1,
      followUps: ['revisit', 'app_installed'],
      note: '老人正准备转账，已劝住',
    });
    expect(FraudVerifyInput.safeParse(input).success).toBe(true);
  });

  it('sends the amount lost for 已被骗, and what the bank stopped', () => {
    expect(toVerifyInput({ ...base, outcome: 'defrauded', amountLost: 3000.4 }, 1)).toMatchObject({
      amountLost: 3000,
      amountPrevented: 50_000,
      attempts: 1,
    });
  });

  it('sends the attempts for 未联系上 and no money either way', () => {
    const input = toVerifyInput({ ...base, outcome: 'unreachable', followUps: [] }, 1);
    expect(input).toMatchObject({ amountLost: 0, amountPrevented: 0, attempts: 4, followUps: [] });
    expect(toVerifyInput({ ...base, outcome: 'unreachable', attempts: null }, 1).attempts).toBe(1);
  });

  it('sends no money for 误报, and empty amounts as 0', () => {
    expect(toVerifyInput({ ...base, outcome: 'false_alarm' }, 1)).toMatchObject({
      amountLost: 0,
      amountPrevented: 0,
    });
    expect(toVerifyInput({ ...base, amountPrevented: null, note: undefined }, 1)).toMatchObject({
      amountPrevented: 0,
      note: '',
    });
  });
});

describe('verifyProblems', () => {
  const now = at('2026-03-01T08:06:00Z');
  const issued = '2026-03-01T08:00:00.000Z';
  it('passes a complete form', () => {
    expect(verifyProblems(base, issued, now, zh)).toEqual([]);
  });
  it('asks for the amount lost when defrauded and refuses a contact time in the future or before the issue', () => {
    expect(verifyProblems({ ...base, outcome: 'defrauded', amountLost: 0 }, issued, now, zh)).toEqual([
      '已被骗：请填写被骗金额',
    ]);
    expect(verifyProblems({ ...base, contactedAt: new Date(now + 5 * 60_000) }, issued, now, zh)).toEqual([
      '联系时间不能晚于现在',
    ]);
    expect(verifyProblems({ ...base, contactedAt: new Date('2026-03-01T07:00:00Z') }, issued, now, zh)).toHaveLength(1);
  });
});

describe('lastTwelveMonths', () => {
  it('ends with the current month and starts eleven months before, across a year', () => {
    expect(lastTwelveMonths(new Date(2026, 2, 15))).toEqual({ from: '2025-04', to: '2026-03' });
    expect(lastTwelveMonths(new Date(2026, 11, 1))).toEqual({ from: '2026-01', to: '2026-12' });
  });
});
