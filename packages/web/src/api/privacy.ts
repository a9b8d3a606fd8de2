/** 个人信息权利: the resident's changes and requests (by tracking link), and the station's queue and answers. */
import type {
  ApproveDeletionInput,
  PrivacyRequestPage,
  RefuseDeletionInput,
  ResidentPrivacyView,
  StaffPrivacyRequest,
} from '@jingmin/shared';
import { api } from './client';

export const residentPrivacy = {
  view: (tracking: string) => api.get<ResidentPrivacyView>(`/public/matters/${tracking}/privacy`),
  /** `phoneToken`: a number just proved by one-time code. */
  correctPhone: (tracking: string, phoneToken: string) =>
    api.put<ResidentPrivacyView>(`/public/matters/${tracking}/contact-phone`, { phoneToken }),
  withdrawPhone: (tracking: string) => api.delete<ResidentPrivacyView>(`/public/matters/${tracking}/contact-phone`),
  requestDeletion: (tracking: string) =>
    api.post<ResidentPrivacyView>(`/public/matters/${tracking}/deletion-requests`, {}),
};

export const privacyApi = {
  list: (query: { status: 'open' | 'all'; page: number; pageSize: number }) =>
    api.get<PrivacyRequestPage>('/privacy/requests', query),
  approve: (id: string, input: ApproveDeletionInput) =>
    api.post<StaffPrivacyRequest>(`/privacy/requests/${id}/approve`, input),
  refuse: (id: string, input: RefuseDeletionInput) =>
    api.post<StaffPrivacyRequest>(`/privacy/requests/${id}/refuse`, input),
};
