/** /api/v1/stations/:id/matter-settings: a station's 码上办 rules (deadlines and limits), set by its chief. */
import { IdParams, MatterSettings } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readMatterSettings, updateMatterSettings } from './settings.service.js';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
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
};
