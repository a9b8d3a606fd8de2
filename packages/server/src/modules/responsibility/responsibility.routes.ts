/** /api/v1 三级网格责任体系 and 十户联防 (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const responsibilityRoutes: FastifyPluginAsyncZod = async () => {};
