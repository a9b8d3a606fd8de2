/** /api/v1 矛盾纠纷: cases opened, classified, assessed, coloured, their parties; a station's dispute settings. */
import {
  AssessmentInput,
  ClassificationInput,
  ColourInput,
  DisputeBoard,
  DisputeFilters,
  DisputeFromMatterInput,
  DisputeInput,
  DisputeList,
  DisputeListQuery,
  DisputeSettings,
  DisputeView,
  disputeFilterRules,
  Id,
  IdParams,
  NoBody,
  PartyInput,
  PartyRevealed,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditAlone, type Ctx } from '../../platform/context.js';
import { ExportReason, streamListExport } from '../../platform/list-export.js';
import { agreementsRoutes } from './agreements.routes.js';
import { disputesExport, listDisputes } from './case-list.js';
import { disputeBoard, getCaseOrThrow, viewDispute } from './disputes.queries.js';
import { addParty, assess, classify, openAtDesk, openFromMatter, recolour } from './disputes.service.js';
import { followUpsRoutes } from './follow-ups.routes.js';
import { revealParty } from './parties.js';
import { sessionsRoutes } from './sessions.routes.js';
import { readDisputeSettings, saveDisputeSettings } from './settings.js';
import { transfersRoutes } from './transfers.routes.js';

const tags = ['disputes'];
const read = { capability: 'dispute.read' } as const;
const handle = { capability: 'dispute.handle' } as const;
const PartyParams = z.object({ id: Id, partyId: Id }).strict();
const DisputeExportQuery = disputeFilterRules(DisputeFilters.extend(ExportReason.shape));

/** The case as its page shows it after a change (the actor just changed it, so it is in sight). */
const shown = (ctx: Ctx, id: string) => viewDispute(ctx, id);

export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(sessionsRoutes);
  await app.register(agreementsRoutes);
  await app.register(transfersRoutes);
  await app.register(followUpsRoutes);
  app.post(
    '/matters/:id/dispute',
    {
      config: handle,
      schema: {
        tags,
        summary: '转为矛盾纠纷案件',
        description:
          '把群众提交的“矛盾纠纷”类事项转为矛盾纠纷案件（来源：码上办）：事实取自群众的原话，标题不填时取前 30 个字，门牌与辖区随事项，颜色方案按本所纠纷设置。群众的查询页同时显示“已转为矛盾纠纷调解”。一个事项只能转一次。',
        errors: ['NOT_A_DISPUTE_MATTER', 'DISPUTE_MATTER_NOT_ACCEPTED', 'DISPUTE_EXISTS'],
        params: IdParams,
        body: DisputeFromMatterInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => shown(req.ctx, (await openFromMatter(req.ctx, req.params.id, req.body)).id),
  );
  app.post(
    '/stations/:id/disputes',
    {
      config: handle,
      schema: {
        tags,
        summary: '登记矛盾纠纷案件',
        description:
          '值班台或民警登记来所、电话、110 移交或摸排发现的矛盾纠纷：指明本所的一户门牌或一个村（网格），可同时登记当事人（姓名、电话、身份证号加密保存，列表中脱敏显示）。',
        params: IdParams,
        body: DisputeInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => shown(req.ctx, (await openAtDesk(req.ctx, req.params.id, req.body)).id),
  );
  app.get(
    '/stations/:id/disputes',
    {
      config: read,
      schema: {
        tags,
        summary: '矛盾纠纷案件列表',
        description:
          '本所在查看范围内的矛盾纠纷案件，最新受理的在前；可按状态、等级、颜色、类别、来源筛选，按案件编号或标题查找。地点为门牌地址或村（网格）名称。',
        params: IdParams,
        querystring: DisputeListQuery,
        response: { 200: DisputeList },
      },
    },
    (req) => listDisputes(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/disputes',
    {
      config: read,
      schema: {
        tags,
        summary: '矛盾纠纷案件列表（按辖区）',
        description:
          '查看范围内的矛盾纠纷案件，可跨派出所（分局看所辖各所）：unitId 限定为某一单位（派出所、分局、村）及其下级，须在查看范围内。' +
          '看板的数字点开即此列表：set 与 from、to 给出该数字统计的案件（期内受理、期内化解、期末在办、期内移交、化解率基数、期末在办或期内受理），' +
          'age 给出期末在办案件的在办时长；其余筛选同本所列表。',
        errors: ['NOT_FOUND', 'FORBIDDEN'],
        querystring: DisputeListQuery,
        response: { 200: DisputeList },
      },
    },
    (req) => listDisputes(req.ctx, undefined, req.query),
  );
  app.get(
    '/disputes/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出矛盾纠纷案件',
        description:
          '按与案件列表相同的筛选导出 XLSX（流式，不限行数）：须写明导出事由，事由与筛选条件记入审计（export.disputes）；' +
          '每页页脚和末行带导出人水印。当事人信息不导出。',
        errors: ['NOT_FOUND', 'FORBIDDEN'],
        querystring: DisputeExportQuery,
      },
    },
    async (req, reply) => {
      const { reason, ...filters } = req.query;
      const spec = await disputesExport(req.ctx, filters);
      const { stream, headers } = await streamListExport(req.ctx, spec, { reason, filters, targetId: filters.unitId });
      reply.type(headers.type).header('content-disposition', headers.disposition);
      return stream;
    },
  );
  app.get(
    '/stations/:id/disputes/board',
    {
      config: read,
      schema: {
        tags,
        summary: '三色看板',
        description:
          '所长的三色看板：本所未结案件（不含已化解和调解未成）按颜色和等级逐格计数，未定色、未评估的单独成格；' +
          '以及本所颜色方案中最高一级颜色（如“红”）里受理最早的 10 件。',
        params: IdParams,
        response: { 200: DisputeBoard },
      },
    },
    (req) => disputeBoard(req.ctx, req.params.id),
  );
  app.get(
    '/disputes/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '查看矛盾纠纷案件',
        description:
          '案件详情：事实、来源事项、当事人（脱敏；未满 16 周岁的标明需监护人到场）、分级评估和颜色变更的历史（最新的在前）。每次查看记入审计。',
        params: IdParams,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      const c = await getCaseOrThrow(req.ctx, req.params.id, true);
      await auditAlone(req.ctx, { action: 'dispute.read', result: 'ok', targetType: 'dispute', targetId: c.id });
      return viewDispute(req.ctx, c.id);
    },
  );
  app.put(
    '/disputes/:id/classification',
    {
      config: handle,
      schema: {
        tags,
        summary: '案件分类',
        description: '分类受理：设置案件的类别（征地拆迁、劳资、治安、安全、其他）和本所的子类。',
        errors: ['CONFLICT', 'DISPUTE_CLOSED'],
        params: IdParams,
        body: ClassificationInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await classify(req.ctx, req.params.id, req.body);
      return shown(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/assessments',
    {
      config: handle,
      schema: {
        tags,
        summary: '分级评估',
        description:
          '按涉及人数、争议金额、扬言报复、曾有冲突、一人（事、地）多警、群体性等因素评定等级（特大、重大、较大、一般、简单）；案件取最新一次的等级，历次评估都保留。',
        errors: ['CONFLICT', 'DISPUTE_CLOSED'],
        params: IdParams,
        body: AssessmentInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await assess(req.ctx, req.params.id, req.body);
      return shown(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/colour',
    {
      config: handle,
      schema: {
        tags,
        summary: '变更颜色',
        description: '三色管理：在案件的颜色方案中选一种颜色，并写明原因；每次变更连同原颜色、变更人和时间一并保留。',
        errors: ['CONFLICT', 'DISPUTE_CLOSED'],
        params: IdParams,
        body: ColourInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await recolour(req.ctx, req.params.id, req.body);
      return shown(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/parties',
    {
      config: handle,
      schema: {
        tags,
        summary: '添加当事人',
        description:
          '添加一名当事人（个人或单位）：姓名、角色、与对方的关系、手机号和身份证号（按国家标准校验）；姓名、电话、身份证号加密保存。',
        errors: ['CONFLICT', 'DISPUTE_CLOSED'],
        params: IdParams,
        body: PartyInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => {
      await addParty(req.ctx, req.params.id, req.body);
      return shown(req.ctx, req.params.id);
    },
  );
  app.post(
    '/disputes/:id/parties/:partyId/reveal',
    {
      config: handle,
      schema: {
        tags,
        summary: '查看当事人完整信息',
        description: '调解时查看当事人的完整姓名、手机号和身份证号（列表中是脱敏的）；每次查看记入审计。',
        params: PartyParams,
        body: NoBody,
        response: { 200: PartyRevealed },
      },
    },
    async (req) => {
      const c = await getCaseOrThrow(req.ctx, req.params.id);
      return revealParty(req.ctx, c.id, req.params.partyId);
    },
  );
  app.get(
    '/stations/:id/dispute-settings',
    {
      config: read,
      schema: {
        tags,
        summary: '查看纠纷设置',
        description: '本所的矛盾纠纷设置：颜色方案（默认三工派出所的三色）和纠纷子类；未设置时为默认值。',
        params: IdParams,
        response: { 200: DisputeSettings },
      },
    },
    (req) => readDisputeSettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/dispute-settings',
    {
      config: { capability: 'matter.settings' },
      schema: {
        tags,
        summary: '设置纠纷规则',
        description:
          '所长设置本所的颜色方案（三色、修水四色、云和红黄绿之一）和纠纷子类；新受理的案件采用新的颜色方案。',
        params: IdParams,
        body: DisputeSettings,
        response: { 200: DisputeSettings },
      },
    },
    (req) => saveDisputeSettings(req.ctx, req.params.id, req.body),
  );
};
