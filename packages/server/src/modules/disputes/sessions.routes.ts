/** /api/v1 矛盾纠纷: the channel (分流化解) and mediation sessions; each answers with the whole case. */
import { ChannelInput, DisputeView, Id, IdParams, SessionPlanInput, SessionRecordInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewDispute } from './disputes.queries.js';
import { planSession, recordSession, setChannel } from './sessions.js';

const tags = ['disputes'];
const handle = { capability: 'dispute.handle' } as const;
const SessionParams = z.object({ id: Id, sessionId: Id }).strict();

export const sessionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/disputes/:id/channel',
    {
      config: handle,
      schema: {
        tags,
        summary: '分流化解',
        description:
          '按纠纷成因选定化解渠道（公安行政调解即治安调解、人民调解、专业调解、司法调解、联动调解），填写接收单位和承办人（本所办理矛盾纠纷的工作人员）。' +
          '选定治安调解且尚未调解过的，首次调解期限为受理后第 N 个工作日（本所纠纷设置，默认 3 个）当天结束；改为其他渠道则不计期限。',
        errors: ['CONFLICT'],
        params: IdParams,
        body: ChannelInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await setChannel(req.ctx, req.params.id, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/sessions',
    {
      config: handle,
      schema: {
        tags,
        summary: '安排调解',
        description:
          '安排一次调解会：时间（不早于受理）、地点、本所调解员和所外调解员。须先分流；同一时间只能有一次未登记结果的调解；' +
          '治安调解最多调解本所设置的次数（默认 2 次）。案件转为“调解中”。',
        errors: [
          'DISPUTE_NO_CHANNEL',
          'DISPUTE_SESSION_OPEN',
          'DISPUTE_SESSION_LIMIT',
          'DISPUTE_STEP_NOT_ALLOWED',
          'CONFLICT',
        ],
        params: IdParams,
        body: SessionPlanInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await planSession(req.ctx, req.params.id, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/sessions/:sessionId/record',
    {
      config: handle,
      schema: {
        tags,
        summary: '登记调解结果',
        description:
          '登记一次调解：举行时间、到场当事人（未满监护年龄的当事人须其监护人同时到场）、其他到场人员、内部记录（不对群众显示）和结果。' +
          '达成协议的，协议书另行登记；治安调解未达成且还可再调的，第二次调解期限为本次后第 N 个工作日；次数已满仍未达成的，登记调解未成并定下次调解日期（自动安排回访）。',
        errors: [
          'DISPUTE_SESSION_HELD',
          'DISPUTE_GUARDIAN_MISSING',
          'DISPUTE_CLOSED',
          'DISPUTE_STEP_NOT_ALLOWED',
          'CONFLICT',
        ],
        params: SessionParams,
        body: SessionRecordInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await recordSession(req.ctx, req.params.id, req.params.sessionId, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
};
