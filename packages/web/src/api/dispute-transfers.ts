/** 移交: a case given to a partner department or committee, and the department's answer, progress and result. */
import type {
  DisputeListItem,
  DisputeView,
  TransferAnswerInput,
  TransferInput,
  TransferProgressInput,
  TransferResultInput,
  TransferView,
} from '@jingmin/shared';
import { api } from './client';

/** One case transferred to the signed-in liaison's department, with the transfer. */
export interface TransferredCase {
  transfer: TransferView;
  dispute: DisputeListItem;
}

export const disputeTransfersApi = {
  /** 移交: 409 DISPUTE_TRANSFER_OPEN while another transfer waits or is being worked. */
  send: (caseId: string, input: TransferInput) => api.post<DisputeView>(`/disputes/${caseId}/transfers`, input),
  /** 移交本部门的案件: empty for an account of no department. */
  mine: () => api.get<TransferredCase[]>('/dispute-transfers/mine'),
  answer: (id: string, input: TransferAnswerInput) => api.post<DisputeView>(`/dispute-transfers/${id}/answer`, input),
  progress: (id: string, input: TransferProgressInput) =>
    api.post<DisputeView>(`/dispute-transfers/${id}/progress`, input),
  result: (id: string, input: TransferResultInput) => api.post<DisputeView>(`/dispute-transfers/${id}/result`, input),
};
