/**
 * 待确认评价: the chief's list of answers the flood rule held out of the figures,
 * and the acceptance that lets one count. There is no route that edits an
 * answer: an answer is only ever followed by a review or an acceptance.
 */
import { FlaggedAnswerList, FlaggedAnswerView, IdParams } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptFlagged, listFlagged } from './flagged.service.js';

const tags = ['evaluations'];
const config = { capability: 'matter.review' } as const;

export const flaggedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/evaluation-answers/flagged',
    {
      config,
      schema: {
        tags,
        summary: '待确认评价',
        description:
          '所长查看本所被标记的评价：同一设备（浏览器自带的随机标识，或同一地址加同一浏览器）在本所“评价设置”的' +
          '时间窗内提交达到上限后的评价。列出评价类型、时间、评价对象、是否满意、同一设备在时间窗内的提交次数；' +
          '不显示设备标识，也不显示群众填写的文字。待确认的在前。标记的评价确认前不计入统计。',
        params: IdParams,
        response: { 200: FlaggedAnswerList },
      },
    },
    (req) => listFlagged(req.ctx, req.params.id),
  );
  app.post(
    '/evaluation-answers/:id/accept',
    {
      config,
      schema: {
        tags,
        summary: '确认计入',
        description:
          '所长确认一条被标记的评价属实，计入统计；记录确认人和时间并留审计。评价内容本身不会被修改；' +
          '已确认的不能重复确认，未被标记的无需确认。',
        errors: ['ANSWER_ACCEPTED', 'ANSWER_NOT_FLAGGED'],
        params: IdParams,
        response: { 200: FlaggedAnswerView },
      },
    },
    (req) => acceptFlagged(req.ctx, req.params.id),
  );
};
