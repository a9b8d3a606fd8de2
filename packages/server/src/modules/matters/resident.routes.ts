/**
 * /api/v1/public: resident submission from a doorplate, photos, tracking,
 * chat and rating. No staff session involved.
 */
import {
  DoorplateParams,
  MatterReceipt,
  PhotoParams,
  PhotoSizeQuery,
  RateMatterInput,
  ResidentMatterView,
  ResidentMessageInput,
  SubmitMatterInput,
  TrackingParams,
  UploadPhotosQuery,
  UploadPhotosResult,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { matterEvents } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { consume } from '../../platform/ratelimit.js';
import { readPhoto, sendPhoto } from '../media/photos.queries.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import { matterByTracking } from '../residents/links.js';
import { findHouseholdByToken, submitMatter } from './intake.service.js';
import { postResidentMessage, rateMatter, residentView } from './resident.service.js';

const tags = ['resident'];
const config = { public: true } as const;
const multipart = ['multipart/form-data'];
const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;

export const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/doorplates/:token/photos',
    {
      config,
      schema: {
        tags,
        params: DoorplateParams,
        querystring: UploadPhotosQuery,
        consumes: multipart,
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      const household = await findHouseholdByToken(req.ctx, req.params.token);
      // Uploads cost CPU: count them per doorplate and per address like submissions.
      await consume(req.ctx.db, req.ctx.now(), [
        { key: `photos:doorplate:${household.id}`, max: 60, windowSeconds: 3600 },
        { key: `photos:ip:${req.ctx.ip}`, max: 120, windowSeconds: 3600 },
      ]);
      const files = await readPhotoParts(req);
      const sender = { owner: { type: 'household' as const, id: household.id }, staffId: null };
      return storePhotos(req.ctx, sender, key(req.headers), files, req.query.shareLocation === '1');
    },
  );
  app.post(
    '/public/doorplates/:token/matters',
    { config, schema: { tags, params: DoorplateParams, body: SubmitMatterInput, response: { 200: MatterReceipt } } },
    (req) => submitMatter(req.ctx, req.params.token, key(req.headers), req.body),
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
  app.post(
    '/public/matters/:tracking/photos',
    {
      config,
      schema: {
        tags,
        params: TrackingParams,
        querystring: UploadPhotosQuery,
        consumes: multipart,
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      const { matter } = await matterByTracking(req.ctx, req.params.tracking);
      await consume(req.ctx.db, req.ctx.now(), [{ key: `photos:matter:${matter.id}`, max: 60, windowSeconds: 3600 }]);
      const files = await readPhotoParts(req);
      const sender = { owner: { type: 'matter' as const, id: matter.id }, staffId: null };
      return storePhotos(req.ctx, sender, key(req.headers), files, false);
    },
  );
  app.post(
    '/public/matters/:tracking/messages',
    {
      config,
      schema: { tags, params: TrackingParams, body: ResidentMessageInput, response: { 200: ResidentMatterView } },
    },
    (req) => postResidentMessage(req.ctx, req.params.tracking, key(req.headers), req.body),
  );
  app.get(
    '/public/matters/:tracking/photos/:photoId',
    { config, schema: { tags, params: PhotoParams, querystring: PhotoSizeQuery } },
    async (req, reply) => {
      const { matter } = await matterByTracking(req.ctx, req.params.tracking);
      const owner = { type: 'matter' as const, id: matter.id };
      const photo = await readPhoto(req.ctx.db, owner, matterEvents, req.params.photoId, req.query.size);
      // Photos on internal notes are the station's own; the resident never sees them.
      if (photo?.visibility !== 'public') throw new AppError('NOT_FOUND', { what: 'photo' });
      return sendPhoto(reply, photo);
    },
  );
};
