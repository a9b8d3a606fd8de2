/** The resident's calls: no account, only the doorplate token and the tracking links this device holds. */
import type {
  DoorplateView,
  MatterReceipt,
  RateMatterInput,
  ResidentMatterView,
  SubmitMatterInput,
} from '@jingmin/shared';
import { api } from './client';

const LINKS = 'jm.matters';

export const resident = {
  doorplate: (token: string) => api.get<DoorplateView>(`/public/doorplates/${token}`),
  submit: (token: string, input: SubmitMatterInput, idempotencyKey: string) =>
    api.post<MatterReceipt>(`/public/doorplates/${token}/matters`, input, { 'idempotency-key': idempotencyKey }),
  matter: (tracking: string) => api.get<ResidentMatterView>(`/public/matters/${tracking}`),
  rate: (tracking: string, input: RateMatterInput) =>
    api.post<ResidentMatterView>(`/public/matters/${tracking}/rating`, input),
};

/** Tracking links this device holds (the link is the only key to a matter; nothing else is stored). */
export const deviceMatters = {
  list: (): string[] => {
    try {
      return JSON.parse(localStorage.getItem(LINKS) ?? '[]') as string[];
    } catch {
      return [];
    }
  },
  add(tracking: string) {
    const all = [tracking, ...deviceMatters.list().filter((t) => t !== tracking)].slice(0, 50);
    localStorage.setItem(LINKS, JSON.stringify(all));
  },
};
