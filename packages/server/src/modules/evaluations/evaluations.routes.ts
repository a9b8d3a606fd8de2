/**
 * 五必评: the resident's single-use evaluation link (public, never a staff
 * session) and each station's templates (/stations/:id/evaluation-templates).
 */
import {
  EvaluationAnswered,
  EvaluationAnswerInput,
  EvaluationTemplateInput,
  EvaluationTemplateView,
  EvaluationTokenParams,
  EvaluationTypeParams,
  PublicEvaluationView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { cookieName } from '../../platform/session.js';
import { answerEvaluation, openEvaluation } from './evaluations.service.js';
import { answeringDevice } from './flood.js';
import { readTemplate, saveTemplate } from './templates.service.js';

const tags = ['evaluations'];

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/evaluations/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '打开评价',
        description:
          '群众凭评价链接（或二维码）打开一次评价：派出所名称、截止时间和要回答的题目（含题目版本）。' +
          '链接不存在、已过期或已评价过，分别以通俗的话说明。',
        errors: ['EVALUATION_ANSWERED', 'EVALUATION_EXPIRED'],
        params: EvaluationTokenParams,
        response: { 200: PublicEvaluationView },
      },
    },
    (req) => openEvaluation(req.ctx, req.params.token),
  );
  app.post(
    '/public/evaluations/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '提交评价',
        description:
          '群众提交评价，只能提交一次；按打开时看到的题目版本逐题校验，有误时指出是第几题。' +
          '工作人员登录状态下不能提交（不能代群众评价）。审计只记录哪次评价和题目版本，不记录回答内容。' +
          '同一设备（浏览器自带的随机标识 x-device-key，或同一地址加同一浏览器）短时间内提交过多的，' +
          '照常保存并计为已评价，但标记待所长确认，确认前不计入统计。',
        errors: ['EVALUATION_ANSWERED', 'EVALUATION_EXPIRED', 'EVALUATION_BY_STAFF'],
        params: EvaluationTokenParams,
        body: EvaluationAnswerInput,
        response: { 200: EvaluationAnswered },
      },
    },
    (req) =>
      answerEvaluation(req.ctx, req.params.token, req.body, {
        ...answeringDevice(req.ctx, req.headers),
        staffCookie: Boolean(req.cookies[cookieName(req.ctx.deps)]),
      }),
  );
  app.get(
    '/stations/:id/evaluation-templates/:type',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '查看评价题目',
        description:
          '派出所某一类评价（接处警/码上办、接待来访、召开会议、走访入户、意见反馈）当前使用的题目；' +
          '未自行设置时为预置的三级满意度题目（版本 0）。',
        params: EvaluationTypeParams,
        response: { 200: EvaluationTemplateView },
      },
    },
    (req) => readTemplate(req.ctx, req.params.id, req.params.type),
  );
  app.put(
    '/stations/:id/evaluation-templates/:type',
    {
      config: { capability: 'matter.settings' },
      schema: {
        tags,
        summary: '修改评价题目',
        description:
          '所长为本所某一类评价保存新一版题目（满意度、星级、是否、单选、多选、文字，可设必答与跳题）；' +
          '已提交的评价仍按当时的版本保存。可选用全国政务服务“好差评”五级满意度。',
        errors: ['CONFLICT'],
        params: EvaluationTypeParams,
        body: EvaluationTemplateInput,
        response: { 200: EvaluationTemplateView },
      },
    },
    (req) => saveTemplate(req.ctx, req.params.id, req.params.type, req.body),
  );
};
