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
    { config: { public: true }, schema: { tags: ['meta'], response: { 200: MetaView } } },
    async (req) => {
      const policy = (await req.ctx.deps.policies.get()).password;
      const { demo, http } = req.ctx.deps.config;
      return { demo, publicUrl: http.publicUrl, version: '0.1.0', passwordPolicy: policy };
    },
  );

  app.get('/auth/session', { config: { stages: ANY_STAGE }, schema: { tags, response: { 200: SessionView } } }, (req) =>
    sessionView(req.ctx, actorOf(req.ctx).sessionId),
  );

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags, body: LoginInput, response: { 200: SessionView } } },
    async (req, reply) => {
      const { token, expiresAt } = await login(req.ctx, req.body);
      setSessionCookie(req.ctx.deps, reply, token, expiresAt);
      return sessionView(req.ctx, sm3(token));
    },
  );

  app.post(
    '/auth/totp',
    { config: { stages: ['totp'] }, schema: { tags, body: TotpInput, response: { 200: SessionView } } },
    async (req) => {
      await verifyTotp(req.ctx, req.body.code);
      return sessionView(req.ctx, actorOf(req.ctx).sessionId);
    },
  );

  app.post(
    '/auth/totp/enrolment/start',
    { config: { stages: ['totp_enrol'] }, schema: { tags, response: { 200: TotpEnrolment } } },
    (req) => startEnrolment(req.ctx),
  );

  app.post(
    '/auth/totp/enrolment',
    { config: { stages: ['totp_enrol'] }, schema: { tags, body: TotpInput, response: { 200: SessionView } } },
    async (req) => {
      await confirmEnrolment(req.ctx, req.body.code);
      return sessionView(req.ctx, actorOf(req.ctx).sessionId);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { stages: ['password_change', 'full'] },
      schema: { tags, body: ChangePasswordInput, response: { 200: SessionView } },
    },
    async (req) => {
      await changePassword(req.ctx, req.body);
      return sessionView(req.ctx, actorOf(req.ctx).sessionId);
    },
  );

  app.post(
    '/auth/logout',
    { config: { stages: ANY_STAGE }, schema: { tags, response: { 200: Ok } } },
    async (req, reply) => {
      await logout(req.ctx, false);
      clearSessionCookie(req.ctx.deps, reply);
      reply.header('clear-site-data', '"cookies"');
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout-all',
    { config: { stages: ANY_STAGE }, schema: { tags, response: { 200: Ok } } },
    async (req, reply) => {
      if (!req.ctx.actor) throw new AppError('UNAUTHENTICATED');
      await logout(req.ctx, true);
      clearSessionCookie(req.ctx.deps, reply);
      reply.header('clear-site-data', '"cookies"');
      return { ok: true as const };
    },
  );
};
