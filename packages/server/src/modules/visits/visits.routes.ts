/**
 * /api/v1 走访入户: log a household visit (its evaluation opens with it), make what it found a matter or a dispute
 * case in one action, the station's visit plan and care-visit requests, and coverage over a period.
 */
import {
  CareRequestInput,
  CareRequestView,
  CoverageQuery,
  DeskReceipt,
  DisputeView,
  IdParams,
  Ok,
  paged,
  UnvisitedHousehold,
  UnvisitedQuery,
  VisitAddress,
  VisitAddressQuery,
  VisitCoverage,
  VisitDisputeInput,
  VisitExportQuery,
  VisitInput,
  VisitListQuery,
  VisitLogged,
  VisitMatterInput,
  VisitPlan,
  VisitPlanQuery,
  VisitQuery,
  VisitSettings,
  VisitView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewDispute } from '../disputes/disputes.queries.js';
import { unvisitedHouseholds, visitCoverage } from './coverage.js';
import {
  endCareVisits,
  listCareRequests,
  readVisitSettings,
  requestCareVisits,
  saveVisitSettings,
  visitPlan,
} from './plan.js';
import { exportVisits, listVisits } from './visits.queries.js';
import { addressesToVisit, logVisit, myVisits, raiseDispute, raiseMatter } from './visits.service.js';

const tags = ['field'];
const key = (headers: Record<string, unknown>) => headers['idempotency-key'] as string | undefined;
const read = { capability: 'field.read' } as const;
const work = { capability: 'field.work' } as const;
const join = { capability: 'field.join' } as const;

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/visits',
    {
      config: join,
      schema: {
        tags,
        summary: '登记走访入户',
        description:
          '民警、干部或网格员登记一次入户走访（三线合一：公安警力线、干部职工线、社区网格线），写明目的（日常走访、住户申请的关爱走访、事项或纠纷回访、反诈宣传）和同行人员，走访时间不能晚于现在。' +
          '同时生成这次走访的评价（走访入户必评，被评价人是走访人），回答中的评价链接可在手机上出示二维码请住户当场评价；' +
          '住户也可在门牌页“待评价”中找到它。门牌户（或企业、单位）须在本人辖区内；平安志愿者记录自己参与的走访，只能记为社区网格线。手机离线时登记的走访带 Idempotency-Key 补发，重发不会重复登记；在手机上保存超过服务器记住密钥的天数的，无法确认是否提交过，予以拒绝。',
        errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION', 'IDEMPOTENCY_MISMATCH', 'ENTRY_TOO_OLD'],
        body: VisitInput,
        response: { 200: VisitLogged },
      },
    },
    (req) => logVisit(req.ctx, req.body, key(req.headers)),
  );
  app.get(
    '/visits/mine',
    {
      config: join,
      schema: {
        tags,
        summary: '我的走访',
        description: '本人登记或作为同行人员参与的走访，新的在前，分页。',
        errors: ['VALIDATION'],
        querystring: VisitQuery,
        response: { 200: paged(VisitView) },
      },
    },
    (req) => myVisits(req.ctx, req.query),
  );
  app.get(
    '/visits/addresses',
    {
      config: join,
      schema: {
        tags,
        summary: '查找要走访的地址',
        description:
          '在本人所在网格或村（社区）内按地址、企业名称或门牌编码查找住户和企业、单位，最多 30 条：只有地址和企业名称，没有住户的个人信息。查询记入审计。',
        errors: ['VALIDATION'],
        querystring: VisitAddressQuery,
        response: { 200: z.array(VisitAddress) },
      },
    },
    (req) => addressesToVisit(req.ctx, req.query.q),
  );
  app.get(
    '/stations/:id/visits',
    {
      config: read,
      schema: {
        tags,
        summary: '走访入户列表',
        description:
          '本所的入户走访记录（本人辖区内），按走访时间新的在前，分页；每条注明住户是否已评价、转成的事项或纠纷。' +
          '可按期间（from、to，北京时间，含首尾两天）、单位（unitId：村、网格；从看板进入时为派出所或分局，代替本所，须在本人辖区内）、条线、住户或企业筛选；' +
          'first=1 每户只列期间内第一次走访（即走访户数，看板“走访覆盖率”的分子）。',
        errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'],
        params: IdParams,
        querystring: VisitListQuery,
        response: { 200: paged(VisitView) },
      },
    },
    (req) => listVisits(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/stations/:id/visits/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出走访入户记录',
        description:
          '按走访列表的同样筛选导出 XLSX（逐页读取、边读边写），须写明导出事由（reason），记入审计日志；文件末行为导出人水印。',
        errors: ['NOT_FOUND', 'FORBIDDEN', 'VALIDATION'],
        params: IdParams,
        querystring: VisitExportQuery,
      },
    },
    async (req, reply) => {
      const { stream, headers } = await exportVisits(req.ctx, req.params.id, req.query);
      reply.type(headers.type).header('content-disposition', headers.disposition);
      return stream;
    },
  );
  app.post(
    '/visits/:id/matter',
    {
      config: work,
      schema: {
        tags,
        summary: '走访发现转为事项',
        description:
          '把住户在走访中提出的诉求一键登记为事项（渠道“走访发现”，地点为该户，直接受理，由值班台派单），并与这次走访关联。须带 Idempotency-Key；一次走访只能转一个事项。',
        errors: ['NOT_FOUND', 'VISIT_ALREADY_RAISED', 'IDEMPOTENCY_KEY_REQUIRED'],
        params: IdParams,
        body: VisitMatterInput,
        response: { 200: DeskReceipt },
      },
    },
    (req) => raiseMatter(req.ctx, req.params.id, key(req.headers), req.body),
  );
  app.post(
    '/visits/:id/dispute',
    {
      config: { capability: 'dispute.handle' },
      schema: {
        tags,
        summary: '走访发现转为纠纷案件',
        description:
          '把走访中摸排到的矛盾纠纷一键登记为纠纷案件（来源“摸排”，地点为该户），可同时登记当事人，并与这次走访关联。一次走访只能转一个案件。',
        errors: ['NOT_FOUND', 'VISIT_ALREADY_RAISED', 'VALIDATION'],
        params: IdParams,
        body: VisitDisputeInput,
        response: { 200: DisputeView },
      },
    },
    async (req) => viewDispute(req.ctx, (await raiseDispute(req.ctx, req.params.id, req.body)).id),
  );
  app.get(
    '/stations/:id/visit-settings',
    {
      config: read,
      schema: {
        tags,
        summary: '走访计划设置',
        description: '本所要求每户至少多少个月走访一次（默认 12 个月）。',
        params: IdParams,
        response: { 200: VisitSettings },
      },
    },
    (req) => readVisitSettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/visit-settings',
    {
      config: { capability: 'field.manage' },
      schema: {
        tags,
        summary: '修改走访计划设置',
        description: '所长设置每户至少多少个月走访一次（1–36 个月）。',
        params: IdParams,
        body: VisitSettings,
        response: { 200: VisitSettings },
      },
    },
    (req) => saveVisitSettings(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/stations/:id/visit-plan',
    {
      config: read,
      schema: {
        tags,
        summary: '待走访住户',
        description:
          '到期或即将到期走访的住户：从未走访、超过本所走访周期、或超过住户申请的关爱走访间隔。到期早的在前，同一天按地址排（邻近的挨着）。mine=1 只列本人所在警务区和网格的住户。',
        params: IdParams,
        querystring: VisitPlanQuery,
        response: { 200: VisitPlan },
      },
    },
    (req) => visitPlan(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/stations/:id/care-requests',
    {
      config: read,
      schema: {
        tags,
        summary: '关爱走访申请',
        description: '住户申请的定期关爱走访（如独居老人），只有住户本人要求时才有。',
        params: IdParams,
        response: { 200: z.array(CareRequestView) },
      },
    },
    (req) => listCareRequests(req.ctx, req.params.id),
  );
  app.post(
    '/households/:id/care-requests',
    {
      config: work,
      schema: {
        tags,
        summary: '登记关爱走访申请',
        description: '住户要求每隔若干天（7–365 天）走访一次，由走访人登记；同一户新的申请替换旧的。',
        params: IdParams,
        body: CareRequestInput,
        response: { 200: CareRequestView },
      },
    },
    (req) => requestCareVisits(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/care-requests/:id/end',
    {
      config: work,
      schema: {
        tags,
        summary: '结束关爱走访',
        description: '住户不再需要定期走访（或已搬离）。',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    (req) => endCareVisits(req.ctx, req.params.id),
  );
  app.get(
    '/stations/:id/visit-coverage',
    {
      config: read,
      schema: {
        tags,
        summary: '走访覆盖率',
        description:
          '期间内走访到的住户数占全部住户的比例（一户多次只算一次），全所按村（社区）分，一个村按网格分；并列出三条线、每位走访人的走访次数和走访户数。日期为北京时间，含首尾两天。',
        params: IdParams,
        querystring: CoverageQuery,
        response: { 200: VisitCoverage },
      },
    },
    (req) => visitCoverage(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/stations/:id/visit-coverage/unvisited',
    {
      config: read,
      schema: {
        tags,
        summary: '期间内未走访的住户',
        description: '期间内还没有走访过的住户，按地址排序，分页，附最近一次走访时间。',
        params: IdParams,
        querystring: UnvisitedQuery,
        response: { 200: paged(UnvisitedHousehold) },
      },
    },
    (req) => unvisitedHouseholds(req.ctx, req.params.id, req.query),
  );
};
