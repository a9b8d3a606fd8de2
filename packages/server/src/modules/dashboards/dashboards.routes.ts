/**
 * /api/v1/dashboards: 监督、汇总、分析 — the KPIs of a station, or of a bureau's stations side by side, for a period
 * of whole Beijing days beside the previous period and the same days last year. Every figure's list is the matters
 * list filtered by the same rule (`GET /matters?kpi=&from=&to=`).
 */
import { KPI_DEFINITIONS, KpiDashboard, KpiQuery } from '@jingmin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kpiDashboard } from './kpis.service.js';

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
};
