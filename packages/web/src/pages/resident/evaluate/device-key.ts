/**
 * 防刷: the browser's own random id, made once and kept in its storage, sent with every answer
 * (`x-device-key`). The server keeps only a keyed hash of it, to notice many answers from one phone
 * however its address changes. Where storage is refused (a private window) nothing is sent, and the
 * server falls back to the address together with the browser.
 */
const STORAGE_KEY = 'jm.deviceKey';

/** 16 random bytes as base64url (22 characters). */
function freshKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The header to send with an answer: the same id for this browser every time, or none. */
export function deviceKeyHeader(): Record<string, string> {
  try {
    let key = localStorage.getItem(STORAGE_KEY);
    if (!key || !/^[A-Za-z0-9_-]{16,64}$/.test(key)) {
      key = freshKey();
      localStorage.setItem(STORAGE_KEY, key);
    }
    return { 'x-device-key': key };
  } catch {
    return {};
  }
}
