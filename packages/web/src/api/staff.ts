/** Staff accounts (system administrator) and their roles (security administrator). */
import type { CreateStaffInput, Role, StaffView, UpdateStaffInput } from '@jingmin/shared';
import { api, type Paged } from './client';

export const staffApi = {
  page: (q: { unitId?: string; q?: string; page: number; pageSize: number }) => api.get<Paged<StaffView>>('/staff', q),
  create: (input: CreateStaffInput) => api.post<{ staff: StaffView; initialPassword: string }>('/staff', input),
  update: (id: string, input: UpdateStaffInput) => api.patch<StaffView>(`/staff/${id}`, input),
  resetPassword: (id: string) => api.post<{ initialPassword: string }>(`/staff/${id}/reset-password`),
  setRoles: (id: string, roles: Role[]) => api.put<StaffView>(`/staff/${id}/roles`, { roles }),
  unlock: (id: string) => api.post<StaffView>(`/staff/${id}/unlock`),
  resetTotp: (id: string) => api.post<StaffView>(`/staff/${id}/totp-reset`),
};
