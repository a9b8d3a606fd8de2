/** Matters as the duty desk and the handlers see them, and the station's 码上办 settings. */
import type {
  DeskReceipt,
  DeskSummary,
  MatterSettings,
  MatterView,
  RecordMatterInput,
  Role,
  SuggestedAssignee,
  SupervisionBoard,
  TimelineEntry,
  UploadPhotosResult,
} from '@jingmin/shared';
import { api, apiUrl, type Paged } from './client';

export type MatterDetail = MatterView & {
  timeline: TimelineEntry[];
  /** The responsible officer of the household's grid, when one is named. */
  suggestedAssignee?: SuggestedAssignee | null;
};

/** Whom the desk may dispatch or transfer to. */
export interface Assignees {
  staff: { id: string; name: string; unit: string; roles: Role[] }[];
  teams: { id: string; name: string; unit?: string }[];
  departments: { id: string; name: string; unit?: string }[];
}

export const matterApi = {
  list: (
    q: Partial<
      Record<
        'status' | 'rating' | 'q' | 'mine' | 'open' | 'counter' | 'channel' | 'kpi' | 'from' | 'to' | 'unitId',
        string
      >
    > & {
      page: number;
      pageSize: number;
    },
  ) => api.get<Paged<MatterView>>('/matters', q),
  get: (id: string) => api.get<MatterDetail>(`/matters/${id}`),
  /** 值班台登记 on a resident's behalf; the same key on a retry (a double click) records once. */
  record: (input: RecordMatterInput, idempotencyKey: string) =>
    api.post<DeskReceipt>('/matters/desk', input, { 'idempotency-key': idempotencyKey }),
  /** The 工作台's figures; `mine`: only what this account holds (all an account without the desk may count). */
  summary: (mine = false) => api.get<DeskSummary>('/matters/summary', mine ? { mine: '1' } : {}),
  assignees: () => api.get<Assignees>('/matters/assignees'),
  /** The resident's full number, to call back; the server records every look (403 unless this account may reply). */
  contactPhone: (id: string) => api.get<{ phone: string }>(`/matters/${id}/contact-phone`),
  board: () => api.get<SupervisionBoard>('/matters/board'),
  act: (id: string, action: string, body: unknown = {}) => api.post<MatterView>(`/matters/${id}/${action}`, body),
  /** One request for every photo of a message; a retry with the same key returns the same photos. */
  uploadPhotos: (id: string, files: File[], idempotencyKey: string) => {
    const form = new FormData();
    for (const f of files) form.append('photo', f, f.name);
    return api.post<UploadPhotosResult>(`/matters/${id}/photos`, form, { 'idempotency-key': idempotencyKey });
  },
  /** The image URL (the session cookie travels with it). */
  photoUrl: (id: string, photoId: string, size: 'full' | 'thumb' = 'full') =>
    apiUrl(`/matters/${id}/photos/${photoId}${size === 'thumb' ? '?size=thumb' : ''}`),
  settings: (stationId: string) => api.get<MatterSettings>(`/stations/${stationId}/matter-settings`),
  saveSettings: (stationId: string, input: MatterSettings) =>
    api.put<MatterSettings>(`/stations/${stationId}/matter-settings`, input),
};
