/** /api/v1 走访入户: log a household visit (its evaluation opens with it) and list a station's visits. */
import { IdParams, paged, VisitInput, VisitLogged, VisitQuery, VisitView } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listVisits, logVisit } from './visits.service.js';

const tags = ['evaluations'];

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/visits',
    {
      config: { capability: 'matter.handle' },
      schema: {
        tags,
        summary: '登记走访入户',
        description:
          '民警、干部或网格员登记一次入户走访（三线合一：公安警力线、干部职工线、社区网格线），走访时间不能晚于现在。' +
          '同时生成这次走访的评价（走访入户必评，被评价人是走访人），回答中的评价链接可在手机上出示二维码请住户当场评价；' +
          '住户也可在门牌页“待评价”中找到它。门牌户须在本人辖区内。',
        errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'],
        body: VisitInput,
        response: { 200: VisitLogged },
      },
    },
    (req) => logVisit(req.ctx, req.body),
  );
  app.get(
    '/stations/:id/visits',
    {
      config: { capability: 'matter.handle' },
      schema: {
        tags,
        summary: '走访入户列表',
        description: '本所的入户走访记录（本人辖区内），按走访时间新的在前，分页；每条注明住户是否已评价。',
        errors: ['NOT_FOUND', 'FORBIDDEN'],
        params: IdParams,
        querystring: VisitQuery,
        response: { 200: paged(VisitView) },
      },
    },
    (req) => listVisits(req.ctx, req.params.id, req.query),
  );
};
