/** /api/v1 隐患台账: the hazard register (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const hazardRoutes: FastifyPluginAsyncZod = async () => {};
