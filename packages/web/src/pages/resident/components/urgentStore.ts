/**
 * The urgent notices of the area this phone is in (the doorplate on screen, else the one last scanned), kept for
 * every resident page at once: the stream (GET /public/doorplates/:token/warning-stream) stays open while one page
 * hands over to the next, reconnects after a drop (and reloads what it may have missed), and a notice that comes
 * in live is fetched whole before the banner shows it.
 */
import { WarningLivePayload } from '@jingmin/shared';
import { useEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../../../api/client';
import { notices } from '../../../api/notices';
import { receipts } from '../notices/receipts';
import { deviceId } from './deviceId';
import { EMPTY_URGENT, type UrgentAction, type UrgentState, urgentReducer } from './urgentState';

const DONE = 'jm.urgent.done';
/** Waits between reconnects after the browser gave up: short at first, never more than 30 s. */
const backoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));

let state: UrgentState = { ...EMPTY_URGENT, done: readDone() };
const listeners = new Set<() => void>();
/** Counts every notice sent or withdrawn live (any priority): the pages' lists reload when it moves. */
let changes = 0;
const changeListeners = new Set<() => void>();
function changed() {
  changes++;
  for (const l of changeListeners) l();
}

function readDone(): string[] {
  try {
    const raw = JSON.parse(localStorage.getItem(DONE) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Tells the banner what happened (also from the notice page: 已知晓 there takes it off the banner). */
export function urgentDispatch(action: UrgentAction) {
  const before = state;
  state = urgentReducer(state, action);
  if (state.done !== before.done) {
    try {
      localStorage.setItem(DONE, JSON.stringify(state.done));
    } catch {
      // Private window: it comes back on the next page; harmless.
    }
  }
  if (state !== before) for (const l of listeners) l();
}

interface Connection {
  token: string;
  source: EventSource | null;
  timer?: ReturnType<typeof setTimeout>;
  closeTimer?: ReturnType<typeof setTimeout>;
  users: number;
  dead: boolean;
}
let conn: Connection | null = null;

async function load(c: Connection) {
  try {
    const list = await notices.forDoorplate(c.token, deviceId());
    if (conn === c) urgentDispatch({ type: 'loaded', notices: list.items });
  } catch (err) {
    // An unknown or retired doorplate has no area: nothing to listen to.
    if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 429) stop(c);
  }
}

async function arrived(c: Connection, raw: string) {
  let payload: WarningLivePayload;
  try {
    payload = WarningLivePayload.parse(JSON.parse(raw));
  } catch {
    return;
  }
  changed();
  if (payload.priority !== 'urgent') return;
  try {
    const notice = await notices.get(payload.warningId, deviceId());
    if (conn === c) urgentDispatch({ type: 'sent', notice });
  } catch {
    // Fetched again with the area's list after the next reconnect.
  }
}

function open(c: Connection, attempt: number) {
  if (c.dead || conn !== c || typeof EventSource === 'undefined') return;
  const source = new EventSource(notices.streamUrl(c.token));
  c.source = source;
  let opened = false;
  source.addEventListener('open', () => {
    // Whatever was sent while the stream was down is in the area's list.
    if (opened || attempt > 0) {
      void load(c);
      changed();
    }
    opened = true;
    attempt = 0;
  });
  source.addEventListener('warning.sent', (e) => void arrived(c, (e as MessageEvent<string>).data));
  source.addEventListener('warning.withdrawn', (e) => {
    const parsed = WarningLivePayload.safeParse(safeJson((e as MessageEvent<string>).data));
    if (!parsed.success) return;
    urgentDispatch({ type: 'withdrawn', id: parsed.data.warningId });
    changed();
  });
  source.addEventListener('error', () => {
    // The browser reconnects by itself while CONNECTING; once CLOSED (a refusal) it is up to us.
    if (source.readyState !== EventSource.CLOSED || c.dead || conn !== c) return;
    c.source = null;
    c.timer = setTimeout(() => open(c, attempt + 1), backoff(attempt));
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function stop(c: Connection) {
  c.dead = true;
  clearTimeout(c.timer);
  clearTimeout(c.closeTimer);
  c.source?.close();
  c.source = null;
  if (conn === c) conn = null;
}

function acquire(token: string): Connection {
  if (conn && conn.token === token && !conn.dead) {
    clearTimeout(conn.closeTimer);
    conn.users++;
    return conn;
  }
  if (conn) stop(conn);
  const c: Connection = { token, source: null, users: 1, dead: false };
  conn = c;
  urgentDispatch({ type: 'loaded', notices: [] });
  void load(c);
  open(c, 0);
  // A receipt an earlier page could not send goes now.
  void receipts.flush();
  return c;
}

function release(c: Connection) {
  c.users--;
  // The next page mounts its banner right after: keep the stream a moment instead of reconnecting.
  if (c.users <= 0) c.closeTimer = setTimeout(() => stop(c), 3000);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => state;

/** The urgent notices to show for the area of `token` (none without one); keeps the live stream open meanwhile. */
export function useUrgentNotices(token: string | null) {
  useEffect(() => {
    if (!token) return;
    const c = acquire(token);
    return () => release(c);
  }, [token]);
  const s = useSyncExternalStore(subscribe, snapshot, snapshot);
  return token ? s.items : [];
}

const subscribeChanges = (l: () => void) => {
  changeListeners.add(l);
  return () => changeListeners.delete(l);
};
const changeCount = () => changes;

/** A number that moves whenever a notice of the area was sent or withdrawn live (the lists on screen reload). */
export function useNoticeChanges() {
  return useSyncExternalStore(subscribeChanges, changeCount, changeCount);
}
