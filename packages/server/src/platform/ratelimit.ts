/**
 * Fixed-window rate limits stored in PostgreSQL, so they hold across server
 * processes and restarts (the in-memory store of @fastify/rate-limit does not).
 * Every limit of a request is counted in one statement; a write that must not
 * happen past a limit (a submission) carries the count in its own statement.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { rowsOf } from '../db/rows.js';
import { AppError } from './errors.js';

export interface Limit {
  /** What is counted, e.g. `submit:doorplate:<id>`. */
  key: string;
  max: number;
  windowSeconds: number;
  /** Counted against staff work (a desk's recordings): answered TOO_FREQUENT, without the residents' 110 line. */
  staff?: true;
}

const windowOf = (limit: Limit, now: Date) => {
  const ms = limit.windowSeconds * 1000;
  return { start: new Date(Math.floor(now.getTime() / ms) * ms), ms };
};

/**
 * CTEs that count one attempt against each limit: `rl` (the counters after
 * this attempt) and `over` (the keys past their limit). A statement gates its
 * writes on `NOT EXISTS (SELECT 1 FROM over)`; the attempt is counted either way.
 */
export function limitCtes(limits: Limit[], now: Date): SQL[] {
  const rows = limits.map((l) => sql`(${l.key}, ${windowOf(l, now).start}::timestamptz, 1)`);
  const maxima = limits.map((l) => sql`(${l.key}, ${l.max}::bigint)`);
  return [
    sql`rl AS (INSERT INTO rate_limits (key, window_start, count) VALUES ${sql.join(rows, sql`, `)}
      ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING key, count)`,
    sql`over AS (SELECT rl.key FROM rl JOIN (VALUES ${sql.join(maxima, sql`, `)}) AS l(key, max) ON l.key = rl.key
      WHERE rl.count > l.max)`,
  ];
}

/** The keys past their limit, as a column of the statement's answer. */
export const overColumn = sql`(SELECT coalesce(array_agg(key), '{}') FROM over) AS "overLimit"`;

/** RATE_LIMITED, or TOO_FREQUENT for staff limits (with Retry-After until the first exceeded window ends), when any key is over. */
export function assertWithinLimits(limits: Limit[], overLimit: readonly string[], now: Date) {
  const hit = limits.filter((l) => overLimit.includes(l.key));
  if (hit.length === 0) return;
  const retryAfter = Math.max(
    ...hit.map((l) => {
      const w = windowOf(l, now);
      return Math.ceil((w.start.getTime() + w.ms - now.getTime()) / 1000);
    }),
  );
  const code = hit.some((l) => l.staff) ? 'TOO_FREQUENT' : 'RATE_LIMITED';
  throw new AppError(code, { retryAfter }, { retryAfterSeconds: retryAfter });
}

/** Counts one attempt against each limit, in one statement; throws RATE_LIMITED when any is exceeded. */
export async function consume(db: Queryable, now: Date, limits: Limit[]) {
  if (limits.length === 0) return;
  const [row] = rowsOf<{ overLimit: string[] }>(
    await db.execute(sql`WITH ${sql.join(limitCtes(limits, now), sql`, `)} SELECT ${overColumn}`),
  );
  assertWithinLimits(limits, row?.overLimit ?? [], now);
}

/**
 * Counts one attempt against `limit` and says whether it was within it, instead of throwing: for work
 * that goes on without the limited part (a matter is recorded, only its SMS is skipped).
 */
export async function withinLimit(db: Queryable, now: Date, limit: Limit): Promise<boolean> {
  try {
    await consume(db, now, [limit]);
    return true;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'RATE_LIMITED' || err.code === 'TOO_FREQUENT')) return false;
    throw err;
  }
}
