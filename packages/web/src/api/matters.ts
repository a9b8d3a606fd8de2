/** Matters as the duty desk and the handlers see them. */
import type { DeskSummary, MatterView, TimelineEntry } from '@jingmin/shared';
import { api, type Paged } from './client';

export type MatterDetail = MatterView & { timeline: TimelineEntry[] };

export const matterApi = {
  list: (q: { status?: string; q?: string; mine?: string; page: number; pageSize: number }) =>
    api.get<Paged<MatterView>>('/matters', q),
  get: (id: string) => api.get<MatterDetail>(`/matters/${id}`),
  summary: () => api.get<DeskSummary>('/matters/summary'),
  act: (id: string, action: string, body: unknown = {}) => api.post<MatterView>(`/matters/${id}/${action}`, body),
};
