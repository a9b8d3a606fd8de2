/** /api/v1 audio and video of notices: upload (checked by content, limited), served with Range. (helper F) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const mediaFileRoutes: FastifyPluginAsyncZod = async () => {};
