/**
 * npm run bench -- visits: 走访覆盖率 over a province's households. A bureau of 200 stations (× BENCH_SCALE) of
 * 5,000 households each (8 villages of about 625, 3 grids each) and 5,000,000 visits (× BENCH_SCALE) over two
 * years by the three lines and ten visitors a station, generated with set-based SQL into a template database kept
 * between runs. The running server answers a village's and a station's coverage of the last twelve months through
 * the API, next to a baseline in the same run: the same connection's `SELECT count(*)` of the station's visits in
 * the period.
 */
import { toCalendarDate } from '@jingmin/shared';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { createDeps } from '../src/platform/boot.js';
import { benchAccounts, ms, quiet, say, signIn, timed } from './api.js';
import { BENCH_KEYS, contentHash, fromTemplate, SCALE, startServer } from './servers.js';

const STATIONS = Math.max(2, Math.round(200 * SCALE));
const PER_STATION = 5000;
const VISITS = Math.round(5_000_000 * SCALE);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const BUREAU = '00000000-0000-4000-8000-0000000000b1';

/** The tree (bureau → stations → township → 8 villages → 3 grids), households, visitors and the visits, in SQL. */
const SEED_SQL = `
SELECT setseed(0.24);
INSERT INTO units (id, parent_id, kind, name, path) VALUES ('${BUREAU}', NULL, 'bureau', '压测县公安局', '/${BUREAU}/');
CREATE TEMP TABLE st AS SELECT s, gen_random_uuid() AS id, gen_random_uuid() AS town FROM generate_series(1, $STATIONS) s;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT id, '${BUREAU}', 'station', '走访压测' || lpad(s::text, 3, '0') || '派出所', '/${BUREAU}/' || id || '/' FROM st;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT town, id, 'township', '走访压测' || s || '镇', '/${BUREAU}/' || id || '/' || town || '/' FROM st;
CREATE TEMP TABLE vl AS
  SELECT st.s, st.id AS station, v, gen_random_uuid() AS village, '/${BUREAU}/' || st.id || '/' || st.town || '/' AS town_path,
         st.town FROM st, generate_series(1, 8) v;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT village, town, 'village', '走访压测' || s || '镇' || v || '村', town_path || village || '/' FROM vl;
CREATE TEMP TABLE gr AS
  SELECT vl.s, vl.station, vl.v, g, gen_random_uuid() AS grid, town_path || village || '/' AS village_path, village FROM vl, generate_series(1, 3) g;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT grid, village, 'grid', '走访压测' || s || '镇' || v || '村第' || g || '网格', village_path || grid || '/' FROM gr;
CREATE TEMP TABLE hh AS
  SELECT gr.s, gr.station, (gr.v - 1) * 625 + (gr.g - 1) * 209 + h - 1 AS n, gr.grid, gr.village_path || gr.grid || '/' AS path,
         '走访压测' || gr.s || '镇' || gr.v || '村' || gr.g || '组' || h || '号' AS address
    FROM gr, generate_series(1, 209) h WHERE (gr.g - 1) * 209 + h <= 625;
INSERT INTO households (unit_id, unit_path, address, doorplate_code, doorplate_token)
  SELECT grid, path, address, 'BV-' || s || '-' || n, md5('bench visit household ' || s || '-' || n) FROM hh;
CREATE TEMP TABLE hx AS
  SELECT hh.s, hh.n, h.id, h.unit_path FROM hh JOIN households h ON h.doorplate_code = 'BV-' || hh.s || '-' || hh.n;
CREATE INDEX ON hx (s, n);
ANALYZE hx;
INSERT INTO staff (username, display_name, password_hash, must_change_password, roles, scope_unit_id)
  SELECT 'bv.' || st.s || '.' || k, '走访员' || st.s || '-' || k, 'x', false,
         CASE WHEN k <= 4 THEN ARRAY['community_officer'] WHEN k <= 7 THEN ARRAY['auxiliary_police'] ELSE ARRAY['grid_worker'] END,
         st.id
    FROM st, generate_series(1, 10) k;
CREATE TEMP TABLE sx AS
  SELECT st.s, k, s2.id FROM st JOIN staff s2 ON s2.scope_unit_id = st.id, LATERAL (SELECT substring(s2.username from '[0-9]+$')::int AS k) x;
CREATE INDEX ON sx (s, k);
ANALYZE sx;
INSERT INTO visits (station_id, unit_path, household_id, line, purpose, staff_id, visited_at, created_at)
  SELECT st.id, hx.unit_path, hx.id,
         (CASE WHEN v.k <= 7 THEN 'police' WHEN v.r < 0.5 THEN 'cadre' ELSE 'grid' END)::visit_line,
         (CASE WHEN v.r < 0.8 THEN 'routine' WHEN v.r < 0.9 THEN 'anti_fraud' WHEN v.r < 0.97 THEN 'follow_up' ELSE 'care' END)::visit_purpose,
         sx.id, v.at, v.at
    FROM (SELECT i % $STATIONS + 1 AS s, floor(random() * ${PER_STATION})::int AS n, 1 + floor(random() * 10)::int AS k,
                 random() AS r, now() - random() * interval '730 days' AS at
            FROM generate_series(1, ${VISITS}) i) v
    JOIN st ON st.s = v.s
    JOIN hx ON hx.s = v.s AND hx.n = v.n
    JOIN sx ON sx.s = v.s AND sx.k = v.k;
`;

async function seedTemplate(url: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    await createDeps(config, quiet, database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '512MB'");
      await client.query(SEED_SQL.replaceAll('$STATIONS', String(STATIONS)));
      // As a database that has lived: statistics gathered and the visibility map set, so index-only scans are.
      await client.query('VACUUM (ANALYZE)');
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

export async function visitsLine() {
  const database = await fromTemplate(
    'jm_bench_visits',
    contentHash([], SEED_SQL + PER_STATION + VISITS),
    seedTemplate,
  );
  const { chief, station } = await benchAccounts(database.url, BUREAU);
  const server = await startServer(
    {
      DATABASE_URL: database.url,
      ...BENCH_KEYS,
      JINGMIN_DEMO: '0',
      JINGMIN_JOBS: '0',
      JINGMIN_TRUST_PROXY: '127.0.0.1',
    },
    'visits',
  );
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    const now = new Date();
    const to = toCalendarDate(now);
    const from = toCalendarDate(new Date(now.getTime() - 364 * 86_400_000));
    const { rows: villages } = await pool.query<{ id: string }>(
      `SELECT id FROM units WHERE kind = 'village' AND path LIKE '%' || $1 || '%' ORDER BY name LIMIT 1`,
      [station],
    );
    const headers = await signIn(server.base, chief);
    const coverage = async (unit?: string) => {
      const q = `from=${from}&to=${to}${unit ? `&unitId=${unit}` : ''}`;
      const res = await fetch(`${server.base}/api/v1/stations/${station}/visit-coverage?${q}`, { headers });
      if (res.status !== 200) throw new Error(`coverage answered ${res.status} ${await res.text()}`);
      return (await res.json()) as { households: number; visited: number };
    };
    const { rows: counts } = await pool.query<{ households: string; visits: string }>(
      'SELECT (SELECT count(*) FROM households) AS households, (SELECT count(*) FROM visits) AS visits',
    );
    const start = new Date(`${from}T00:00:00+08:00`);
    const baseline = await timed(REPEATS, async () => {
      await pool.query('SELECT count(*) FROM visits WHERE station_id = $1 AND visited_at >= $2 AND visited_at < $3', [
        station,
        start,
        now,
      ]);
    });
    const villageTime = await timed(REPEATS, async () => void (await coverage(villages[0]!.id)));
    const stationTime = await timed(REPEATS, async () => void (await coverage()));
    const shown = await coverage();
    say(
      `  ${STATIONS} stations, ${from}–${to}: a station covered ${shown.visited} of ${shown.households} households; ` +
        `village p50 ${ms(villageTime.median)} ms p95 ${ms(villageTime.p95)} ms; station p50 ${ms(stationTime.median)} ms ` +
        `p95 ${ms(stationTime.p95)} ms; baseline p50 ${ms(baseline.median)} ms (plain count over one connection)`,
    );
    say(
      `visits: coverage over ${Number(counts[0]!.households)} households and ${Number(counts[0]!.visits)} visits, ` +
        `village ${ms(villageTime.median)} ms, station ${ms(stationTime.median)} ms (baseline ${ms(baseline.median)} ms)`,
    );
  } finally {
    await pool.end();
    await server.stop();
    await database.drop();
  }
}
