/** /api/v1 巡逻防控 field work: patrols (sessions), check-ins by scanning a point's code, and points' coverage. */
import {
  IdParams,
  MyPatrolSession,
  MyPatrolTeams,
  PatrolCheckinInput,
  PatrolCheckinView,
  PatrolCoverage,
  PatrolCoverageQuery,
  PatrolFindingInput,
  PatrolSessionDetail,
  PatrolSessionEnd,
  PatrolSessionMatter,
  PatrolSessionPage,
  PatrolSessionQuery,
  PatrolSessionStart,
  UploadPhotosResult,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/context.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import { checkIn } from './checkins.service.js';
import { patrolCoverage } from './coverage.service.js';
import { recordFinding } from './findings.service.js';
import { myTeams } from './mine.service.js';
import { endSession, getSession, listSessions, mySession, startSession } from './sessions.service.js';

const tags = ['field'];
const read = { capability: 'field.read' as const };
/** Field work a member joins: staff with field.work, and volunteers on their own teams' patrols. */
const join = { capability: 'field.join' as const };
const keyOf = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;

export const patrolWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/stations/:id/patrol-sessions',
    {
      config: join,
      schema: {
        tags,
        summary: '开始巡逻',
        description:
          '外勤人员开始一次巡逻，可选巡逻队和必巡线；须带 Idempotency-Key（重发得到同一次巡逻）。已有进行中的巡逻时回答 409。' +
          '平安志愿者须选择自己所在的巡逻队（不是队员时回答 403），必巡线为该队所在派出所的。',
        params: IdParams,
        body: PatrolSessionStart,
        response: { 200: PatrolSessionDetail },
        errors: ['CONFLICT', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'PATROL_NOT_MEMBER'],
      },
    },
    (req) => startSession(req.ctx, req.params.id, keyOf(req.headers), req.body),
  );
  app.post(
    '/patrol-sessions/:id/end',
    {
      config: join,
      schema: {
        tags,
        summary: '结束巡逻',
        description: '发起人（或所长）结束巡逻，可附一句巡逻情况；已结束的巡逻回答 409。',
        params: IdParams,
        body: PatrolSessionEnd,
        response: { 200: PatrolSessionDetail },
        errors: ['NOT_FOUND', 'CONFLICT'],
      },
    },
    (req) => endSession(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/patrol-sessions',
    {
      config: read,
      schema: {
        tags,
        summary: '巡逻记录',
        description:
          '派出所的巡逻，新的在前：发起人、巡逻队、必巡线、起止时间、已打卡点数与线路点数。' +
          '可按发起日期（from、to，北京时间，含首尾两天）筛选；unitId（从局看板进入）列该单位下各派出所的巡逻，须在本人辖区内。',
        errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'],
        params: IdParams,
        querystring: PatrolSessionQuery,
        response: { 200: PatrolSessionPage },
      },
    },
    (req) => listSessions(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/patrol-sessions/mine',
    {
      config: join,
      schema: {
        tags,
        summary: '我正在进行的巡逻',
        description: '当前账号进行中的巡逻及其打卡，没有时 session 为 null。',
        response: { 200: MyPatrolSession },
      },
    },
    (req) => mySession(req.ctx),
  );
  app.get(
    '/patrol-sessions/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '巡逻详情',
        description: '一次巡逻的打卡（按时间先后）、必巡线上各点是否已打卡，以及巡逻中发现并登记的事项和隐患。',
        params: IdParams,
        response: { 200: PatrolSessionDetail },
        errors: ['NOT_FOUND'],
      },
    },
    (req) => getSession(req.ctx, req.params.id),
  );
  app.post(
    '/patrol-checkins',
    {
      config: join,
      schema: {
        tags,
        summary: '必到点打卡',
        description:
          '扫必到点二维码打卡，只记录时间和点位。须带 Idempotency-Key：离线排队重发只记一次。' +
          '二维码无效或已更换（404）、其他派出所的点位、本次巡逻已在该点打卡、巡逻已结束、未开始巡逻（409），' +
          '打卡时间晚于现在或早于巡逻开始（400）均拒绝并说明原因。',
        body: PatrolCheckinInput,
        response: { 200: PatrolCheckinView },
        errors: ['NOT_FOUND', 'CONFLICT', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH'],
      },
    },
    (req) => checkIn(req.ctx, keyOf(req.headers), req.body),
  );
  app.get(
    '/my-patrol-teams',
    {
      config: join,
      schema: {
        tags,
        summary: '我所在的巡逻队',
        description:
          '当前账号作为队员所在的在用巡逻队，以及各队所在派出所在用的必巡线（点位数）；不含其他队员的信息。供平安志愿者开始巡逻时选择。',
        response: { 200: MyPatrolTeams },
      },
    },
    (req) => myTeams(req.ctx),
  );
  app.post(
    '/patrol-photos',
    {
      config: join,
      schema: {
        tags,
        summary: '上传巡逻发现的照片',
        description:
          '上报巡逻发现前先上传照片（字段 photo，规则同群众上传），再在上报中引用。带 Idempotency-Key 重试不会重复上传。',
        errors: ['IDEMPOTENCY_MISMATCH', 'PHOTO_UNREADABLE'],
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      const files = await readPhotoParts(req);
      const me = actorOf(req.ctx).id;
      return storePhotos(req.ctx, { owner: { type: 'staff', id: me }, staffId: me }, keyOf(req.headers), files, false);
    },
  );
  app.post(
    '/patrol-sessions/:id/matters',
    {
      config: join,
      schema: {
        tags,
        summary: '巡逻发现上报为事项',
        description:
          '巡逻发起人（或所长）把巡逻中发现的问题一步登记为事项（渠道“巡逻发现”，值班台实时收到），并记在本次巡逻下：' +
          '类型、情况、地点（必到点、住户或文字）、可附照片。须带 Idempotency-Key：离线补发得到同一事项。',
        params: IdParams,
        body: PatrolFindingInput,
        response: { 200: PatrolSessionMatter },
        errors: ['NOT_FOUND', 'PATROL_NOT_STARTER', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'RATE_LIMITED'],
      },
    },
    (req) => recordFinding(req.ctx, req.params.id, keyOf(req.headers), req.body),
  );
  app.get(
    '/stations/:id/patrol-coverage',
    {
      config: read,
      schema: {
        tags,
        summary: '必到点覆盖情况',
        description:
          '按日（北京时间）和按周统计启用的必到点数与已打卡点数，以及每个点在期间内打卡的天数和最近一次打卡；默认最近八周，最长一年。',
        params: IdParams,
        querystring: PatrolCoverageQuery,
        response: { 200: PatrolCoverage },
      },
    },
    (req) => patrolCoverage(req.ctx, req.params.id, req.query),
  );
};
