import { type PublicFiguresMonth, publicCount, publicRate } from '@jingmin/shared';
import { describe, expect, it } from 'vitest';
import { cellText, chartValue, FIGURE_COLUMNS, hasSuppressed, monthLabel } from './cells';

/** A month as the server answers it: counts and rates through the shared suppression rule. */
function month(m: string, received: number, rated: number, satisfied: number, running = false): PublicFiguresMonth {
  return {
    month: m,
    running,
    received: publicCount(received),
    resolved: publicCount(received),
    resolvedOnTime: publicRate(received, received),
    satisfaction: publicRate(satisfied, rated),
    disputesResolved: publicCount(0),
    warningsSent: publicCount(12),
    warningsOpened: publicCount(3_015),
  };
}

const row = (m: PublicFiguresMonth) => FIGURE_COLUMNS.map((c) => cellText(m[c.key], c.rate));

describe('the public page’s cells', () => {
  it('shows a month of three matters as "<5" in every figure counted from them, and a gap in the chart', () => {
    const small = month('2026-11', 3, 3, 3);
    expect(row(small)).toEqual(['<5', '<5', '<5', '<5', '0', '12', '3015']);
    expect(chartValue(small.received, false)).toBeNull();
    expect(chartValue(small.satisfaction, true)).toBeNull();
    expect(hasSuppressed([small])).toBe(true);
  });

  it('shows counts of five and more, rates as percentages, and "—" for a rate of nothing', () => {
    const full = month('2026-12', 161, 150, 149, true);
    expect(row(full)).toEqual(['161', '161', '100.0%', '99.3%', '0', '12', '3015']);
    expect(chartValue(full.satisfaction, true)).toBe(99.3);
    expect(hasSuppressed([full])).toBe(false);
    const unrated = month('2026-10', 8, 0, 0);
    expect(cellText(unrated.satisfaction, true)).toBe('—');
    expect(chartValue(unrated.satisfaction, true)).toBeNull();
  });

  it('names a month, and the running one as so far', () => {
    expect(monthLabel({ month: '2026-03', running: false }).zh).toBe('2026年3月');
    expect(monthLabel({ month: '2026-12', running: true }).zh).toBe('12月（截至今日）');
  });
});
