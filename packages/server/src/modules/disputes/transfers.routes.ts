/** /api/v1 矛盾纠纷: transfers to a partner department or committee, and the department's answers. */
import {
  DisputeListItem,
  DisputeView,
  IdParams,
  TransferAnswerInput,
  TransferInput,
  TransferProgressInput,
  TransferResultInput,
  TransferView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewDispute } from './disputes.queries.js';
import { answerTransfer, reportProgress, reportResult, transferCase, transfersToMyDepartment } from './transfers.js';

const tags = ['disputes'];
const handle = { capability: 'dispute.handle' } as const;
const TransferredCases = z.array(z.object({ transfer: TransferView, dispute: DisputeListItem }));

export const transfersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/disputes/:id/transfers',
    {
      config: handle,
      schema: {
        tags,
        summary: '移交联动部门',
        description:
          '把案件移交给本所辖区内的联动部门或调委会（司法所、村委会、医调委等），写明移交说明；该部门的联络员收到通知（只含案件编号）。同一时间只能有一个待接收或已接收的移交。部门联络员不能移交。',
        errors: ['DISPUTE_TRANSFER_OPEN', 'DISPUTE_STEP_NOT_ALLOWED', 'CONFLICT'],
        params: IdParams,
        body: TransferInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await transferCase(req.ctx, req.params.id, req.body);
      return viewDispute(req.ctx, req.params.id);
    },
  );
  app.get(
    '/dispute-transfers/mine',
    {
      config: { capability: 'dispute.read' },
      schema: {
        tags,
        summary: '移交本部门的案件',
        description:
          '部门联络员看到移交给本部门、未退回的案件：待接收的在前，其次是已接收的，再按移交时间从新到旧；每条附案件的列表信息。不属于任何部门的账号得到空列表。',
        response: { 200: TransferredCases },
      },
    },
    (req) => transfersToMyDepartment(req.ctx),
  );
  app.post(
    '/dispute-transfers/:id/answer',
    {
      config: handle,
      schema: {
        tags,
        summary: '接收或退回移交',
        description:
          '接收移交的部门联络员答复：接收，或写明原因退回（案件回到派出所，状态为“调解中”）。只有该部门的联络员可以答复；派出所民警看得到移交但不能代答。',
        errors: ['DISPUTE_TRANSFER_ANSWERED', 'DISPUTE_STEP_NOT_ALLOWED', 'CONFLICT'],
        params: IdParams,
        body: TransferAnswerInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => viewDispute(req.ctx, await answerTransfer(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/dispute-transfers/:id/progress',
    {
      config: handle,
      schema: {
        tags,
        summary: '登记移交进展',
        description: '部门联络员在接收之后登记一条办理进展，案件页的移交记录中按时间显示。',
        errors: ['DISPUTE_TRANSFER_NOT_ACCEPTED', 'DISPUTE_TRANSFER_ANSWERED', 'CONFLICT'],
        params: IdParams,
        body: TransferProgressInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => viewDispute(req.ctx, await reportProgress(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/dispute-transfers/:id/result',
    {
      config: handle,
      schema: {
        tags,
        summary: '移交办结',
        description:
          '部门联络员登记办理结果：已化解的，案件进入“跟踪回访”，按本所纠纷设置的回访天数安排协议履行回访（由承办人负责，未指定承办人时由移交人负责）；未化解的，案件记为“调解未成”，按本所设置的天数安排再次调解前回访。',
        errors: ['DISPUTE_TRANSFER_NOT_ACCEPTED', 'DISPUTE_TRANSFER_ANSWERED', 'DISPUTE_STEP_NOT_ALLOWED', 'CONFLICT'],
        params: IdParams,
        body: TransferResultInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => viewDispute(req.ctx, await reportResult(req.ctx, req.params.id, req.body)),
  );
};
