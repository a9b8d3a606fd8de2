/**
 * /api/v1/public/phone: a resident proves a phone number once by SMS code and
 * gets a device-held token that lists that number's matters. No account.
 */
import { PhoneCodeSent, PhoneMatters, PhoneSession, RequestPhoneCodeInput, VerifyPhoneInput } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { phoneMatters, requestPhoneCode, verifyPhone } from './phone.service.js';

const tags = ['resident'];
const config = { public: true } as const;

export const phoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/phone/codes',
    { config, schema: { tags, body: RequestPhoneCodeInput, response: { 200: PhoneCodeSent } } },
    (req) => requestPhoneCode(req.ctx, req.body.phone),
  );
  app.post(
    '/public/phone/verify',
    { config, schema: { tags, body: VerifyPhoneInput, response: { 200: PhoneSession } } },
    (req) => verifyPhone(req.ctx, req.body.phone, req.body.code),
  );
  app.get('/public/phone/matters', { config, schema: { tags, response: { 200: PhoneMatters } } }, (req) =>
    phoneMatters(req.ctx, req.headers['x-phone-token'] as string | undefined),
  );
};
