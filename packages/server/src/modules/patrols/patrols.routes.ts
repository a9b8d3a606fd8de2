/** /api/v1 巡逻防控: teams, points, routes, sessions and check-ins (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const patrolRoutes: FastifyPluginAsyncZod = async () => {};
