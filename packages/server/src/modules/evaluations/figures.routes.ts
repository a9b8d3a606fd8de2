/**
 * /api/v1/stations/:id/evaluation-figures (and .xlsx), /api/v1/units/:id/evaluation-figures:
 * 评价统计 for the station's chief and the bureau above it.
 */
import {
  EvaluationExportQuery,
  EvaluationFigures,
  EvaluationFiguresQuery,
  EvaluationListItem,
  EvaluationListQuery,
  IdParams,
  MyEvaluationFigures,
  paged,
  UnitEvaluationFigures,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/context.js';
import { figuresWorkbook } from './figures.export.js';
import { myFigures, stationFigures, unitFigures } from './figures.service.js';
import { exportEvaluations } from './list.export.js';
import { findEvaluations } from './list.queries.js';

const tags = ['evaluations'];
// Supervising the station's work (所长, 县局督导; the duty officer who runs the 督办看板 too): per-officer figures
// are supervision, so a reading right every officer holds (matter.read) is too wide.
const config = { capability: 'matter.supervise' } as const;
const how =
  '满意率 = 满意（含基本满意）÷ 有满意度的评价，附条数；参评率 = 已评价 ÷（已评价 + 过期未评价），待评价不计入；' +
  '待确认（同一设备短时间多次提交被标出）的评价在所长确认前不计入任何数字；民警有满意度的评价不足 5 条时只标“样本不足”。' +
  '月份按评价请求发出时的北京时间计。';

export const figuresRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stations/:id/evaluation-figures',
    {
      config,
      schema: {
        tags,
        summary: '评价统计',
        description: `派出所在所选月份内的五必评统计：总计、按类型、按月份、按民警、按队、按村（社区），以及复核与回访。${how}`,
        errors: ['NOT_FOUND'],
        params: IdParams,
        querystring: EvaluationFiguresQuery,
        response: { 200: EvaluationFigures },
      },
    },
    (req) => stationFigures(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/stations/:id/evaluation-figures.xlsx',
    {
      config,
      schema: {
        tags,
        summary: '导出评价统计',
        description:
          '把评价统计导出为 XLSX：第一张表“说明”逐项写明计算方法，其后每张表对应页面上的一张统计表，表头为中文；文件带导出人水印。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        querystring: EvaluationFiguresQuery,
      },
    },
    async (req, reply) => {
      const figures = await stationFigures(req.ctx, req.params.id, req.query);
      const watermark = `${actorOf(req.ctx).username} ${req.ctx.now().toISOString()}`;
      const name = encodeURIComponent(`评价统计-${figures.stationName}-${figures.from}-${figures.to}.xlsx`);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${name}`);
      reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return figuresWorkbook(figures, watermark);
    },
  );
  app.get(
    '/units/:id/evaluation-figures',
    {
      config,
      schema: {
        tags,
        summary: '各所评价统计对比',
        description: `县局（或任一上级节点）下各派出所的评价统计并列：每所的总计与复核回访。${how}`,
        errors: ['NOT_FOUND'],
        params: IdParams,
        querystring: EvaluationFiguresQuery,
        response: { 200: UnitEvaluationFigures },
      },
    },
    (req) => unitFigures(req.ctx, req.params.id, req.query),
  );
  app.get(
    '/evaluation-figures/mine',
    {
      config: { capability: 'matter.handle' },
      schema: {
        tags,
        summary: '我的评价',
        description:
          `被评价的本人查看自己工作的评价统计（总计、按类型、按月份），只有数字，不含群众的回答。${how}` +
          '本人的数字不足 5 条时也显示给本人，并注明样本不足。',
        querystring: EvaluationFiguresQuery,
        response: { 200: MyEvaluationFigures },
      },
    },
    (req) => myFigures(req.ctx, req.query),
  );
  app.get(
    '/evaluations',
    {
      config,
      schema: {
        tags,
        summary: '评价清单',
        description:
          '本所（或县局下各所、或所选单位 unitId 下各所）发出的评价请求，新的在前：按期间（发出评价的北京时间日期）、' +
          '类型、结果（已评价、有满意度、满意、不满意、过期未评价、待评价、待确认）和复核（已发起、已关闭、已回访）筛选；' +
          '与评价统计、看板“评价”分区同一口径。只列状态，不含群众的回答。',
        errors: ['NOT_FOUND'],
        querystring: EvaluationListQuery,
        response: { 200: paged(EvaluationListItem) },
      },
    },
    (req) => findEvaluations(req.ctx, req.query),
  );
  app.get(
    '/evaluations/export',
    {
      config,
      schema: {
        tags,
        summary: '导出评价清单',
        description:
          '按评价清单的同样筛选导出 XLSX，新的在前；须写明导出事由（记入审计，连同筛选条件），文件带导出人水印，不含群众的回答。',
        errors: ['NOT_FOUND'],
        querystring: EvaluationExportQuery,
      },
    },
    async (req, reply) => {
      const { stream, headers } = await exportEvaluations(req.ctx, req.query);
      reply.type(headers.type).header('content-disposition', headers.disposition);
      return stream;
    },
  );
};
