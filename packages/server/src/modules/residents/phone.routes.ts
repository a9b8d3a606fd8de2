/**
 * /api/v1/public/phone: a resident proves a phone number once by SMS code and
 * gets a device-held token that lists that number's matters. No account.
 */
import {
  EvaluationLink,
  IdParams,
  PhoneCodeSent,
  PhoneMatters,
  PhoneSession,
  RequestPhoneCodeInput,
  VerifyPhoneInput,
  WaitingEvaluations,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { phoneEvaluationLink, phoneEvaluations, phoneMatters, requestPhoneCode, verifyPhone } from './phone.service.js';

const tags = ['resident'];
const config = { public: true } as const;

export const phoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/phone/codes',
    {
      config,
      schema: {
        tags,
        summary: '获取短信验证码',
        description: '向群众的手机发送 6 位验证码（10 分钟有效）；每个号码每分钟一次、每小时五次，同一地址也有上限。',
        errors: ['RATE_LIMITED', 'SMS_UNAVAILABLE'],
        body: RequestPhoneCodeInput,
        response: { 200: PhoneCodeSent },
      },
    },
    (req) => requestPhoneCode(req.ctx, req.body.phone),
  );
  app.post(
    '/public/phone/verify',
    {
      config,
      schema: {
        tags,
        summary: '验证手机号',
        description: '输入短信验证码，得到保存在本机 30 天的手机凭证，用来查看这个号码的事项、给新事项附上号码。',
        errors: ['PHONE_CODE_INVALID'],
        body: VerifyPhoneInput,
        response: { 200: PhoneSession },
      },
    },
    (req) => verifyPhone(req.ctx, req.body.phone, req.body.code),
  );
  app.get(
    '/public/phone/matters',
    {
      config,
      schema: {
        tags,
        summary: '我的事项',
        description: '凭请求头 X-Phone-Token 中的手机凭证，列出这个号码提交的事项及各自的查询链接。',
        errors: ['PHONE_SESSION_REQUIRED'],
        response: { 200: PhoneMatters },
      },
    },
    (req) => phoneMatters(req.ctx, req.headers['x-phone-token'] as string | undefined),
  );
  app.get(
    '/public/phone/evaluations',
    {
      config,
      schema: {
        tags,
        summary: '我的待评价',
        description:
          '凭请求头 X-Phone-Token 中的手机凭证，列出这个号码提交的事项中尚未评价、尚未过期的评价（按事项查找，号码不记在评价上）。',
        errors: ['PHONE_SESSION_REQUIRED'],
        response: { 200: WaitingEvaluations },
      },
    },
    (req) => phoneEvaluations(req.ctx, req.headers['x-phone-token'] as string | undefined),
  );
  app.post(
    '/public/phone/evaluations/:id/link',
    {
      config,
      schema: {
        tags,
        summary: '我的事项去评价',
        description: '为这个号码的一条待评价生成新的评价链接（/e/…），之前的链接随即失效，评价仍只能提交一次。',
        errors: [
          'PHONE_SESSION_REQUIRED',
          'NOT_FOUND',
          'RATE_LIMITED',
          'EVALUATION_ANSWERED',
          'EVALUATION_EXPIRED',
          'CONFLICT',
        ],
        params: IdParams,
        response: { 200: EvaluationLink },
      },
    },
    (req) => phoneEvaluationLink(req.ctx, req.headers['x-phone-token'] as string | undefined, req.params.id),
  );
};
