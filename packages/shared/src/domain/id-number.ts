/**
 * 公民身份号码 (GB 11643-1999): 6 address code + 8 birth date + 3 sequence + 1 check (ISO 7064 MOD 11-2).
 * Also the 港澳台居民居住证 (address codes 81/82/83) and the 2023 外国人永久居留身份证 (first digit 9), which
 * share the check. The province prefix is checked strictly; the rest of the address code may be a retired one.
 * Old 15-digit numbers are converted by inserting "19" and adding the check.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

/** Province-level codes in use (and 81–83 for 港澳台 residence permits, 9x for permanent residence of foreigners). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The MOD 11-2 check character of the first 17 characters. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK[sum % 11] as string;
}

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'check';

/** Why an 18-character number is not a valid one, or null when it is (X in either case). */
export function idNumberProblem(raw: string, today = new Date()): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const foreigner = id.startsWith('9');
  if (!foreigner && !PROVINCES.has(id.slice(0, 2))) return 'region';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const born = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || born.getUTCMonth() !== m - 1 || born.getUTCDate() !== d || born.getTime() > today.getTime())
    return 'birth_date';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'check';
  return null;
}

/** A 15-digit number of the first generation as its 18-digit form; null when it is not one. */
export function upgradeIdNumber(old: string): string | null {
  if (!/^\d{15}$/.test(old)) return null;
  const first17 = `${old.slice(0, 6)}19${old.slice(6)}`;
  return first17 + idCheckChar(first17);
}

/** Shown in lists: the first four and the last four, e.g. 1101**********002X. */
export const maskIdNumber = (id: string) => `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;

/** The birth date an 18-digit number carries, as YYYY-MM-DD (for the under-16 guardian rule). */
export const birthDateOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
