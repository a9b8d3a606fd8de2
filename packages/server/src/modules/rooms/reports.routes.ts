/** /api/v1 议事厅: residents' reports (举报) and the hosts' handling, post → dispute case, and the rooms' figures. */
import {
  IdParams,
  NoBody,
  PostToCaseInput,
  PostToCaseResult,
  ReportedPost,
  ReportPostInput,
  RoomFigures,
  RoomFiguresQuery,
  RoomPostView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roomFigures } from './figures.js';
import { dismissReports, reportedPosts, reportPost } from './reports.service.js';
import { postToCase } from './to-case.service.js';

const tags = ['rooms'];
const read = { capability: 'room.read' } as const;
const host = { capability: 'room.host' } as const;
const HOSTS_ONLY = '只有本群的群主、管理员或本所管理人员（room.manage）可以操作，其他群的群主回答 ROOM_NOT_HOST。';

export const roomReportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/room-posts/:id/report',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '举报发言',
        description:
          '群成员凭手机凭证（X-Phone-Token）举报他人已发布的发言，选择原因（疑似诈骗、广告推销、辱骂攻击、泄露他人隐私、谣言不实、其他），可附简短说明。' +
          '每人对同一条发言只举报一次，重复举报回答同样的结果；不能举报自己的发言。群主和管理员只看到举报人数和原因，看不到是谁举报的。',
        errors: ['PHONE_SESSION_REQUIRED', 'ROOM_NOT_MEMBER', 'ROOM_REPORT_OWN', 'ROOM_POST_STATUS', 'RATE_LIMITED'],
        params: IdParams,
        body: ReportPostInput,
        response: { 200: RoomPostView },
      },
    },
    (req) => reportPost(req.ctx, req.params.id, req.body, req.headers['x-phone-token'] as string | undefined),
  );
  app.get(
    '/stations/:id/room-reports',
    {
      config: read,
      schema: {
        tags,
        summary: '被举报的发言',
        description:
          '本所各议事厅中有未处理举报的发言（本人主持的群和辖区内的群），最近被举报的在前：举报人数、各原因的次数、首次举报时间。' +
          '不含举报人身份。',
        params: IdParams,
        response: { 200: z.array(ReportedPost) },
      },
    },
    (req) => reportedPosts(req.ctx, req.params.id),
  );
  app.post(
    '/room-posts/:id/dismiss-reports',
    {
      config: host,
      schema: {
        tags,
        summary: '忽略举报',
        description: `群主或管理员看过后认为发言没有问题：发言保留，未处理的举报记为“已忽略”；群内实时更新，记入审计。隐藏发言时举报记为“已隐藏”。${HOSTS_ONLY}`,
        params: IdParams,
        body: NoBody,
        response: { 200: RoomPostView },
        errors: ['ROOM_NOT_HOST'],
      },
    },
    (req) => dismissReports(req.ctx, req.params.id),
  );
  app.post(
    '/room-posts/:id/dispute',
    {
      config: host,
      schema: {
        tags,
        summary: '发言转为矛盾纠纷',
        description:
          '把群众的发言转为来源“议事厅”的矛盾纠纷案件（选择类别，填写标题，可补充事实经过，默认为发言内容），' +
          '案件地点为发言人门牌所在户，没有门牌时为本群覆盖的村（社区）或网格；当事人之后在案件中添加，不向群众索要手机号。' +
          '群内只显示“已转为事项，正在办理”；发言上未答复的“@”随之答复。' +
          `已转为事项或矛盾纠纷的发言不能再转（回答 ROOM_POST_HAS_MATTER 及其编号）。${HOSTS_ONLY}`,
        params: IdParams,
        body: PostToCaseInput,
        response: { 200: PostToCaseResult },
        errors: ['ROOM_NOT_HOST', 'ROOM_POST_STATUS', 'ROOM_POST_HAS_MATTER', 'FORBIDDEN', 'CONFLICT'],
      },
    },
    (req) => postToCase(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/room-figures',
    {
      config: read,
      schema: {
        tags,
        summary: '议事厅数据',
        description:
          '本所议事厅在一段时间（北京时间日期，含首尾，最长 10 年）内的数据：发言数（群众、工作人员、七类工作）、' +
          '“@”数及按时答复、超时答复、未答复数，转为事项和矛盾纠纷的数量，失物招领发布和结束数，议事的发起、投票和答复数，' +
          '举报的收到、隐藏和忽略数，以及各群的分项。只统计本人主持的群和辖区内的群；开始日期晚于结束日期回答 400。',
        params: IdParams,
        querystring: RoomFiguresQuery,
        response: { 200: RoomFigures },
        errors: ['VALIDATION'],
      },
    },
    (req) => roomFigures(req.ctx, req.params.id, req.query),
  );
};
