/**
 * npm run bench -- disputes: the monthly dispute analysis over a province's cases. A bureau of 200 stations
 * (× BENCH_SCALE) with 5,000 cases each over 24 months — realistic mixes of category, level, colour, source and
 * outcome, parties with phone indexes that repeat — generated with set-based SQL into a template database kept
 * between runs (keyed by the migrations' hash, this file and the scale). The running server generates a
 * station-month and a bureau-month report on demand through the API, next to a baseline in the same run: the
 * same connection's `SELECT count(*)` of the station-month's new cases.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { shiftPeriod, toCalendarDate } from '@jingmin/shared';
import { generate, generateSecret } from 'otplib';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { staff } from '../src/db/schema/index.js';
import { createDeps } from '../src/platform/boot.js';
import { sealField } from '../src/platform/crypto.js';
import { hashPassword } from '../src/platform/passwords.js';
import { BENCH_KEYS, PG_URL, SCALE, startServer, urlOf } from './servers.js';

const STATIONS = Math.max(2, Math.round(200 * SCALE));
const PER_STATION = 5000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const PASSWORD = 'Bench#Disputes2026';
const SERVER = path.resolve(import.meta.dirname, '..');
const say = (line: string) => process.stdout.write(`${line}\n`);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export function templateName() {
  const hash = createHash('sha256');
  const drizzle = path.join(SERVER, 'drizzle');
  for (const f of fs
    .readdirSync(drizzle)
    .filter((f) => f.endsWith('.sql'))
    .sort())
    hash.update(f).update(fs.readFileSync(path.join(drizzle, f)));
  // The seed itself, not this whole file: editing the measuring code keeps the template.
  hash.update(SEED_SQL).update(String(PER_STATION));
  return `jm_bench_disputes_${hash.digest('hex').slice(0, 12)}_x${String(SCALE).replace('.', '_')}`;
}

/** The tree (bureau → stations → township → 5 villages → 2 grids), households and the cases, all in SQL. */
const SEED_SQL = `
SELECT setseed(0.42);
INSERT INTO units (id, parent_id, kind, name, path) VALUES
  ('00000000-0000-4000-8000-000000000000', NULL, 'bureau', '压测县公安局', '/00000000-0000-4000-8000-000000000000/');
CREATE TEMP TABLE st AS
  SELECT s, gen_random_uuid() AS id, gen_random_uuid() AS town FROM generate_series(1, $STATIONS) s;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT id, '00000000-0000-4000-8000-000000000000', 'station', '压测' || s || '派出所',
         '/00000000-0000-4000-8000-000000000000/' || id || '/' FROM st;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT town, id, 'township', '压测' || s || '镇', '/00000000-0000-4000-8000-000000000000/' || id || '/' || town || '/' FROM st;
CREATE TEMP TABLE vg AS
  SELECT st.s, st.id AS station, v, g, gen_random_uuid() AS village, gen_random_uuid() AS grid,
         '/00000000-0000-4000-8000-000000000000/' || st.id || '/' || st.town || '/' AS town_path
    FROM st, generate_series(1, 5) v, generate_series(1, 2) g;
UPDATE vg SET village = x.village FROM (SELECT DISTINCT ON (s, v) s, v, village FROM vg) x WHERE vg.s = x.s AND vg.v = x.v;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT DISTINCT village, (SELECT town FROM st WHERE st.s = vg.s), 'village'::unit_kind, '压测' || s || '镇' || v || '村',
         town_path || village || '/' FROM vg;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT grid, village, 'grid', '压测' || s || '镇' || v || '村' || g || '网格', town_path || village || '/' || grid || '/' FROM vg;
CREATE TEMP TABLE places AS
  SELECT station, s, row_number() OVER (PARTITION BY s ORDER BY v, g) - 1 AS k, grid, town_path || village || '/' || grid || '/' AS path
    FROM vg;
INSERT INTO households (unit_id, unit_path, address, doorplate_code, doorplate_token)
  SELECT p.grid, p.path, '压测' || p.s || '-' || p.k || '-' || h || '号', 'BD-' || p.s || '-' || p.k || '-' || h,
         md5('bench dispute household ' || p.s || '-' || p.k || '-' || h)
    FROM places p, generate_series(1, 20) h;
INSERT INTO departments (unit_id, name, kind) SELECT id, '压测' || s || '司法所', 'judicial_office' FROM st;
CREATE TEMP TABLE hh AS
  SELECT id, unit_id, row_number() OVER (PARTITION BY unit_id ORDER BY doorplate_code) - 1 AS n FROM households;
CREATE TEMP TABLE c AS
  SELECT i, st.id AS station, (i / $STATIONS) % 10 AS k, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
         now() - random() * interval '730 days' AS accepted_at
    FROM generate_series(0, $STATIONS * ${PER_STATION} - 1) i JOIN st ON st.s = i % $STATIONS + 1;
INSERT INTO dispute_cases (number, station_id, unit_path, household_id, source, category, title, facts, level,
                           colour_scheme, colour, status, closed_at, close_override_reason, failed_at, accepted_at,
                           created_by, created_at, updated_at)
  SELECT 'MDB-' || lpad(c.i::text, 8, '0'), c.station, p.path,
         CASE WHEN c.r3 < 0.7 THEN hh.id END,
         (ARRAY['proactive','walk_in','walk_in','phone','matter','matter','police_110','proactive','walk_in','phone'])[1 + floor(c.r4 * 10)::int]::dispute_source,
         (ARRAY['other','other','other','public_order','public_order','land_demolition','labour','labour','safety','other'])[1 + floor(c.r1 * 10)::int]::dispute_category,
         '压测纠纷', '压测事实',
         (ARRAY[NULL,'simple','simple','simple','ordinary','ordinary','ordinary','serious','major','extreme'])[1 + floor(c.r2 * 10)::int]::dispute_level,
         'sangong',
         (ARRAY[NULL,'green','green','green','green','green','orange','orange','orange','red'])[1 + floor(c.r3 * 10)::int],
         CASE WHEN closed THEN 'closed' WHEN failed THEN 'failed' ELSE 'mediating' END::dispute_status,
         CASE WHEN closed THEN c.accepted_at + c.r2 * interval '60 days' END,
         CASE WHEN closed AND c.r4 < 0.03 THEN '当事人拒绝回访，隐患已由村委会跟进' END,
         CASE WHEN failed THEN c.accepted_at + c.r3 * interval '30 days' END,
         c.accepted_at, $STAFF, c.accepted_at, c.accepted_at
    FROM (SELECT c.*, c.accepted_at < now() - interval '60 days' AND c.r1 < 0.85 OR c.r1 < 0.3 AS closed,
                 c.r2 > 0.95 AS failed FROM c) c
    JOIN places p ON p.station = c.station AND p.k = c.k
    LEFT JOIN hh ON hh.unit_id = p.grid AND hh.n = c.i % 20;
UPDATE dispute_cases SET closed_at = now() WHERE closed_at > now();
INSERT INTO dispute_parties (case_id, kind, role, name_enc, name_masked, phone_index)
  SELECT d.id, 'person', r, 'sealed', '张*', md5(d.station_id::text || floor(random() * 4000)::text)
    FROM dispute_cases d, unnest(ARRAY['applicant','respondent']::dispute_party_role[]) r;
INSERT INTO dispute_transfers (case_id, department_id, note, status, sent_by, sent_at)
  SELECT d.id, dep.id, '移交司法所', 'accepted', $STAFF, d.accepted_at + interval '3 days'
    FROM dispute_cases d JOIN departments dep ON dep.unit_id = d.station_id
   WHERE d.status = 'mediating' AND hashtext(d.number) % 10 = 0;
INSERT INTO dispute_party_phones (case_id, phone_index, station_id, accepted_at)
  SELECT DISTINCT p.case_id, p.phone_index, c.station_id, c.accepted_at
    FROM dispute_parties p JOIN dispute_cases c ON c.id = p.case_id;
`;

interface Account {
  username: string;
  secret: string;
}

async function seedTemplate(url: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    const deps = await createDeps(config, quiet, database);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const client = await pool.connect();
    try {
      const sqlText = SEED_SQL.replaceAll('$STATIONS', String(STATIONS));
      // The bureau must exist before the setup account points at it: run the tree first, then the account.
      await client.query(sqlText.split('CREATE TEMP TABLE c AS')[0]!);
      const [setup] = await database.db
        .insert(staff)
        .values(await accountRow(deps, 'bench.setup', ['system_admin'], '00000000-0000-4000-8000-000000000000', null))
        .returning({ id: staff.id });
      await client.query(
        `CREATE TEMP TABLE c AS${sqlText.split('CREATE TEMP TABLE c AS')[1]!.replaceAll('$STAFF', `'${setup!.id}'`)}`,
      );
      // As a database that has lived: statistics gathered and the visibility map set, so index-only scans are.
      await client.query('VACUUM (ANALYZE)');
    } finally {
      client.release();
      await pool.end();
    }
  } finally {
    await database.close();
  }
}

type Deps = Awaited<ReturnType<typeof createDeps>>;

async function accountRow(deps: Deps, username: string, roles: string[], scopeUnitId: string, secret: string | null) {
  return {
    username,
    displayName: username,
    passwordHash: await hashPassword(PASSWORD, deps.config.security.argon2MemoryKib),
    mustChangePassword: false,
    roles: roles as (typeof staff.$inferInsert)['roles'],
    scopeUnitId,
    totpEnabled: secret !== null,
    totpSecretEnc: secret ? sealField(deps.keys.data, secret) : null,
  };
}

/** The chief of the first station and the bureau's supervisor, with second factors the bench answers. */
async function addAccounts(url: string): Promise<{ chief: Account; bureau: Account; station: string }> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 1 }, quiet);
  try {
    const deps = await createDeps(config, quiet, database);
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM units WHERE kind = 'station' ORDER BY name COLLATE "C" LIMIT 1`,
    );
    await pool.end();
    const station = rows[0]!.id;
    const chief = { username: 'bench.chief', secret: generateSecret() };
    const bureau = { username: 'bench.bureau', secret: generateSecret() };
    await database.db
      .insert(staff)
      .values([
        await accountRow(deps, chief.username, ['station_chief'], station, chief.secret),
        await accountRow(
          deps,
          bureau.username,
          ['bureau_supervisor'],
          '00000000-0000-4000-8000-000000000000',
          bureau.secret,
        ),
      ]);
    return { chief, bureau, station };
  } finally {
    await database.close();
  }
}

async function freshDatabase() {
  const template = templateName();
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount,
  );
  if (!exists) {
    say(
      `(building the template database ${template}: ${STATIONS * PER_STATION} cases, once for these migrations and scale)`,
    );
    const building = `${template}_b${process.pid}`;
    await admin((c) => c.query(`CREATE DATABASE ${building}`));
    const started = Date.now();
    await seedTemplate(urlOf(building));
    say(`(template built in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    await admin(async (c) => {
      const old = await c.query(
        `SELECT datname FROM pg_database WHERE datname LIKE 'jm_bench_disputes_%' AND datname <> $1`,
        [building],
      );
      for (const { datname } of old.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await c.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    });
  }
  const name = `jm_bench_disputes_run_${process.pid}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return { url: urlOf(name), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}

/** Signs in through the API, answering the second factor; returns the headers of the session. */
async function signIn(base: string, account: Account) {
  const post = async (url: string, body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`bench sign-in: ${url} answered ${res.status} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.get('set-cookie')?.split(';')[0] ?? headers.cookie ?? '', 'x-csrf-token': csrfToken };
  };
  const first = await post('/api/v1/auth/login', { username: account.username, password: PASSWORD });
  const code = await generate({ secret: account.secret });
  return post('/api/v1/auth/totp', { code }, first);
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function timed(repeats: number, run: () => Promise<void>) {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

export async function disputesLine() {
  const database = await freshDatabase();
  const { chief, bureau, station } = await addAccounts(database.url);
  const server = await startServer(
    {
      DATABASE_URL: database.url,
      ...BENCH_KEYS,
      JINGMIN_DEMO: '0',
      JINGMIN_JOBS: '0',
      JINGMIN_TRUST_PROXY: '127.0.0.1',
    },
    'disputes',
  );
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    const period = shiftPeriod(toCalendarDate(new Date()).slice(0, 7), -1);
    const generateAs = async (headers: Record<string, string>, unit: string) => {
      const res = await fetch(`${server.base}/api/v1/units/${unit}/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ kind: 'dispute_monthly', period }),
      });
      if (res.status !== 200) throw new Error(`report generation answered ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    const chiefSession = await signIn(server.base, chief);
    const bureauSession = await signIn(server.base, bureau);
    const bureauId = '00000000-0000-4000-8000-000000000000';
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM dispute_cases');
    const from = new Date(`${period}-01T00:00:00+08:00`);
    const to = new Date(`${shiftPeriod(period, 1)}-01T00:00:00+08:00`);
    const baseline = await timed(REPEATS, async () => {
      await pool.query(
        'SELECT count(*) FROM dispute_cases WHERE station_id = $1 AND accepted_at >= $2 AND accepted_at < $3',
        [station, from, to],
      );
    });
    const stationTime = await timed(REPEATS, () => generateAs(chiefSession, station));
    const bureauTime = await timed(Math.max(3, Math.ceil(REPEATS / 2)), () => generateAs(bureauSession, bureauId));
    const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);
    say(
      `  ${STATIONS} stations, ${period}: station p50 ${ms(stationTime.median)} ms p95 ${ms(stationTime.p95)} ms; ` +
        `bureau p50 ${ms(bureauTime.median)} ms p95 ${ms(bureauTime.p95)} ms; baseline p50 ${ms(baseline.median)} ms (plain count over one connection)`,
    );
    say(
      `disputes: monthly analysis over ${Number(rows[0]!.n)} cases, station ${ms(stationTime.median)} ms, bureau ${ms(bureauTime.median)} ms (baseline ${ms(baseline.median)} ms)`,
    );
  } finally {
    await pool.end();
    await server.stop();
    await database.drop();
  }
}
