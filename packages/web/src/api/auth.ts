import type { MetaView, SessionView, TotpEnrolment } from '@jingmin/shared';
import { api, setCsrfToken } from './client';

const keep = (s: SessionView) => {
  setCsrfToken(s.csrfToken);
  return s;
};

export const auth = {
  meta: () => api.get<MetaView>('/meta'),
  session: () => api.get<SessionView>('/auth/session').then(keep),
  login: (username: string, password: string) =>
    api.post<SessionView>('/auth/login', { username, password }).then(keep),
  totp: (code: string) => api.post<SessionView>('/auth/totp', { code }).then(keep),
  startEnrolment: () => api.post<TotpEnrolment>('/auth/totp/enrolment/start'),
  confirmEnrolment: (code: string) => api.post<SessionView>('/auth/totp/enrolment', { code }).then(keep),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<SessionView>('/auth/password', { currentPassword, newPassword }).then(keep),
  logout: () => api.post<{ ok: true }>('/auth/logout'),
  logoutAll: () => api.post<{ ok: true }>('/auth/logout-all'),
};
