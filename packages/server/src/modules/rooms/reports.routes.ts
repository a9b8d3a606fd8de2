/** /api/v1 议事厅: reports (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const roomReportsRoutes: FastifyPluginAsyncZod = async (_app) => {};
