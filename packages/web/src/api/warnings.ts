/**
 * 宣传与预警 over HTTP, the staff's calls (session cookie): compose, review, send, withdraw; the reach preview before
 * sending; the reach of a sent notice and the QR scan coverage; residents' replies and the answers; the station's
 * warning settings. Shapes are the shared contract in schemas/warnings.ts.
 */
import type {
  AnswerReplyInput,
  ScanCoverage,
  UploadPhotosResult,
  WarningAction,
  WarningActionInput,
  WarningInput,
  WarningListQuery,
  WarningPage,
  WarningPreviewInput,
  WarningReach,
  WarningReachPreview,
  WarningReplyPage,
  WarningReplyView,
  WarningSettings,
  WarningUpdateInput,
  WarningView,
} from '@jingmin/shared';
import { api, apiUrl } from './client';

/** The steps posted to /warnings/:id/:action (edit and delete have their own verbs). */
export type WarningStep = Exclude<WarningAction, 'edit' | 'delete'>;

export const warningsApi = {
  list: (q: Partial<WarningListQuery> = {}) => api.get<WarningPage>('/warnings', { ...q }),
  get: (id: string) => api.get<WarningView>(`/warnings/${id}`),
  /** A new draft. */
  create: (input: WarningInput) => api.post<WarningView>('/warnings', input),
  /** A draft's content, replaced whole. */
  update: (id: string, input: WarningUpdateInput) => api.put<WarningView>(`/warnings/${id}`, input),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/warnings/${id}?version=${version}`),
  action: (id: string, step: WarningStep, input: WarningActionInput) =>
    api.post<WarningView>(`/warnings/${id}/${step}`, input),
  /** How far a target reaches (households, scanned, subscribed devices, SMS phones, rooms) and the SMS text. */
  preview: (input: WarningPreviewInput) => api.post<WarningReachPreview>('/warnings/preview', input),
  /** Photos first (field `photo`, as everywhere), then named by id in the draft; the key makes a retry safe. */
  uploadPhotos: (files: File[], idempotencyKey: string) => {
    const form = new FormData();
    for (const f of files) form.append('photo', f, f.name || 'photo.jpg');
    return api.post<UploadPhotosResult>('/warnings/photos', form, { 'idempotency-key': idempotencyKey });
  },
  /** A photo of a notice as an `<img src>` (the session cookie reads it). */
  photoUrl: (id: string, photoId: string, size: 'full' | 'thumb' = 'full') =>
    apiUrl(`/warnings/${id}/photos/${photoId}`, size === 'thumb' ? { size: 'thumb' } : undefined),
  settings: (stationId: string) => api.get<WarningSettings>(`/stations/${stationId}/warning-settings`),
  saveSettings: (stationId: string, input: WarningSettings) =>
    api.put<WarningSettings>(`/stations/${stationId}/warning-settings`, input),
  reach: (id: string) => api.get<WarningReach>(`/warnings/${id}/reach`),
  coverage: (stationId?: string) => api.get<ScanCoverage>('/warnings/coverage', { stationId }),
  replies: (id: string, before?: string) => api.get<WarningReplyPage>(`/warnings/${id}/replies`, { before }),
  answer: (replyId: string, input: AnswerReplyInput) =>
    api.post<WarningReplyView>(`/warning-replies/${replyId}/answer`, input),
};
