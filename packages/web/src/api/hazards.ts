/** 隐患台账: a station's hazard kinds, register and figures; a hazard's fix, verification and voiding. */
import type {
  HazardFigures,
  HazardListQuery,
  HazardPage,
  HazardSettings,
  HazardView,
  MyHazardSettings,
  RecordHazardInput,
  RectifyHazardInput,
  UploadPhotosResult,
  VerifyHazardInput,
  VoidHazardInput,
} from '@jingmin/shared';
import { api, apiUrl } from './client';

const photoForm = (files: File[]) => {
  const form = new FormData();
  for (const f of files) form.append('photo', f);
  return form;
};

export const hazardsApi = {
  /** The station I work for (also for a grid worker, who cannot see the station node) and its kinds. */
  mySettings: () => api.get<MyHazardSettings>('/my-hazard-settings'),
  settings: (stationId: string) => api.get<HazardSettings>(`/stations/${stationId}/hazard-settings`),
  saveSettings: (stationId: string, input: HazardSettings) =>
    api.put<HazardSettings>(`/stations/${stationId}/hazard-settings`, input),
  list: (stationId: string, q: Partial<HazardListQuery>) =>
    api.get<HazardPage>(`/stations/${stationId}/hazards`, q as Record<string, string | number | undefined>),
  figures: (stationId: string, from: string, to: string) =>
    api.get<HazardFigures>(`/stations/${stationId}/hazard-figures`, { from, to }),
  /** The field phone's list: my hazards still open (followed or found by me), soonest deadline first. */
  mine: (stationId: string) =>
    api.get<HazardPage>(`/stations/${stationId}/hazards`, { mine: '1', page: 1, pageSize: 100 }),
  /** Where the phone's outbox sends a hazard and its photos (field/queue.ts posts them itself). */
  paths: {
    record: (stationId: string) => `/stations/${stationId}/hazards`,
    photos: (stationId: string) => `/stations/${stationId}/hazard-photos`,
    rectify: (id: string) => `/hazards/${id}/rectify`,
    fixPhotos: (id: string) => `/hazards/${id}/photos`,
  },
  get: (id: string) => api.get<HazardView>(`/hazards/${id}`),
  /** `key` is made when the form opens and kept with it, so a retry records the hazard once. */
  record: (stationId: string, input: RecordHazardInput, key: string) =>
    api.post<HazardView>(`/stations/${stationId}/hazards`, input, { 'idempotency-key': key }),
  /** Photos of the place, uploaded before the hazard is recorded. */
  uploadPhotos: (stationId: string, files: File[], key: string) =>
    api.post<UploadPhotosResult>(`/stations/${stationId}/hazard-photos`, photoForm(files), { 'idempotency-key': key }),
  /** Photos of the fix, uploaded before it is reported. */
  uploadFixPhotos: (id: string, files: File[], key: string) =>
    api.post<UploadPhotosResult>(`/hazards/${id}/photos`, photoForm(files), { 'idempotency-key': key }),
  photoUrl: (id: string, photoId: string, size: 'thumb' | 'full' = 'thumb') =>
    apiUrl(`/hazards/${id}/photos/${photoId}`, { size }),
  /** 409 CONFLICT when someone changed it since `version` was read. */
  rectify: (id: string, input: RectifyHazardInput) => api.post<HazardView>(`/hazards/${id}/rectify`, input),
  verify: (id: string, input: VerifyHazardInput) => api.post<HazardView>(`/hazards/${id}/verify`, input),
  void: (id: string, input: VoidHazardInput) => api.post<HazardView>(`/hazards/${id}/void`, input),
};
