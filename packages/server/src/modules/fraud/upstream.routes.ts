/** /api/v1/upstream: the anti-fraud centre's API (API key, IP allow-list): post an instruction, pull feedback. (helper D) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const fraudUpstreamApiRoutes: FastifyPluginAsyncZod = async () => {};
