/**
 * /api/v1 平安联盟: a volunteer's application and sign-in by one-time code (public), the station's approval and
 * suspension, 民情上报 and its photos, the month's contributions, and the desk's tasks (tasks.routes.ts).
 */
import {
  DeskReceipt,
  GridReportInput,
  IdParams,
  PhoneCodeSent,
  SessionView,
  SuspendVolunteerInput,
  UploadPhotosResult,
  VOLUNTEER_STATES,
  VolunteerApplyInput,
  VolunteerCodeInput,
  VolunteerContributions,
  VolunteerLoginInput,
  VolunteerView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { setSessionCookie } from '../../platform/session.js';
import { sessionView } from '../auth/auth.service.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import {
  applyAsVolunteer,
  approveVolunteer,
  listVolunteers,
  reinstateVolunteer,
  stationPlaces,
  suspendVolunteer,
  volunteerCode,
  volunteerLogin,
} from './accounts.js';
import { reportWhatISee, volunteerContributions } from './reports.js';
import { taskRoutes } from './tasks.routes.js';

const tags = ['field'];
const manage = { capability: 'field.manage' } as const;

export const allianceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/stations/:id/places',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '派出所的村（社区）和网格',
        description: '平安志愿者申请时选择所服务的村（社区）或网格：只有名称。',
        params: IdParams,
        response: {
          200: z.object({
            station: z.object({ id: z.uuid(), name: z.string() }),
            places: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
          }),
        },
      },
    },
    (req) => stationPlaces(req.ctx, req.params.id),
  );
  app.post(
    '/public/volunteers',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '申请成为平安志愿者',
        description:
          '先用 /public/phone/codes 收取验证码，再提交手机号、验证码、姓名、身份（义警、快递小哥、退伍老兵等）、服务的村（社区）或网格和承担的职责（八大员）。派出所审核通过后，用手机号和验证码登录。',
        errors: ['PHONE_CODE_INVALID', 'VOLUNTEER_PHONE_TAKEN', 'NOT_FOUND', 'RATE_LIMITED'],
        body: VolunteerApplyInput,
        response: { 200: z.object({ state: z.literal('pending'), noticeVersion: z.string() }) },
      },
    },
    (req) => applyAsVolunteer(req.ctx, req.body),
  );
  app.post(
    '/auth/volunteer/code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '平安志愿者登录：发送验证码',
        description: '已通过审核的志愿者收到一次性验证码；其他号码得到同样的回答但不发短信。',
        errors: ['RATE_LIMITED', 'SMS_UNAVAILABLE'],
        body: VolunteerCodeInput,
        response: { 200: PhoneCodeSent },
      },
    },
    (req) => volunteerCode(req.ctx, req.body.phone),
  );
  app.post(
    '/auth/volunteer/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '平安志愿者登录',
        description: '手机号和一次性验证码登录（没有密码）；会话放在 httpOnly Cookie 中。暂停后会话立即结束。',
        errors: ['PHONE_CODE_INVALID', 'RATE_LIMITED'],
        body: VolunteerLoginInput,
        response: { 200: SessionView },
      },
    },
    async (req, reply) => {
      const { token, expiresAt } = await volunteerLogin(req.ctx, req.body.phone, req.body.code);
      setSessionCookie(req.ctx.deps, reply, token, expiresAt);
      return sessionView(req.ctx, sm3(token));
    },
  );
  app.get(
    '/stations/:id/volunteers',
    {
      config: { capability: 'field.read' },
      schema: {
        tags,
        summary: '平安志愿者名单',
        description: '本所的平安志愿者（待审核、已通过、已暂停），新申请在前。本所人员看到完整手机号以便联系。',
        params: IdParams,
        querystring: z.object({ state: z.enum(VOLUNTEER_STATES).optional() }).strict(),
        response: { 200: z.array(VolunteerView) },
      },
    },
    (req) => listVolunteers(req.ctx, req.params.id, req.query.state),
  );
  app.post(
    '/volunteers/:id/approve',
    {
      config: manage,
      schema: {
        tags,
        summary: '通过志愿者申请',
        description: '所长审核通过：志愿者可以用手机号和验证码登录，只能在所服务的村（社区）或网格内上报。',
        errors: ['NOT_FOUND', 'VOLUNTEER_STATE'],
        params: IdParams,
        response: { 200: VolunteerView },
      },
    },
    (req) => approveVolunteer(req.ctx, req.params.id),
  );
  app.post(
    '/volunteers/:id/suspend',
    {
      config: manage,
      schema: {
        tags,
        summary: '暂停志愿者',
        description: '写明原因；志愿者的会话立即结束，不能再登录，直到恢复。',
        errors: ['NOT_FOUND', 'VOLUNTEER_STATE'],
        params: IdParams,
        body: SuspendVolunteerInput,
        response: { 200: VolunteerView },
      },
    },
    (req) => suspendVolunteer(req.ctx, req.params.id, req.body.reason),
  );
  app.post(
    '/volunteers/:id/reinstate',
    {
      config: manage,
      schema: {
        tags,
        summary: '恢复志愿者',
        errors: ['NOT_FOUND', 'VOLUNTEER_STATE'],
        params: IdParams,
        response: { 200: VolunteerView },
      },
    },
    (req) => reinstateVolunteer(req.ctx, req.params.id),
  );
  app.get(
    '/stations/:id/volunteer-contributions',
    {
      config: { capability: 'field.read' },
      schema: {
        tags,
        summary: '志愿者当月贡献',
        description: '每位志愿者当月的民情上报、巡逻打卡、参与走访和完成任务次数，按姓名排列，用于致谢，不排名。',
        params: IdParams,
        querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }).strict(),
        response: { 200: VolunteerContributions },
      },
    },
    async (req) => volunteerContributions(req.ctx, req.params.id, req.query.month),
  );
  app.post(
    '/alliance/photos',
    {
      config: { capability: 'field.report' },
      schema: {
        tags,
        summary: '上传民情上报的照片',
        description:
          '上报前先上传照片（字段 photo，规则同群众上传），再在上报中引用。带 Idempotency-Key 重试不会重复上传。',
        errors: ['IDEMPOTENCY_MISMATCH', 'PHOTO_UNREADABLE'],
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      const files = await readPhotoParts(req);
      const me = actorOf(req.ctx).id;
      return storePhotos(
        req.ctx,
        { owner: { type: 'staff', id: me }, staffId: me },
        req.headers['idempotency-key'] as string | undefined,
        files,
        false,
      );
    },
  );
  app.post(
    '/alliance/reports',
    {
      config: { capability: 'field.report' },
      schema: {
        tags,
        summary: '民情上报',
        description:
          '平安志愿者上报在所服务的村（社区）或网格看到的情况，可附照片：成为渠道为“网格上报”的事项，值班台实时收到，工作人员看到上报人姓名。须带 Idempotency-Key，离线补发不会重复。',
        errors: ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'RATE_LIMITED'],
        body: GridReportInput,
        response: { 200: DeskReceipt },
      },
    },
    (req) => reportWhatISee(req.ctx, req.headers['idempotency-key'] as string | undefined, req.body),
  );
  // 平安联盟 tasks: the desk sends, the volunteer takes them (tasks.routes.ts).
  await taskRoutes(app, {});
};
