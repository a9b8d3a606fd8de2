/** /api/v1/units/:id/duties: who serves a grid or village directly, and who answers for it through its beat. */
import { IdParams, UnitDuties, UnitDutiesInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { setUnitDuties, unitDutiesOf } from './duties.service.js';

export const dutiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['jurisdiction'];
  app.get(
    '/units/:id/duties',
    {
      config: { capability: 'org.read' },
      schema: {
        tags,
        summary: '网格责任',
        description:
          '直接服务网格或村的辅警、网格员，覆盖本节点的警务区，以及负责这里事项的责任民警：' +
          '本节点所在警务区的责任民警，本节点不在任何警务区时继承上级（如村）的，并注明来自哪个警务区和节点。' +
          '派单建议与门牌页用的是同一规则。',
        params: IdParams,
        response: { 200: UnitDuties },
      },
    },
    (req) => unitDutiesOf(req.ctx, req.params.id),
  );
  app.put(
    '/units/:id/duties',
    {
      config: { capability: 'org.write' },
      schema: {
        tags,
        summary: '设置网格责任',
        description:
          '所长或管理员为网格或村指定直接服务的辅警和网格员（责任民警在警务区中指定）；人员须是本所在岗人员且角色相符。',
        params: IdParams,
        body: UnitDutiesInput,
        response: { 200: UnitDuties },
      },
    },
    (req) => setUnitDuties(req.ctx, req.params.id, req.body),
  );
};
