/** 三级网格责任体系 (the station's roles, holders per village and grid) and 十户联防 groups. */
import type {
  HouseholdGroup,
  HouseholdGroupInput,
  HouseholdGroupList,
  HouseholdGroupProposal,
  HouseholdGroupUpdate,
  ResponsibilityInput,
  ResponsibilitySettings,
  UnitResponsibilities,
} from '@jingmin/shared';
import { api } from './client';

export const responsibilityApi = {
  settings: (stationId: string) => api.get<ResponsibilitySettings>(`/stations/${stationId}/responsibility-settings`),
  /** 409 when a removed role is still held (RESPONSIBILITY_ROLE_HELD). */
  saveSettings: (stationId: string, input: ResponsibilitySettings) =>
    api.put<ResponsibilitySettings>(`/stations/${stationId}/responsibility-settings`, input),
  /** Holders of a village or grid by level and role, own and inherited (with where from). */
  holders: (unitId: string) => api.get<UnitResponsibilities>(`/units/${unitId}/responsibilities`),
  add: (unitId: string, input: ResponsibilityInput) =>
    api.post<UnitResponsibilities>(`/units/${unitId}/responsibilities`, input),
  remove: (id: string) => api.delete<{ ok: true }>(`/responsibilities/${id}`),
  groups: (unitId: string) => api.get<HouseholdGroupList>(`/units/${unitId}/household-groups`),
  group: (id: string) => api.get<HouseholdGroup>(`/household-groups/${id}`),
  /** 409 naming the address when a household is already in another group. */
  createGroup: (unitId: string, input: HouseholdGroupInput) =>
    api.post<HouseholdGroup>(`/units/${unitId}/household-groups`, input),
  updateGroup: (id: string, input: HouseholdGroupUpdate) => api.put<HouseholdGroup>(`/household-groups/${id}`, input),
  removeGroup: (id: string) => api.delete<{ ok: true }>(`/household-groups/${id}`),
  /** A proposal only: nothing is saved until each group is created. */
  propose: (unitId: string) => api.post<HouseholdGroupProposal>(`/units/${unitId}/household-groups/auto`),
};
