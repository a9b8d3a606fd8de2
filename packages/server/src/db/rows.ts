import { and, or, type SQL } from 'drizzle-orm';

/** The rows of a raw `execute()`: node-postgres answers `{ rows }`, PGlite through Drizzle the same shape or an array. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/**
 * The one row a statement must have produced, such as an `insert … returning()`. Its absence is a bug in
 * our code or the database, not the caller's mistake, so it is a plain Error (answered INTERNAL).
 */
export function firstOrThrow<T>(rows: readonly T[], what = 'row'): T {
  const [first] = rows;
  if (first === undefined) throw new Error(`no ${what} returned`);
  return first;
}

/**
 * Whether `err` is a unique violation (23505), of `constraint` when given. node-postgres puts the code on
 * the error, Drizzle and PGlite on its cause; PGlite names the constraint only in the message.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (let e = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: named, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505') return !constraint || named === constraint || String(message).includes(constraint);
  }
  return false;
}

/**
 * AND of at least one condition (drizzle's `and()` also takes none, hence its `undefined`); an undefined
 * one among the rest (a rule that does not apply to this caller) is left out.
 */
export const allOf = (first: SQL, ...rest: (SQL | undefined)[]): SQL => and(first, ...rest) ?? first;

/** OR of at least one condition. */
export const anyOf = (first: SQL, ...rest: SQL[]): SQL => or(first, ...rest) ?? first;
