/**
 * /api/v1/dashboards: 监督、汇总、分析 — the KPIs of a station, or of a bureau's stations side by side, for a period
 * of whole Beijing days beside the previous period and the same days last year. Every figure's list is the matters
 * list filtered by the same rule (`GET /matters?kpi=&from=&to=`).
 */
import { DashboardSection, KPI_DEFINITIONS, KpiDashboard, KpiQuery, SectionParams } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kpiDashboard } from './kpis.service.js';
import { dashboardSection } from './sections.service.js';

const how = KPI_DEFINITIONS.map((d) => `${d.label.zh}：${d.how.zh}`).join(' ');

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboards/kpis',
    {
      config: { capability: 'dashboard.read' },
      schema: {
        tags: ['dashboards'],
        summary: '考核指标',
        description:
          '派出所（或县局下各所并列）在所选期间的按时签收率、按时办结率、满意率、发回重办率、回访率、提级督办，' +
          `以及首次响应和办结时长分布；同时给出上期和去年同期。期间为北京时间整天，起止日都包含，最长十年。${how}`,
        errors: ['NOT_FOUND'],
        querystring: KpiQuery,
        response: { 200: KpiDashboard },
      },
    },
    (req) => kpiDashboard(req.ctx, req.query),
  );
  app.get(
    '/dashboards/sections/:area',
    {
      config: { capability: 'dashboard.read' },
      schema: {
        tags: ['dashboards'],
        summary: '看板分区',
        description:
          '看板的一个分区（desk 接警台、disputes 矛盾纠纷、field 社区警务、rooms 警民群、warnings 宣传预警、evaluations 评价）：' +
          '所选期间的各项数字及上期、去年同期，图表，每个数字背后的清单，县局下各所并列；期间规则与考核指标相同。',
        errors: ['NOT_FOUND'],
        params: SectionParams,
        querystring: KpiQuery,
        response: { 200: DashboardSection },
      },
    },
    (req) => dashboardSection(req.ctx, req.params.area, req.query),
  );
};
