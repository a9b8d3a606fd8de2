/** 矛盾纠纷: the channel (分流化解) and mediation sessions; each call answers with the whole case. */
import type { ChannelInput, DisputeView, SessionPlanInput, SessionRecordInput } from '@jingmin/shared';
import { api } from './client';

export const disputeSessionsApi = {
  channel: (id: string, input: ChannelInput) => api.put<DisputeView>(`/disputes/${id}/channel`, input),
  /** 409 DISPUTE_SESSION_OPEN while a planned session has no result; DISPUTE_SESSION_LIMIT past 治安调解's limit. */
  plan: (id: string, input: SessionPlanInput) => api.post<DisputeView>(`/disputes/${id}/sessions`, input),
  /** 409 DISPUTE_GUARDIAN_MISSING when a minor attends without their guardian. */
  record: (id: string, sessionId: string, input: SessionRecordInput) =>
    api.post<DisputeView>(`/disputes/${id}/sessions/${sessionId}/record`, input),
};
