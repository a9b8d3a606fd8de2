/** 平安联盟: a volunteer's application and sign-in, 民情上报, the station's volunteers, and the desk's tasks. */
import type {
  DeskReceipt,
  GridReportInput,
  MyVolunteerTaskView,
  PhoneCodeSent,
  SendVolunteerTaskInput,
  SessionView,
  UploadPhotosResult,
  VolunteerApplyInput,
  VolunteerContributions,
  VolunteerState,
  VolunteerTaskQuery,
  VolunteerTaskView,
  VolunteerView,
} from '@jingmin/shared';
import { api, setCsrfToken } from './client';

export const allianceApi = {
  places: (stationId: string) =>
    api.get<{ station: { id: string; name: string }; places: { id: string; name: string; kind: string }[] }>(
      `/public/stations/${stationId}/places`,
    ),
  requestApplyCode: (phone: string) => api.post<PhoneCodeSent>('/public/phone/codes', { phone }),
  apply: (input: VolunteerApplyInput) => api.post<{ state: 'pending' }>('/public/volunteers', input),
  requestCode: (phone: string) => api.post<PhoneCodeSent>('/auth/volunteer/code', { phone }),
  login: (phone: string, code: string) =>
    api.post<SessionView>('/auth/volunteer/login', { phone, code }).then((s) => {
      setCsrfToken(s.csrfToken);
      return s;
    }),
  uploadPhoto: (file: File, idempotencyKey: string) => {
    const form = new FormData();
    form.append('photo', file);
    return api.post<UploadPhotosResult>('/alliance/photos', form, { 'idempotency-key': idempotencyKey });
  },
  report: (input: GridReportInput, idempotencyKey: string) =>
    api.post<DeskReceipt>('/alliance/reports', input, { 'idempotency-key': idempotencyKey }),
  list: (stationId: string, state?: VolunteerState) =>
    api.get<VolunteerView[]>(`/stations/${stationId}/volunteers`, { state }),
  approve: (id: string) => api.post<VolunteerView>(`/volunteers/${id}/approve`),
  suspend: (id: string, reason: string) => api.post<VolunteerView>(`/volunteers/${id}/suspend`, { reason }),
  reinstate: (id: string) => api.post<VolunteerView>(`/volunteers/${id}/reinstate`),
  contributions: (stationId: string, month: string) =>
    api.get<VolunteerContributions>(`/stations/${stationId}/volunteer-contributions`, { month }),
  /** The desk: send an active volunteer of the station a task, list the station's, withdraw an open one. */
  sendTask: (stationId: string, input: SendVolunteerTaskInput) =>
    api.post<VolunteerTaskView>(`/stations/${stationId}/volunteer-tasks`, input),
  stationTasks: (stationId: string, q: VolunteerTaskQuery = {}) =>
    api.get<VolunteerTaskView[]>(`/stations/${stationId}/volunteer-tasks`, q),
  cancelTask: (id: string, reason: string, version?: number) =>
    api.post<VolunteerTaskView>(`/volunteer-tasks/${id}/cancel`, { reason, version }),
  /** The volunteer: its own tasks, and the steps it takes on one. */
  myTasks: () => api.get<MyVolunteerTaskView[]>('/alliance/tasks'),
  myTask: (id: string) => api.get<MyVolunteerTaskView>(`/alliance/tasks/${id}`),
  acceptTask: (id: string, version?: number) =>
    api.post<MyVolunteerTaskView>(`/alliance/tasks/${id}/accept`, { version }),
  declineTask: (id: string, reason: string, version?: number) =>
    api.post<MyVolunteerTaskView>(`/alliance/tasks/${id}/decline`, { reason, version }),
  finishTask: (id: string, note: string, version?: number) =>
    api.post<MyVolunteerTaskView>(`/alliance/tasks/${id}/done`, { note, version }),
};
