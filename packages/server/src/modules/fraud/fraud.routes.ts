/** /api/v1 反诈预警 (staff): instructions, desk entry, assign, verify, figures, settings, upstream systems. (helper D) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const fraudRoutes: FastifyPluginAsyncZod = async () => {};
