/** 矛盾纠纷: a station's cases, one case and its steps (classify, assess, colour, parties), the station's settings. */
import type {
  AssessmentInput,
  ClassificationInput,
  ColourInput,
  DisputeBoard,
  DisputeFromMatterInput,
  DisputeInput,
  DisputeListItem,
  DisputeListQuery,
  DisputeSettings,
  DisputeView,
  PartyInput,
  PartyRevealed,
} from '@jingmin/shared';
import { api, type Paged } from './client';

export const disputesApi = {
  /** Filters as the page address holds them (the server checks each). */
  list: (stationId: string, q: { [K in keyof DisputeListQuery]?: string | number }) =>
    api.get<Paged<DisputeListItem>>(`/stations/${stationId}/disputes`, q),
  /** The cases across one's scope (`unitId`: a station or the bureau), as a dashboard figure opens them. */
  search: (q: { [K in keyof DisputeListQuery]?: string | number }) => api.get<Paged<DisputeListItem>>('/disputes', q),
  open: (stationId: string, input: DisputeInput) => api.post<DisputeView>(`/stations/${stationId}/disputes`, input),
  /** 转为矛盾纠纷: 409 DISPUTE_EXISTS when the matter already has its case. */
  fromMatter: (matterId: string, input: DisputeFromMatterInput) =>
    api.post<DisputeView>(`/matters/${matterId}/dispute`, input),
  get: (id: string) => api.get<DisputeView>(`/disputes/${id}`),
  classify: (id: string, input: ClassificationInput) => api.put<DisputeView>(`/disputes/${id}/classification`, input),
  assess: (id: string, input: AssessmentInput) => api.post<DisputeView>(`/disputes/${id}/assessments`, input),
  colour: (id: string, input: ColourInput) => api.post<DisputeView>(`/disputes/${id}/colour`, input),
  addParty: (id: string, input: PartyInput) => api.post<DisputeView>(`/disputes/${id}/parties`, input),
  /** A party's full particulars; the server records every reveal. */
  reveal: (id: string, partyId: string) => api.post<PartyRevealed>(`/disputes/${id}/parties/${partyId}/reveal`),
  /** 三色看板: open cases by colour × level, and the oldest of the most demanding colour. */
  board: (stationId: string) => api.get<DisputeBoard>(`/stations/${stationId}/disputes/board`),
  settings: (stationId: string) => api.get<DisputeSettings>(`/stations/${stationId}/dispute-settings`),
  saveSettings: (stationId: string, input: DisputeSettings) =>
    api.put<DisputeSettings>(`/stations/${stationId}/dispute-settings`, input),
};
