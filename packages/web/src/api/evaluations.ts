/** 五必评: the resident opens an evaluation link once and answers it once (no account, the link is the key). */
import type {
  EvaluationAnswered,
  EvaluationAnswerInput,
  MeetingInput,
  MeetingList,
  MeetingQrView,
  MeetingView,
  PublicEvaluationView,
} from '@jingmin/shared';
import { api } from './client';

export const evaluations = {
  open: (token: string) => api.get<PublicEvaluationView>(`/public/evaluations/${token}`),
  /** `headers`: the browser's device key (防刷), see pages/resident/evaluate/device-key. */
  answer: (token: string, input: EvaluationAnswerInput, headers?: Record<string, string>) =>
    api.post<EvaluationAnswered>(`/public/evaluations/${token}`, input, headers),
};

/** 召开会议必评: a station's meetings and their attendance QR. */
export const meetingsApi = {
  list: (stationId: string) => api.get<MeetingList>(`/stations/${stationId}/meetings`),
  create: (stationId: string, input: MeetingInput) => api.post<MeetingView>(`/stations/${stationId}/meetings`, input),
  qr: (stationId: string, meetingId: string) =>
    api.get<MeetingQrView>(`/stations/${stationId}/meetings/${meetingId}/qr`),
};
