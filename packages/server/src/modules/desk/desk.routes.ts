/** /api/v1: a station's 码上办 rules and the duties of its grids (警格+网格). */
import { IdParams, MatterSettings, UnitDuties, UnitDutiesInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setUnitDuties, unitDutiesOf } from './duties.service.js';
import { readMatterSettings, updateMatterSettings } from './settings.service.js';

export const deskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['desk'];
  // Deadlines and limits are for whoever runs the desk (the chief holds matter.desk too), not for every handler.
  app.get(
    '/stations/:id/matter-settings',
    { config: { capability: 'matter.desk' }, schema: { tags, params: IdParams, response: { 200: MatterSettings } } },
    (req) => readMatterSettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/matter-settings',
    {
      config: { capability: 'matter.settings' },
      schema: { tags, params: IdParams, body: MatterSettings, response: { 200: MatterSettings } },
    },
    (req) => updateMatterSettings(req.ctx, req.params.id, req.body),
  );
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
