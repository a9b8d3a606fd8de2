/** The audit trail: search, export, the chain head and its verification. */
import type { AuditEntryView, AuditHead, AuditResult, AuditVerifyView } from '@jingmin/shared';
import { api, apiUrl, type Paged } from './client';

/** The chain walk as the server answers it (the shared contract). */
export type VerifyResult = AuditVerifyView;

export type AuditFilter = { actor?: string; action?: string; result?: AuditResult; from?: string; to?: string };

export const auditApi = {
  page: (q: AuditFilter & { page: number; pageSize: number }) => api.get<Paged<AuditEntryView>>('/audit', q),
  exportUrl: (q: AuditFilter) => apiUrl('/audit/export', q),
  head: () => api.get<AuditHead>('/audit/head'),
  verify: () => api.get<VerifyResult>('/audit/verify'),
};
