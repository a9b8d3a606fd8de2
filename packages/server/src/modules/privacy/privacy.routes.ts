/**
 * 个人信息权利: the resident's side under /api/v1/public/matters/:tracking
 * (the tracking link is the credential) and the station's queue under
 * /api/v1/privacy (the desk or the chief answers).
 */
import {
  ApproveDeletionInput,
  CorrectContactPhoneInput,
  IdParams,
  NoBody,
  PrivacyRequestPage,
  PrivacyRequestQuery,
  RefuseDeletionInput,
  ResidentPrivacyView,
  StaffPrivacyRequest,
  TrackingParams,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findPrivacyRequests } from './privacy.queries.js';
import {
  approveDeletion,
  correctContactPhone,
  refuseDeletion,
  requestDeletion,
  residentPrivacy,
  withdrawContactPhone,
} from './privacy.service.js';

const tags = ['privacy'];
const resident = { public: true } as const;
// Any account that reads matters reaches the guard; the policy lets the desk and the chief through.
const staff = { capability: 'matter.read' } as const;

export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const view = { 200: ResidentPrivacyView };
  app.get(
    '/public/matters/:tracking/privacy',
    {
      config: resident,
      schema: {
        tags,
        summary: '我的信息：联系电话与个人信息申请',
        description:
          '凭回执链接查看本事项留存的联系电话（隐去中间四位）、更正/撤回/删除申请及派出所答复，以及现在可以做的操作。链接无效时答 404。',
        params: TrackingParams,
        response: view,
      },
    },
    (req) => residentPrivacy(req.ctx, req.params.tracking),
  );
  app.put(
    '/public/matters/:tracking/contact-phone',
    {
      config: resident,
      schema: {
        tags,
        summary: '更正联系电话',
        errors: ['PHONE_SESSION_REQUIRED', 'PRIVACY_DELETED'],
        description:
          '用已通过短信验证码验证的新号码（phoneToken）替换本事项的联系电话；未验证的号码不能写入，也不会让事项出现在他人的“我的事项”中。个人信息已删除时答 409。',
        params: TrackingParams,
        body: CorrectContactPhoneInput,
        response: view,
      },
    },
    (req) => correctContactPhone(req.ctx, req.params.tracking, req.body),
  );
  app.delete(
    '/public/matters/:tracking/contact-phone',
    {
      config: resident,
      schema: {
        tags,
        summary: '撤回手机号',
        errors: ['PRIVACY_DELETED'],
        description:
          '立即清除本事项的加密号码、掩码和检索索引：民警不能再查看，事项不再出现在该号码的“我的事项”中。没有号码时答 404。',
        params: TrackingParams,
        response: view,
      },
    },
    (req) => withdrawContactPhone(req.ctx, req.params.tracking),
  );
  app.post(
    '/public/matters/:tracking/deletion-requests',
    {
      config: resident,
      schema: {
        tags,
        summary: '申请删除个人信息',
        errors: ['PRIVACY_REQUEST_OPEN', 'PRIVACY_DELETED', 'RATE_LIMITED'],
        description:
          '登记删除申请，答复期限为派出所设置的工作日数（按工作日历计算，默认 15 个工作日）。同一事项已有待答复的申请时答 409。',
        params: TrackingParams,
        body: NoBody,
        response: view,
      },
    },
    (req) => requestDeletion(req.ctx, req.params.tracking),
  );

  app.get(
    '/privacy/requests',
    {
      config: staff,
      schema: {
        tags,
        summary: '个人信息申请队列',
        description:
          '辖区内群众的更正、撤回和删除申请；默认只列待答复的删除申请，答复期限最早（含已超期）的在前。仅值班台和所长可用，其他账号答 403。',
        querystring: PrivacyRequestQuery,
        response: { 200: PrivacyRequestPage },
      },
    },
    (req) => findPrivacyRequests(req.ctx, req.query),
  );
  app.post(
    '/privacy/requests/:id/approve',
    {
      config: staff,
      schema: {
        tags,
        summary: '同意删除并执行',
        errors: ['PRIVACY_ANSWERED', 'PRIVACY_MATTER_OPEN', 'PRIVACY_DELETED'],
        description:
          '立即删除事项中的群众个人信息（内容、留言文字、照片、位置、联系电话），保留事项编号、类型、状态、时间、办理人、时间线结构和审计记录。事项未办结或申请已答复时答 409，辖区外答 403。',
        params: IdParams,
        body: ApproveDeletionInput,
        response: { 200: StaffPrivacyRequest },
      },
    },
    (req) => approveDeletion(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/privacy/requests/:id/refuse',
    {
      config: staff,
      schema: {
        tags,
        summary: '不予删除（说明理由）',
        errors: ['PRIVACY_ANSWERED'],
        description:
          '答复不予删除，理由写入时间线，群众可见（如事项仍在办理、依法需要保存）。申请已答复时答 409，辖区外答 403。',
        params: IdParams,
        body: RefuseDeletionInput,
        response: { 200: StaffPrivacyRequest },
      },
    },
    (req) => refuseDeletion(req.ctx, req.params.id, req.body),
  );
};
