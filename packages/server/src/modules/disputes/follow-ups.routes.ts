/** /api/v1 矛盾纠纷: 跟踪回访 planned and recorded (with each party's satisfaction), 调解未成, and the 三个不放 close. */
import {
  CloseInput,
  DisputeView,
  FailInput,
  FollowUpPlanInput,
  FollowUpRecorded,
  FollowUpRecordInput,
  IdParams,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeCase } from './close.js';
import { viewDispute } from './disputes.queries.js';
import { planFollowUp, recordFailure, recordFollowUp } from './follow-ups.js';

const tags = ['disputes'];
const handle = { capability: 'dispute.handle' } as const;

export const followUpsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/disputes/:id/follow-ups',
    {
      config: handle,
      schema: {
        tags,
        summary: '安排回访',
        description:
          '为案件安排一次跟踪回访（协议履行回访或再次调解前回访）：回访日期不能早于今天（北京时间），责任人须为本所在岗人员，不填为案件承办人。' +
          '到期当天提醒责任人，逾期未登记的提醒所长一次。已结案的案件不能再安排。',
        errors: ['DISPUTE_CLOSED', 'CONFLICT'],
        params: IdParams,
        body: FollowUpPlanInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await planFollowUp(req.ctx, req.params.id, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
  app.post(
    '/dispute-follow-ups/:id/record',
    {
      config: handle,
      schema: {
        tags,
        summary: '登记回访',
        description:
          '登记回访结果：协议是否履行、隐患是否消除、情况说明，以及各当事人（监护人除外）的满意度——当面询问的直接登记满意或不满意；' +
          '选“发送评价链接”的，为该当事人生成一次性评价链接（返回一次，民警在手机上出示二维码），当事人留有手机号的，验证手机号后也可在“我的事项”中找到并评价。' +
          '评价提交后满意度自动填入。每次回访只能登记一次。',
        errors: ['DISPUTE_CLOSED', 'DISPUTE_FOLLOW_UP_DONE', 'CONFLICT'],
        params: IdParams,
        body: FollowUpRecordInput,
        response: { 200: FollowUpRecorded },
      },
    },
    (req) => recordFollowUp(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/disputes/:id/fail',
    {
      config: handle,
      schema: {
        tags,
        summary: '登记调解未成',
        description:
          '调解未成（分案处理）：登记原因和再次调解的日期（不能早于今天），案件转为“调解未成”，并按该日期安排一次再次调解前回访。再次调解时重新安排调解会。',
        errors: ['DISPUTE_STEP_NOT_ALLOWED', 'CONFLICT'],
        params: IdParams,
        body: FailInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await recordFailure(req.ctx, req.params.id, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/close',
    {
      config: handle,
      schema: {
        tags,
        summary: '结案（三个不放）',
        description:
          '三个不放：矛盾已化解（最近一份调解协议的履行事项全部履行，或最近一次移交已办结且已化解）、隐患已消除（最近一次回访登记）、' +
          '当事人均满意（监护人除外，各当事人最近一次满意度）三项都满足才能结案，否则拒绝并列出缺少的条件。' +
          '所长可填写不少于 10 个字的理由特批结案（记入审计，并列出当时缺少的条件）；其他人员填写理由也不能结案。',
        errors: ['DISPUTE_CLOSE_REFUSED', 'DISPUTE_STEP_NOT_ALLOWED', 'CONFLICT'],
        params: IdParams,
        body: CloseInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await closeCase(req.ctx, req.params.id, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
};
