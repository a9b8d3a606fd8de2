/** /api/v1 隐患台账: a station's hazard kinds, its register and figures, and each hazard's fix and verification. */
import {
  HazardExportQuery,
  HazardFigures,
  HazardFiguresQuery,
  HazardListQuery,
  HazardPage,
  HazardSettings,
  HazardView,
  IdParams,
  MatterPhotoParams,
  MyHazardSettings,
  PhotoSizeQuery,
  RecordHazardInput,
  RectifyHazardInput,
  UploadPhotosResult,
  VerifyHazardInput,
  VoidHazardInput,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/context.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import { stationInScope } from '../settings/settings.service.js';
import { hazardFigures } from './figures.js';
import { hazardInSight, presentHazard } from './hazards.queries.js';
import { pendingOwner, recordHazard, rectifyHazard, verifyHazard, voidHazard } from './hazards.service.js';
import { exportHazards, listHazards } from './list.queries.js';
import { readHazardPhoto } from './photos.js';
import { myHazardSettings, readHazardSettings, saveHazardSettings } from './settings.js';

const keyOf = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;

export const hazardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['field'];
  const read = { capability: 'field.read' } as const;
  const work = { capability: 'field.work' } as const;
  app.get(
    '/stations/:id/hazard-settings',
    {
      config: read,
      schema: {
        tags,
        summary: '隐患设置',
        description: '本所的隐患类别及整改期限（天）。',
        params: IdParams,
        response: { 200: HazardSettings },
      },
    },
    (req) => readHazardSettings(req.ctx, req.params.id),
  );
  app.get(
    '/my-hazard-settings',
    {
      config: read,
      schema: {
        tags,
        summary: '本人所在派出所的隐患类别',
        description:
          '外勤手机页的起点：本人所属的派出所（网格员看不到派出所节点时也能得到）及其隐患类别和整改期限。' +
          '本人不属于任何派出所（如分局账号）时回答 404。',
        errors: ['NOT_FOUND'],
        response: { 200: MyHazardSettings },
      },
    },
    (req) => myHazardSettings(req.ctx),
  );
  app.put(
    '/stations/:id/hazard-settings',
    {
      config: { capability: 'field.manage' },
      schema: {
        tags,
        summary: '保存隐患设置',
        description: '所长设置隐患类别（key 一经使用请勿更改，名称可改）、默认整改期限和各类别的整改期限；记入审计。',
        params: IdParams,
        body: HazardSettings,
        response: { 200: HazardSettings },
      },
    },
    (req) => saveHazardSettings(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/stations/:id/hazard-photos',
    {
      config: work,
      schema: {
        tags,
        summary: '上传隐患照片',
        description:
          '登记隐患前先上传现场照片（字段 photo，最多 9 张），登记时在 photoIds 中引用；请求头须带 Idempotency-Key。',
        errors: ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'CONFLICT', 'PHOTO_UNREADABLE'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      await stationInScope(req.ctx, req.params.id);
      const files = await readPhotoParts(req);
      const sender = { owner: pendingOwner(req.params.id), staffId: actorOf(req.ctx).id };
      return storePhotos(req.ctx, sender, keyOf(req.headers), files, false);
    },
  );
  app.post(
    '/stations/:id/hazards',
    {
      config: work,
      schema: {
        tags,
        summary: '登记隐患',
        description:
          '地点（本人辖区内的村、网格，或门牌地址）、类别（本所的隐患类别）、描述、来源（走访、巡逻、事项须关联本所的对应记录）、' +
          '整改责任方、跟踪责任人（默认本人，须为本所在岗人员）、整改期限（默认发现日加该类别的期限，北京时间，不早于今天）、照片。' +
          '请求头须带 Idempotency-Key：手机离线排队后重发，返回第一次登记的隐患。',
        errors: ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'CONFLICT', 'PHOTOS_UNAVAILABLE', 'NOT_FOUND'],
        params: IdParams,
        body: RecordHazardInput,
        response: { 200: HazardView },
      },
    },
    (req) => recordHazard(req.ctx, req.params.id, keyOf(req.headers), req.body),
  );
  app.get(
    '/stations/:id/hazards',
    {
      config: read,
      schema: {
        tags,
        summary: '隐患台账',
        description:
          '本人可见范围内本所的隐患，按发现时间倒序；可按状态、类别、村或网格（含下级）、是否逾期筛选。' +
          'mine=1：本人跟踪或发现、尚未销号（整改中、待复核）的隐患，整改期限近的在前（手机外勤页）。' +
          'unitId：该单位辖区（村、网格；从看板进入时为派出所或分局，代替本所），须在本人辖区内。' +
          'set：看板数字的明细——found 期间内发现、fixed 期间内销号（须带 from、to，北京时间，含首尾两天），overdue 当前逾期未整改。',
        errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'],
        params: IdParams,
        querystring: HazardListQuery,
        response: { 200: HazardPage },
      },
    },
    (req) => listHazards(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/stations/:id/hazards/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出隐患台账',
        description:
          '按隐患台账的同样筛选导出 XLSX（逐页读取、边读边写），须写明导出事由（reason），记入审计日志；文件末行为导出人水印。',
        errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'],
        params: IdParams,
        querystring: HazardExportQuery,
      },
    },
    async (req, reply) => {
      const { stream, headers } = await exportHazards(req.ctx, req.params.id, req.query);
      reply.type(headers.type).header('content-disposition', headers.disposition);
      return stream;
    },
  );
  app.get(
    '/stations/:id/hazard-figures',
    {
      config: read,
      schema: {
        tags,
        summary: '隐患统计',
        description: '期间内发现、销号的隐患数，以及当前未销号、已逾期的隐患数；按类别和村（社区）分列。作废的不计。',
        params: IdParams,
        querystring: HazardFiguresQuery,
        response: { 200: HazardFigures },
      },
    },
    (req) => hazardFigures(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/hazards/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '隐患详情',
        description: '地点、类别、来源、照片、发现—整改—复核的经过，以及本人可执行的操作。',
        params: IdParams,
        response: { 200: HazardView },
      },
    },
    (req) => hazardInSight(req.ctx, req.params.id).then((h) => presentHazard(req.ctx, h.id)),
  );
  app.post(
    '/hazards/:id/photos',
    {
      config: work,
      schema: {
        tags,
        summary: '上传整改照片',
        description:
          '上报整改前先上传整改后的照片（字段 photo），上报时在 photoIds 中引用；请求头须带 Idempotency-Key。',
        errors: ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'CONFLICT', 'PHOTO_UNREADABLE'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      const h = await hazardInSight(req.ctx, req.params.id);
      const files = await readPhotoParts(req);
      const sender = { owner: { type: 'hazard' as const, id: h.id }, staffId: actorOf(req.ctx).id };
      return storePhotos(req.ctx, sender, keyOf(req.headers), files, false);
    },
  );
  app.get(
    '/hazards/:id/photos/:photoId',
    {
      config: read,
      schema: {
        tags,
        summary: '查看隐患照片',
        description: '隐患的一张现场或整改照片（原图或缩略图）。',
        params: MatterPhotoParams,
        querystring: PhotoSizeQuery,
      },
    },
    (req, reply) => readHazardPhoto(req.ctx, reply, req.params.id, req.params.photoId, req.query.size),
  );
  const step = (path: string, summary: string, description: string) => ({
    config: work,
    schema: {
      tags,
      summary,
      description,
      params: IdParams,
      errors: ['CONFLICT', 'INVALID_TRANSITION'] as const,
      response: { 200: HazardView },
    },
    path,
  });
  const rectify = step(
    '/hazards/:id/rectify',
    '上报整改',
    '责任人（或所长）上报整改情况和照片；带上读到的 version，他人已修改时回答 409。' +
      '可带 Idempotency-Key（手机离线排队）：同一键重发返回第一次上报后的隐患，不再回答 409。',
  );
  const rectifyErrors = ['CONFLICT', 'INVALID_TRANSITION', 'IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH'] as const;
  const rectifySchema = { ...rectify.schema, body: RectifyHazardInput, errors: rectifyErrors };
  app.post(rectify.path, { ...rectify, schema: rectifySchema }, (req) =>
    rectifyHazard(req.ctx, req.params.id, req.body, keyOf(req.headers)),
  );
  const verify = step(
    '/hazards/:id/verify',
    '复核整改',
    '由责任人和整改上报人以外的人复核：通过即销号；不通过退回整改中，须写明原因。本人复核回答 403。',
  );
  app.post(verify.path, { ...verify, schema: { ...verify.schema, body: VerifyHazardInput } }, (req) =>
    verifyHazard(req.ctx, req.params.id, req.body),
  );
  const cancel = step('/hazards/:id/void', '作废隐患', '所长作废误登或重复登记的隐患，须写明原因；记入审计。');
  app.post(
    cancel.path,
    { ...cancel, config: { capability: 'field.manage' }, schema: { ...cancel.schema, body: VoidHazardInput } },
    (req) => voidHazard(req.ctx, req.params.id, req.body),
  );
};
