/**
 * The one place API calls are made and errors become messages: the server
 * already answers in the caller's language, so its message is shown as is;
 * a network failure becomes a message here too, never a raw exception.
 */
import type { ErrorBody } from '@jingmin/shared';
import { storedLocale } from '../i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The text to show for any error a call may throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return storedLocale() === 'en' ? 'Network error; please try again' : '网络异常，请稍后重试';
}

let csrfToken = '';
/** Set from every SessionView the server returns. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The browser URL of an API path (for downloads through a plain link). */
export const apiUrl = (path: string, query?: Query) => `/api/v1${withQuery(path, query)}`;

async function send(method: string, path: string, body: unknown, headers: Record<string, string>) {
  const isForm = body instanceof FormData;
  try {
    return await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        'accept-language': storedLocale(),
        ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', errorMessage(null));
  }
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await send(method, path, body, headers);
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const err = (data as ErrorBody | null)?.error;
    // A session that ended (idle timeout, signed out elsewhere) sends the console back to sign-in.
    if (res.status === 401 && window.location.pathname.startsWith('/console')) window.location.assign('/login');
    throw new ApiError(
      res.status,
      err?.code ?? 'INTERNAL',
      err?.message ?? (res.statusText || errorMessage(null)),
      err?.details,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
    request<T>('POST', path, body, headers),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Starts a download through a plain link, so the browser streams the file with the session cookie. */
export function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
