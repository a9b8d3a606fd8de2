/** The jurisdiction tree, its teams and partner departments, and the households under it. */
import type {
  CreateDepartmentInput,
  CreateHouseholdInput,
  CreateTeamInput,
  CreateUnitInput,
  DepartmentView,
  HouseholdImportResult,
  HouseholdView,
  TeamView,
  UnitDuties,
  UnitDutiesInput,
  UnitKind,
  UnitView,
  UpdateUnitInput,
} from '@jingmin/shared';
import { api, apiUrl, type Paged, withQuery } from './client';

export type UnitDetail = UnitView & { ancestors: { id: string; name: string; kind: UnitKind }[] };

export const org = {
  roots: () => api.get<UnitView[]>('/units/roots'),
  unit: (id: string) => api.get<UnitDetail>(`/units/${id}`),
  children: (id: string) => api.get<UnitView[]>(`/units/${id}/children`),
  create: (input: CreateUnitInput) => api.post<UnitView>('/units', input),
  update: (id: string, input: UpdateUnitInput) => api.patch<UnitView>(`/units/${id}`, input),
  remove: (id: string) => api.delete<{ ok: true }>(`/units/${id}`),
  teams: (id: string) => api.get<TeamView[]>(`/units/${id}/teams`),
  addTeam: (input: CreateTeamInput) => api.post<TeamView>('/teams', input),
  departments: (id: string) => api.get<DepartmentView[]>(`/units/${id}/departments`),
  addDepartment: (input: CreateDepartmentInput) => api.post<DepartmentView>('/departments', input),
  /** 警格+网格: auxiliary police and grid members of a grid or village, and the responsible officer its beat names. */
  duties: (id: string) => api.get<UnitDuties>(`/units/${id}/duties`),
  setDuties: (id: string, input: UnitDutiesInput) => api.put<UnitDuties>(`/units/${id}/duties`, input),
};

export const households = {
  page: (q: { unitId: string; q?: string; page: number; pageSize: number }) =>
    api.get<Paged<HouseholdView>>('/households', q),
  add: (input: CreateHouseholdInput) => api.post<HouseholdView>('/households', input),
  import: (unitId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<HouseholdImportResult>(withQuery('/households/import', { unitId }), form);
  },
  /** The server asks a reason for every export (it is written to the audit trail). */
  exportUrl: (unitId: string, format: 'csv' | 'xlsx', reason: string) =>
    apiUrl('/households/export', { unitId, format, reason }),
  sheetUrl: (unitId: string, reason: string) => apiUrl(`/units/${unitId}/doorplates.pdf`, { reason }),
  doorplateLink: (id: string) => api.get<{ url: string }>(`/households/${id}/doorplate-link`),
};
