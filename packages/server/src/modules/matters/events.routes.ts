/**
 * Server-Sent Events: the desk's live inbox and the resident's live matter
 * page. Each event carries its outbox id, so the browser's automatic
 * reconnect (Last-Event-ID) resumes where it left off.
 */
import { TrackingParams } from '@jingmin/shared';
import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { matters, units } from '../../db/schema/index.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { EventHub } from '../../platform/events.js';
import { escapeLike } from '../../platform/session.js';
import { isDepartmentOnly } from './matters.policy.js';

declare module 'fastify' {
  interface FastifyInstance {
    hub: EventHub;
  }
}

const StreamQuery = z.object({ lastEventId: z.coerce.number().int().min(0).optional() }).strict();

function lastEventId(req: FastifyRequest, query: { lastEventId?: number }): number | null {
  const header = Number(req.headers['last-event-id']);
  if (Number.isInteger(header) && header >= 0) return header;
  return query.lastEventId ?? null;
}

async function stream(req: FastifyRequest, reply: FastifyReply, topics: string[], afterId: number | null) {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 3000\n\n');
  const unsubscribe = await req.server.hub.subscribe(topics, afterId, (e) => {
    raw.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.payload)}\n\n`);
  });
  const ping = setInterval(() => raw.write(': ping\n\n'), 25_000);
  req.raw.on('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/events',
    { config: { capability: 'matter.read' }, schema: { tags: ['matters'], querystring: StreamQuery } },
    async (req, reply) => {
      const actor = req.ctx.actor!;
      if (isDepartmentOnly(actor)) {
        if (!actor.departmentId) throw new AppError('FORBIDDEN');
        return stream(req, reply, [`department:${actor.departmentId}`], lastEventId(req, req.query));
      }
      // Stations inside the scope, or the station above a scope that lies below one.
      const pathIds = actor.scopePath.split('/').filter(Boolean);
      const stations = await req.ctx.db
        .select({ id: units.id })
        .from(units)
        .where(
          and(
            eq(units.kind, 'station'),
            or(like(units.path, `${escapeLike(actor.scopePath)}%`), inArray(units.id, pathIds)),
          ),
        );
      return stream(
        req,
        reply,
        stations.map((s) => `station:${s.id}`),
        lastEventId(req, req.query),
      );
    },
  );

  app.get(
    '/public/matters/:tracking/events',
    { config: { public: true }, schema: { tags: ['resident'], params: TrackingParams, querystring: StreamQuery } },
    async (req, reply) => {
      const [matter] = await req.ctx.db
        .select({ id: matters.id })
        .from(matters)
        .where(eq(matters.trackingHash, sm3(req.params.tracking)));
      if (!matter) throw new AppError('NOT_FOUND', { what: req.ctx.locale === 'en' ? 'Matter' : '该事项' });
      return stream(req, reply, [`matter:${matter.id}`], lastEventId(req, req.query));
    },
  );
};
