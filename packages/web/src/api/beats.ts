/** 警务区/警格: a station's police beats — who answers for them and the grids and villages they cover. */
import type { PoliceBeat, PoliceBeatInput, PoliceBeatList, PoliceBeatUpdate } from '@jingmin/shared';
import { api } from './client';

export const beatsApi = {
  /** The station's beats, and its grids and villages no beat covers yet. */
  list: (stationId: string) => api.get<PoliceBeatList>(`/stations/${stationId}/beats`),
  /** 409 BEAT_NAME_TAKEN / BEAT_CODE_TAKEN when another beat of the station has the name or code. */
  create: (stationId: string, input: PoliceBeatInput) => api.post<PoliceBeat>(`/stations/${stationId}/beats`, input),
  get: (id: string) => api.get<PoliceBeat>(`/beats/${id}`),
  /** Replaces the whole beat; 409 CONFLICT when someone saved since `version` was read. */
  update: (id: string, input: PoliceBeatUpdate) => api.put<PoliceBeat>(`/beats/${id}`, input),
  remove: (id: string) => api.delete<{ ok: true }>(`/beats/${id}`),
};
