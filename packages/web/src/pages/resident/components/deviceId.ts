/**
 * The browser's own random id for 平安提醒 receipts (opened, 已知晓, 谢谢, 点赞 — each counted once per device). It
 * names no person, is never shown, and is kept apart from the evaluations' anti-abuse key so the two cannot be
 * joined. Where storage is refused (a private window) an id lives as long as the page.
 */
const STORAGE_KEY = 'jm.noticeDevice';
/** What the server accepts (DeviceId): 16–64 of A–Z a–z 0–9 _ -. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** 18 random bytes as base64url: 24 characters, no padding. */
export function freshDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

let inMemory: string | null = null;

/** The same id for this browser every time (made on first use); a damaged stored one is replaced. */
export function deviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()): string {
  try {
    const kept = storage?.getItem(STORAGE_KEY);
    if (kept && DEVICE_ID_PATTERN.test(kept)) return kept;
    const id = freshDeviceId();
    storage?.setItem(STORAGE_KEY, id);
    if (storage) return id;
  } catch {
    // Refused: fall through to the page's own id.
  }
  inMemory ??= freshDeviceId();
  return inMemory;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
