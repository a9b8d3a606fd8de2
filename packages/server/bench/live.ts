/**
 * Live delivery: how long after a resident sends a submission the desk's
 * stream carries it, with the desk connected to another server process (an
 * app instance with its own LISTEN connection) than the one that took the
 * submission. Measured next to the submission's own acknowledgement, so the
 * figure is a ratio as well as a time.
 */
import { randomUUID } from 'node:crypto';

export interface LiveRun {
  ackP50: number;
  ackP99: number;
  seenP50: number;
  seenP99: number;
}

async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('bench sign-in set no cookie');
  return cookie;
}

/** Reads the desk's SSE stream and resolves each awaited matter number when its event arrives. */
function deskStream(base: string, cookie: string) {
  const waiting = new Map<string, (at: number) => void>();
  // An event may beat the submission's own acknowledgement: keep its time until someone asks.
  const early = new Map<string, number>();
  const controller = new AbortController();
  const ready = fetch(`${base}/api/v1/events`, { headers: { cookie }, signal: controller.signal }).then(async (res) => {
    if (res.status !== 200) throw new Error(`desk stream answered ${res.status}`);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value);
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const data = buffer
            .slice(0, end)
            .split('\n')
            .find((l) => l.startsWith('data: '));
          buffer = buffer.slice(end + 2);
          const number = data ? (JSON.parse(data.slice(6)) as { number?: string }).number : undefined;
          const at = performance.now();
          if (number) (waiting.get(number) ?? ((t: number) => early.set(number, t)))(at);
        }
      }
    })();
  });
  return {
    ready,
    seen: (number: string) =>
      new Promise<number>((resolve) => {
        const at = early.get(number);
        if (at !== undefined) resolve(at);
        else waiting.set(number, resolve);
      }),
    close: () => controller.abort(),
  };
}

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export async function measureLive(
  submitBase: string,
  deskBase: string,
  doorplate: string,
  desk: { username: string; password: string },
  rounds = 200,
): Promise<LiveRun> {
  const stream = deskStream(deskBase, await signIn(deskBase, desk.username, desk.password));
  await stream.ready;
  const ack: number[] = [];
  const seen: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const res = await fetch(`${submitBase}/api/v1/public/doorplates/${doorplate}/matters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ kind: 'consult', body: `想咨询一下居住证怎么办理 ${i}`, noticeVersion: '2026-11' }),
      });
      const { number } = (await res.json()) as { number: string };
      ack.push(performance.now() - t0);
      const arrived = await Promise.race([
        stream.seen(number),
        new Promise<number>((_, reject) =>
          setTimeout(() => reject(new Error(`${number} never reached the desk`)), 10_000),
        ),
      ]);
      seen.push(arrived - t0);
    }
  } finally {
    stream.close();
  }
  return {
    ackP50: quantile(ack, 0.5),
    ackP99: quantile(ack, 0.99),
    seenP50: quantile(seen, 0.5),
    seenP99: quantile(seen, 0.99),
  };
}
