/**
 * Audio and video of notices. The upload goes through XMLHttpRequest, not fetch, for its progress: a 30 MB video on
 * a station's line takes a while and the composer shows how far it is. Errors become messages as in client.ts.
 */
import type { WarningMedia } from '@jingmin/shared';
import { storedLocale } from '../i18n';
import { ApiError, apiUrl, errorMessage } from './client';

export interface MediaUploadOptions {
  /** The session's CSRF token (SessionView.csrfToken). */
  csrfToken: string;
  /** One per picked file: a resend after a lost answer gets the same stored file. */
  idempotencyKey: string;
  onProgress?(percent: number): void;
  signal?: AbortSignal;
}

function failure(xhr: XMLHttpRequest): ApiError {
  let body: { error?: { code?: string; message?: string; details?: unknown } } | null = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = null;
  }
  const err = body?.error;
  return new ApiError(xhr.status, err?.code ?? 'INTERNAL', err?.message ?? errorMessage(null), err?.details);
}

export const mediaApi = {
  /** Uploads one audio or video file (checked by content on the server) and answers it as stored, pending. */
  upload: (file: File, opts: MediaUploadOptions) =>
    new Promise<WarningMedia>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/v1/media/files');
      xhr.setRequestHeader('accept-language', storedLocale());
      xhr.setRequestHeader('x-csrf-token', opts.csrfToken);
      xhr.setRequestHeader('idempotency-key', opts.idempotencyKey);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) opts.onProgress?.(Math.min(99, Math.round((e.loaded / e.total) * 100)));
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          opts.onProgress?.(100);
          resolve(JSON.parse(xhr.responseText) as WarningMedia);
          return;
        }
        // A session that ended sends the console back to sign-in, as every other call does.
        if (xhr.status === 401 && window.location.pathname.startsWith('/console')) window.location.assign('/login');
        reject(failure(xhr));
      };
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', errorMessage(null)));
      xhr.onabort = () => reject(new ApiError(0, 'ABORTED', storedLocale() === 'en' ? 'Cancelled' : '已取消'));
      opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    }),
  /** Where staff play a file (the session cookie travels with it; Range requests let the player seek). */
  url: (id: string) => apiUrl(`/media/files/${id}`),
};
