/** /api/v1 矛盾纠纷: agreements. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const agreementsRoutes: FastifyPluginAsyncZod = async (_app) => {};
