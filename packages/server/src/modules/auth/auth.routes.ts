/** /api/v1/auth: sign-in, second factor, password change, sign-out. */
import { ChangePasswordInput, LoginInput, MetaView, Ok, SessionView, TotpEnrolment, TotpInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/session.js';
import { changePassword, confirmEnrolment, logout, sessionView, startEnrolment, verifyTotp } from './auth.service.js';
import { login } from './login.service.js';

const ANY_STAGE = ['totp', 'totp_enrol', 'password_change', 'full'] as const;
const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/meta',
    {
      config: { public: true },
      schema: {
        tags: ['meta'],
        summary: '公开设置',
        description: '前端启动时读取：是否演示环境、门牌码指向的公开地址、版本与密码策略。',
        response: { 200: MetaView },
      },
    },
    async (req) => {
      const policy = (await req.ctx.deps.policies.get()).password;
      const { demo, http } = req.ctx.deps.config;
      return { demo, publicUrl: http.publicUrl, version: '0.1.0', passwordPolicy: policy };
    },
  );

  app.get(
    '/auth/session',
    {
      config: { stages: ANY_STAGE },
      schema: {
        tags,
        summary: '当前会话',
        description:
          '登录进行到哪一步（输入动态验证码、绑定、改密码或已登录）、账号、辖区、能力（capabilities）与到期时间。' +
          '控制台的菜单与按钮只按这里的能力显示。',
        response: { 200: SessionView },
      },
    },
    (req) => sessionView(req.ctx, actorOf(req.ctx).sessionId),
  );

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '登录',
        description:
          '用户名和密码登录，会话放在 httpOnly Cookie 中；之后按账号要求输入或绑定动态验证码、修改密码。' +
          '用户名不存在、密码错误和账号锁定的回答相同。',
        errors: ['INVALID_CREDENTIALS', 'SIGN_IN_THROTTLED', 'ADDRESS_NOT_ALLOWED'],
        body: LoginInput,
        response: { 200: SessionView },
      },
    },
    async (req, reply) => {
      const { token, expiresAt } = await login(req.ctx, req.body);
      setSessionCookie(req.ctx.deps, reply, token, expiresAt);
      return sessionView(req.ctx, sm3(token));
    },
  );

  app.post(
    '/auth/totp',
    {
      config: { stages: ['totp'] },
      schema: {
        tags,
        summary: '输入动态验证码',
        description: '已绑定双因素的账号在密码之后输入验证器上的 6 位数字；同一个数字只能用一次。',
        errors: ['TOTP_INVALID'],
        body: TotpInput,
        response: { 200: SessionView },
      },
    },
    async (req) => {
      await verifyTotp(req.ctx, req.body.code);
      return sessionView(req.ctx, actorOf(req.ctx).sessionId);
    },
  );

  app.post(
    '/auth/totp/enrolment/start',
    {
      config: { stages: ['totp_enrol'] },
      schema: {
        tags,
        summary: '开始绑定双因素',
        description: '所长、县局督导和三员须绑定验证器：生成密钥与二维码，供验证器扫描。',
        response: { 200: TotpEnrolment },
      },
    },
    (req) => startEnrolment(req.ctx),
  );

  app.post(
    '/auth/totp/enrolment',
    {
      config: { stages: ['totp_enrol'] },
      schema: {
        tags,
        summary: '确认绑定双因素',
        description: '输入验证器上的 6 位数字，确认绑定成功后进入下一步。',
        errors: ['TOTP_INVALID'],
        body: TotpInput,
        response: { 200: SessionView },
      },
    },
    async (req) => {
      await confirmEnrolment(req.ctx, req.body.code);
      return sessionView(req.ctx, actorOf(req.ctx).sessionId);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { stages: ['password_change', 'full'] },
      schema: {
        tags,
        summary: '修改密码',
        description:
          '首次登录、密码过期或本人主动修改；须输入原密码，新密码须符合安全策略。修改后本账号的其他会话结束。',
        errors: ['INVALID_CREDENTIALS', 'PASSWORD_POLICY'],
        body: ChangePasswordInput,
        response: { 200: SessionView },
      },
    },
    async (req) => {
      await changePassword(req.ctx, req.body);
      return sessionView(req.ctx, actorOf(req.ctx).sessionId);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { stages: ANY_STAGE },
      schema: { tags, summary: '退出', description: '结束本次会话并清除 Cookie。', response: { 200: Ok } },
    },
    async (req, reply) => {
      await logout(req.ctx, false);
      clearSessionCookie(req.ctx.deps, reply);
      reply.header('clear-site-data', '"cookies"');
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout-all',
    {
      config: { stages: ANY_STAGE },
      schema: {
        tags,
        summary: '退出所有设备',
        description: '结束本账号在所有设备上的会话（例如手机丢失后）。',
        response: { 200: Ok },
      },
    },
    async (req, reply) => {
      if (!req.ctx.actor) throw new AppError('UNAUTHENTICATED');
      await logout(req.ctx, true);
      clearSessionCookie(req.ctx.deps, reply);
      reply.header('clear-site-data', '"cookies"');
      return { ok: true as const };
    },
  );
};
