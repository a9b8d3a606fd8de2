/**
 * 双率抽查: the two rates a cross-station check measures — 知晓率 (the household
 * knows its officer) and 熟悉率 (the officer knows the household) — each as
 * yes / answered with a 95% Wilson score interval, and the seeded draw that
 * picks the households, so a sample can be drawn again from its stored seed.
 */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/** A rate with its sample: `rate` and the interval are null when nothing was answered. */
export interface RateWithInterval {
  yes: number;
  answered: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/**
 * yes / answered with the Wilson score interval (Wilson 1927), which stays inside [0, 1] and is sound for
 * small samples and for rates near 100% — where a normal approximation would claim certainty at 20/20.
 */
export function wilsonInterval(yes: number, answered: number, z = Z_95): RateWithInterval {
  if (!Number.isInteger(yes) || !Number.isInteger(answered) || yes < 0 || answered < 0 || yes > answered)
    throw new RangeError(`wilsonInterval: ${yes}/${answered}`);
  if (answered === 0) return { yes, answered, rate: null, low: null, high: null };
  const p = yes / answered;
  const z2 = z * z;
  const denominator = 1 + z2 / answered;
  const centre = (p + z2 / (2 * answered)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / answered + z2 / (4 * answered * answered))) / denominator;
  return {
    yes,
    answered,
    rate: p,
    low: yes === 0 ? 0 : Math.max(0, centre - half),
    high: yes === answered ? 1 : Math.min(1, centre + half),
  };
}

/** A 32-bit seed from any text (FNV-1a), so a seed may be stored and typed as text. */
function seedBits(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, well-distributed PRNG; the same seed gives the same sequence everywhere. */
export function seededRandom(seed: string): () => number {
  let a = seedBits(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `size` items drawn without replacement (a partial Fisher–Yates shuffle), reproducible from `seed`.
 * The population is sorted first, so the draw depends on what is in it, not on the order a query returned.
 */
export function drawSample(population: readonly string[], size: number, seed: string): string[] {
  const pool = [...new Set(population)].sort();
  const random = seededRandom(seed);
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, n);
}
