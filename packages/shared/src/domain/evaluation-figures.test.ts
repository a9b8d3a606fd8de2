import { describe, expect, it } from 'vitest';
import {
  addMonths,
  FIGURE_DEFINITIONS,
  formatRate,
  monthOf,
  monthRange,
  monthsBetween,
  ratio,
} from './evaluation-figures.js';

describe('evaluation figures', () => {
  it('counts months in Beijing time', () => {
    expect(monthOf(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10');
    expect(monthOf(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11');
    expect(monthRange('2026-10', '2026-11')).toEqual({
      start: new Date('2026-09-30T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
    });
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('never gives a rate over nothing', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(formatRate(ratio(0, 0))).toBe('—');
    expect(formatRate(ratio(139, 140))).toBe('99.3%');
  });

  it('explains every figure in both languages', () => {
    expect(new Set(FIGURE_DEFINITIONS.map((d) => d.id)).size).toBe(FIGURE_DEFINITIONS.length);
    for (const d of FIGURE_DEFINITIONS) expect(d.how.zh && d.how.en && d.label.zh && d.label.en).toBeTruthy();
  });
});
