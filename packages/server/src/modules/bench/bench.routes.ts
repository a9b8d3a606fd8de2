/**
 * `npm run bench` only (JINGMIN_BENCH_ROUTES=1): the baseline the intake is
 * measured against — the same server, the same JSON parsing, one bare INSERT
 * into a table of its own — and a bare echo that touches no database (the
 * receipts' baseline). Never registered otherwise.
 */
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/context.js';

export function benchRoutes(deps: AppDeps): FastifyPluginAsync {
  const { db } = deps.database;
  return async (app) => {
    await db.execute(
      sql`CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL)`,
    );
    app.post('/bench/insert', { config: { public: true }, schema: { hide: true } }, async (req) => {
      await db.execute(sql`INSERT INTO bench_baseline (body, at) VALUES (${JSON.stringify(req.body)}, now())`);
      return { ok: true };
    });
    // The receipts' baseline (npm run bench -- warnings): the same JSON parsing, no database at all.
    app.post('/bench/echo', { config: { public: true }, schema: { hide: true } }, async () => ({ counted: true }));
  };
}
