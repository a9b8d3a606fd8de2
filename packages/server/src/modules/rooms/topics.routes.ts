/** /api/v1 议事厅: topics (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const roomTopicsRoutes: FastifyPluginAsyncZod = async (_app) => {};
