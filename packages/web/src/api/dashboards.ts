/** 监督、汇总、分析: the KPIs (考核指标) of a station, or of a bureau with its stations side by side. */
import type { DashboardArea, DashboardSection, KpiDashboard, KpiQuery } from '@jingmin/shared';
import { api } from './client';

export const dashboardsApi = {
  /** The period `from`–`to` (Beijing days, both included) beside 上期 and 去年同期; 400 for a reversed range or over ten years. */
  kpis: (q: KpiQuery) => api.get<KpiDashboard>('/dashboards/kpis', q),
  /** One section (接警台, 矛盾纠纷, …): figures beside 上期 and 去年同期, charts, the list behind each number. */
  section: (area: DashboardArea, q: KpiQuery) => api.get<DashboardSection>(`/dashboards/sections/${area}`, q),
};
