/** 反诈预警: instructions (list, desk entry, assign, verify), figures, the station's rules and the upstream systems. */
import type {
  DeskFraudInput,
  FraudAssignInput,
  FraudFigures,
  FraudFiguresQuery,
  FraudInstructionView,
  FraudListQuery,
  FraudPage,
  FraudSettings,
  FraudVerifyInput,
  UpstreamInput,
  UpstreamSecrets,
  UpstreamView,
} from '@jingmin/shared';
import { api } from './client';

export const fraudApi = {
  /** `before` is the receivedAt of the last row already shown (the list is newest first). */
  list: (q: Partial<FraudListQuery>) =>
    api.get<FraudPage>('/fraud/instructions', q as Record<string, string | number | undefined>),
  get: (id: string) => api.get<FraudInstructionView>(`/fraud/instructions/${id}`),
  /** The desk enters an instruction received by phone or on paper. */
  create: (input: DeskFraudInput) => api.post<FraudInstructionView>('/fraud/instructions', input),
  assign: (id: string, input: FraudAssignInput) =>
    api.post<FraudInstructionView>(`/fraud/instructions/${id}/assign`, input),
  /** 快核: 409 CONFLICT when someone changed it since `version` was read. */
  verify: (id: string, input: FraudVerifyInput) =>
    api.post<FraudInstructionView>(`/fraud/instructions/${id}/verify`, input),
  figures: (q: FraudFiguresQuery) =>
    api.get<FraudFigures>('/fraud/figures', q as Record<string, string | number | undefined>),
  settings: (stationId: string) => api.get<FraudSettings>(`/stations/${stationId}/fraud-settings`),
  saveSettings: (stationId: string, input: FraudSettings) =>
    api.put<FraudSettings>(`/stations/${stationId}/fraud-settings`, input),
  upstreams: () => api.get<UpstreamView[]>('/fraud/upstreams'),
  /** Answers the API key and the webhook secret, shown this once. */
  createUpstream: (input: UpstreamInput) => api.post<UpstreamSecrets>('/fraud/upstreams', input),
  updateUpstream: (id: string, input: UpstreamInput) => api.put<UpstreamView>(`/fraud/upstreams/${id}`, input),
  rotateUpstream: (id: string) => api.post<UpstreamSecrets>(`/fraud/upstreams/${id}/rotate`),
  deactivateUpstream: (id: string) => api.post<UpstreamView>(`/fraud/upstreams/${id}/deactivate`),
};
