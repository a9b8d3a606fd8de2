/** /api/v1 宣传与预警 (staff): compose, review, send, withdraw; the reach preview; settings; photos. */
import {
  Id,
  IdParams,
  Ok,
  UploadPhotosResult,
  WARNING_ACTION_LABELS,
  type WarningAction,
  WarningActionInput,
  WarningExportQuery,
  WarningInput,
  WarningListQuery,
  WarningPage,
  WarningPreviewInput,
  WarningReachPreview,
  WarningSettings,
  WarningUpdateInput,
  WarningView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportWarnings } from './export.js';
import { readWarningSettings, saveWarningSettings } from './settings.js';
import { uploadWarningPhotos, warningPhotoForStaff } from './staff-photos.js';
import { warningForStaff } from './warnings.policy.js';
import { listWarnings, previewReach } from './warnings.queries.js';
import { createWarning, deleteWarning, updateWarning } from './warnings.service.js';
import { presentWarning } from './warnings.view.js';
import { takeWarningAction } from './workflow.js';

const tags = ['warnings'];
const read = { capability: 'warning.read' } as const;
const write = { capability: 'warning.write' } as const;
type WarningStepAction = Exclude<WarningAction, 'edit' | 'delete'>;
/** What each step does, for the API docs (WARNING_ACTIONS in shared is the table the service checks). */
const STEP_WORDS: Record<WarningStepAction, string> = {
  submit:
    '起草人把紧急预警的草稿提交所长审核；at 为审核通过后的发布时间（可不填，即审核通过后立即发布）。非紧急预警无需审核，回答 WARNING_STATUS。',
  approve:
    '所长（warning.review）审核通过待审核的紧急预警：立即发布，或在提交时定了 at 且未到时转为定时待发。不能审核自己起草的（WARNING_REVIEW_OWN）。',
  reject: '所长把待审核的紧急预警退回起草人修改，note 写明原因（必填）。',
  send: '起草人立即发布非紧急草稿，或起草人、所长立即发布定时待发的预警：推送到目标区域的门牌页、议事厅置顶公告、订阅短信。紧急草稿须先审核。',
  schedule: '起草人定时发布非紧急草稿：at 须晚于现在、早于过期时间，到时由系统发布。',
  unschedule: '起草人或所长取消定时，预警回到草稿。',
  withdraw:
    '撤回：已发布的须写 correction 更正说明，群众看到更正说明，议事厅里的公告取消置顶并发出更正；待审核、定时待发的撤回为草稿，无需更正说明。',
};
const TARGET =
  '发布范围为本所的派出所、乡镇、村（社区）、网格（须在本人权限范围内）、本所未关闭的议事厅群，或订阅该类别的群众；超出时回答 WARNING_TARGET_FOREIGN 并指出是哪一个。';

export const warningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/warnings',
    {
      config: read,
      schema: {
        tags,
        summary: '预警与宣传列表',
        description:
          '本人可见的预警与宣传（本所及下属单位的人员看到本所已发布、已撤回的和自己的草稿），按创建时间倒序；可按状态、类别、等级、派出所、发布日期（from/to，北京时间）和单位（unitId：派出所或县局，须在本人范围内）筛选，before 为上一页最后一条的创建时间；total 为符合条件的总数。每条带送达、查看、知晓等合计数。',
        querystring: WarningListQuery,
        response: { 200: WarningPage },
      },
    },
    (req) => listWarnings(req.ctx, req.query),
  );
  app.get(
    '/warnings/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出预警与宣传列表',
        description:
          '按列表的筛选条件（状态、类别、等级、派出所、发布日期 from/to、单位 unitId）导出 XLSX，逐页读取、边读边写；须填写导出事由（reason），事由和筛选条件记入审计，文件末行和页脚带导出人水印。',
        errors: ['NOT_FOUND', 'FORBIDDEN'],
        querystring: WarningExportQuery,
      },
    },
    async (req, reply) => {
      const { stream, headers } = await exportWarnings(req.ctx, req.query);
      reply.type(headers.type).header('content-disposition', headers.disposition);
      return stream;
    },
  );
  app.post(
    '/warnings',
    {
      config: write,
      schema: {
        tags,
        summary: '起草预警',
        description: `在本人范围内的派出所起草一条预警或宣传（草稿）。类别须为本所的类别；过期时间须晚于现在；照片须为本人先通过 /warnings/photos 上传的，音视频须为本人上传且未使用的。${TARGET} 记入审计（不含正文）。`,
        errors: ['WARNING_TARGET_FOREIGN', 'ROOM_CLOSED', 'PHOTOS_UNAVAILABLE'],
        body: WarningInput,
        response: { 200: WarningView },
      },
    },
    (req) => createWarning(req.ctx, req.body),
  );
  app.post(
    '/warnings/preview',
    {
      config: write,
      schema: {
        tags,
        summary: '发布前预览覆盖范围',
        description: `发布前看这条预警能到达多少：目标区域的门牌户数（重叠区域只算一次）和其中扫过码的户数、订阅该类别的手机数和其中同意接收短信的数、议事厅群数，以及带签名的短信原文。${TARGET}`,
        errors: ['WARNING_TARGET_FOREIGN', 'ROOM_CLOSED'],
        body: WarningPreviewInput,
        response: { 200: WarningReachPreview },
      },
    },
    (req) => previewReach(req.ctx, req.body),
  );
  app.post(
    '/warnings/photos',
    {
      config: write,
      schema: {
        tags,
        summary: '上传预警照片',
        description:
          '先上传照片（字段 photo，最多 9 张，规则同群众上传，去除 EXIF），再在草稿中按 id 引用；一天内未被草稿引用的照片会被清除。带 Idempotency-Key 重试不会重复上传。',
        errors: ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_MISMATCH', 'PHOTO_UNREADABLE'],
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    (req) => uploadWarningPhotos(req),
  );
  app.get(
    '/warnings/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '预警详情',
        description: '预警的内容、发布范围、照片与音视频、起草人与审核人、送达与查看合计，以及本人现在可以做的操作。',
        params: IdParams,
        response: { 200: WarningView },
      },
    },
    async (req) => presentWarning(req.ctx, await warningForStaff(req.ctx, req.params.id)),
  );
  app.put(
    '/warnings/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改草稿',
        description: `起草人修改自己的草稿（整体替换）；带上读到的 version，他人已修改时回答 CONFLICT。${TARGET}`,
        errors: ['WARNING_STATUS', 'WARNING_TARGET_FOREIGN', 'ROOM_CLOSED', 'PHOTOS_UNAVAILABLE', 'CONFLICT'],
        params: IdParams,
        body: WarningUpdateInput,
        response: { 200: WarningView },
      },
    },
    (req) => updateWarning(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/warnings/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '删除草稿',
        description: '起草人删除自己的草稿，连同其照片和音视频；带上读到的 version。记入审计。',
        errors: ['WARNING_STATUS', 'CONFLICT'],
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }).strict(),
        response: { 200: Ok },
      },
    },
    async (req) => {
      await deleteWarning(req.ctx, req.params.id, req.query.version);
      return { ok: true as const };
    },
  );
  for (const [action, what] of Object.entries(STEP_WORDS) as [WarningStepAction, string][]) {
    app.post(
      `/warnings/:id/${action}`,
      {
        config: read,
        schema: {
          tags,
          summary: `预警：${WARNING_ACTION_LABELS[action].zh}`,
          description: `${what}带上读到的 version；每一步记入审计（不含正文），回答本人现在看到的预警及可做的操作。`,
          errors: ['WARNING_STATUS', 'WARNING_REVIEW_OWN', 'WARNING_REVIEW_REQUIRED', 'CONFLICT', 'ROOM_CLOSED'],
          params: IdParams,
          body: WarningActionInput,
          response: { 200: WarningView },
        },
      },
      (req) => takeWarningAction(req.ctx, req.params.id, action, req.body),
    );
  }
  app.get(
    '/warnings/:id/photos/:photoId',
    {
      config: read,
      schema: {
        tags,
        summary: '预警照片',
        description: '本人可见的预警的一张照片；size=thumb 取缩略图。',
        params: z.object({ id: Id, photoId: Id }).strict(),
        querystring: z.object({ size: z.enum(['full', 'thumb']).default('full') }).strict(),
      },
    },
    (req, reply) => warningPhotoForStaff(req.ctx, reply, req.params.id, req.params.photoId, req.query.size),
  );
  app.get(
    '/stations/:id/warning-settings',
    {
      config: read,
      schema: {
        tags,
        summary: '预警规则',
        description: '本所的预警规则：默认类别之外的本所类别、短信签名、短信发送速率与每日上限、查收记录保存天数。',
        params: IdParams,
        response: { 200: WarningSettings },
      },
    },
    (req) => readWarningSettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/warning-settings',
    {
      config: { capability: 'warning.review' },
      schema: {
        tags,
        summary: '保存预警规则',
        description:
          '所长设置本所的预警规则；本所类别的代码不能与默认类别或彼此重复。短信签名须与短信服务商处报备的一致，未设置时用派出所名称。记入审计。',
        params: IdParams,
        body: WarningSettings,
        response: { 200: WarningSettings },
      },
    },
    (req) => saveWarningSettings(req.ctx, req.params.id, req.body),
  );
};
