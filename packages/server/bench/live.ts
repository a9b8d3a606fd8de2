/**
 * Live delivery at scale, run inside the load process: thousands of resident
 * streams (GET /api/v1/public/matters/:tracking/events) open on one server
 * process, a staff reply posted through the other process to each followed
 * matter in turn, and the time from sending the reply to its event on every
 * stream. Measured next to the reply's own acknowledgement.
 */
import http from 'node:http';

export interface LiveTask {
  kind: 'live';
  streamBase: string;
  replyBase: string;
  matters: { id: string; tracking: string }[];
  connections: number;
  staff: { username: string; password: string };
}

export interface LiveResult {
  connections: number;
  deliveries: number;
  missed: number;
  deliveryP50: number;
  deliveryP99: number;
  ackP50: number;
  ackP99: number;
}

export const quantile = (xs: number[], q: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]! : Number.NaN;

/** One matter's followers, and the reply in flight to it. */
interface Followed {
  id: string;
  sentAt: number | null;
  waiting: number;
  done: () => void;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

/** Opens one Server-Sent Events stream; resolves once it answers 200, then hands `onFrame` each frame as it arrives. */
export function openStream(
  url: string,
  headers: Record<string, string>,
  onFrame: (frame: string) => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          onFrame(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      });
      resolve(req);
    });
    req.on('error', reject);
  });
}

/** Opens `count` streams in waves of 250, as browsers reconnecting after a deploy would. */
export async function openInWaves(count: number, open: (i: number) => Promise<http.ClientRequest>) {
  const opened: http.ClientRequest[] = [];
  for (let i = 0; i < count; i += 250) {
    const wave = Array.from({ length: Math.min(250, count - i) }, (_, j) => open(i + j));
    opened.push(...(await Promise.all(wave)));
  }
  return opened;
}

/** Follows one matter; every event frame that arrives while its matter has a reply in flight counts once. */
function follow(base: string, tracking: string, matter: Followed, delays: number[]) {
  let armedFor: number | null = null;
  return openStream(`${base}/api/v1/public/matters/${tracking}/events`, {}, (frame) => {
    const sentAt = matter.sentAt;
    if (!frame.includes('data:') || sentAt === null || armedFor === sentAt) return;
    armedFor = sentAt;
    delays.push(performance.now() - sentAt);
    if (--matter.waiting === 0) matter.done();
  });
}

async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error('bench sign-in set no cookie');
  return { cookie, 'x-csrf-token': csrfToken };
}

export async function measureLive(task: LiveTask): Promise<LiveResult> {
  const auth = await signIn(task.replyBase, task.staff.username, task.staff.password);
  const followed: Followed[] = task.matters.map((m) => ({ id: m.id, sentAt: null, waiting: 0, done: () => undefined }));
  const delays: number[] = [];
  const open = await openInWaves(task.connections, (i) => {
    const k = i % task.matters.length;
    return follow(task.streamBase, task.matters[k]!.tracking, followed[k]!, delays);
  });
  const perMatter = (k: number) =>
    Math.floor(task.connections / task.matters.length) + (k < task.connections % task.matters.length ? 1 : 0);
  const acks: number[] = [];
  let missed = 0;
  try {
    for (const [k, matter] of followed.entries()) {
      matter.waiting = perMatter(k);
      if (matter.waiting === 0) continue;
      const delivered = new Promise<void>((resolve) => {
        matter.done = resolve;
      });
      matter.sentAt = performance.now();
      const res = await fetch(`${task.replyBase}/api/v1/matters/${matter.id}/reply`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ text: `压测回复 ${k}`, photoIds: [] }),
      });
      if (res.status !== 200) throw new Error(`reply answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      acks.push(performance.now() - matter.sentAt);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([delivered, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
      clearTimeout(timer);
      missed += matter.waiting;
      matter.sentAt = null;
    }
  } finally {
    for (const req of open) req.destroy();
  }
  return {
    connections: open.length,
    deliveries: delays.length,
    missed,
    deliveryP50: quantile(delays, 0.5),
    deliveryP99: quantile(delays, 0.99),
    ackP50: quantile(acks, 0.5),
    ackP99: quantile(acks, 0.99),
  };
}
