/**
 * /api/v1/public 宣传与预警 for residents: an area's current notices on the doorplate page, a verified phone's
 * notices, one notice and its photos, replies from a verified phone (header x-phone-token), and the live banner
 * stream of a doorplate. The staff's side of replies is registered here too (replies.routes.ts).
 */
import {
  DoorplateParams,
  IdParams,
  NoticeQuery,
  PublicNotice,
  PublicNoticeList,
  StreamQuery,
  WarningReplyInput,
  WarningReplyView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lastEventId, openStream } from '../live/stream.js';
import { householdWarningTopics } from './live.js';
import { doorplateHousehold, doorplateNotices, myNotices, noticePhoto, oneNotice } from './notices.service.js';
import { warningReplyRoutes } from './replies.routes.js';
import { replyToWarning } from './replies.service.js';

const tags = ['resident'];
const config = { public: true } as const;
const phone = (headers: Record<string, unknown>) => headers['x-phone-token'] as string | undefined;
const PhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() }).strict();
const PhotoQuery = z.object({ size: z.enum(['full', 'thumb']).default('full') }).strict();

export const warningPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/doorplates/:token/notices',
    {
      config,
      schema: {
        tags,
        summary: '门牌页的预警和宣传',
        description:
          '这一户所在派出所、村（社区）、网格当前的预警和宣传，紧急的在前，其次按发布时间倒序，最多 20 条；已撤回的一周内显示更正说明而不是原文，过期的不再显示。带 device 时标明本设备已知晓、谢谢、点赞过哪些；带已验证手机凭证（X-Phone-Token）时，还有本机订阅类别发给订阅者的预警和本机的留言及答复。',
        errors: ['NOT_FOUND'],
        params: DoorplateParams,
        querystring: NoticeQuery,
        response: { 200: PublicNoticeList },
      },
    },
    (req) => doorplateNotices(req.ctx, req.params.token, req.query.device, phone(req.headers)),
  );
  app.get(
    '/public/phone/notices',
    {
      config,
      schema: {
        tags,
        summary: '我的预警',
        description:
          '凭已验证的手机（X-Phone-Token）：订阅所在片区的当前预警，以及所订阅类别发给订阅者的预警，紧急的在前；附本机的留言及答复。',
        errors: ['PHONE_SESSION_REQUIRED'],
        querystring: NoticeQuery,
        response: { 200: PublicNoticeList },
      },
    },
    (req) => myNotices(req.ctx, req.query.device, phone(req.headers)),
  );
  app.get(
    '/public/warnings/:id',
    {
      config,
      schema: {
        tags,
        summary: '一条预警',
        description:
          '按编号查看一条已发布或已撤回的预警（预警是公开的）；已撤回的显示更正说明。带 device 时标明本设备已做过的回执。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        querystring: NoticeQuery,
        response: { 200: PublicNotice },
      },
    },
    (req) => oneNotice(req.ctx, req.params.id, req.query.device, phone(req.headers)),
  );
  app.get(
    '/public/warnings/:id/photos/:photoId',
    {
      config,
      schema: {
        tags,
        summary: '预警的照片',
        description: '已发布且未过期的预警所附的照片；size=thumb 取缩略图。撤回或过期后不再提供。',
        errors: ['NOT_FOUND'],
        params: PhotoParams,
        querystring: PhotoQuery,
      },
    },
    (req, reply) => noticePhoto(req.ctx, reply, req.params.id, req.params.photoId, req.query.size),
  );
  app.post(
    '/public/warnings/:id/replies',
    {
      config,
      schema: {
        tags,
        summary: '给预警留言',
        description:
          '凭已验证的手机（X-Phone-Token）给已发布、未过期的预警留言，每个号码每小时最多 5 条；民警看到留言和订阅所在的村（社区）或网格，看不到号码。答复显示在该预警的“我的留言”中。',
        errors: ['PHONE_SESSION_REQUIRED', 'WARNING_STATUS', 'RATE_LIMITED'],
        params: IdParams,
        body: WarningReplyInput,
        response: { 200: WarningReplyView },
      },
    },
    (req) => replyToWarning(req.ctx, req.params.id, req.body, phone(req.headers)),
  );
  app.get(
    '/public/doorplates/:token/warning-stream',
    {
      config: { ...config, stream: true },
      schema: {
        tags,
        summary: '门牌页的预警实时推送',
        description:
          'Server-Sent Events：这一户所在派出所、村（社区）、网格有预警发布（warning.sent）或撤回（warning.withdrawn）时推送，只有预警编号和紧急程度，页面再取预警本身；断线后凭 Last-Event-ID 续传。',
        errors: ['NOT_FOUND'],
        params: DoorplateParams,
        querystring: StreamQuery,
      },
    },
    async (req, reply) => {
      const household = await doorplateHousehold(req.ctx, req.params.token);
      const topics = householdWarningTopics(household.unitPath, household.stationId);
      return openStream(req, reply, topics, lastEventId(req, req.query));
    },
  );
  await app.register(warningReplyRoutes);
};
