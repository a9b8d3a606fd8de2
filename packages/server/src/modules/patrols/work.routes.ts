/** /api/v1 巡逻防控 field work: patrols (sessions), check-ins by scanning a point's code, and points' coverage. */
import {
  IdParams,
  MyPatrolSession,
  PatrolCheckinInput,
  PatrolCheckinView,
  PatrolCoverage,
  PatrolCoverageQuery,
  PatrolSessionDetail,
  PatrolSessionEnd,
  PatrolSessionPage,
  PatrolSessionQuery,
  PatrolSessionStart,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkIn } from './checkins.service.js';
import { patrolCoverage } from './coverage.service.js';
import { endSession, getSession, listSessions, mySession, startSession } from './sessions.service.js';

const tags = ['field'];
const read = { capability: 'field.read' as const };
const work = { capability: 'field.work' as const };
const keyOf = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;

export const patrolWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/stations/:id/patrol-sessions',
    {
      config: work,
      schema: {
        tags,
        summary: '开始巡逻',
        description:
          '外勤人员开始一次巡逻，可选巡逻队和必巡线；须带 Idempotency-Key（重发得到同一次巡逻）。已有进行中的巡逻时回答 409。',
        params: IdParams,
        body: PatrolSessionStart,
        response: { 200: PatrolSessionDetail },
        errors: ['CONFLICT', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH'],
      },
    },
    (req) => startSession(req.ctx, req.params.id, keyOf(req.headers), req.body),
  );
  app.post(
    '/patrol-sessions/:id/end',
    {
      config: work,
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
        description: '派出所的巡逻，新的在前：发起人、巡逻队、必巡线、起止时间、已打卡点数与线路点数。',
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
      config: work,
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
        description: '一次巡逻的打卡（按时间先后），以及必巡线上各点是否已打卡。',
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
      config: work,
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
