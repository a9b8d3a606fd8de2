import type { WarningReceiptInput } from '@jingmin/shared';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { createReceiptSender, retryable, withRetry } from './receipts';

const DEVICE = 'Qm9yZWFsaXMtZGV2aWNlLTAx';
const offline = () => new ApiError(0, 'NETWORK', '网络异常，请稍后重试');

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

/** A server that fails the first `failures` calls with `error`, then counts each (device, notice, kind) once. */
function flakyServer(failures: number, error: () => Error = offline) {
  const calls: Array<{ id: string; input: WarningReceiptInput }> = [];
  const counted = new Set<string>();
  return {
    calls,
    counted,
    post: async (id: string, input: WarningReceiptInput) => {
      calls.push({ id, input });
      if (calls.length <= failures) throw error();
      const key = `${input.device}:${id}:${input.kind}`;
      const fresh = !counted.has(key);
      counted.add(key);
      return { counted: fresh };
    },
  };
}

const waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);

describe('receipts on a flaky network', () => {
  it('tries again after a dropped connection, waiting longer each time, until the server counts it', async () => {
    waits.length = 0;
    const server = flakyServer(3);
    await expect(
      withRetry(() => server.post('w1', { device: DEVICE, kind: 'open' }), [10, 20, 40, 80], sleep),
    ).resolves.toEqual({ counted: true });
    expect(server.calls).toHaveLength(4);
    expect(waits).toEqual([10, 20, 40]);
  });

  it('gives up after the last wait and says so', async () => {
    waits.length = 0;
    const server = flakyServer(99);
    await expect(withRetry(() => server.post('w1', { device: DEVICE, kind: 'ack' }), [1, 2], sleep)).rejects.toThrow();
    expect(server.calls).toHaveLength(3);
  });

  it('does not retry a final refusal (the notice gone or the input bad), but does a busy or failing server', () => {
    expect(retryable(new ApiError(404, 'NOT_FOUND', 'x'))).toBe(false);
    expect(retryable(new ApiError(400, 'VALIDATION', 'x'))).toBe(false);
    expect(retryable(new ApiError(429, 'RATE_LIMITED', 'x'))).toBe(true);
    expect(retryable(new ApiError(503, 'INTERNAL', 'x'))).toBe(true);
    expect(retryable(offline())).toBe(true);
    expect(retryable(new TypeError('Failed to fetch'))).toBe(true);
  });

  it('sends `open` once however often the page asks, with the device and the doorplate it was read at', async () => {
    const server = flakyServer(0);
    const sender = createReceiptSender({
      post: server.post,
      device: () => DEVICE,
      doorplate: () => 'dp_Liutang-0042',
      storage: memoryStorage(),
      delays: [1],
      sleep,
    });
    const all = await Promise.all([sender.send('w1', 'open'), sender.send('w1', 'open'), sender.send('w1', 'open')]);
    await sender.send('w1', 'open');
    expect(all).toEqual([true, true, true]);
    expect(server.calls).toEqual([{ id: 'w1', input: { device: DEVICE, kind: 'open', doorplate: 'dp_Liutang-0042' } }]);
    expect(sender.pending()).toEqual([]);
  });

  it('keeps a receipt the network never let through and sends it on the next page, counted once', async () => {
    const storage = memoryStorage();
    const down = flakyServer(99);
    const first = createReceiptSender({
      post: down.post,
      device: () => DEVICE,
      doorplate: () => null,
      storage,
      delays: [1, 1],
      sleep,
    });
    expect(await first.send('w7', 'ack')).toBe(false);
    expect(down.calls).toHaveLength(3);
    expect(first.pending()).toEqual([{ warningId: 'w7', device: DEVICE, kind: 'ack' }]);

    const up = flakyServer(0);
    const next = createReceiptSender({ post: up.post, device: () => DEVICE, doorplate: () => null, storage, sleep });
    expect(await next.flush()).toEqual([true]);
    expect(up.counted).toEqual(new Set([`${DEVICE}:w7:ack`]));
    expect(next.pending()).toEqual([]);
  });

  it('drops a receipt the server refuses for good instead of sending it forever', async () => {
    const storage = memoryStorage();
    const gone = flakyServer(99, () => new ApiError(404, 'NOT_FOUND', '提醒不存在'));
    const sender = createReceiptSender({
      post: gone.post,
      device: () => DEVICE,
      doorplate: () => null,
      storage,
      sleep,
    });
    expect(await sender.send('w9', 'like')).toBe(false);
    expect(gone.calls).toHaveLength(1);
    expect(sender.pending()).toEqual([]);
  });
});
