/** 矛盾纠纷: 调解协议书 recorded and printed, each agreed duty's performance; changes answer with the whole case. */
import type { AgreementInput, DisputeView, DutyPerformedInput } from '@jingmin/shared';
import { api, apiUrl } from './client';

export const disputeAgreementsApi = {
  /** 409 DISPUTE_SESSION_NO_AGREEMENT when no session reached an agreement; 400 naming a duty's bad date or party. */
  record: (id: string, input: AgreementInput) => api.post<DisputeView>(`/disputes/${id}/agreements`, input),
  /** 409 DISPUTE_DUTY_PERFORMED when it was already recorded. */
  performed: (id: string, dutyId: string, input: DutyPerformedInput) =>
    api.post<DisputeView>(`/disputes/${id}/duties/${dutyId}/performed`, input),
  /** The printable PDF (the parties in full, for signing): the server records every print. */
  pdfUrl: (id: string, agreementId: string) => apiUrl(`/disputes/${id}/agreements/${agreementId}/pdf`),
};
