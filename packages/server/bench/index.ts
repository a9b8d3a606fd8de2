/**
 * npm run bench [-- intake|audit|live|rooms|rss|warnings …] — the server measured as a
 * province would run it: the compiled server as two processes of its own on
 * PostgreSQL (TEST_DATABASE_URL, default the local server), the load from a
 * separate process, each figure next to a baseline taken in the same run.
 * One summary line per measure; see the README for the knobs.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dashboardsLine } from './dashboards.js';
import { disputesLine } from './disputes.js';
import type { LiveResult, LiveTask } from './live.js';
import type { HammerResult, HammerTask } from './load.js';
import { measureHistory, onlineRooms, type RoomsResult, type RoomsTask, roomsDatabase } from './rooms.js';
import { measureRss } from './rss.js';
import { ensureBuilt, freshDatabase, SCALE, type ServerProcess, startPair } from './servers.js';
import { visitsLine } from './visits.js';
import { warningsLine } from './warnings.js';

const LINES = ['intake', 'audit', 'live', 'rooms', 'rss', 'disputes', 'visits', 'warnings', 'dashboards'] as const;
type Line = (typeof LINES)[number];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LIVE_CONNECTIONS = Number(process.env.BENCH_LIVE_CONNECTIONS ?? 10_000);
const LIVE_MATTERS = Number(process.env.BENCH_LIVE_MATTERS ?? 100);
const STAFF = { username: 'a.duty', password: 'Fixture#Pass2026' };

const say = (line: string) => process.stdout.write(`${line}\n`);
const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);

/** Runs bench/load.ts in a process of its own (with a raised file limit) and returns its JSON line. */
function runLoad<T>(task: HammerTask | LiveTask | RoomsTask): Promise<T> {
  const load = path.join(import.meta.dirname, 'load.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(
      'bash',
      [
        '-c',
        'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" --import tsx "$1"',
        process.execPath,
        load,
      ],
      { env: { ...process.env, BENCH_LOAD: JSON.stringify(task) }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as T);
      else reject(new Error(`load process exited ${code}: ${out}`));
    });
  });
}

async function intake(pool: pg.Pool, servers: ServerProcess[]) {
  const { rows } = await pool.query<{ token: string }>('SELECT doorplate_token AS token FROM households');
  const task = (kind: HammerTask['kind'], seconds: number): HammerTask => ({
    kind,
    bases: servers.map((s) => s.base),
    connections: CONNECTIONS,
    seconds,
    tokens: rows.map((r) => r.token),
  });
  await runLoad<HammerResult>(task('baseline', 2)); // warm-up: connections, JIT, PostgreSQL caches
  const baseline = await runLoad<HammerResult>(task('baseline', SECONDS));
  await runLoad<HammerResult>(task('intake', 2));
  const load = await runLoad<HammerResult>(task('intake', SECONDS));
  if (baseline.failures || load.failures)
    say(`(failed requests: baseline ${baseline.failures}, intake ${load.failures})`);
  say(
    `  bare insert: ${baseline.perSecond.toFixed(0)}/s, p50 ${ms(baseline.p50)} ms, p99 ${ms(baseline.p99)} ms; ` +
      `intake p50 ${ms(load.p50)} ms (${CONNECTIONS} senders over ${servers.length} processes, ${SECONDS} s each)`,
  );
  return { baseline, load };
}

/** p99 of (sealed_at − at) over the audit entries written since `since`, once the sealers have caught up. */
async function sealingLag(pool: pg.Pool, since: Date) {
  const query = () =>
    pool.query<{ n: string; sealed: string; p99: number | null }>(
      `SELECT count(*) AS n, count(sealed_at) AS sealed,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sealed_at - at) * 1000) AS p99
         FROM audit_log WHERE at >= $1`,
      [since],
    );
  let row = (await query()).rows[0]!;
  for (let i = 0; i < 50 && row.sealed !== '0' && row.sealed !== row.n; i++) {
    await new Promise((r) => setTimeout(r, 200));
    row = (await query()).rows[0]!;
  }
  if (row.sealed === '0' || row.p99 === null) return say('audit: sealing lag n/a (entries not sealed)');
  const unsealed = Number(row.n) - Number(row.sealed);
  say(`audit: sealing lag p99 ${ms(row.p99)} ms${unsealed ? ` (${unsealed} of ${row.n} entries still unsealed)` : ''}`);
}

/** Matters to follow: submitted through the second process, their tracking links kept by the bench. */
async function liveMatters(pool: pg.Pool, submitBase: string) {
  const { rows } = await pool.query<{ token: string }>(
    `SELECT h.doorplate_token AS token FROM households h JOIN units u ON u.id = h.unit_id
      WHERE u.path LIKE (SELECT path FROM units WHERE name = 'A派出所') || '%' LIMIT $1`,
    [LIVE_MATTERS],
  );
  const matters: LiveTask['matters'] = [];
  for (const [i, { token }] of rows.entries()) {
    const res = await fetch(`${submitBase}/api/v1/public/doorplates/${token}/matters`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ kind: 'consult', body: `想咨询一下居住证怎么办理 ${i}`, noticeVersion: '2026-11' }),
    });
    if (res.status !== 200) throw new Error(`live setup: submission answered ${res.status}`);
    const receipt = (await res.json()) as { number: string; trackingToken: string };
    const { rows: ids } = await pool.query<{ id: string }>('SELECT id FROM matters WHERE number = $1', [
      receipt.number,
    ]);
    matters.push({ id: ids[0]!.id, tracking: receipt.trackingToken });
  }
  return matters;
}

async function live(pool: pg.Pool, [streams, replies]: ServerProcess[]) {
  const matters = await liveMatters(pool, replies!.base);
  await new Promise((r) => setTimeout(r, 1000)); // let the submissions' own events pass before the streams open
  const r = await runLoad<LiveResult>({
    kind: 'live',
    streamBase: streams!.base,
    replyBase: replies!.base,
    matters,
    connections: LIVE_CONNECTIONS,
    staff: STAFF,
  });
  if (r.missed) say(`(${r.missed} of ${r.deliveries + r.missed} deliveries missing after 10 s)`);
  say(
    `  ${matters.length} matters followed; delivery p50 ${ms(r.deliveryP50)} ms; the reply's acknowledgement p50 ${ms(r.ackP50)} ms, p99 ${ms(r.ackP99)} ms`,
  );
  say(
    `live: ${r.connections} connections, delivery p99 ${ms(r.deliveryP99)} ms, ${(r.deliveryP99 / r.ackP99).toFixed(2)}x of the reply's acknowledgement (p99 ${ms(r.ackP99)} ms)`,
  );
}

/**
 * 议事厅: every member's stream on the first process, posts by members through the second, the big room's history
 * paged through the API; on a database of its own (bench/rooms.ts).
 */
async function rooms() {
  const database = await roomsDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  let servers: ServerProcess[] = [];
  try {
    servers = await startPair(database.url);
    const [streams, posting] = servers;
    const online = await onlineRooms(pool);
    const r = await runLoad<RoomsResult>({
      kind: 'rooms',
      streamBase: streams!.base,
      postBase: posting!.base,
      rooms: online,
      connections: CONNECTIONS,
      seconds: SECONDS,
    });
    const h = await measureHistory(pool, posting!.base, online[0]!);
    const { baseline, posts } = r;
    if (baseline.failures || posts.failures || r.missed)
      say(
        `(failed requests: bare insert ${baseline.failures}, posts ${posts.failures}; ${r.missed} of ${r.deliveries + r.missed} deliveries missing after 10 s)`,
      );
    say(
      `  ${posts.requests} posts in ${SECONDS} s by ${CONNECTIONS} senders through the other process, p50 ${ms(posts.p50)} ms, ` +
        `p99 ${ms(posts.p99)} ms (bare insert p99 ${ms(baseline.p99)} ms); ${r.deliveries} deliveries, p50 ${ms(r.deliveryP50)} ms, ` +
        `p99 ${ms(r.bigP99)} ms in the room of ${online[0]!.count} (${r.bigPosts} posts), ${ms(r.otherP99)} ms in the others, ` +
        `${ms(r.afterAckP99)} ms counted from the post's acknowledgement`,
    );
    const [newest, middle, oldest] = h.pages.map((p) => `${ms(p.median)}/${ms(p.p95)}`);
    say(
      `  history of ${h.posts} posts, p50/p95 per page: newest ${newest} ms, middle ${middle} ms, oldest ${oldest} ms; ` +
        `baseline p50 ${ms(h.baseline.median)} ms (the page's SELECT over one connection)`,
    );
    say(
      `rooms: ${r.connections} members online in ${online.length} rooms, post delivery p99 ${ms(r.deliveryP99)} ms, ` +
        `${(posts.perSecond / baseline.perSecond).toFixed(2)}x of bare insert (${posts.perSecond.toFixed(0)} posts/s, bare ` +
        `${baseline.perSecond.toFixed(0)}/s; a page of ${h.posts} posts' history in ${ms(h.slowest.median)} ms, baseline ${ms(h.baseline.median)} ms)`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await pool.end();
    await database.drop();
  }
}

async function onPostgres(lines: Line[]) {
  const database = await freshDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  let servers: ServerProcess[] = [];
  try {
    servers = await startPair(database.url);
    if (lines.includes('intake') || lines.includes('audit')) {
      const since = new Date();
      const { baseline, load } = await intake(pool, servers);
      if (lines.includes('intake'))
        say(
          `intake: ${load.perSecond.toFixed(0)} submissions/s, p99 ${ms(load.p99)} ms, ${(load.perSecond / baseline.perSecond).toFixed(2)}x of bare insert (${baseline.perSecond.toFixed(0)}/s, p99 ${ms(baseline.p99)} ms)`,
        );
      if (lines.includes('audit')) await sealingLag(pool, since);
    }
    if (lines.includes('live')) await live(pool, servers);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await pool.end();
    await database.drop();
  }
}

async function main() {
  const asked = process.argv.slice(2).filter((a) => (LINES as readonly string[]).includes(a)) as Line[];
  const lines = asked.length ? asked : [...LINES];
  const [l1, l5, l15] = os.loadavg().map((n) => n.toFixed(2));
  say(
    `machine: load ${l1} ${l5} ${l15}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; BENCH_SCALE=${SCALE}`,
  );
  ensureBuilt();
  if (lines.some((l) => l === 'intake' || l === 'audit' || l === 'live')) await onPostgres(lines);
  if (lines.includes('rooms')) await rooms();
  if (lines.includes('disputes')) await disputesLine();
  if (lines.includes('visits')) await visitsLine();
  if (lines.includes('warnings')) await warningsLine(runLoad);
  if (lines.includes('dashboards')) await dashboardsLine();
  if (lines.includes('rss')) {
    const r = await measureRss();
    say(
      `rss: ${r.server.toFixed(0)} MB idle (bare node -e: ${r.bare.toFixed(0)} MB; ${r.idleSeconds} s idle after start)`,
    );
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
