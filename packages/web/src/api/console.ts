/** Typed calls of the staff console. */
import type {
  AuditEntryView,
  AuditHead,
  CreateHouseholdInput,
  CreateStaffInput,
  CreateUnitInput,
  DepartmentView,
  DeskSummary,
  HouseholdImportResult,
  HouseholdView,
  MatterView,
  Role,
  SecurityPolicies,
  StaffView,
  TeamView,
  TimelineEntry,
  UnitKind,
  UnitView,
  UpdateStaffInput,
  UpdateUnitInput,
} from '@jingmin/shared';
import { api, type Paged, withQuery } from './client';

export type UnitDetail = UnitView & { ancestors: { id: string; name: string; kind: UnitKind }[] };
export type MatterDetail = MatterView & { timeline: TimelineEntry[] };
export type VerifyResult =
  | { ok: true; checked: number; head: AuditHead }
  | { ok: false; checked: number; brokenAt: number; reason: string };

export const org = {
  roots: () => api.get<UnitView[]>('/units/roots'),
  unit: (id: string) => api.get<UnitDetail>(`/units/${id}`),
  children: (id: string) => api.get<UnitView[]>(`/units/${id}/children`),
  create: (input: CreateUnitInput) => api.post<UnitView>('/units', input),
  update: (id: string, input: UpdateUnitInput) => api.patch<UnitView>(`/units/${id}`, input),
  remove: (id: string) => api.delete<{ ok: true }>(`/units/${id}`),
  teams: (id: string) => api.get<TeamView[]>(`/units/${id}/teams`),
  departments: (id: string) => api.get<DepartmentView[]>(`/units/${id}/departments`),
  households: (q: { unitId: string; q?: string; page: number; pageSize: number }) =>
    api.get<Paged<HouseholdView>>('/households', q),
  addHousehold: (input: CreateHouseholdInput) => api.post<HouseholdView>('/households', input),
  importHouseholds: (unitId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<HouseholdImportResult>(withQuery('/households/import', { unitId }), form);
  },
  exportUrl: (unitId: string, format: 'csv' | 'xlsx', reason: string) =>
    `/api/v1${withQuery('/households/export', { unitId, format, reason })}`,
  sheetUrl: (unitId: string, reason: string) => `/api/v1${withQuery(`/units/${unitId}/doorplates.pdf`, { reason })}`,
  doorplateLink: (id: string) => api.get<{ url: string }>(`/households/${id}/doorplate-link`),
};

export const staffApi = {
  list: (q: { unitId?: string; q?: string; page: number; pageSize: number }) => api.get<Paged<StaffView>>('/staff', q),
  create: (input: CreateStaffInput) => api.post<{ staff: StaffView; initialPassword: string }>('/staff', input),
  update: (id: string, input: UpdateStaffInput) => api.patch<StaffView>(`/staff/${id}`, input),
  resetPassword: (id: string) => api.post<{ initialPassword: string }>(`/staff/${id}/reset-password`),
  setRoles: (id: string, roles: Role[]) => api.put<StaffView>(`/staff/${id}/roles`, { roles }),
  unlock: (id: string) => api.post<StaffView>(`/staff/${id}/unlock`),
  resetTotp: (id: string) => api.post<StaffView>(`/staff/${id}/totp-reset`),
};

export const policyApi = {
  get: () => api.get<SecurityPolicies>('/policies/security'),
  update: (input: Partial<SecurityPolicies>) => api.put<SecurityPolicies>('/policies/security', input),
};

export type AuditFilter = { actor?: string; action?: string; result?: string; from?: string; to?: string };
export const auditApi = {
  search: (q: AuditFilter & { page: number; pageSize: number }) => api.get<Paged<AuditEntryView>>('/audit', q),
  exportUrl: (q: AuditFilter) => `/api/v1${withQuery('/audit/export', q)}`,
  head: () => api.get<AuditHead>('/audit/head'),
  verify: () => api.get<VerifyResult>('/audit/verify'),
};

export const matterApi = {
  list: (q: { status?: string; q?: string; mine?: string; page: number; pageSize: number }) =>
    api.get<Paged<MatterView>>('/matters', q),
  get: (id: string) => api.get<MatterDetail>(`/matters/${id}`),
  summary: () => api.get<DeskSummary>('/matters/summary'),
  act: (id: string, action: string, body: unknown = {}) => api.post<MatterView>(`/matters/${id}/${action}`, body),
};
