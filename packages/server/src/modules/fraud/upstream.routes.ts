/** /api/v1/upstream: the anti-fraud centre's API (API key, IP allow-list): post an instruction, pull feedback. */
import { FeedbackPullPage, FeedbackPullQuery, FraudInstructionInput, UpstreamInstructionAnswer } from '@jingmin/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pullFeedback } from './feedback.js';
import { answerOf, receiveInstruction } from './instructions.service.js';
import { authenticateUpstream, type Upstream } from './upstream-auth.js';

const tags = ['fraud'];
/** Public to the session guard: the upstream signs in with its own key, checked before the input is read. */
const upstreamApi = { public: true } as const;
const AUTH_ERRORS = ['UPSTREAM_KEY_INVALID', 'UPSTREAM_ADDRESS_NOT_ALLOWED'] as const;

const signedIn = new WeakMap<FastifyRequest, Upstream>();
async function authenticate(req: FastifyRequest) {
  signedIn.set(req, await authenticateUpstream(req.ctx, req.headers.authorization));
}
function upstreamOf(req: FastifyRequest): Upstream {
  const u = signedIn.get(req);
  if (!u) throw new Error('upstream route without its sign-in');
  return u;
}

export const fraudUpstreamApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/upstream/fraud/instructions',
    {
      config: upstreamApi,
      preValidation: authenticate,
      schema: {
        tags,
        summary: '上级平台推送预警指令',
        description:
          '上级反诈平台以 `Authorization: Bearer <接口密钥>` 从允许的地址推送预警指令，系统按门牌编号、地址或派出所代码派给网格责任民警（或值班台）并立即通知。以平台自己的指令编号去重：同一编号、同样内容的重发回答 200 和第一次的结果；同一编号、不同内容回答 422。新收到的回答 201。',
        errors: [...AUTH_ERRORS, 'UPSTREAM_REPLAY_MISMATCH', 'FRAUD_UNROUTABLE', 'CONFLICT'],
        body: FraudInstructionInput,
        response: { 200: UpstreamInstructionAnswer, 201: UpstreamInstructionAnswer },
      },
    },
    async (req, reply) => {
      const up = upstreamOf(req);
      const { row, created } = await receiveInstruction(
        req.ctx,
        { upstream: up, covered: { id: up.unitId, path: up.unitPath } },
        req.body,
      );
      return reply.code(created ? 201 : 200).send(answerOf(row));
    },
  );
  app.get(
    '/upstream/fraud/feedback',
    {
      config: upstreamApi,
      preValidation: authenticate,
      schema: {
        tags,
        summary: '上级平台拉取核查结果',
        description:
          '拉取模式的上级平台按顺序读取核查结果：after 为上一页回答的 next（首次不填），读过 after 之前的结果即视为已反馈。',
        errors: [...AUTH_ERRORS],
        querystring: FeedbackPullQuery,
        response: { 200: FeedbackPullPage },
      },
    },
    (req) => pullFeedback(req.ctx, upstreamOf(req), req.query),
  );
};
