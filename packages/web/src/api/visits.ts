/** 走访入户必评: log a household visit (its evaluation opens with it) and list a station's visits. */
import type { VisitInput, VisitLogged, VisitView } from '@jingmin/shared';
import { api, type Paged } from './client';

export const visitsApi = {
  log: (input: VisitInput) => api.post<VisitLogged>('/visits', input),
  list: (stationId: string, q: { page: number; pageSize: number }) =>
    api.get<Paged<VisitView>>(`/stations/${stationId}/visits`, q),
};
