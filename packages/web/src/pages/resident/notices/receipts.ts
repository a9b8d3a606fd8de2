/**
 * Receipts (opened, 已知晓, 谢谢, 点赞) that survive a flaky village network: each is tried a few times with growing
 * waits, and one still unsent is kept on the device and tried again the next time a resident page opens. The
 * server counts each once per device, so sending one twice is harmless; losing one would make the figures lie.
 */
import type { WarningReceiptInput, WarningReceiptKind } from '@jingmin/shared';
import { ApiError } from '../../../api/client';
import { notices } from '../../../api/notices';
import { deviceId } from '../components/deviceId';
import { lastDoorplate } from '../components/lastDoorplate';

const PENDING = 'jm.receipts.pending';
/** Waits before the 2nd, 3rd … try: 1 s, 2 s, 4 s, 8 s, 16 s (about half a minute in all). */
export const RECEIPT_DELAYS = [1000, 2000, 4000, 8000, 16_000];

/** Worth trying again: no answer at all, the server busy or failing, or asked to slow down. */
export function retryable(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  return err.status === 0 || err.status === 408 || err.status === 429 || err.status >= 500;
}

/** Calls `send` until it succeeds, an error is final, or the waits run out; then throws the last error. */
export async function withRetry<T>(
  send: () => Promise<T>,
  delays: readonly number[] = RECEIPT_DELAYS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const wait = delays[attempt];
      if (wait === undefined || !retryable(err)) throw err;
      await sleep(wait);
    }
  }
}

export interface PendingReceipt extends WarningReceiptInput {
  warningId: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export interface ReceiptSenderDeps {
  post(warningId: string, input: WarningReceiptInput): Promise<unknown>;
  device(): string;
  doorplate(): string | null;
  storage: Store | null;
  delays?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const keyOf = (r: { warningId: string; kind: string }) => `${r.warningId}:${r.kind}`;

/** A sender with its own memory of what is done and what is still owed (one per page; tests make their own). */
export function createReceiptSender(deps: ReceiptSenderDeps) {
  /** Sent or being sent during this page's life: `open` is told once however often the page renders. */
  const started = new Map<string, Promise<boolean>>();

  const readPending = (): PendingReceipt[] => {
    try {
      const raw = JSON.parse(deps.storage?.getItem(PENDING) ?? '[]') as unknown;
      return Array.isArray(raw) ? (raw as PendingReceipt[]).filter((r) => r?.warningId && r.kind) : [];
    } catch {
      return [];
    }
  };
  const writePending = (all: PendingReceipt[]) => {
    try {
      deps.storage?.setItem(PENDING, JSON.stringify(all.slice(-50)));
    } catch {
      // Storage refused: the retries of this page are all there is.
    }
  };
  const owe = (r: PendingReceipt) => writePending([...readPending().filter((p) => keyOf(p) !== keyOf(r)), r]);
  const settle = (r: PendingReceipt) => writePending(readPending().filter((p) => keyOf(p) !== keyOf(r)));

  const deliver = (r: PendingReceipt): Promise<boolean> => {
    const k = keyOf(r);
    const running = started.get(k);
    if (running) return running;
    owe(r);
    const { warningId, ...input } = r;
    const done = withRetry(() => deps.post(warningId, input), deps.delays, deps.sleep).then(
      () => {
        settle(r);
        return true;
      },
      (err) => {
        // A final refusal (the notice withdrawn or gone) is dropped; a network still down is kept for later.
        if (!retryable(err)) settle(r);
        started.delete(k);
        return false;
      },
    );
    started.set(k, done);
    return done;
  };

  return {
    /** Tells the server once; resolves true when it was counted (or already had been), false when it is still owed. */
    send(warningId: string, kind: WarningReceiptKind): Promise<boolean> {
      const doorplate = deps.doorplate();
      return deliver({ warningId, kind, device: deps.device(), ...(doorplate ? { doorplate } : {}) });
    },
    /** Tries again whatever an earlier page could not send. */
    flush(): Promise<boolean[]> {
      return Promise.all(readPending().map(deliver));
    },
    pending: readPending,
  };
}

function browserStorage(): Store | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** The page's sender: this device's id, the doorplate last scanned as the area it was read in. */
export const receipts = createReceiptSender({
  post: (id, input) => notices.receipt(id, input),
  device: () => deviceId(),
  doorplate: lastDoorplate,
  storage: browserStorage(),
});
