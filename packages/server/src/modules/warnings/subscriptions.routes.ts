/**
 * /api/v1/public: a verified phone's subscription to a station's notices (area, categories, SMS opt-in, 退订), and
 * the SMS provider's reply callback (Tencent Cloud 回复短信回调): a reply of TD, T, N or 退订 stops the warnings'
 * SMS to that phone.
 */
import { timingSafeEqual } from 'node:crypto';
import { SubscriptionInput, SubscriptionView, text } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { phoneIndex } from '../residents/phone.service.js';
import {
  deleteSubscriptions,
  isStopReply,
  readSubscription,
  saveSubscription,
  stopSmsOfPhone,
} from './subscriptions.service.js';

const tags = ['resident'];
const config = { public: true } as const;
const phone = (headers: Record<string, unknown>) => headers['x-phone-token'] as string | undefined;
const SubscriptionQuery = z
  .object({
    /** The doorplate whose station's subscription (and categories) to show; without it, the latest one. */
    doorplate: text(64, 1, { trim: false })
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  })
  .strict();

/** What Tencent Cloud SMS posts when a resident replies to a message (document 382/5809). */
const SmsReplyCallback = z.object({
  /** 通道扩展码, empty unless the account has it. */
  extend: text(32).nullish(),
  mobile: text(20, 1),
  nationcode: text(8).optional(),
  sign: text(50).optional(),
  text: text(500),
  /** Unix seconds. */
  time: z.number().int().optional(),
});
const SmsReplyQuery = z.object({ token: text(200, 0, { trim: false }).optional() }).strict();
/** The answer Tencent expects: result 0 and "OK" (anything else is taken as a failure and retried). */
const SmsReplyAnswer = z.object({ result: z.number().int(), errmsg: z.string() });

/** The configured secret, compared in constant time; none configured refuses every call. */
function assertCallbackToken(ctx: Ctx, token: string | undefined) {
  const expected = ctx.deps.config.smsReplies.token;
  if (!expected || !token) throw new AppError('FORBIDDEN');
  if (!timingSafeEqual(Buffer.from(sm3(token), 'hex'), Buffer.from(sm3(expected), 'hex'))) {
    throw new AppError('FORBIDDEN');
  }
}

/** A mainland number as the provider writes it (`13800138000`, `+8613800138000`, `8613800138000`). */
function mainlandMobile(mobile: string, nationcode: string | undefined): string | null {
  if (nationcode && nationcode.replace(/^\+/, '') !== '86') return null;
  const digits = mobile.replace(/[^\d]/g, '').replace(/^86(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? digits : null;
}

export const warningSubscriptionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/phone/warning-subscription',
    {
      config,
      schema: {
        tags,
        summary: '我的预警订阅',
        description:
          '凭已验证的手机（X-Phone-Token）查看订阅：片区、类别、是否接收短信，以及该派出所可订阅的类别和短信署名。带 doorplate 时看该门牌所在派出所的订阅。',
        errors: ['PHONE_SESSION_REQUIRED'],
        querystring: SubscriptionQuery,
        response: { 200: SubscriptionView },
      },
    },
    (req) => readSubscription(req.ctx, phone(req.headers), req.query.doorplate),
  );
  app.put(
    '/public/phone/warning-subscription',
    {
      config,
      schema: {
        tags,
        summary: '订阅预警',
        description:
          '凭已验证的手机订阅门牌所在片区的预警：选择该派出所的类别；只有明确选择接收短信（sms=true）才会发短信，sms=false 即退订短信。每个号码在每个派出所一份订阅。记入审计（不含号码）。',
        errors: ['PHONE_SESSION_REQUIRED'],
        body: SubscriptionInput,
        response: { 200: SubscriptionView },
      },
    },
    (req) => saveSubscription(req.ctx, req.body, phone(req.headers)),
  );
  app.delete(
    '/public/phone/warning-subscription',
    {
      config,
      schema: {
        tags,
        summary: '全部退订',
        description: '删除本号码在各派出所的全部预警订阅，短信随即停止，不再保留任何订阅信息。记入审计（不含号码）。',
        errors: ['PHONE_SESSION_REQUIRED'],
        response: { 200: SubscriptionView },
      },
    },
    (req) => deleteSubscriptions(req.ctx, phone(req.headers)),
  );
  app.post(
    '/public/sms/replies',
    {
      config,
      schema: {
        tags,
        summary: '短信回复回调',
        description:
          '短信服务商（腾讯云短信“回复短信”回调）转来群众回复的短信；URL 须带配置的 token。回复 TD、T、N 或“退订”（不区分大小写）即停止向该号码发送预警短信。按服务商要求回答 {"result":0,"errmsg":"OK"}。',
        errors: ['FORBIDDEN'],
        querystring: SmsReplyQuery,
        // Optional in the schema so a bad token is named before a missing body; required by the handler.
        body: SmsReplyCallback.nullish(),
        response: { 200: SmsReplyAnswer },
      },
    },
    async (req) => {
      assertCallbackToken(req.ctx, req.query.token);
      const body = req.body;
      if (!body) throw invalid(req.ctx, 'body', '必填', 'required');
      const mobile = mainlandMobile(body.mobile, body.nationcode);
      if (mobile && isStopReply(body.text)) await stopSmsOfPhone(req.ctx, phoneIndex(req.ctx, mobile), 'sms_reply');
      return { result: 0, errmsg: 'OK' };
    },
  );
};
