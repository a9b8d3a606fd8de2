/** /api/v1 议事厅 议事: a host opens a topic, members vote once each, a host publishes the station's answer. */
import { AnswerTopicInput, IdParams, OpenTopicInput, RoomPostView, VoteInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerTopic, openTopic, vote } from './topics.service.js';

const tags = ['rooms'];
const HOSTS_ONLY = '只有本群的群主、管理员或本所管理人员（room.manage）可以操作，其他群的群主回答 ROOM_NOT_HOST。';
const phone = (headers: Record<string, unknown>) => headers['x-phone-token'] as string | undefined;
const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;

export const roomTopicsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/rooms/:id/topics',
    {
      config: { capability: 'room.read' },
      schema: {
        tags,
        summary: '发起议事',
        description:
          '群主或管理员就群里关心的事发起议事：议题、说明、2–10 个互不相同的选项、可选的投票截止时间（须晚于现在，' +
          '不填则投票到答复为止）。议事作为“议事”类的发言出现在群里，群众实时收到。带 Idempotency-Key 重发不会重复发起。' +
          `记入审计（不含内容）。${HOSTS_ONLY}`,
        errors: [
          'ROOM_NOT_HOST',
          'ROOM_CLOSED',
          'VALIDATION',
          'IDEMPOTENCY_KEY_REQUIRED',
          'PHOTOS_UNAVAILABLE',
          'CONFLICT',
        ],
        params: IdParams,
        body: OpenTopicInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => openTopic(req.ctx, req.params.id, req.body, key(req.headers)),
  );
  app.post(
    '/public/room-posts/:id/vote',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '议事投票',
        description:
          '成员凭已验证的手机（X-Phone-Token）对议事投票，每人一票、投后不能更改（再投回答 ROOM_ALREADY_VOTED 并说明投的是哪一项）；' +
          '已答复或过了截止时间的议事不能再投。被禁言的成员仍可投票（禁言只限制发言），被移出的不能。' +
          '群里只显示各选项的票数，不显示谁投了什么；本人看到自己投的一项。记入审计（只记成员编号，不记所选选项）。',
        errors: [
          'PHONE_SESSION_REQUIRED',
          'ROOM_NOT_MEMBER',
          'ROOM_CLOSED',
          'ROOM_POST_KIND',
          'ROOM_TOPIC_CLOSED',
          'ROOM_ALREADY_VOTED',
          'ROOM_VOTE_OPTION',
          'NOT_FOUND',
        ],
        params: IdParams,
        body: VoteInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => vote(req.ctx, req.params.id, req.body, phone(req.headers)),
  );
  app.post(
    '/room-posts/:id/answer-topic',
    {
      config: { capability: 'room.host' },
      schema: {
        tags,
        summary: '答复议事',
        description:
          '派出所对议事的答复和结果：公布在议事上，连同答复人和时间一直保留，投票随即结束，群里实时更新。' +
          `每个议事只答复一次（再答复回答 ROOM_TOPIC_CLOSED）。记入审计（含答复时各选项票数）。${HOSTS_ONLY}`,
        errors: ['ROOM_NOT_HOST', 'ROOM_POST_KIND', 'ROOM_POST_STATUS', 'ROOM_TOPIC_CLOSED'],
        params: IdParams,
        body: AnswerTopicInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => answerTopic(req.ctx, req.params.id, req.body.answer),
  );
};
