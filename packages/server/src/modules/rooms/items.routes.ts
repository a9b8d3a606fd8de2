/** /api/v1 议事厅: items (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const roomItemsRoutes: FastifyPluginAsyncZod = async (_app) => {};
