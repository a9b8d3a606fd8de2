/**
 * 不满意不放过: the chief's queue of unsatisfied evaluations of every type,
 * the callback (回访) assignment and its outcome.
 */
import {
  AssignCallbackInput,
  CallbackOutcomeInput,
  IdParams,
  ReviewList,
  ReviewListQuery,
  ReviewView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { assignCallback, listMyReviews, listReviews, recordCallbackOutcome } from './reviews.service.js';

const tags = ['evaluations'];
const config = { capability: 'matter.review' } as const;

export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/evaluation-reviews',
    {
      config,
      schema: {
        tags,
        summary: '不满意待复核',
        description:
          '所长查看本所各类评价（接处警/码上办、接待来访、召开会议、走访入户、意见反馈）中的不满意评价：' +
          '群众的回答、回访期限（按本所“复核回访时限”）、是否超期、回访人和回访结果。可按状态筛选。',
        params: IdParams,
        querystring: ReviewListQuery,
        response: { 200: ReviewList },
      },
    },
    (req) => listReviews(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/evaluation-reviews/:id/callback',
    {
      config,
      schema: {
        tags,
        summary: '指定回访人',
        description:
          '所长指定一名本所在岗工作人员回访不满意的群众；被评价的本人（事项的承办民警）不能回访。' +
          '回访结果登记前可以改派。',
        errors: ['REVIEW_CALLBACK_BY_RATED', 'REVIEW_CLOSED', 'CONFLICT'],
        params: IdParams,
        body: AssignCallbackInput,
        response: { 200: ReviewView },
      },
    },
    (req) => assignCallback(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/evaluation-reviews/mine',
    {
      config: { capability: 'matter.handle' },
      schema: {
        tags,
        summary: '我的回访',
        description:
          '所长指定由我回访的不满意评价：群众的回答、回访期限、是否超期；未完成的在前（期限近的在前），' +
          '已回访的按时间倒序。',
        response: { 200: ReviewList },
      },
    },
    (req) => listMyReviews(req.ctx),
  );
  app.post(
    '/evaluation-reviews/:id/outcome',
    {
      config: { capability: 'matter.handle' },
      schema: {
        tags,
        summary: '登记回访结果',
        description:
          '所长或被指定的回访人（只能登记指定给自己的回访）登记回访结果并结束复核：经解释群众认可；' +
          '群众仍不满意（须写明原因）；或责令整改' +
          '（按工作日历计算整改期限，默认 15 个工作日）。事项的群众会在进展中看到“所长已复核并回访”。',
        errors: ['REVIEW_NO_CALLBACK', 'REVIEW_CLOSED', 'CONFLICT'],
        params: IdParams,
        body: CallbackOutcomeInput,
        response: { 200: ReviewView },
      },
    },
    (req) => recordCallbackOutcome(req.ctx, req.params.id, req.body),
  );
};
