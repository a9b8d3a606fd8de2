/** /api/v1/matters: the desk's inbox and every step of handling. */
import {
  AcceptMatterInput,
  Assignees,
  ContactPhoneView,
  DeskReceipt,
  DeskSummary,
  DispatchMatterInput,
  IdParams,
  MatterDetail,
  MatterExportQuery,
  MatterPhotoParams,
  MatterQuery,
  MatterView,
  MergeMatterInput,
  MessageInput,
  NoBody,
  PhotoSizeQuery,
  paged,
  ReasonInput,
  RecordMatterInput,
  ResolveMatterInput,
  SummaryQuery,
  SupervisionBoard,
  UploadPhotosResult,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { matterEvents } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { responsibleOfficer } from '../beats/beats.rule.js';
import { readPhoto, sendPhoto } from '../media/photos.queries.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import { assignees } from './assignees.js';
import { supervisionBoard } from './board.queries.js';
import { recordMatter } from './desk-intake.service.js';
import { exportMatters } from './matters.export.js';
import { deskSummary, findMatters, timeline } from './matters.queries.js';
import { getMatterOrThrow, presentWithPhotos } from './matters.service.js';
import { addMessage, remindAssignee, revealContactPhone } from './messages.service.js';
import { STEP_DOCS, type StepPath } from './steps.docs.js';
import {
  acceptMatter,
  closeMatter,
  dispatchMatter,
  invalidateMatter,
  mergeMatter,
  reopenMatter,
  resolveMatter,
  returnMatter,
  takeMatter,
} from './steps.service.js';

const tags = ['matters'];
const read = { capability: 'matter.read' } as const;

export const matterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/matters',
    {
      config: read,
      schema: {
        tags,
        summary: '事项列表',
        description:
          '值班台的事项列表：超期的在前，其余新的在前；可按状态、类型、评价、工作台计数（counter）、考核指标（kpi，须带期间）、' +
          '受理时段（hour，北京时间 0–23 时）、单位（unitId，其下级都在内，须在本人范围内）、回执号或内容筛选。' +
          '不值守值班台的账号只能列出自己承办的事项（mine=1，即“我的任务”），否则回答 403。',
        querystring: MatterQuery,
        response: { 200: paged(MatterView) },
      },
    },
    (req) => findMatters(req.ctx, req.query),
  );

  app.get(
    '/matters/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出事项清单',
        description:
          '按事项列表的同样筛选（状态、类型、渠道、工作台计数、考核指标与期间、受理时段 hour、单位）导出 XLSX，' +
          '新的在前；须写明导出事由（记入审计，连同筛选条件），文件带导出人水印，不含群众电话。权限与范围同事项列表。',
        querystring: MatterExportQuery,
      },
    },
    async (req, reply) => {
      const { stream, headers } = await exportMatters(req.ctx, req.query);
      reply.type(headers.type).header('content-disposition', headers.disposition);
      return stream;
    },
  );

  app.post(
    '/matters/desk',
    {
      config: { capability: 'matter.desk' },
      schema: {
        tags,
        summary: '值班台代群众登记事项',
        description:
          '电话（24小时值班电话）、窗口来所、110 转来的非警务事项（附警情编号）、12345 工单（附工单编号）由值班台代群众登记，' +
          '登记即受理，进入同一闭环（计时、派单、办结、评价）。事发地点为辖区内的门牌，或没有门牌时的村（社区）、网格。' +
          '群众手机号与扫码提交一样加密保存，凭验证码在“我的事项”中查看；群众同意时，提交成功后发送回执短信（回执号与派出所名称，不含链接），' +
          '短信失败不影响登记，并记入时间线与审计。同一警情编号或工单编号不能重复登记（409）。请求头须带 Idempotency-Key，重复点击只登记一次。',
        body: RecordMatterInput,
        response: { 200: DeskReceipt },
        errors: [
          'IDEMPOTENCY_KEY_REQUIRED',
          'NOT_FOUND',
          'CONFLICT',
          'EXTERNAL_NO_TAKEN',
          'IDEMPOTENCY_MISMATCH',
          'TOO_FREQUENT',
        ],
      },
    },
    (req) => recordMatter(req.ctx, req.headers['idempotency-key'] as string | undefined, req.body),
  );

  app.get(
    '/matters/assignees',
    // Handlers need the list too: an officer or a department transfers onward (转办).
    {
      config: { capability: 'matter.handle' },
      schema: {
        tags,
        summary: '可派单对象',
        description: '本辖区内可以派单或转办的民警、警务队和联动部门；联动部门只能转给其他部门。',
        response: { 200: Assignees },
      },
    },
    (req) => assignees(req.ctx),
  );
  app.get(
    '/matters/summary',
    {
      config: read,
      schema: {
        tags,
        summary: '工作台统计',
        description:
          '今日受理、今日办结、在办、超期、待受理、待接单、不满意待复核、满意率；每个数字与列表的 counter 筛选用同一规则。' +
          'mine=1 只统计自己承办的（不值守值班台的账号必须带）。',
        querystring: SummaryQuery,
        response: { 200: DeskSummary },
      },
    },
    (req) => deskSummary(req.ctx, req.query),
  );
  app.get(
    '/matters/board',
    {
      config: { capability: 'matter.supervise' },
      schema: {
        tags,
        summary: '督办看板',
        description: '本辖区所有未办结事项按承办人（值班台、民警、警务队、部门）分栏，标出当前时限与超期。',
        response: { 200: SupervisionBoard },
      },
    },
    (req) => supervisionBoard(req.ctx),
  );

  app.get(
    '/matters/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '事项详情',
        description:
          '事项的全部信息与完整时间线（含内部备注）、本账号现在可做的操作，以及建议派单的责任民警。' +
          '每次查看记入审计。',
        params: IdParams,
        response: { 200: MatterDetail },
      },
    },
    async (req) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      // A matter holds a resident's words, address and phone: every read by staff is on the record.
      await auditAlone(req.ctx, { action: 'matter.read', result: 'ok', targetType: 'matter', targetId: matter.id });
      return {
        ...(await presentWithPhotos(req.ctx, matter)),
        timeline: await timeline(req.ctx, matter.id, true),
        suggestedAssignee: await responsibleOfficer(req.ctx.db, matter.unitPath),
      };
    },
  );

  app.get(
    '/matters/:id/contact-phone',
    {
      config: read,
      schema: {
        tags,
        summary: '查看群众电话',
        description: '回电时查看群众的完整手机号（列表中是脱敏的）；只有能回复该事项的人可以查看，每次查看记入审计。',
        params: IdParams,
        response: { 200: ContactPhoneView },
      },
    },
    (req) => revealContactPhone(req.ctx, req.params.id),
  );

  app.post(
    '/matters/:id/photos',
    {
      config: { capability: 'matter.handle' },
      schema: {
        tags,
        summary: '工作人员上传照片',
        description: '回复或备注前先上传照片（字段 photo，规则同群众上传），再在回复或备注中引用。',
        errors: ['IDEMPOTENCY_MISMATCH', 'CONFLICT', 'PHOTO_UNREADABLE'],
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 200: UploadPhotosResult },
      },
    },
    async (req) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      const files = await readPhotoParts(req);
      const sender = { owner: { type: 'matter' as const, id: matter.id }, staffId: actorOf(req.ctx).id };
      return storePhotos(req.ctx, sender, req.headers['idempotency-key'] as string | undefined, files, false);
    },
  );
  app.get(
    '/matters/:id/photos/:photoId',
    {
      config: read,
      schema: {
        tags,
        summary: '查看照片',
        description: '事项中的一张照片（原图或缩略图）；查看原图记入审计。',
        params: MatterPhotoParams,
        querystring: PhotoSizeQuery,
      },
    },
    async (req, reply) => {
      const matter = await getMatterOrThrow(req.ctx, req.params.id);
      const owner = { type: 'matter' as const, id: matter.id };
      const photo = await readPhoto(req.ctx.db, owner, matterEvents, req.params.photoId, req.query.size);
      if (photo && req.query.size === 'full')
        await auditAlone(req.ctx, {
          action: 'matter.photo_read',
          result: 'ok',
          targetType: 'matter',
          targetId: matter.id,
          details: { photoId: req.params.photoId },
        });
      if (!photo) throw new AppError('NOT_FOUND', { what: 'photo' });
      return sendPhoto(reply, photo);
    },
  );

  const post = <S extends z.ZodType>(
    path: StepPath,
    body: S,
    handler: (ctx: Ctx, id: string, body: z.infer<S>) => Promise<MatterView>,
  ) =>
    app.post(
      `/matters/:id/${path}`,
      { config: read, schema: { tags, ...STEP_DOCS[path], params: IdParams, body, response: { 200: MatterView } } },
      (req) => handler(req.ctx, req.params.id, req.body as z.infer<S>),
    );

  post('accept', AcceptMatterInput, acceptMatter);
  post('invalidate', ReasonInput, invalidateMatter);
  post('dispatch', DispatchMatterInput, (ctx, id, b) => dispatchMatter(ctx, id, b, 'dispatch'));
  post('transfer', DispatchMatterInput, (ctx, id, b) => dispatchMatter(ctx, id, b, 'transfer'));
  post('take', NoBody, takeMatter);
  post('return', ReasonInput, returnMatter);
  post('resolve', ResolveMatterInput, (ctx, id, b) => resolveMatter(ctx, id, b.outcome));
  post('reopen', ReasonInput, reopenMatter);
  post('close', NoBody, closeMatter);
  post('merge', MergeMatterInput, mergeMatter);
  post('reply', MessageInput, (ctx, id, b) => addMessage(ctx, id, b, 'public'));
  post('note', MessageInput, (ctx, id, b) => addMessage(ctx, id, b, 'internal'));
  post('remind', ReasonInput, (ctx, id, b) => remindAssignee(ctx, id, b.reason));
};
