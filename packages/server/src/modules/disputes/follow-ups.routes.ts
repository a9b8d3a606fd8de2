/** /api/v1 矛盾纠纷: follow-ups. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const followUpsRoutes: FastifyPluginAsyncZod = async (_app) => {};
