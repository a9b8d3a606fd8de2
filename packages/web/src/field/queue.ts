/**
 * The field phone's outbox: what a rural officer or a volunteer records where the signal drops (a visit, a patrol
 * check-in, a report, a hazard) is kept on the phone (IndexedDB) with its own Idempotency-Key, and sent when the
 * network returns — in the order recorded, each exactly once: a resend after a lost answer gets the first answer
 * from the server. An entry the server refuses (4xx: a household out of sight, a key used for something else)
 * keeps the server's message next to it and stops nothing else in the queue. Photos taken offline stay with their
 * entry (as files in IndexedDB) and are uploaded first, under their own key, when it is sent.
 */
import type { UploadPhotosResult } from '@jingmin/shared';
import { useSyncExternalStore } from 'react';
import { auth } from '../api/auth';
import { ApiError, request } from '../api/client';

export type EntryState = 'waiting' | 'sending' | 'sent' | 'refused';

/** Photos kept with an entry until it is sent: uploaded first, their ids then sent as the body's `photoIds`. */
export interface QueuedPhotos {
  /** Where they are uploaded (multipart, field `photo`). */
  path: string;
  /** The upload's own Idempotency-Key: a resend after a lost answer gets the photos already stored. */
  key: string;
  /** Kept on the phone until the server holds them. */
  files: File[];
  /** The server's ids once uploaded (the files are then let go). */
  ids?: string[];
}

export interface QueuedEntry<T = unknown> {
  /** Also the Idempotency-Key the server dedupes by. */
  key: string;
  /** What it is, for the list (走访, 巡逻打卡 …). */
  kind: string;
  /** A line the worker recognises (the address, the point). */
  title: string;
  path: string;
  body: unknown;
  /** Photos to upload before the body is sent. */
  photos?: QueuedPhotos;
  createdAt: string;
  state: EntryState;
  /** The server's message when refused. */
  error?: string;
  /** The server's answer once sent. */
  answer?: T;
  sentAt?: string;
}

const DB = 'jingmin-field';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx<T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = work(t.objectStore(STORE));
    t.oncomplete = () => {
      db.close();
      resolve(req.result);
    };
    t.onerror = () => reject(t.error);
  });
}

let entries: QueuedEntry[] = [];
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

async function reload() {
  const all = await tx('readonly', (s) => s.getAll() as IDBRequest<QueuedEntry[]>);
  entries = all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  emit();
}

async function save(entry: QueuedEntry) {
  await tx('readwrite', (s) => s.put(entry));
  await reload();
}

/** Keeps an entry on the phone (with its photos, if any: uploaded to `photos.path` first) and tries to send it. */
export async function enqueue(
  entry: Pick<QueuedEntry, 'kind' | 'title' | 'path' | 'body'> & { photos?: { path: string; files: File[] } },
): Promise<QueuedEntry> {
  const { photos, ...rest } = entry;
  const queued: QueuedEntry = {
    ...rest,
    ...(photos?.files.length ? { photos: { ...photos, key: crypto.randomUUID() } } : {}),
    key: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    state: 'waiting',
  };
  await save(queued);
  void flush();
  return queued;
}

/** Removes a sent or refused entry from the list (a waiting one stays until it is sent). */
export async function dismiss(key: string) {
  await tx('readwrite', (s) => s.delete(key));
  await reload();
}

let flushing: Promise<void> | null = null;

/** Sends what waits, oldest first, one at a time; stops at the first network failure and tries again later. */
export function flush(): Promise<void> {
  // Cleared when the pass settles (a pass that finds nothing to send settles at once).
  flushing ??= send().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function send() {
  const due = entries.filter((x) => x.state === 'waiting' || x.state === 'sending');
  if (!due.length || !navigator.onLine) return;
  // The session's CSRF token (a page opened offline has none yet); signed out, everything waits.
  const signedIn = await auth.session().then(
    (s) => s.stage === 'full',
    () => false,
  );
  if (!signedIn) return;
  for (const queued of due) {
    let e: QueuedEntry = { ...queued, state: 'sending' };
    await save(e);
    try {
      e = await withPhotos(e);
      const body = e.photos?.ids ? { ...(e.body as object), photoIds: e.photos.ids } : e.body;
      const answer = await request('POST', e.path, body, { 'idempotency-key': e.key });
      await save({ ...e, state: 'sent', answer, sentAt: new Date().toISOString() });
    } catch (err) {
      const refused =
        err instanceof ApiError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status);
      await save(refused ? { ...e, state: 'refused', error: err.message } : { ...e, state: 'waiting' });
      // No network, a signed-out session or a busy server: the rest waits for the next try.
      if (!refused) return;
    }
  }
}

/** Uploads the entry's photos once (kept: their ids; the files let go), so a resend of the body reuses them. */
async function withPhotos(e: QueuedEntry): Promise<QueuedEntry> {
  const p = e.photos;
  if (!p || p.ids) return e;
  const form = new FormData();
  for (const f of p.files) form.append('photo', f, f.name);
  const stored = await request<UploadPhotosResult>('POST', p.path, form, { 'idempotency-key': p.key });
  const next = { ...e, photos: { ...p, files: [], ids: stored.photos.map((x) => x.id) } };
  await save(next);
  return next;
}

let started = false;
/** Loads the outbox and sends it whenever the network comes back (and every half minute while online). */
export function startQueue() {
  if (started) return;
  started = true;
  void reload().then(flush);
  window.addEventListener('online', () => void flush());
  setInterval(() => void flush(), 30_000);
}

/** The outbox's entries, oldest first, re-rendered as they change. */
export function useQueue(): QueuedEntry[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => entries,
  );
}
