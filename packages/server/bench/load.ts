/**
 * The load process: run by the bench as a child of its own (the servers are
 * processes of their own too), so neither the load nor the measuring shares
 * an event loop with what is measured. Reads its task from BENCH_LOAD (JSON)
 * and prints its result as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { type LiveTask, measureLive } from './live.js';
import { measureRooms, type RoomsTask } from './rooms.js';

/** Where autocannon sends, over how many connections, for how long. */
export interface HammerRun {
  bases: string[];
  connections: number;
  seconds: number;
}

export interface HammerTask extends HammerRun {
  /** baseline/intake: the bare insert and the submissions; echo/receipts: the bare echo and a notice's receipts. */
  kind: 'baseline' | 'intake' | 'echo' | 'receipts';
  tokens: string[];
  /** receipts: the notice, and what makes this run's device ids its own. */
  warningId?: string;
  salt?: string;
}

export interface HammerResult {
  perSecond: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

const SUBMISSION = JSON.stringify({
  kind: 'help',
  body: '楼道里的灯坏了一周，晚上老人走路不安全，麻烦看看。',
  noticeVersion: '2026-11',
});

/** Each request its own Idempotency-Key, doorplate and client address (the servers trust x-forwarded-for). */
function nextRequest(task: HammerTask) {
  let n = 0;
  return (req: autocannon.Request) => {
    n++;
    const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const headers = { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': ip };
    if (task.kind === 'baseline') return { ...req, path: '/bench/insert', headers, body: SUBMISSION };
    if (task.kind === 'echo' || task.kind === 'receipts') return receiptRequest(task, n, req, headers);
    const token = task.tokens[Math.floor(Math.random() * task.tokens.length)]!;
    return {
      ...req,
      path: `/api/v1/public/doorplates/${token}/matters`,
      headers: { ...headers, 'idempotency-key': randomUUID() },
      body: SUBMISSION,
    };
  };
}

/**
 * A receipt from a doorplate page: device n/2 opens, then acknowledges (two requests of one device), so the
 * counters see both kinds; the echo gets the very same body at the bare route.
 */
function receiptRequest(task: HammerTask, n: number, req: autocannon.Request, headers: autocannon.Request['headers']) {
  const token = task.tokens[Math.floor(Math.random() * task.tokens.length)];
  const device = `bench-${task.salt}-${String(Math.floor(n / 2)).padStart(10, '0')}`;
  const body = JSON.stringify({ device, kind: n % 2 ? 'ack' : 'open', doorplate: token });
  const path = task.kind === 'echo' ? '/bench/echo' : `/api/v1/public/warnings/${task.warningId}/receipts`;
  return { ...req, path, headers, body };
}

/** autocannon sending `request` against every base at once (a load balancer's share each); one histogram over all. */
export async function hammer(task: HammerRun, request: autocannon.Request): Promise<HammerResult> {
  const per = Math.max(1, Math.floor(task.connections / task.bases.length));
  const runs = await Promise.all(
    task.bases.map((url) =>
      autocannon({ url, connections: per, duration: task.seconds, skipAggregateResult: true, requests: [request] }),
    ),
  );
  // aggregateResult is in autocannon's README but not in its published types.
  const { aggregateResult } = autocannon as unknown as {
    aggregateResult(results: autocannon.Result[], opts: autocannon.Options): autocannon.Result;
  };
  const all = aggregateResult(runs, { url: task.bases[0]!, connections: per * task.bases.length });
  const ok = all['2xx'];
  return {
    perSecond: ok / task.seconds,
    p50: all.latency.p50,
    p99: all.latency.p99,
    requests: ok,
    failures: all.non2xx + all.errors + all.timeouts,
  };
}

async function main() {
  const task = JSON.parse(process.env.BENCH_LOAD ?? '{}') as HammerTask | LiveTask | RoomsTask;
  const result =
    task.kind === 'live'
      ? await measureLive(task)
      : task.kind === 'rooms'
        ? await measureRooms(task, hammer)
        : await hammer(task, { method: 'POST', setupRequest: nextRequest(task) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`load failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
