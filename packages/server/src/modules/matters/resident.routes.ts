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
import { answeringDevice } from '../evaluations/flood.js';
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
        summary: '提交前上传照片',
        description:
          '群众提交事项前先上传照片（字段 photo，最多 9 张，每张 8 MB，合计 24 MB）；照片重新编码、去掉 EXIF，' +
          '只有选择共享位置时保留定位。带 Idempotency-Key 重试不会重复上传。',
        errors: ['IDEMPOTENCY_MISMATCH', 'CONFLICT', 'PHOTO_UNREADABLE', 'RATE_LIMITED'],
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
    {
      config,
      schema: {
        tags,
        summary: '提交事项',
        description:
          '群众扫门牌码提交求助、报警、咨询、纠纷等事项，得到回执号和查询链接。须带 Idempotency-Key：' +
          '同一编号重试返回同一回执。提交次数按门牌、地址、手机号限流。',
        errors: ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'CONFLICT', 'RATE_LIMITED', 'PHOTOS_UNAVAILABLE'],
        params: DoorplateParams,
        body: SubmitMatterInput,
        response: { 200: MatterReceipt },
      },
    },
    (req) => submitMatter(req.ctx, req.params.token, key(req.headers), req.body),
  );
  app.get(
    '/public/matters/:tracking',
    {
      config,
      schema: {
        tags,
        summary: '查看我的事项',
        description:
          '凭查询链接看事项的进展：状态、本轮与以往各轮的办结情况和评价、群众可见的时间线。内部备注与民警姓名不会出现。',
        params: TrackingParams,
        response: { 200: ResidentMatterView },
      },
    },
    (req) => residentView(req.ctx, req.params.tracking),
  );
  app.post(
    '/public/matters/:tracking/rating',
    {
      config,
      schema: {
        tags,
        summary: '评价',
        description: '办结后群众评价满意、基本满意或不满意，可附意见；每一轮办理评价一次。不满意的由所长复核回访。',
        errors: ['INVALID_TRANSITION', 'CONFLICT', 'MATTER_CLOSED'],
        params: TrackingParams,
        body: RateMatterInput,
        response: { 200: ResidentMatterView },
      },
    },
    (req) => rateMatter(req.ctx, req.params.tracking, req.body, answeringDevice(req.ctx, req.headers)),
  );
  app.post(
    '/public/matters/:tracking/photos',
    {
      config,
      schema: {
        tags,
        summary: '留言前上传照片',
        description: '群众在事项页留言前先上传照片，规则同提交前上传。',
        errors: ['IDEMPOTENCY_MISMATCH', 'CONFLICT', 'PHOTO_UNREADABLE', 'RATE_LIMITED'],
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
      schema: {
        tags,
        summary: '群众留言',
        description: '群众在事项办结前补充情况或回复派出所，可附照片；带 Idempotency-Key 重试不会重复留言。',
        errors: ['MATTER_CLOSED', 'IDEMPOTENCY_MISMATCH', 'CONFLICT', 'RATE_LIMITED', 'PHOTOS_UNAVAILABLE'],
        params: TrackingParams,
        body: ResidentMessageInput,
        response: { 200: ResidentMatterView },
      },
    },
    (req) => postResidentMessage(req.ctx, req.params.tracking, key(req.headers), req.body),
  );
  app.get(
    '/public/matters/:tracking/photos/:photoId',
    {
      config,
      schema: {
        tags,
        summary: '群众查看照片',
        description: '查询链接下群众可见的照片（原图或缩略图）；内部备注所附照片不对群众开放。',
        params: PhotoParams,
        querystring: PhotoSizeQuery,
      },
    },
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
