/** /api/v1/stations/:id/beats and /api/v1/beats/:id: a station's police beats (警务区/警格). */
import { IdParams, Ok, PoliceBeat, PoliceBeatInput, PoliceBeatList, PoliceBeatUpdate } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createBeat, deleteBeat, getBeat, listBeats, updateBeat } from './beats.service.js';

export const beatsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['jurisdiction'];
  app.get(
    '/stations/:id/beats',
    {
      config: { capability: 'org.read' },
      schema: {
        tags,
        summary: '警务区列表',
        description:
          '派出所的警务区（警格）：名称、编号、警务室、责任民警和辅警，覆盖的网格和村（社区）及其户数；' +
          '以及尚无警务区覆盖的网格和村。网格所在警务区的责任民警就是派单建议和门牌页上的责任民警。',
        params: IdParams,
        response: { 200: PoliceBeatList },
      },
    },
    (req) => listBeats(req.ctx, req.params.id),
  );
  app.post(
    '/stations/:id/beats',
    {
      config: { capability: 'org.write' },
      schema: {
        tags,
        summary: '新建警务区',
        description:
          '所长或管理员新建警务区，指定覆盖的网格和村（一警多格）、责任民警、辅警和警务室。名称和编号在本所内不能重复（409）。',
        params: IdParams,
        body: PoliceBeatInput,
        response: { 200: PoliceBeat },
      },
    },
    (req) => createBeat(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/beats/:id',
    {
      config: { capability: 'org.read' },
      schema: { tags, summary: '警务区', params: IdParams, response: { 200: PoliceBeat } },
    },
    (req) => getBeat(req.ctx, req.params.id),
  );
  app.put(
    '/beats/:id',
    {
      config: { capability: 'org.write' },
      schema: {
        tags,
        summary: '修改警务区',
        description: '整体替换警务区的名称、人员和覆盖范围；带上读到的 version，他人已修改时回答 409。',
        params: IdParams,
        body: PoliceBeatUpdate,
        response: { 200: PoliceBeat },
      },
    },
    (req) => updateBeat(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/beats/:id',
    {
      config: { capability: 'org.write' },
      schema: {
        tags,
        summary: '撤销警务区',
        description: '撤销后，其网格和村由仍覆盖它们的警务区负责（没有则暂无责任民警）；撤销记入审计。',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteBeat(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
};
