/** /api/v1 矛盾纠纷: sessions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const sessionsRoutes: FastifyPluginAsyncZod = async (_app) => {};
