/** /api/v1/public 宣传与预警 (residents): an area's notices, one notice, replies, the live banner stream. (helper B) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const warningPublicRoutes: FastifyPluginAsyncZod = async () => {};
