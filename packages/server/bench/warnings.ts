/**
 * npm run bench -- warnings: a notice to a whole station of 1,000,000 households (× BENCH_SCALE), generated with
 * set-based SQL into a template database kept between runs. The chief sends it through the API; the time until a
 * random sample of households' doorplate pages (GET /public/doorplates/:token/notices) show it is "visible". Then
 * the load process drives open/acknowledge receipts at the receipts route and, in the same run, a bare route that
 * answers without touching the database (/bench/echo), over both server processes; after the run the per-grid
 * counters must equal the receipts stored (a failure is printed loudly).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createDeps } from '../src/platform/boot.js';
import { benchAccounts, ms, quiet, say, signIn } from './api.js';
import type { HammerResult, HammerTask } from './load.js';
import { BENCH_KEYS, contentHash, fromTemplate, SCALE, type ServerProcess, startPair } from './servers.js';

const HOUSEHOLDS = Math.max(1000, Math.round(1_000_000 * SCALE));
const PER_GRID = 2500;
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Residents' phones sending at once: many, as after a notice goes out (the echo gets the same). */
const CONNECTIONS = Number(process.env.BENCH_WARNING_CONNECTIONS ?? 200);
const BUREAU = '00000000-0000-4000-8000-0000000000c1';

/** Bureau → station → township → villages of four grids → households of PER_GRID, in SQL. */
const SEED_SQL = `
CREATE TEMP TABLE st AS SELECT gen_random_uuid() AS id, gen_random_uuid() AS town;
INSERT INTO units (id, parent_id, kind, name, path) VALUES ('${BUREAU}', NULL, 'bureau', '预警压测县公安局', '/${BUREAU}/');
INSERT INTO units (id, parent_id, kind, name, path) SELECT id, '${BUREAU}', 'station', '预警压测派出所', '/${BUREAU}/' || id || '/' FROM st;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT town, id, 'township', '预警压测镇', '/${BUREAU}/' || id || '/' || town || '/' FROM st;
CREATE TEMP TABLE gr AS
  SELECT g, ((g - 1) / 4) + 1 AS v, gen_random_uuid() AS grid FROM generate_series(1, $GRIDS) g;
CREATE TEMP TABLE vl AS SELECT v, gen_random_uuid() AS village FROM (SELECT DISTINCT v FROM gr) d;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT vl.village, st.town, 'village', '压测' || vl.v || '村', '/${BUREAU}/' || st.id || '/' || st.town || '/' || vl.village || '/'
    FROM vl, st;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT gr.grid, vl.village, 'grid', '压测' || vl.v || '村第' || gr.g || '网格',
         '/${BUREAU}/' || st.id || '/' || st.town || '/' || vl.village || '/' || gr.grid || '/'
    FROM gr JOIN vl ON vl.v = gr.v, st;
INSERT INTO households (unit_id, unit_path, address, doorplate_code, doorplate_token)
  SELECT u.id, u.path, '压测' || gr.v || '村' || h || '号', 'BW-' || gr.g || '-' || h, md5('bench warning ' || gr.g || '-' || h)
    FROM gr JOIN units u ON u.id = gr.grid, generate_series(1, ${PER_GRID}) h
   WHERE (gr.g - 1) * ${PER_GRID} + h <= ${HOUSEHOLDS};
`;

async function seedTemplate(url: string) {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    await createDeps(config, quiet, database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '512MB'");
      await client.query(SEED_SQL.replaceAll('$GRIDS', String(Math.ceil(HOUSEHOLDS / PER_GRID))));
      await client.query('VACUUM (ANALYZE)');
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

type Headers = Awaited<ReturnType<typeof signIn>>;

async function call<T>(base: string, method: string, url: string, headers: Headers, body?: object): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status !== 200) throw new Error(`warnings: ${method} ${url} answered ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Composes a station-wide notice and sends it; answers its id and the moment the send was asked for. */
async function sendNotice(base: string, headers: Headers, station: string) {
  const draft = await call<{ id: string; version: number }>(base, 'POST', '/api/v1/warnings', headers, {
    stationId: station,
    category: 'antifraud',
    priority: 'advisory',
    title: '警惕冒充客服退款诈骗',
    body: '凡是自称客服要求您提供验证码、下载会议软件、转账到“安全账户”的，都是诈骗。请转告家人。',
    ackRequired: true,
    target: { unitIds: [station], roomIds: [], subscribers: false },
  });
  const asked = performance.now();
  // Not awaited: the sampled pages are polled from the moment the send is asked, not from its answer (which also
  // waits for the delivered-households count, taken after the notice is already visible).
  const sent = call(base, 'POST', `/api/v1/warnings/${draft.id}/send`, headers, { version: draft.version }).then(
    () => performance.now() - asked,
  );
  return { id: draft.id, asked, sent };
}

/** How often each sampled page is opened again until it shows the notice: a figure is at most this much late. */
const POLL_MS = 100;

/**
 * How long after `asked` every sampled doorplate page showed the notice: each page is opened every POLL_MS (the
 * sample's openings spread evenly over that interval, as many residents would open theirs) until it does. The figure
 * can only err late, by up to POLL_MS; polling harder would measure the pollers' own load on the servers.
 */
async function visibleAfter(servers: ServerProcess[], tokens: string[], id: string, asked: number) {
  const seen = await Promise.all(
    tokens.map(async (token, i) => {
      const base = servers[i % servers.length]!.base;
      await new Promise((r) => setTimeout(r, (i * POLL_MS) / tokens.length));
      for (let tries = 0; tries < 2000; tries++) {
        const res = await fetch(`${base}/api/v1/public/doorplates/${token}/notices`);
        if (res.status !== 200) throw new Error(`warnings: notices answered ${res.status} ${await res.text()}`);
        const list = (await res.json()) as { items: { id: string }[] };
        if (list.items.some((n) => n.id === id)) return performance.now() - asked;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      throw new Error(`warnings: the notice never showed on doorplate ${token}`);
    }),
  );
  return Math.max(...seen);
}

/**
 * The sampled pages opened a few times, all at once, before the send: a running server has its connections to the
 * database open and its routes compiled. A cold process pays both on its first requests, which is not the sending.
 */
async function warmUp(servers: ServerProcess[], tokens: string[]) {
  for (let round = 0; round < 3; round++)
    await Promise.all(
      tokens.map((token, i) => fetch(`${servers[i % servers.length]!.base}/api/v1/public/doorplates/${token}/notices`)),
    );
}

/** The counters against the receipts stored: equal, or the difference. */
async function counted(pool: pg.Pool, id: string) {
  const { rows } = await pool.query<{ c: string; r: string; ca: string; ra: string }>(
    `SELECT (SELECT coalesce(sum(opened), 0) FROM warning_reach WHERE warning_id = $1) AS c,
            (SELECT count(opened_at) FROM warning_receipts WHERE warning_id = $1) AS r,
            (SELECT coalesce(sum(acknowledged), 0) FROM warning_reach WHERE warning_id = $1) AS ca,
            (SELECT count(acked_at) FROM warning_receipts WHERE warning_id = $1) AS ra`,
    [id],
  );
  const x = rows[0]!;
  return { opened: Number(x.c), openRows: Number(x.r), acked: Number(x.ca), ackRows: Number(x.ra) };
}

export async function warningsLine(runLoad: <T>(task: HammerTask) => Promise<T>) {
  const database = await fromTemplate('jm_bench_warnings', contentHash([], SEED_SQL + HOUSEHOLDS), seedTemplate);
  const { chief, station } = await benchAccounts(database.url, BUREAU);
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  let servers: ServerProcess[] = [];
  try {
    servers = await startPair(database.url);
    const { rows: sample } = await pool.query<{ token: string }>(
      `SELECT doorplate_token AS token FROM households TABLESAMPLE SYSTEM (1) ORDER BY random() LIMIT $1`,
      [SAMPLE],
    );
    const { rows: plates } = await pool.query<{ token: string }>(
      `SELECT doorplate_token AS token FROM households ORDER BY random() LIMIT 2000`,
    );
    const headers = await signIn(servers[0]!.base, chief);
    await warmUp(
      servers,
      sample.map((r) => r.token),
    );
    const { id, asked, sent } = await sendNotice(servers[0]!.base, headers, station);
    const visible = await visibleAfter(
      servers,
      sample.map((r) => r.token),
      id,
      asked,
    );
    const answered = await sent;
    const task = (kind: HammerTask['kind'], seconds: number): HammerTask => ({
      kind,
      bases: servers.map((s) => s.base),
      connections: CONNECTIONS,
      seconds,
      tokens: plates.map((r) => r.token),
      warningId: id,
      salt: randomUUID().slice(0, 8),
    });
    await runLoad<HammerResult>(task('echo', 2)); // warm-up: connections, JIT
    const echo = await runLoad<HammerResult>(task('echo', SECONDS));
    await runLoad<HammerResult>(task('receipts', 2));
    const receipts = await runLoad<HammerResult>(task('receipts', SECONDS));
    const c = await counted(pool, id);
    if (echo.failures || receipts.failures)
      say(`(failed requests: echo ${echo.failures}, receipts ${receipts.failures})`);
    if (c.opened !== c.openRows || c.acked !== c.ackRows)
      say(
        `!!! WARNINGS COUNTERS WRONG: opened ${c.opened} counted vs ${c.openRows} receipts, acknowledged ${c.acked} vs ${c.ackRows} !!!`,
      );
    say(
      `  ${sample.length} sampled doorplate pages showed the notice within ${ms(visible)} ms of the send request ` +
        `(answered with the delivered count in ${ms(answered)} ms); ` +
        `receipts p50 ${ms(receipts.p50)} ms p99 ${ms(receipts.p99)} ms (echo p99 ${ms(echo.p99)} ms), ` +
        `${CONNECTIONS} senders over ${servers.length} processes, ${SECONDS} s each; counters ${c.opened} opened / ` +
        `${c.acked} acknowledged = receipts stored ${c.openRows} / ${c.ackRows}`,
    );
    say(
      `warnings: ${HOUSEHOLDS} recipients visible in ${ms(visible)} ms, receipts ${receipts.perSecond.toFixed(0)}/s, ` +
        `${(receipts.perSecond / echo.perSecond).toFixed(2)}x of bare echo (${echo.perSecond.toFixed(0)}/s)`,
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await pool.end();
    await database.drop();
  }
}
