/**
 * Fixed-window rate limits stored in PostgreSQL, so they hold across server
 * processes and restarts (the in-memory store of @fastify/rate-limit does not).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { rateLimits } from '../db/schema/index.js';
import { AppError } from './errors.js';

export interface Limit {
  /** What is counted, e.g. `submit:doorplate:<id>`. */
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Counts one attempt against each limit, all in one statement (one round
 * trip, one short row lock each); throws RATE_LIMITED (with Retry-After) when
 * any is exceeded.
 */
export async function consume(db: Queryable, now: Date, limits: Limit[]) {
  if (limits.length === 0) return;
  const windows = limits.map((limit) => {
    const windowMs = limit.windowSeconds * 1000;
    return { limit, start: new Date(Math.floor(now.getTime() / windowMs) * windowMs), windowMs };
  });
  const rows = await db
    .insert(rateLimits)
    .values(windows.map((w) => ({ key: w.limit.key, windowStart: w.start, count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ key: rateLimits.key, count: rateLimits.count });
  for (const w of windows) {
    const count = rows.find((r) => r.key === w.limit.key)?.count ?? 0;
    if (count > w.limit.max) {
      const retryAfter = Math.ceil((w.start.getTime() + w.windowMs - now.getTime()) / 1000);
      throw new AppError('RATE_LIMITED', { retryAfter }, { retryAfterSeconds: retryAfter });
    }
  }
}
