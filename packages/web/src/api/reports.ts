/** 分析报告: a unit's archive, generating a month, the chief's commentary, publishing, the PDF and XLSX. */
import type { CommentaryInput, GenerateReportInput, ReportList, ReportView } from '@jingmin/shared';
import { api, apiUrl } from './client';

export const reportsApi = {
  list: (unitId: string, kind = 'dispute_monthly') => api.get<ReportList>(`/units/${unitId}/reports`, { kind }),
  /** A past or the current month; a draft is regenerated, a published report stays (409 REPORT_PUBLISHED). */
  generate: (unitId: string, input: GenerateReportInput) => api.post<ReportView>(`/units/${unitId}/reports`, input),
  get: (id: string) => api.get<ReportView>(`/reports/${id}`),
  /** 409 CONFLICT when someone saved since `version` was read. */
  commentary: (id: string, input: CommentaryInput) => api.put<ReportView>(`/reports/${id}/commentary`, input),
  publish: (id: string) => api.post<ReportView>(`/reports/${id}/publish`),
  pdfUrl: (id: string) => apiUrl(`/reports/${id}/pdf`),
  xlsxUrl: (id: string) => apiUrl(`/reports/${id}/xlsx`),
};
