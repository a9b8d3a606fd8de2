/** 矛盾纠纷: 跟踪回访 planned and recorded, 调解未成 with its next attempt, and the 三个不放 close. */
import type {
  CloseInput,
  DisputeView,
  FailInput,
  FollowUpPlanInput,
  FollowUpRecorded,
  FollowUpRecordInput,
} from '@jingmin/shared';
import { api } from './client';

export const disputeFollowUpsApi = {
  plan: (id: string, input: FollowUpPlanInput) => api.post<DisputeView>(`/disputes/${id}/follow-ups`, input),
  /** Answers with the evaluation links opened for parties (shown once, as QR codes); reload the case after. */
  record: (followUpId: string, input: FollowUpRecordInput) =>
    api.post<FollowUpRecorded>(`/dispute-follow-ups/${followUpId}/record`, input),
  fail: (id: string, input: FailInput) => api.post<DisputeView>(`/disputes/${id}/fail`, input),
  /** 409 DISPUTE_CLOSE_REFUSED names what is missing; the chief's `overrideReason` closes anyway. */
  close: (id: string, input: CloseInput) => api.post<DisputeView>(`/disputes/${id}/close`, input),
};
