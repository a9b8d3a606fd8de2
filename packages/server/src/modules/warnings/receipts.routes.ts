/** /api/v1: receipts (open, ack, thanks, like) and the reach figures and QR scan coverage. (helper C) */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const warningReceiptRoutes: FastifyPluginAsyncZod = async () => {};
