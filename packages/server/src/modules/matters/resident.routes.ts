/** /api/v1/public: resident submission from a doorplate, tracking and rating. No staff session involved. */
import {
  DoorplateParams,
  MatterReceipt,
  RateMatterInput,
  ResidentMatterView,
  SubmitMatterInput,
  TrackingParams,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { submitMatter } from './intake.service.js';
import { rateMatter, residentView } from './resident.service.js';

const tags = ['resident'];
const config = { public: true } as const;

export const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/doorplates/:token/matters',
    { config, schema: { tags, params: DoorplateParams, body: SubmitMatterInput, response: { 200: MatterReceipt } } },
    (req) => submitMatter(req.ctx, req.params.token, req.headers['idempotency-key'] as string | undefined, req.body),
  );
  app.get(
    '/public/matters/:tracking',
    { config, schema: { tags, params: TrackingParams, response: { 200: ResidentMatterView } } },
    (req) => residentView(req.ctx, req.params.tracking),
  );
  app.post(
    '/public/matters/:tracking/rating',
    { config, schema: { tags, params: TrackingParams, body: RateMatterInput, response: { 200: ResidentMatterView } } },
    (req) => rateMatter(req.ctx, req.params.tracking, req.body),
  );
};
