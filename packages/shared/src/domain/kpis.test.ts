import { describe, expect, it } from 'vitest';
import { previousPeriod, sameLastYear } from './kpis.js';

describe('上期 and 去年同期', () => {
  it('compares a whole month with the month before, whatever their lengths', () => {
    expect(previousPeriod({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-31' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('compares a quarter with the quarter before', () => {
    expect(previousPeriod({ from: '2026-07-01', to: '2026-09-30' })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
  it('compares any other period with as many days just before', () => {
    expect(previousPeriod({ from: '2026-11-04', to: '2026-12-03' })).toEqual({ from: '2026-10-05', to: '2026-11-03' });
  });
  it('compares a month so far with the same days of the month before', () => {
    expect(previousPeriod({ from: '2026-12-01', to: '2026-12-03' })).toEqual({ from: '2026-11-01', to: '2026-11-03' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-30' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  });
  it('takes the same days a year earlier, 29 February as the 28th', () => {
    expect(sameLastYear({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});
