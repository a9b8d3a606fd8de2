/** /api/v1 宣传与预警 (staff): compose, review, send, withdraw; settings; photos. (helper A) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const warningRoutes: FastifyPluginAsyncZod = async () => {};
