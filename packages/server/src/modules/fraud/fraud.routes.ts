/** /api/v1 反诈预警 (staff): instructions, desk entry, assign, verify, figures, settings; upstream systems beside. */
import {
  DeskFraudInput,
  FraudAssignInput,
  FraudExportQuery,
  FraudFigures,
  FraudFiguresQuery,
  FraudInstructionView,
  FraudListQuery,
  FraudPage,
  FraudSettings,
  FraudVerifyInput,
  IdParams,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';
import { exportInstructions } from './export.js';
import { fraudFigures } from './figures.js';
import { getInstruction, listInstructions } from './instructions.queries.js';
import { receiveAtDesk } from './instructions.service.js';
import { readFraudSettings, saveFraudSettings } from './settings.js';
import { fraudUpstreamAdminRoutes } from './upstreams.routes.js';
import { assignInstruction, verifyInstruction } from './verify.service.js';

const tags = ['fraud'];
const handle = { capability: 'fraud.handle' } as const;
const desk = { capability: 'fraud.desk' } as const;

async function deskEntry(ctx: Ctx, input: DeskFraudInput) {
  const station = await stationInScope(ctx, input.stationId);
  if (!canSeePath(actorOf(ctx), station.path)) throw new AppError('FORBIDDEN');
  const { row } = await receiveAtDesk(ctx, { id: station.id, path: station.path }, input);
  return getInstruction(ctx, row.id);
}

export const fraudRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/fraud/instructions',
    {
      config: handle,
      schema: {
        tags,
        summary: '反诈预警指令列表',
        description:
          'view=mine：交给本人核查的指令；view=all：值班台和所长查看本辖区全部指令（需 fraud.desk）。可按状态、是否超时、诈骗类型、核查结果（outcome）、接收日期（from/to，北京时间）和单位（unitId：派出所或县局，须在本人范围内）筛选。列表只显示脱敏的姓名和手机号，按接收时间倒序，before 翻页；total 为符合条件的总数。',
        querystring: FraudListQuery,
        response: { 200: FraudPage },
      },
    },
    (req) => listInstructions(req.ctx, req.query),
  );
  app.get(
    '/fraud/instructions/export',
    {
      config: handle,
      schema: {
        tags,
        summary: '导出反诈预警指令列表',
        description:
          '按列表的筛选条件（view、状态、是否超时、诈骗类型、核查结果、接收日期 from/to、单位 unitId）导出 XLSX，逐页读取、边读边写；姓名和手机号同列表一样脱敏。须填写导出事由（reason），事由和筛选条件记入审计，文件末行和页脚带导出人水印。',
        errors: ['FORBIDDEN', 'NOT_FOUND'],
        querystring: FraudExportQuery,
      },
    },
    async (req, reply) => {
      const { stream, headers } = await exportInstructions(req.ctx, req.query);
      reply.type(headers.type).header('content-disposition', headers.disposition);
      return stream;
    },
  );
  app.post(
    '/fraud/instructions',
    {
      config: desk,
      schema: {
        tags,
        summary: '值班台录入预警指令',
        description:
          '值班台录入电话或纸质下发的反诈预警指令：按门牌编号或地址找到门牌户，派给所在网格的责任民警并通知其手机；找不到责任民警的留在值班台指派。姓名、手机号、地址加密保存。记入审计。',
        errors: ['FRAUD_UNROUTABLE'],
        body: DeskFraudInput,
        response: { 200: FraudInstructionView },
      },
    },
    (req) => deskEntry(req.ctx, req.body),
  );
  app.get(
    '/fraud/instructions/:id',
    {
      config: handle,
      schema: {
        tags,
        summary: '预警指令详情',
        description:
          '完整的姓名、手机号、地址和线索只给负责核查的民警、本所值班台和所长，每次查看记入审计；其他人员无权查看。超过保存期限的指令只显示“（已删除）”。',
        errors: ['FRAUD_NOT_HANDLER'],
        params: IdParams,
        response: { 200: FraudInstructionView },
      },
    },
    (req) => getInstruction(req.ctx, req.params.id),
  );
  app.post(
    '/fraud/instructions/:id/assign',
    {
      config: desk,
      schema: {
        tags,
        summary: '指派核查民警',
        description:
          '值班台把未核查的指令交给本所可处置反诈预警的民警或辅警，并通知其手机。版本号不符回答 CONFLICT。记入审计。',
        errors: ['FRAUD_VERIFIED', 'CONFLICT'],
        params: IdParams,
        body: FraudAssignInput,
        response: { 200: FraudInstructionView },
      },
    },
    (req) => assignInstruction(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/fraud/instructions/:id/verify',
    {
      config: handle,
      schema: {
        tags,
        summary: '登记核查劝阻结果',
        description:
          '负责民警或值班台登记联系方式、联系时间、结果（劝阻成功、已被骗及金额、未联系上及次数、误报）、挽损金额和后续措施，只能登记一次。上级平台下发的指令随即进入反馈（推送或拉取）。记入审计。',
        errors: ['FRAUD_NOT_HANDLER', 'FRAUD_VERIFIED', 'FRAUD_PURGED', 'CONFLICT'],
        params: IdParams,
        body: FraudVerifyInput,
        response: { 200: FraudInstructionView },
      },
    },
    (req) => verifyInstruction(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/fraud/figures',
    {
      config: { capability: 'fraud.figures' },
      schema: {
        tags,
        summary: '反诈预警统计',
        description:
          '某派出所或本辖区的接收数、核查数、按时联系数、劝阻成功、已被骗、未联系上、误报、挽损金额和被骗金额，合计、按诈骗类型、按月（北京时间），最长 60 个月。只有数字，不含个人信息。',
        querystring: FraudFiguresQuery,
        response: { 200: FraudFigures },
      },
    },
    (req) => fraudFigures(req.ctx, req.query),
  );
  app.get(
    '/stations/:id/fraud-settings',
    {
      config: handle,
      schema: {
        tags,
        summary: '本所反诈预警规则',
        description: '高风险和其他指令的联系时限（分钟）、提前提醒值班台的分钟数、个人信息保存天数。',
        params: IdParams,
        response: { 200: FraudSettings },
      },
    },
    (req) => readFraudSettings(req.ctx, req.params.id),
  );
  app.put(
    '/stations/:id/fraud-settings',
    {
      config: { capability: 'fraud.manage' },
      schema: {
        tags,
        summary: '修改本所反诈预警规则',
        description: '所长（或上级）修改联系时限、提醒时间和保存期限；对之后收到的指令生效。记入审计。',
        params: IdParams,
        body: FraudSettings,
        response: { 200: FraudSettings },
      },
    },
    (req) => saveFraudSettings(req.ctx, req.params.id, req.body),
  );
  await app.register(fraudUpstreamAdminRoutes);
};
