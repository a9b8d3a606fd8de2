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

/** Counts one attempt against each limit; throws RATE_LIMITED (with Retry-After) when any is exceeded. */
export async function consume(db: Queryable, now: Date, limits: Limit[]) {
  for (const limit of limits) {
    const windowMs = limit.windowSeconds * 1000;
    const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    const [row] = await db
      .insert(rateLimits)
      .values({ key: limit.key, windowStart: start, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.key, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      })
      .returning({ count: rateLimits.count });
    if ((row?.count ?? 0) > limit.max) {
      const retryAfter = Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000);
      throw new AppError('RATE_LIMITED', { retryAfter }, { retryAfterSeconds: retryAfter });
    }
  }
}
