/** 不满意不放过: the chief's review queue, the callback (回访) and its outcome, and 待确认评价 (flagged answers). */
import type {
  AssignCallbackInput,
  CallbackOutcomeInput,
  EvaluationTemplateView,
  EvaluationType,
  FlaggedAnswerList,
  FlaggedAnswerView,
  ReviewList,
  ReviewStatus,
  ReviewView,
} from '@jingmin/shared';
import { api } from './client';

export const reviewsApi = {
  list: (stationId: string, status?: ReviewStatus) =>
    api.get<ReviewList>(`/stations/${stationId}/evaluation-reviews`, { status }),
  mine: () => api.get<ReviewList>('/evaluation-reviews/mine'),
  assign: (id: string, input: AssignCallbackInput) => api.post<ReviewView>(`/evaluation-reviews/${id}/callback`, input),
  outcome: (id: string, input: CallbackOutcomeInput) =>
    api.post<ReviewView>(`/evaluation-reviews/${id}/outcome`, input),
  flagged: (stationId: string) => api.get<FlaggedAnswerList>(`/stations/${stationId}/evaluation-answers/flagged`),
  accept: (id: string) => api.post<FlaggedAnswerView>(`/evaluation-answers/${id}/accept`),
  /** The questions in force, to show an answer's question and option labels. */
  template: (stationId: string, type: EvaluationType) =>
    api.get<EvaluationTemplateView>(`/stations/${stationId}/evaluation-templates/${type}`),
};
