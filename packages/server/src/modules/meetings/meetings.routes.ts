/** 召开会议必评: a station's meetings, their attendance QR, and its public scan. */
import {
  IdParams,
  MeetingInput,
  MeetingList,
  MeetingParams,
  MeetingQrView,
  MeetingScanParams,
  MeetingView,
  QrScanQuery,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { redirectScan } from '../evaluations/evaluations.service.js';
import { attendMeeting, createMeeting, listMeetings, meetingQr, readMeeting } from './meetings.service.js';

const tags = ['evaluations'];

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/meetings',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '会议列表',
        description:
          '本所召开的会议（治安通报会、警民恳谈会、房东大会、报告工作会），含到会人数（扫码次数）和已评价数，新的在前。',
        params: IdParams,
        response: { 200: MeetingList },
      },
    },
    (req) => listMeetings(req.ctx, req.params.id),
  );
  app.post(
    '/stations/:id/meetings',
    {
      config: { capability: 'matter.desk' },
      schema: {
        tags,
        summary: '登记会议',
        description: '值班台或所长登记一次会议：类型、地点、时间和主持人（须是本所在岗人员）。登记后可出示到会二维码。',
        params: IdParams,
        body: MeetingInput,
        response: { 200: MeetingView },
      },
    },
    (req) => createMeeting(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/meetings/:meetingId',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '查看会议',
        description: '一次会议的类型、地点、时间、主持人、到会人数和已评价数。',
        params: MeetingParams,
        response: { 200: MeetingView },
      },
    },
    (req) => readMeeting(req.ctx, req.params.id, req.params.meetingId),
  );
  app.get(
    '/stations/:id/meetings/:meetingId/qr',
    {
      config: { capability: 'matter.read' },
      schema: {
        tags,
        summary: '会议到会二维码',
        description:
          '会议的到会二维码（SVG），可打印或在手机上出示；每扫一次记到会一人（不记姓名），并生成一次只能用一次的会议评价。',
        params: MeetingParams,
        response: { 200: MeetingQrView },
      },
    },
    (req) => meetingQr(req.ctx, req.params.id, req.params.meetingId),
  );
  app.get(
    '/public/meetings/:meetingId/attend',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '扫会议到会码',
        description:
          '参会群众扫到会二维码：到会人数加一（不记姓名），生成一次新的、只能用一次的会议评价并转到评价页（/e/…）。同一地址短时间内扫码过多会被限制。',
        errors: ['RATE_LIMITED'],
        params: MeetingScanParams,
        querystring: QrScanQuery,
      },
    },
    (req, reply) => redirectScan(req, reply, () => attendMeeting(req.ctx, req.params.meetingId, req.query.code)),
  );
};
