/** 双率抽查: samples, the inspector's answers, the rates, and the officers a sample may be drawn for. */
import type {
  CheckAnswerInput,
  CheckItemView,
  CheckOfficers,
  CheckRates,
  CheckSampleView,
  DrawCheckInput,
} from '@jingmin/shared';
import { api } from './client';

export const checksApi = {
  officers: (stationId: string) => api.get<CheckOfficers>('/checks/officers', { stationId }),
  samples: () => api.get<CheckSampleView[]>('/checks/samples'),
  sample: (id: string) => api.get<CheckSampleView>(`/checks/samples/${id}`),
  draw: (input: DrawCheckInput) => api.post<CheckSampleView>('/checks/samples', input),
  answer: (sampleId: string, itemId: string, input: CheckAnswerInput) =>
    api.post<CheckItemView>(`/checks/samples/${sampleId}/items/${itemId}/answer`, input),
  rates: () => api.get<CheckRates>('/checks/rates'),
};
