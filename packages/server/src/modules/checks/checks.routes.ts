/** /api/v1/checks: 双率抽查 — draw a sample, the inspector's answers, the rates. */
import {
  CheckAnswerInput,
  CheckItemParams,
  CheckItemView,
  CheckOfficers,
  CheckOfficersQuery,
  CheckRates,
  CheckRatesQuery,
  CheckSampleView,
  DrawCheckInput,
  IdParams,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkOfficers } from './checks.queries.js';
import { answerCheckItem, checkRates, drawCheck, findChecks, getCheck, getCheckItem } from './checks.service.js';

const tags = ['checks'];
// Drawing a sample lends the inspector a read of the sampled households: those who grant (所长, 县局督导) draw.
const draws = { capability: 'scope.grant' } as const;

export const checksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/checks/officers',
    {
      config: draws,
      schema: {
        tags,
        summary: '可抽查的民警',
        description:
          '抽样前选人：某派出所的民警及其责任区门牌户数（最近一级责任民警是其本人的户数，即抽样总体；没有责任区的社区民警记 0 户），以及同一县局可任检查人的社区民警，其他派出所的排在前面（交叉互评）。派出所须在本人辖区内。',
        errors: ['NOT_FOUND'],
        querystring: CheckOfficersQuery,
        response: { 200: CheckOfficers },
      },
    },
    (req) => checkOfficers(req.ctx, req.query),
  );
  app.post(
    '/checks/samples',
    {
      config: draws,
      schema: {
        tags,
        summary: '抽取双率样本',
        description:
          '所长或县局督导从某位民警的责任区（其任责任民警的警务区覆盖的网格、村，及村下没有其他警务区覆盖的网格）中不放回地随机抽取若干门牌户，随机种子随样本保存，同一种子可复现；检查人默认从其他派出所的社区民警中选出（交叉互评），并获得仅限这些门牌户的限时查看授权。',
        errors: ['GRANT_PERIOD', 'NOT_FOUND'],
        body: DrawCheckInput,
        response: { 200: CheckSampleView },
      },
    },
    (req) => drawCheck(req.ctx, req.body),
  );
  app.get(
    '/checks/samples',
    {
      schema: {
        tags,
        summary: '双率抽查列表',
        description: '本辖区的抽查样本（所长、县局督导），以及本账号作为检查人、授权仍有效的样本。',
        response: { 200: z.array(CheckSampleView) },
      },
    },
    (req) => findChecks(req.ctx),
  );
  app.get(
    '/checks/samples/:id',
    {
      schema: {
        tags,
        summary: '双率抽查样本',
        description: '一次抽查的样本户及其答复；检查人只在授权有效期内可见。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        response: { 200: CheckSampleView },
      },
    },
    (req) => getCheck(req.ctx, req.params.id),
  );
  app.get(
    '/checks/samples/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: '样本户',
        description: '样本中的一户：地址、门牌号、是否留有电话（不显示号码）及答复。',
        errors: ['NOT_FOUND'],
        params: CheckItemParams,
        response: { 200: CheckItemView },
      },
    },
    (req) => getCheckItem(req.ctx, req.params.id, req.params.itemId),
  );
  app.post(
    '/checks/samples/:id/items/:itemId/answer',
    {
      schema: {
        tags,
        summary: '记录双率答复',
        description:
          '检查人为一户记录两个是/否答复：群众是否知道自己的责任民警（知晓），民警是否熟悉该户（熟悉），以及方式（入户或电话，电话仅限留有号码的户）。每户只记录一次。',
        errors: ['NOT_FOUND', 'CONFLICT'],
        params: CheckItemParams,
        body: CheckAnswerInput,
        response: { 200: CheckItemView },
      },
    },
    (req) => answerCheckItem(req.ctx, req.params.id, req.params.itemId, req.body),
  );
  app.get(
    '/checks/rates',
    {
      config: draws,
      schema: {
        tags,
        summary: '知晓率与熟悉率',
        description:
          '按民警和派出所统计：知晓率、熟悉率 = 答“是”的户数 / 已答复户数，附样本量与 95% Wilson 置信区间；只统计本辖区的样本。',
        querystring: CheckRatesQuery,
        response: { 200: CheckRates },
      },
    },
    (req) => checkRates(req.ctx, req.query),
  );
};
