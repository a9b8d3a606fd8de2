import { describe, expect, it } from 'vitest';
import { drawSample, wilsonInterval } from './checks.js';

describe('wilsonInterval (95%)', () => {
  it('19 of 20: about 0.764 to 0.991', () => {
    const r = wilsonInterval(19, 20);
    expect(r.rate).toBe(0.95);
    expect(r.low).toBeCloseTo(0.7639, 3);
    expect(r.high).toBeCloseTo(0.9911, 3);
  });

  it('0 of 10: from 0 to about 0.278', () => {
    const r = wilsonInterval(0, 10);
    expect(r).toMatchObject({ rate: 0, low: 0 });
    expect(r.high).toBeCloseTo(0.2775, 3);
  });

  it('10 of 10: from about 0.722 to 1, never a certainty', () => {
    const r = wilsonInterval(10, 10);
    expect(r).toMatchObject({ rate: 1, high: 1 });
    expect(r.low).toBeCloseTo(0.7225, 3);
  });

  it('nothing answered gives no rate; impossible counts are refused', () => {
    expect(wilsonInterval(0, 0)).toEqual({ yes: 0, answered: 0, rate: null, low: null, high: null });
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
  });
});

describe('drawSample', () => {
  const population = Array.from({ length: 40 }, (_, i) => `h${String(i).padStart(2, '0')}`);

  it('draws without replacement from the population, the same for the same seed in any order', () => {
    const a = drawSample(population, 5, 'seed-1');
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    for (const id of a) expect(population).toContain(id);
    expect(drawSample([...population].reverse(), 5, 'seed-1')).toEqual(a);
    expect(drawSample(population, 5, 'seed-2')).not.toEqual(a);
  });

  it('takes everyone when the population is smaller than the sample', () => {
    expect(drawSample(['b', 'a', 'a'], 5, 'x').sort()).toEqual(['a', 'b']);
  });
});
