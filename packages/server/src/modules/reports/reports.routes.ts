/** /api/v1 分析报告: a unit's archive, generating a month's draft, commentary, publishing, PDF and XLSX. */
import {
  CommentaryInput,
  GenerateReportInput,
  IdParams,
  ReportList,
  ReportListQuery,
  ReportView,
} from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import { fontAvailable } from '../doorplates/doorplate-sheet.js';
import { reportPdf } from './report-pdf.js';
import { beijingTime, reportWorkbook } from './report-xlsx.js';
import {
  generateReport,
  listReports,
  publishReport,
  reportForExport,
  saveCommentary,
  viewReport,
} from './reports.service.js';

const tags = ['reports'];
const read = { capability: 'dispute.read' } as const;
const write = { capability: 'report.write' } as const;

/** `attachment; filename*=UTF-8''…` (RFC 5987): the Chinese name survives every browser. */
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

type Exported = Awaited<ReturnType<typeof reportForExport>>;
const fileName = ({ kind, view }: Exported, ext: string) => `${kind.fileStem}-${view.unitName}-${view.period}.${ext}`;
const signed = (who: string | null, at: string | null) => (at ? `${who ?? '每月自动生成'} ${beijingTime(at)}` : null);

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units/:id/reports',
    {
      config: read,
      schema: {
        tags,
        summary: '报告档案',
        description: '某派出所或公安局的分析报告（默认矛盾纠纷每月综合分析），最近的月份在前；草稿和已发布的都列出。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        querystring: ReportListQuery,
        response: { 200: ReportList },
      },
    },
    (req) => listReports(req.ctx, req.params.id, req.query.kind),
  );
  app.post(
    '/units/:id/reports',
    {
      config: write,
      schema: {
        tags,
        summary: '生成报告',
        description:
          '为已过去的月份或本月生成报告草稿（已有草稿则按最新数据重新生成，点评保留）；未来的月份不能生成，已发布的报告不再改变。每月1日凌晨2点系统自动为每个派出所和公安局生成上月草稿。',
        errors: ['NOT_FOUND', 'REPORT_PUBLISHED'],
        params: IdParams,
        body: GenerateReportInput,
        response: { 200: ReportView },
      },
    },
    (req) => generateReport(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/reports/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '查看报告',
        description: '报告的全部数字（生成时的快照）、所长点评、状态，以及当前账号可做的操作。',
        errors: ['NOT_FOUND'],
        params: IdParams,
        response: { 200: ReportView },
      },
    },
    (req) => viewReport(req.ctx, req.params.id),
  );
  app.put(
    '/reports/:id/commentary',
    {
      config: write,
      schema: {
        tags,
        summary: '填写所长点评',
        description: '草稿的所长点评（最多5000字），须带上读取时的版本号；他人已修改时回答冲突，已发布的报告不能修改。',
        errors: ['NOT_FOUND', 'REPORT_PUBLISHED', 'CONFLICT'],
        params: IdParams,
        body: CommentaryInput,
        response: { 200: ReportView },
      },
    },
    (req) => saveCommentary(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/reports/:id/publish',
    {
      config: write,
      schema: {
        tags,
        summary: '发布报告',
        description: '草稿发布后记录发布人和时间，从此不再改变，可在档案中查阅和导出。',
        errors: ['NOT_FOUND', 'REPORT_PUBLISHED'],
        params: IdParams,
        response: { 200: ReportView },
      },
    },
    (req) => publishReport(req.ctx, req.params.id),
  );
  app.get(
    '/reports/:id/pdf',
    {
      config: read,
      schema: {
        tags,
        summary: '导出报告 PDF',
        description:
          'A4 PDF：标题、状态（未发布标明草稿）、所长点评、各部分的表格和图表、特批结案清单、生成与发布信息；服务器缺少中文字体时回答 503。',
        errors: ['NOT_FOUND', 'SERVICE_UNAVAILABLE'],
        params: IdParams,
      },
    },
    async (req, reply) => {
      const font = req.ctx.deps.config.pdf.cjkFont;
      if (!fontAvailable(font))
        throw new AppError('SERVICE_UNAVAILABLE', {}, { reason: `Chinese font missing at ${font}` });
      const found = await reportForExport(req.ctx, req.params.id, 'pdf');
      const { view } = found;
      const pdf = await reportPdf(
        {
          title: view.title,
          status: view.status,
          commentary: view.commentary,
          generated: signed(view.generatedBy, view.generatedAt) ?? '',
          published: signed(view.publishedBy, view.publishedAt),
        },
        font,
        (canvas) => found.kind.pdf(canvas, view.figures),
      );
      reply.type('application/pdf').header('content-disposition', attachment(fileName(found, 'pdf')));
      return pdf;
    },
  );
  app.get(
    '/reports/:id/xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '导出报告 XLSX',
        description:
          'XLSX 工作簿：第一张表“说明”写明报告、状态、点评和每个指标的计算方法，其后每张表对应报告中的一张表格，表头为中文。',
        errors: ['NOT_FOUND'],
        params: IdParams,
      },
    },
    async (req, reply) => {
      const found = await reportForExport(req.ctx, req.params.id, 'xlsx');
      const { view } = found;
      const about: [string, string][] = [
        ['报告', view.title],
        ['状态', view.status === 'published' ? '已发布' : '草稿'],
        ['生成', signed(view.generatedBy, view.generatedAt) ?? ''],
        ['发布', signed(view.publishedBy, view.publishedAt) ?? '未发布'],
        ['所长点评', view.commentary],
        ...found.kind.definitions(),
      ];
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(fileName(found, 'xlsx')));
      return reportWorkbook(about, found.kind.sheets(view.figures));
    },
  );
};
