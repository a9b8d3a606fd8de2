/** Staff notifications: my channels and quiet hours, a test send, and a member's WeCom account (administrators). */
import type {
  NotifyPreferencesView,
  NotifyTestResult,
  SetWecomUserInput,
  UpdateNotifyPreferencesInput,
} from '@jingmin/shared';
import { api } from './client';

export const notifyApi = {
  mine: () => api.get<NotifyPreferencesView>('/me/notifications'),
  update: (input: UpdateNotifyPreferencesInput) => api.put<NotifyPreferencesView>('/me/notifications', input),
  test: () => api.post<NotifyTestResult>('/me/notifications/test'),
  ofMember: (staffId: string) => api.get<NotifyPreferencesView>(`/staff/${staffId}/notifications`),
  linkWecom: (staffId: string, input: SetWecomUserInput) =>
    api.put<NotifyPreferencesView>(`/staff/${staffId}/notifications/wecom`, input),
};
