/**
 * 走访入户: log a household visit (its evaluation opens with it), make what it found a matter or a dispute case,
 * the station's visit plan and care-visit requests, and coverage over a period.
 */
import type {
  CareRequestInput,
  CareRequestView,
  CoverageQuery,
  DeskReceipt,
  DisputeView,
  UnvisitedHousehold,
  VisitAddress,
  VisitCoverage,
  VisitDisputeInput,
  VisitInput,
  VisitLogged,
  VisitMatterInput,
  VisitPlan,
  VisitSettings,
  VisitView,
} from '@jingmin/shared';
import { api, type Paged } from './client';

export const visitsApi = {
  /** With the key a phone's queue keeps for the entry: a resend logs nothing twice. */
  log: (input: VisitInput, idempotencyKey?: string) =>
    api.post<VisitLogged>('/visits', input, idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined),
  list: (stationId: string, q: { page: number; pageSize: number }) =>
    api.get<Paged<VisitView>>(`/stations/${stationId}/visits`, q),
  /** The visits I logged or went along on. */
  mine: (q: { page: number; pageSize: number }) => api.get<Paged<VisitView>>('/visits/mine', q),
  /** Addresses in my own grid or village (a volunteer's way to find where it went; no personal data). */
  addresses: (q?: string) => api.get<VisitAddress[]>('/visits/addresses', q ? { q } : {}),
  raiseMatter: (id: string, input: VisitMatterInput, idempotencyKey: string) =>
    api.post<DeskReceipt>(`/visits/${id}/matter`, input, { 'idempotency-key': idempotencyKey }),
  raiseDispute: (id: string, input: VisitDisputeInput) => api.post<DisputeView>(`/visits/${id}/dispute`, input),
  settings: (stationId: string) => api.get<VisitSettings>(`/stations/${stationId}/visit-settings`),
  saveSettings: (stationId: string, input: VisitSettings) =>
    api.put<VisitSettings>(`/stations/${stationId}/visit-settings`, input),
  plan: (
    stationId: string,
    q: { mine: '1' | '0'; withinDays: number; page: number; pageSize: number; unitId?: string },
  ) => api.get<VisitPlan>(`/stations/${stationId}/visit-plan`, q),
  careRequests: (stationId: string) => api.get<CareRequestView[]>(`/stations/${stationId}/care-requests`),
  requestCare: (householdId: string, input: CareRequestInput) =>
    api.post<CareRequestView>(`/households/${householdId}/care-requests`, input),
  endCare: (id: string) => api.post<{ ok: true }>(`/care-requests/${id}/end`),
  coverage: (stationId: string, q: CoverageQuery) => api.get<VisitCoverage>(`/stations/${stationId}/visit-coverage`, q),
  unvisited: (stationId: string, q: CoverageQuery & { page: number; pageSize: number }) =>
    api.get<Paged<UnvisitedHousehold>>(`/stations/${stationId}/visit-coverage/unvisited`, q),
};
