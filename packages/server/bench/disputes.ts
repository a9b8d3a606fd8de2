/**
 * npm run bench -- disputes: the monthly dispute analysis over a province's cases. A bureau of 200 stations
 * (× BENCH_SCALE) with 5,000 cases each over 24 months — realistic mixes of category, level, colour, source and
 * outcome, parties with phone indexes that repeat — generated with set-based SQL into a template database kept
 * between runs (keyed by the migrations' hash, this file and the scale). The running server generates a
 * station-month and a bureau-month report on demand through the API, next to a baseline in the same run: the
 * same connection's `SELECT count(*)` of the station-month's new cases.
 */
import { shiftPeriod, toCalendarDate } from '@jingmin/shared';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { staff } from '../src/db/schema/index.js';
import { createDeps } from '../src/platform/boot.js';
import { accountRow, benchAccounts, ms, quiet, say, signIn, timed } from './api.js';
import { BENCH_KEYS, contentHash, fromTemplate, SCALE, startServer } from './servers.js';

const STATIONS = Math.max(2, Math.round(200 * SCALE));
const PER_STATION = 5000;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);

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

export async function disputesLine() {
  // The seed itself, not this whole file: editing the measuring code keeps the template.
  const database = await fromTemplate('jm_bench_disputes', contentHash([], SEED_SQL + PER_STATION), seedTemplate);
  const { chief, bureau, station } = await benchAccounts(database.url);
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
