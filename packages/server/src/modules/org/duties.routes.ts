/** /api/v1/units/:id/duties: who answers for a grid or village (警格+网格), read on the tree and at dispatch. */
import { IdParams, UnitDuties, UnitDutiesInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setUnitDuties, unitDutiesOf } from './duties.service.js';

export const dutiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['org'];
  app.get(
    '/units/:id/duties',
    { config: { capability: 'org.read' }, schema: { tags, params: IdParams, response: { 200: UnitDuties } } },
    (req) => unitDutiesOf(req.ctx, req.params.id),
  );
  app.put(
    '/units/:id/duties',
    {
      config: { capability: 'org.write' },
      schema: { tags, params: IdParams, body: UnitDutiesInput, response: { 200: UnitDuties } },
    },
    (req) => setUnitDuties(req.ctx, req.params.id, req.body),
  );
};
