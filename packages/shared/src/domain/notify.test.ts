import { describe, expect, it } from 'vitest';
import { isUrgentMatter } from './matters.js';
import { inQuietHours, minuteLabel, quietEnds } from './notify.js';

/** An instant given as Beijing wall-clock time. */
const beijing = (hhmm: string, day = '2026-11-23') => new Date(`${day}T${hhmm}:00+08:00`);
const NIGHT = { startMinute: 22 * 60, endMinute: 7 * 60 };
const LUNCH = { startMinute: 12 * 60, endMinute: 13 * 60 + 30 };

describe('quiet hours (Beijing time)', () => {
  it('across midnight: quiet from 22:00, until 07:00 the next morning', () => {
    expect(inQuietHours(NIGHT, beijing('21:59'))).toBe(false);
    expect(inQuietHours(NIGHT, beijing('22:00'))).toBe(true);
    expect(inQuietHours(NIGHT, beijing('03:10'))).toBe(true);
    expect(inQuietHours(NIGHT, beijing('07:00'))).toBe(false);
    expect(quietEnds(NIGHT, beijing('23:15'))).toEqual(beijing('07:00', '2026-11-24'));
    expect(quietEnds(NIGHT, beijing('05:40'))).toEqual(beijing('07:00'));
  });

  it('within one day, and not at all when none are set', () => {
    expect(inQuietHours(LUNCH, beijing('12:45'))).toBe(true);
    expect(quietEnds(LUNCH, beijing('12:45'))).toEqual(beijing('13:30'));
    const afternoon = beijing('15:00');
    expect(quietEnds(LUNCH, afternoon)).toBe(afternoon);
    expect(quietEnds(null, afternoon)).toBe(afternoon);
    expect(minuteLabel(NIGHT.endMinute)).toBe('07:00');
  });
});

describe('urgent matters', () => {
  it('are those the desk marked urgent, and every help request and report', () => {
    expect(isUrgentMatter({ kind: 'consult', urgency: 'urgent' })).toBe(true);
    expect(isUrgentMatter({ kind: 'help', urgency: 'normal' })).toBe(true);
    expect(isUrgentMatter({ kind: 'report', urgency: 'normal' })).toBe(true);
    expect(isUrgentMatter({ kind: 'dispute', urgency: 'normal' })).toBe(false);
  });
});
