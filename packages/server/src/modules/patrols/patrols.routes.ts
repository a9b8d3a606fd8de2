/** /api/v1 巡逻防控: teams, 必到点, 必巡线 (set-up) and patrols with their check-ins and coverage (field work). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { patrolSetupRoutes } from './setup.routes.js';
import { patrolWorkRoutes } from './work.routes.js';

export const patrolRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(patrolSetupRoutes);
  await app.register(patrolWorkRoutes);
};
