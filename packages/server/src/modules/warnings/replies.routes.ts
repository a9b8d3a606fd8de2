/**
 * /api/v1 宣传与预警 (staff): residents' replies to a notice and the answer. Registered by public.routes.ts (the
 * residents' side of the same conversation). Staff see the area a reply came from, never the phone.
 */
import { AnswerReplyInput, IdParams, Moment, WarningReplyPage, WarningReplyView } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerReply, listReplies } from './replies.service.js';

const tags = ['warnings'];
const ReplyQuery = z
  .object({
    /** Older than this moment, for the next page. */
    before: Moment.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

export const warningReplyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/warnings/:id/replies',
    {
      config: { capability: 'warning.read' },
      schema: {
        tags,
        summary: '预警的群众留言',
        description:
          '本所预警收到的群众留言及答复，按时间倒序分页（before 取更早的）；显示留言者订阅所在的村（社区）或网格，不显示手机号码。',
        params: IdParams,
        querystring: ReplyQuery,
        response: { 200: WarningReplyPage },
      },
    },
    (req) => listReplies(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/warning-replies/:id/answer',
    {
      config: { capability: 'warning.write' },
      schema: {
        tags,
        summary: '答复群众留言',
        description:
          '本所民警答复一条留言（再次答复即更正）；群众在该预警的“我的留言”中看到答复。记入审计（不含答复内容）。',
        params: IdParams,
        body: AnswerReplyInput,
        response: { 200: WarningReplyView },
      },
    },
    (req) => answerReply(req.ctx, req.params.id, req.body),
  );
};
