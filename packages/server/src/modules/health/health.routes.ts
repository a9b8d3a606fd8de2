/** /healthz: the process is up. /readyz: the database answers and every migration is applied. */
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { expectedMigrationCount } from '../../db/client.js';
import { rowsOf } from '../org/org.service.js';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  const expected = expectedMigrationCount();
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    try {
      const [row] = rowsOf<{ n: number }>(
        await req.ctx.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`),
      );
      const applied = Number(row?.n ?? 0);
      if (applied < expected) return reply.code(503).send({ status: 'migrating', applied, expected });
      return { status: 'ready', applied, expected };
    } catch {
      return reply.code(503).send({ status: 'database unavailable' });
    }
  });
};
