/** The audit trail: search, export, the chain head and its verification. */
import type { AuditEntryView, AuditHead, AuditResult } from '@jingmin/shared';
import { api, apiUrl, type Paged } from './client';

export type VerifyResult =
  | { ok: true; checked: number; head: AuditHead }
  | { ok: false; checked: number; brokenAt: number; reason: string };

export type AuditFilter = { actor?: string; action?: string; result?: AuditResult; from?: string; to?: string };

export const auditApi = {
  page: (q: AuditFilter & { page: number; pageSize: number }) => api.get<Paged<AuditEntryView>>('/audit', q),
  exportUrl: (q: AuditFilter) => apiUrl('/audit/export', q),
  head: () => api.get<AuditHead>('/audit/head'),
  verify: () => api.get<VerifyResult>('/audit/verify'),
};
