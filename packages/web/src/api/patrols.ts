/** 巡逻防控: teams, 必到点 (with their QR sheet), 必巡线, patrols, check-ins and coverage. */
import type {
  MyPatrolSession,
  MyPatrolTeams,
  PatrolCheckinInput,
  PatrolCheckinView,
  PatrolCoverage,
  PatrolFindingInput,
  PatrolPoint,
  PatrolPointInput,
  PatrolPointList,
  PatrolPointUpdate,
  PatrolRoute,
  PatrolRouteInput,
  PatrolRouteList,
  PatrolRouteUpdate,
  PatrolSessionDetail,
  PatrolSessionMatter,
  PatrolSessionPage,
  PatrolSessionStart,
  PatrolTeam,
  PatrolTeamInput,
  PatrolTeamList,
  PatrolTeamUpdate,
  UploadPhotosResult,
} from '@jingmin/shared';
import { api, apiUrl } from './client';

const key = (idempotencyKey: string) => ({ 'idempotency-key': idempotencyKey });

export const patrolsApi = {
  teams: (stationId: string) => api.get<PatrolTeamList>(`/stations/${stationId}/patrol-teams`),
  /** 409 when the station has a team of that name. */
  createTeam: (stationId: string, input: PatrolTeamInput) =>
    api.post<PatrolTeam>(`/stations/${stationId}/patrol-teams`, input),
  /** 409 CONFLICT when someone saved since `version` was read. */
  updateTeam: (id: string, input: PatrolTeamUpdate) => api.put<PatrolTeam>(`/patrol-teams/${id}`, input),
  deactivateTeam: (id: string) => api.delete<{ ok: true }>(`/patrol-teams/${id}`),

  points: (stationId: string) => api.get<PatrolPointList>(`/stations/${stationId}/patrol-points`),
  createPoint: (stationId: string, input: PatrolPointInput) =>
    api.post<PatrolPoint>(`/stations/${stationId}/patrol-points`, input),
  updatePoint: (id: string, input: PatrolPointUpdate) => api.put<PatrolPoint>(`/patrol-points/${id}`, input),
  deactivatePoint: (id: string) => api.delete<{ ok: true }>(`/patrol-points/${id}`),
  /** A new code: the printed sheet of the old one stops working. */
  rotatePoint: (id: string) => api.post<PatrolPoint>(`/patrol-points/${id}/rotate`),
  /** The A4 sheet of QR codes, for a plain download link. */
  sheetUrl: (stationId: string, ids?: string[]) =>
    apiUrl(`/stations/${stationId}/patrol-points.pdf`, { ids: ids?.join(',') }),

  routes: (stationId: string) => api.get<PatrolRouteList>(`/stations/${stationId}/patrol-routes`),
  createRoute: (stationId: string, input: PatrolRouteInput) =>
    api.post<PatrolRoute>(`/stations/${stationId}/patrol-routes`, input),
  updateRoute: (id: string, input: PatrolRouteUpdate) => api.put<PatrolRoute>(`/patrol-routes/${id}`, input),
  deactivateRoute: (id: string) => api.delete<{ ok: true }>(`/patrol-routes/${id}`),

  /** One page of patrols; a dashboard drill adds its period and unit (`from`, `to`, `unitId`). */
  sessions: (stationId: string, q: { page: number; pageSize: number } & Record<string, string | number | undefined>) =>
    api.get<PatrolSessionPage>(`/stations/${stationId}/patrol-sessions`, q),
  session: (id: string) => api.get<PatrolSessionDetail>(`/patrol-sessions/${id}`),
  mine: () => api.get<MyPatrolSession>('/patrol-sessions/mine'),
  /** `idempotencyKey` is kept by the caller across retries: a resend starts no second patrol. */
  start: (stationId: string, input: PatrolSessionStart, idempotencyKey: string) =>
    api.post<PatrolSessionDetail>(`/stations/${stationId}/patrol-sessions`, input, key(idempotencyKey)),
  end: (id: string, note?: string) => api.post<PatrolSessionDetail>(`/patrol-sessions/${id}/end`, note ? { note } : {}),
  /** A scan; the same key again returns the first answer and records nothing twice. */
  checkIn: (input: PatrolCheckinInput, idempotencyKey: string) =>
    api.post<PatrolCheckinView>('/patrol-checkins', input, key(idempotencyKey)),
  /** The teams this account is a member of, with their stations' routes: what a volunteer starts a patrol with. */
  myTeams: () => api.get<MyPatrolTeams>('/my-patrol-teams'),
  /** A photo of what the patrol found, uploaded before the finding names it. */
  uploadPhoto: (file: File, idempotencyKey: string) => {
    const form = new FormData();
    form.append('photo', file);
    return api.post<UploadPhotosResult>('/patrol-photos', form, key(idempotencyKey));
  },
  /** 巡逻发现 → 事项; the same key again returns the same matter. */
  recordFinding: (sessionId: string, input: PatrolFindingInput, idempotencyKey: string) =>
    api.post<PatrolSessionMatter>(`/patrol-sessions/${sessionId}/matters`, input, key(idempotencyKey)),
  coverage: (stationId: string, q: { from?: string; to?: string } = {}) =>
    api.get<PatrolCoverage>(`/stations/${stationId}/patrol-coverage`, q),
};
