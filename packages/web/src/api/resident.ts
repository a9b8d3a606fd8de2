/**
 * The resident's calls: no account, only the doorplate token, the tracking
 * links this device holds and, when the resident verified one, a phone session.
 */
import type {
  DoorplateView,
  EvaluationLink,
  MatterKind,
  MatterReceipt,
  PhoneCodeSent,
  PhoneMatters,
  PhoneSession,
  RateMatterInput,
  ResidentMatterView,
  ResidentMessageInput,
  SubmitMatterInput,
  UploadPhotosResult,
  WaitingEvaluations,
} from '@jingmin/shared';
import { api, apiUrl, request, withQuery } from './client';

const LINKS = 'jm.matters';
const PHONE = 'jm.phone';

/** One multipart request; each file under the field name the server reads (`photo`). */
function photoForm(files: File[]) {
  const form = new FormData();
  for (const f of files) form.append('photo', f, f.name || 'photo.jpg');
  return form;
}

export const resident = {
  doorplate: (token: string) => api.get<DoorplateView>(`/public/doorplates/${token}`),
  submit: (token: string, input: SubmitMatterInput, idempotencyKey: string) =>
    api.post<MatterReceipt>(`/public/doorplates/${token}/matters`, input, { 'idempotency-key': idempotencyKey }),
  /** Photos for a submission, before it is sent; `shareLocation` keeps their GPS position. */
  uploadSubmissionPhotos: (token: string, files: File[], idempotencyKey: string, shareLocation: boolean) =>
    api.post<UploadPhotosResult>(
      withQuery(`/public/doorplates/${token}/photos`, { shareLocation: shareLocation ? '1' : '0' }),
      photoForm(files),
      { 'idempotency-key': idempotencyKey },
    ),
  matter: (tracking: string) => api.get<ResidentMatterView>(`/public/matters/${tracking}`),
  /** `headers`: the browser's device key (防刷), as for any evaluation answer. */
  rate: (tracking: string, input: RateMatterInput, headers?: Record<string, string>) =>
    api.post<ResidentMatterView>(`/public/matters/${tracking}/rating`, input, headers),
  /** Photos for a chat message, before it is sent. */
  uploadMessagePhotos: (tracking: string, files: File[], idempotencyKey: string) =>
    api.post<UploadPhotosResult>(`/public/matters/${tracking}/photos`, photoForm(files), {
      'idempotency-key': idempotencyKey,
    }),
  message: (tracking: string, input: ResidentMessageInput, idempotencyKey: string) =>
    api.post<ResidentMatterView>(`/public/matters/${tracking}/messages`, input, { 'idempotency-key': idempotencyKey }),
  /** A photo of the matter as an `<img src>`: the tracking link is the key; `thumb` is a small copy for tiles. */
  photoUrl: (tracking: string, photoId: string, size: 'full' | 'thumb' = 'full') =>
    apiUrl(`/public/matters/${tracking}/photos/${photoId}${size === 'thumb' ? '?size=thumb' : ''}`),
  requestPhoneCode: (phone: string) => api.post<PhoneCodeSent>('/public/phone/codes', { phone }),
  verifyPhone: (phone: string, code: string) => api.post<PhoneSession>('/public/phone/verify', { phone, code }),
  phoneMatters: (phoneToken: string) =>
    request<PhoneMatters>('GET', '/public/phone/matters', undefined, { 'x-phone-token': phoneToken }),
  /** 待评价 of the household at this door: what and when, never who. */
  doorplateEvaluations: (token: string) => api.get<WaitingEvaluations>(`/public/doorplates/${token}/evaluations`),
  /** A fresh link to one of them (earlier links to it stop working). */
  doorplateEvaluationLink: (token: string, id: string) =>
    api.post<EvaluationLink>(`/public/doorplates/${token}/evaluations/${id}/link`),
  /** 待评价 of the matters sent with the verified phone. */
  phoneEvaluations: (phoneToken: string) =>
    request<WaitingEvaluations>('GET', '/public/phone/evaluations', undefined, { 'x-phone-token': phoneToken }),
  phoneEvaluationLink: (phoneToken: string, id: string) =>
    request<EvaluationLink>('POST', `/public/phone/evaluations/${id}/link`, undefined, { 'x-phone-token': phoneToken }),
};

/**
 * A fresh idempotency key. `crypto.randomUUID` exists only on HTTPS pages;
 * a trial over plain HTTP on the station's LAN still needs keys.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A tracking link this device holds, with what is needed to list it (never the resident's text). */
export interface DeviceMatter {
  tracking: string;
  number?: string;
  kind?: MatterKind;
  submittedAt?: string;
}

/** Tracking links this device holds, newest first (the link is the only key to a matter). */
export const deviceMatters = {
  list(): DeviceMatter[] {
    try {
      const raw = JSON.parse(localStorage.getItem(LINKS) ?? '[]') as Array<string | DeviceMatter>;
      // Older pages stored the bare link.
      return raw.map((m) => (typeof m === 'string' ? { tracking: m } : m)).filter((m) => m.tracking);
    } catch {
      return [];
    }
  },
  /** Adds the link (or refreshes what is known of it) and moves it to the top. */
  add(tracking: string, known: Omit<DeviceMatter, 'tracking'> = {}) {
    const all = deviceMatters.list();
    const old = all.find((m) => m.tracking === tracking);
    const next = [{ ...old, ...known, tracking }, ...all.filter((m) => m.tracking !== tracking)].slice(0, 50);
    localStorage.setItem(LINKS, JSON.stringify(next));
  },
  /** Updates what is known without reordering (opening a matter is not submitting it). */
  remember(tracking: string, known: Omit<DeviceMatter, 'tracking'>) {
    const all = deviceMatters.list();
    if (!all.some((m) => m.tracking === tracking)) return deviceMatters.add(tracking, known);
    localStorage.setItem(LINKS, JSON.stringify(all.map((m) => (m.tracking === tracking ? { ...m, ...known } : m))));
  },
};

/** The verified phone kept on this device (localStorage) until it expires or the resident drops it. */
export const phoneSession = {
  get(): PhoneSession | null {
    try {
      const s = JSON.parse(localStorage.getItem(PHONE) ?? 'null') as PhoneSession | null;
      if (s && Date.parse(s.expiresAt) > Date.now()) return s;
    } catch {
      // An unreadable entry is as good as none.
    }
    localStorage.removeItem(PHONE);
    return null;
  },
  save: (s: PhoneSession) => localStorage.setItem(PHONE, JSON.stringify(s)),
  clear: () => localStorage.removeItem(PHONE),
};
