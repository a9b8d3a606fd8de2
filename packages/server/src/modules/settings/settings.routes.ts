/** /api/v1/stations/:id/matter-settings: a station's 码上办 rules (deadlines and limits), set by its chief. */
import { IdParams, MatterSettings } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readMatterSettings, updateMatterSettings } from './settings.service.js';

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['desk'];
  // Deadlines and limits are for whoever runs the desk (the chief holds matter.desk too), not for every handler.
  app.get(
    '/stations/:id/matter-settings',
    {
      config: { capability: 'matter.desk' },
      schema: {
        tags,
        summary: '查看码上办设置',
        description: '派出所的办理时限（按类型与紧急程度）、提交限制、对群众的承诺，以及社区民警是否值守值班台。',
        params: IdParams,
        response: { 200: MatterSettings },
      },
    },
    (req) => readMatterSettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/matter-settings',
    {
      config: { capability: 'matter.settings' },
      schema: {
        tags,
        summary: '修改码上办设置',
        description: '所长修改本所的码上办设置；修改前后的值记入审计，新提交的事项按新时限计算。',
        params: IdParams,
        body: MatterSettings,
        response: { 200: MatterSettings },
      },
    },
    (req) => updateMatterSettings(req.ctx, req.params.id, req.body),
  );
};
