/** /api/v1 矛盾纠纷: transfers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const transfersRoutes: FastifyPluginAsyncZod = async (_app) => {};
