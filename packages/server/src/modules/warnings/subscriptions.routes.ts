/** /api/v1/public: a verified phone's subscription (categories, SMS opt-in, 退订) and the SMS reply callback. (helper B) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const warningSubscriptionRoutes: FastifyPluginAsyncZod = async () => {};
