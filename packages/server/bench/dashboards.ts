/**
 * npm run bench -- dashboards: 考核指标 over a province's history. A bureau of 200 stations (× BENCH_SCALE) of 50,000
 * matters each over three years — 10,000,000 at scale 1 — dispatched, taken, resolved (some late, some still open
 * past their deadline, a few reopened and resolved again), rated, generated with set-based SQL into a template
 * database kept between runs. The running server answers a station's and the bureau's dashboard for this month,
 * last month, this quarter and this year through the API; next to it, the baseline of the same run: one plain
 * `count(*)` of the station's matters submitted in the year over one connection. After the run, the station's and
 * the bureau's figures are compared with the same sets counted directly in SQL (kpi-sets.ts over `matters`).
 */

import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { addDays, DASHBOARD_AREAS, dayOf, type KpiDashboard, shiftPeriod } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { recountMatters, recountRequests, rollKpis } from '../src/modules/dashboards/kpi-rollup.js';
import { unitKpis } from '../src/modules/dashboards/kpis.service.js';
import { createDeps } from '../src/platform/boot.js';
import { systemCtx } from '../src/platform/context.js';
import { type Account, benchAccounts, ms, quiet, say, signIn, timed } from './api.js';
import { BENCH_KEYS, contentHash, ensureTemplate, fromTemplate, SCALE, startServer } from './servers.js';

const STATIONS = Math.max(2, Math.round(200 * SCALE));
const PER_STATION = Number(process.env.BENCH_DASHBOARD_PER_STATION ?? 50_000);
const DAYS = 3 * 365;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const BUREAU = '00000000-0000-4000-8000-0000000000d1';
/** What the rollups count and how (the layered template holds their first count). */
const ROLLUP_FILES = ['modules/dashboards/kpi-rollup.ts', 'modules/evaluations/figures.sets.ts'].map((f) =>
  path.join(import.meta.dirname, '../src', f),
);

/**
 * The tree (bureau → stations → one village each) and the matters with their timeline, in SQL. Per matter: submitted
 * at a random instant of the three years, answered within minutes, dispatched, taken (3% late), resolved within its
 * three days (6% late, 1% still open — most of those past the deadline), 2% of the resolved reopened after an
 * unsatisfied rating and resolved again; each resolution's evaluation answered four times in five.
 */
const SEED_SQL = `
SELECT setseed(0.14);
INSERT INTO units (id, parent_id, kind, name, path) VALUES ('${BUREAU}', NULL, 'bureau', '看板压测县公安局', '/${BUREAU}/');
CREATE TEMP TABLE st AS SELECT s, gen_random_uuid() AS id, gen_random_uuid() AS village FROM generate_series(1, $STATIONS) s;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT id, '${BUREAU}', 'station', '看板压测' || lpad(s::text, 3, '0') || '派出所', '/${BUREAU}/' || id || '/' FROM st;
INSERT INTO units (id, parent_id, kind, name, path)
  SELECT village, id, 'village', '看板压测' || s || '村', '/${BUREAU}/' || id || '/' || village || '/' FROM st;
CREATE TEMP TABLE m AS
  SELECT i, st.id AS station_id, '/${BUREAU}/' || st.id || '/' || st.village || '/' AS unit_path,
         now() - random() * interval '${DAYS} days' AS created,
         random() AS r_take, random() AS r_res, random() AS r_reopen, random() AS r_rate, random() AS r_kind,
         random() AS r_answer
    FROM generate_series(0, $STATIONS * ${PER_STATION} - 1) i
    JOIN st ON st.s = i % $STATIONS + 1;
ALTER TABLE m ADD COLUMN id uuid DEFAULT gen_random_uuid(), ADD COLUMN first_response timestamptz,
  ADD COLUMN dispatched timestamptz, ADD COLUMN take_due timestamptz, ADD COLUMN taken timestamptz,
  ADD COLUMN resolve_due timestamptz, ADD COLUMN resolved timestamptz, ADD COLUMN resolved_first timestamptz,
  ADD COLUMN reopened timestamptz;
UPDATE m SET first_response = created + (1 + r_answer * 20) * interval '1 minute',
  dispatched = created + (5 + r_answer * 25) * interval '1 minute';
UPDATE m SET take_due = dispatched + interval '30 minutes',
  taken = CASE WHEN r_take < 0.97 THEN dispatched + r_take * interval '29 minutes' ELSE dispatched + interval '2 hours' END,
  resolve_due = created + interval '3 days';
UPDATE m SET resolved = CASE WHEN r_res < 0.93 THEN taken + r_res * interval '60 hours'
                            WHEN r_res < 0.99 THEN resolve_due + (r_res - 0.93) * interval '100 hours' END;
-- A reopened matter: the first resolution rated unsatisfied, reopened a day later, resolved again by a new deadline.
UPDATE m SET resolved_first = resolved, reopened = resolved + interval '1 day',
  resolve_due = resolved + interval '4 days', resolved = resolved + interval '2 days'
  WHERE resolved IS NOT NULL AND r_reopen < 0.02;
DELETE FROM m WHERE created > now() - interval '2 minutes';
UPDATE m SET resolved = NULL WHERE resolved > now();
UPDATE m SET reopened = NULL, resolved_first = NULL WHERE reopened > now();
INSERT INTO matters (id, number, station_id, unit_path, channel, kind, urgency, status, body, tracking_hash, notice_version,
    first_response_due_at, take_due_at, resolve_due_at, first_response_at, accepted_at, dispatched_at, taken_at,
    resolved_at, outcome, rating, rated_at, closed_at, created_at, updated_at)
  SELECT id, 'KB' || lpad(i::text, 9, '0'), station_id, unit_path, 'counter',
         (CASE WHEN r_kind < 0.4 THEN 'consult' WHEN r_kind < 0.6 THEN 'help' WHEN r_kind < 0.8 THEN 'service' ELSE 'other' END)::matter_kind,
         'normal', (CASE WHEN resolved IS NULL THEN 'in_progress' WHEN r_rate < 0.8 THEN 'rated' ELSE 'resolved' END)::matter_status,
         '看板压测事项', md5('kb ' || i), '2026-11',
         created + interval '30 minutes', take_due, resolve_due, first_response, first_response, dispatched, taken,
         resolved, CASE WHEN resolved IS NOT NULL THEN '已办结' END,
         (CASE WHEN resolved IS NOT NULL AND r_rate < 0.8 THEN (CASE WHEN r_rate < 0.75 THEN 'satisfied' ELSE 'basically_satisfied' END) END)::matter_rating,
         CASE WHEN resolved IS NOT NULL AND r_rate < 0.8 THEN resolved + interval '3 hours' END,
         NULL, created, coalesce(resolved, taken)
    FROM m;
INSERT INTO matter_events (matter_id, type, actor_type, from_status, to_status, at)
  SELECT id, type, actor, f::matter_status, t::matter_status, at FROM (
    SELECT id, 'matter.resolve' AS type, 'staff' AS actor, 'in_progress' AS f, 'resolved' AS t, resolved_first AS at
      FROM m WHERE resolved_first IS NOT NULL
    UNION ALL SELECT id, 'matter.reopen', 'resident', 'rated', 'in_progress', reopened FROM m WHERE reopened IS NOT NULL
    UNION ALL SELECT id, 'matter.resolve', 'staff', 'in_progress', 'resolved', resolved FROM m WHERE resolved IS NOT NULL) e;
INSERT INTO evaluation_requests (type, subject_type, subject_id, station_id, unit_path, token_hash, expires_at, answered_at,
    created_at, subject_round)
  SELECT 'matter', 'matter', id, station_id, unit_path, md5('kb request ' || i || '-' || round), at + interval '7 days',
         CASE WHEN answered THEN at + interval '3 hours' END, at, round
    FROM (SELECT i, id, station_id, unit_path, resolved_first AS at, 1 AS round, true AS answered FROM m WHERE resolved_first IS NOT NULL
          UNION ALL SELECT i, id, station_id, unit_path, resolved, CASE WHEN reopened IS NULL THEN 1 ELSE 2 END, r_rate < 0.8
            FROM m WHERE resolved IS NOT NULL) q;
INSERT INTO evaluation_answers (request_id, template_version, answers, satisfied, created_at)
  SELECT r.id, 1, '{}'::jsonb,
         CASE WHEN r.subject_round = 1 AND m.reopened IS NOT NULL THEN false ELSE m.r_rate < 0.78 END, r.answered_at
    FROM evaluation_requests r JOIN m ON m.id = r.subject_id WHERE r.answered_at IS NOT NULL AND r.answered_at < now();
`;

/**
 * The rest of the stations' work in proportion, layered on the matters (a second template, so the matters' hour of
 * generation is not repeated when this changes). Per station over the same three years: 5,000 households in its
 * village, 25,000 household visits by its five visitors (三条线), one visit in eight evaluated by the household (six in
 * ten answered), 2,500 dispute cases (摸排 among them, 三色, one in ten open ones transferred to the 司法所), 2,000
 * patrols checking in at three of its ten 必到点, 300 hazards found on visits, and a review for every unsatisfied
 * answer (called back and closed after a week). 5,000,000 visits and 500,000 cases at scale 1.
 */
const HOUSEHOLDS = 5_000;
const LAYER_SQL = `
SELECT setseed(0.15);
CREATE TEMP TABLE st AS
  SELECT row_number() OVER (ORDER BY s.name) AS s, s.id, v.id AS village, v.path AS vpath
    FROM units s JOIN units v ON v.parent_id = s.id AND v.kind = 'village' WHERE s.kind = 'station';
INSERT INTO staff (username, display_name, password_hash, must_change_password, roles, scope_unit_id)
  SELECT 'kb.' || st.s || '.' || k, '看板压测民警' || st.s || '-' || k, 'x', false,
         CASE WHEN k <= 3 THEN ARRAY['community_officer'] WHEN k = 4 THEN ARRAY['auxiliary_police'] ELSE ARRAY['grid_worker'] END,
         st.id
    FROM st, generate_series(1, 5) k;
CREATE TEMP TABLE sx AS
  SELECT st.s, substring(f.username from '[0-9]+$')::int AS k, f.id FROM st JOIN staff f ON f.scope_unit_id = st.id
   WHERE f.username LIKE 'kb.%';
CREATE INDEX ON sx (s, k);
INSERT INTO households (unit_id, unit_path, address, doorplate_code, doorplate_token)
  SELECT st.village, st.vpath, '看板压测' || st.s || '村' || h || '号', 'KB-' || st.s || '-' || h,
         md5('kb household ' || st.s || '-' || h)
    FROM st, generate_series(1, ${HOUSEHOLDS}) h;
CREATE TEMP TABLE hx AS
  SELECT st.s, substring(h.doorplate_code from '[0-9]+$')::int AS n, h.id FROM st JOIN households h ON h.unit_id = st.village;
CREATE INDEX ON hx (s, n);
ANALYZE sx; ANALYZE hx;
INSERT INTO visits (station_id, unit_path, household_id, line, purpose, staff_id, visited_at, created_at)
  SELECT st.id, st.vpath, hx.id,
         (CASE WHEN v.k <= 4 THEN 'police' WHEN v.r < 0.5 THEN 'cadre' ELSE 'grid' END)::visit_line,
         (CASE WHEN v.r < 0.8 THEN 'routine' WHEN v.r < 0.9 THEN 'anti_fraud' WHEN v.r < 0.97 THEN 'follow_up' ELSE 'care' END)::visit_purpose,
         sx.id, v.at, v.at
    FROM (SELECT i % $STATIONS + 1 AS s, 1 + floor(random() * ${HOUSEHOLDS})::int AS n, 1 + floor(random() * 5)::int AS k,
                 random() AS r, now() - random() * interval '${DAYS} days' AS at
            FROM generate_series(0, $STATIONS * 25000 - 1) i) v
    JOIN st ON st.s = v.s JOIN hx ON hx.s = v.s AND hx.n = v.n JOIN sx ON sx.s = v.s AND sx.k = v.k;
CREATE TEMP TABLE vr AS
  SELECT v.id, v.station_id, v.unit_path, v.staff_id, v.household_id, v.visited_at, random() AS r
    FROM visits v WHERE v.line = 'police' AND (hashtext(v.id::text) & 7) = 0;
INSERT INTO evaluation_requests (type, subject_type, subject_id, station_id, unit_path, rated_staff_id, household_id,
    token_hash, expires_at, answered_at, created_at)
  SELECT 'visit', 'visit', id, station_id, unit_path, staff_id, household_id, md5('kb visit request ' || id),
         visited_at + interval '7 days', CASE WHEN r < 0.6 AND visited_at < now() - interval '1 day' THEN visited_at + r * interval '1 day' END,
         visited_at
    FROM vr;
INSERT INTO evaluation_answers (request_id, template_version, answers, satisfied, created_at)
  SELECT r.id, 1, '{}'::jsonb, random() < 0.96, r.answered_at
    FROM evaluation_requests r WHERE r.type = 'visit' AND r.answered_at IS NOT NULL;
INSERT INTO evaluation_reviews (request_id, answer_id, station_id, unit_path, status, due_at, outcome, closed_at, created_at)
  SELECT r.id, a.id, r.station_id, r.unit_path,
         (CASE WHEN a.created_at < now() - interval '7 days' THEN 'closed' ELSE 'open' END)::evaluation_review_status,
         a.created_at + interval '48 hours',
         (CASE WHEN a.created_at < now() - interval '7 days' THEN 'explained' END)::evaluation_callback_outcome,
         CASE WHEN a.created_at < now() - interval '7 days' THEN a.created_at + interval '2 days' END, a.created_at
    FROM evaluation_answers a JOIN evaluation_requests r ON r.id = a.request_id WHERE a.satisfied = false;
INSERT INTO departments (unit_id, name, kind) SELECT id, '看板压测' || s || '司法所', 'judicial_office' FROM st;
INSERT INTO dispute_cases (number, station_id, unit_path, household_id, source, category, title, facts, level,
                           colour_scheme, colour, status, closed_at, failed_at, accepted_at, created_by, created_at, updated_at)
  SELECT 'KBD-' || lpad(c.i::text, 8, '0'), st.id, st.vpath, hx.id,
         (ARRAY['proactive','walk_in','walk_in','phone','matter','matter','police_110','proactive','walk_in','phone'])[1 + floor(c.r4 * 10)::int]::dispute_source,
         (ARRAY['other','other','other','public_order','public_order','land_demolition','labour','labour','safety','other'])[1 + floor(c.r1 * 10)::int]::dispute_category,
         '看板压测纠纷', '看板压测事实',
         (ARRAY[NULL,'simple','simple','simple','ordinary','ordinary','ordinary','serious','major','extreme'])[1 + floor(c.r2 * 10)::int]::dispute_level,
         'sangong', (ARRAY[NULL,'green','green','green','green','green','orange','orange','orange','red'])[1 + floor(c.r3 * 10)::int],
         CASE WHEN closed THEN 'closed' WHEN failed THEN 'failed' ELSE 'mediating' END::dispute_status,
         CASE WHEN closed THEN least(now(), c.accepted_at + c.r2 * interval '60 days') END,
         CASE WHEN failed THEN least(now(), c.accepted_at + c.r3 * interval '30 days') END,
         c.accepted_at, sx.id, c.accepted_at, c.accepted_at
    FROM (SELECT i, i % $STATIONS + 1 AS s, random() AS r1, random() AS r2, random() AS r3, random() AS r4, accepted_at,
                 accepted_at < now() - interval '60 days' AND r1 < 0.85 OR r1 < 0.3 AS closed, r2 > 0.95 AS failed
            FROM (SELECT i, random() AS r1, random() AS r2, now() - random() * interval '${DAYS} days' AS accepted_at
                    FROM generate_series(0, $STATIONS * 2500 - 1) i) x) c
    JOIN st ON st.s = c.s JOIN sx ON sx.s = c.s AND sx.k = 1
    JOIN hx ON hx.s = c.s AND hx.n = 1 + c.i % ${HOUSEHOLDS};
INSERT INTO dispute_transfers (case_id, department_id, note, status, sent_by, sent_at)
  SELECT d.id, dep.id, '移交司法所', 'accepted', d.created_by, d.accepted_at + interval '3 days'
    FROM dispute_cases d JOIN departments dep ON dep.unit_id = d.station_id
   WHERE d.status = 'mediating' AND hashtext(d.number) % 10 = 0 AND d.accepted_at < now() - interval '3 days';
INSERT INTO patrol_points (station_id, unit_id, unit_path, name, code, token)
  SELECT st.id, st.village, st.vpath, '必到点' || k, 'KBP-' || st.s || '-' || k, md5('kb point ' || st.s || '-' || k)
    FROM st, generate_series(1, 10) k;
CREATE TEMP TABLE px AS
  SELECT st.s, substring(p.code from '[0-9]+$')::int AS k, p.id FROM st JOIN patrol_points p ON p.station_id = st.id;
CREATE INDEX ON px (s, k);
CREATE TEMP TABLE ps AS
  SELECT gen_random_uuid() AS id, i % $STATIONS + 1 AS s, now() - interval '3 hours' - random() * interval '${DAYS} days' AS at
    FROM generate_series(0, $STATIONS * 2000 - 1) i;
INSERT INTO patrol_sessions (id, station_id, started_by, started_at, ended_at, created_at)
  SELECT ps.id, st.id, sx.id, ps.at, ps.at + interval '2 hours', ps.at
    FROM ps JOIN st ON st.s = ps.s JOIN sx ON sx.s = ps.s AND sx.k = 1;
INSERT INTO patrol_checkins (session_id, point_id, scanned_at, recorded_by, created_at)
  SELECT ps.id, px.id, ps.at + j * interval '30 minutes', sx.id, ps.at + j * interval '30 minutes'
    FROM ps CROSS JOIN generate_series(1, 3) j
    JOIN px ON px.s = ps.s AND px.k = 1 + (abs(hashtext(ps.id::text)) + 3 * j) % 10 JOIN sx ON sx.s = ps.s AND sx.k = 1;
INSERT INTO hazards (station_id, unit_id, unit_path, household_id, place, kind, description, source, responsible_id,
                     found_by, found_at, deadline_on, status, rectified_at, rectified_by, verified_at, verified_by,
                     voided_reason, created_at, updated_at)
  SELECT st.id, st.village, st.vpath, hx.id, '看板压测' || h.s || '村', '消防', '楼道堆放杂物', 'visit', sx.id, sx.id, h.at,
         ((h.at AT TIME ZONE 'Asia/Shanghai')::date + 15),
         (CASE WHEN h.r < 0.03 THEN 'voided' WHEN h.done < now() - interval '2 days' THEN 'verified'
               WHEN h.done < now() THEN 'rectified' ELSE 'open' END)::hazard_status,
         CASE WHEN h.r >= 0.03 AND h.done < now() THEN h.done END, CASE WHEN h.r >= 0.03 AND h.done < now() THEN sx.id END,
         CASE WHEN h.r >= 0.03 AND h.done < now() - interval '2 days' THEN h.done + interval '2 days' END,
         CASE WHEN h.r >= 0.03 AND h.done < now() - interval '2 days' THEN sx.id END,
         CASE WHEN h.r < 0.03 THEN '重复登记' END, h.at, h.at
    FROM (SELECT i % $STATIONS + 1 AS s, 1 + floor(random() * ${HOUSEHOLDS})::int AS n, random() AS r, at,
                 at + random() * interval '25 days' AS done
            FROM (SELECT i, now() - random() * interval '${DAYS} days' AS at FROM generate_series(0, $STATIONS * 300 - 1) i) x) h
    JOIN st ON st.s = h.s JOIN hx ON hx.s = h.s AND hx.n = h.n JOIN sx ON sx.s = h.s AND sx.k = 1;
`;

/**
 * The rollups' first count as the job makes it (kpi-rollup.ts rollupStep: state from the outbox's position, then
 * every station's matters and requests), two stations at a time for the machine's two cores; the job (rollKpis)
 * then finds every station counted, counts what belongs to none and declares the rollups ready.
 */
async function firstCount(database: Awaited<ReturnType<typeof openDatabase>>) {
  const { db } = database;
  await db.execute(sql`INSERT INTO kpi_state (id, seq, ready, updated_at)
    SELECT 1, coalesce(max(seq), 0), false, now() FROM outbox ON CONFLICT (id) DO NOTHING`);
  await db.execute(sql`TRUNCATE kpi_rollup, kpi_matters, kpi_requests`);
  const stations = (
    await database.pool!.query<{ id: string }>(`SELECT id FROM units WHERE kind = 'station' ORDER BY id`)
  ).rows.map((r) => r.id);
  const queue = [...stations];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const station = id;
      await db.transaction(async (tx) => {
        await recountMatters(tx, sql`SELECT id FROM matters WHERE station_id = ${station}::uuid`);
        await recountRequests(
          tx,
          sql`SELECT id FROM evaluation_requests WHERE station_id = ${station}::uuid`,
          new Date(),
        );
      });
    }
  };
  await Promise.all([worker(), worker()]);
  await db.execute(sql`UPDATE kpi_state SET backfill_after = ${stations.at(-1) ?? null}::uuid`);
}

/**
 * The layer on a copy of the matters' template, then the rollups' first count of every matter and evaluation request,
 * as a deployed database has them (a run's copy starts from them, caught up by the job from the run's events).
 */
async function seedLayer(url: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    await database.migrate();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '1GB'");
      await client.query("SET work_mem = '256MB'");
      let started = Date.now();
      await client.query(LAYER_SQL.replaceAll('$STATIONS', String(STATIONS)));
      // The tables the layer wrote (the matters' were vacuumed with their template).
      await client.query(`VACUUM (ANALYZE) staff, households, visits, evaluation_requests, evaluation_answers,
        evaluation_reviews, departments, dispute_cases, dispute_transfers, patrol_points, patrol_sessions,
        patrol_checkins, hazards`);
      say(`  (layer generated in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      const deps = await createDeps(config, quiet, database);
      started = Date.now();
      await firstCount(database);
      await rollKpis(systemCtx(deps, quiet as never));
      await client.query('VACUUM (ANALYZE) kpi_rollup, kpi_matters, kpi_requests');
      say(
        `  (first count of every matter and evaluation into the rollups: ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

export async function seedTemplate(url: string): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    await createDeps(config, quiet, database);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '1GB'");
      await client.query("SET work_mem = '256MB'");
      await client.query(SEED_SQL.replaceAll('$STATIONS', String(STATIONS)));
      await client.query('VACUUM (ANALYZE)');
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

/**
 * The dashboards the API answered (from the rollups, caught up with the run's events) against the same figures
 * counted directly over the matters (kpi-sets.ts) in this process: "n/n periods", or the first difference.
 */
async function compareWithDirect(
  url: string,
  base: string,
  reads: { account: Account; headers: Record<string, string>; p: { from: string; to: string } }[],
): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', JINGMIN_SWEEP_SECONDS: '0', LOG_LEVEL: 'silent', ...BENCH_KEYS }, []);
  const database = await openDatabase({ kind: 'server', url, poolSize: 2 }, quiet);
  try {
    // The direct count judged at the instant the API's answer was (the running day's deadlines pass meanwhile).
    let at = new Date();
    const deps = await createDeps(config, quiet, database, { now: () => at });
    let same = 0;
    for (const { account, headers, p } of reads) {
      const res = await fetch(`${base}/api/v1/dashboards/kpis?from=${p.from}&to=${p.to}`, { headers });
      const shown = (await res.json()) as KpiDashboard;
      const [unit] = (
        await database.pool!.query<{ path: string }>('SELECT path FROM units WHERE id = $1', [shown.unitId])
      ).rows;
      at = new Date(shown.current.asOf);
      const direct = await unitKpis(systemCtx(deps, quiet as never), unit!.path, p, 'direct');
      const a = JSON.stringify(shown.current);
      const b = JSON.stringify(direct);
      if (!isDeepStrictEqual(shown.current, JSON.parse(b)))
        return `no — ${account.username} ${p.from}..${p.to}: rollups ${a} direct ${b}`;
      same += 1;
    }
    return `${same}/${reads.length} dashboards (station and bureau)`;
  } finally {
    await database.close();
  }
}

/**
 * The template's history ends when it was built, but a matter submitted in its last hours was dispatched and taken
 * "later" — still ahead of a run started soon after. Such matters (and their steps and evaluations) are removed
 * from the run's copy: a station's history has no future. A template a few hours old loses nothing.
 */
async function trimFuture(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Foreign keys unchecked for these deletes (every referencing row goes too): `matters.merged_into_id` has no
    // index, and checking it would scan 10,000,000 matters for each one removed.
    await client.query("SET session_replication_role = 'replica'");
    await client.query(`CREATE TEMP TABLE ahead AS SELECT id FROM matters WHERE created_at > now() - interval '3 hours';
      CREATE TEMP TABLE ahead_requests AS
        SELECT r.id FROM evaluation_requests r JOIN ahead ON ahead.id = r.subject_id WHERE r.subject_type = 'matter';
      DELETE FROM evaluation_reviews WHERE request_id IN (SELECT id FROM ahead_requests);
      DELETE FROM evaluation_answers WHERE request_id IN (SELECT r.id FROM evaluation_requests r JOIN ahead ON ahead.id = r.subject_id);
      DELETE FROM evaluation_requests WHERE subject_id IN (SELECT id FROM ahead);
      DELETE FROM matter_events WHERE matter_id IN (SELECT id FROM ahead);
      DELETE FROM matters WHERE id IN (SELECT id FROM ahead);`);
    // A station's history was swept as it happened: a resolution deadline passed before the run is marked as the
    // deadline sweep marks it (its events name no step the figures count). Left unmarked, the run's sweep would work
    // through 100,000 of them while the dashboards are timed.
    await client.query(`UPDATE matters SET resolve_breached_at = resolve_due_at
      WHERE resolved_at IS NULL AND resolve_breached_at IS NULL AND resolve_due_at < now()
        AND status IN ('accepted', 'dispatched', 'in_progress')`);
    // The rollups counted what was removed: recounted, as the job recounts what an event names.
    const ids = async (table: string) =>
      (await client.query<{ ids: string[] | null }>(`SELECT array_agg(id) AS ids FROM ${table}`)).rows[0]?.ids ?? [];
    const [matterIds, requestIds] = [await ids('ahead'), await ids('ahead_requests')];
    const database = await openDatabase({ kind: 'server', url, poolSize: 1 }, quiet);
    try {
      await recountMatters(database.db, sql`SELECT unnest(${sql.param(matterIds)}::uuid[]) AS id`);
      await recountRequests(database.db, sql`SELECT unnest(${sql.param(requestIds)}::uuid[]) AS id`, new Date());
    } finally {
      await database.close();
    }
  } finally {
    await client.end();
  }
}

/** The dashboard's periods a chief picks most: this month, last month, this quarter, this year (Beijing days). */
function periods(now: Date) {
  const today = dayOf(now);
  const month = today.slice(0, 7);
  const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;
  return [
    { from: `${month}-01`, to: today },
    { from: `${shiftPeriod(month, -1)}-01`, to: addDays(`${month}-01`, -1) },
    { from: `${quarterStart}-01`, to: today },
    { from: `${today.slice(0, 4)}-01-01`, to: today },
  ];
}

export async function dashboardsLine() {
  // 10,000,000 matters take most of an hour to generate: kept across migrations (the copy is migrated at start).
  const matters = await ensureTemplate(
    'jm_bench_dashboards',
    contentHash([], SEED_SQL + PER_STATION + DAYS, { migrations: false }),
    seedTemplate,
  );
  // The rest of the work and the rollups' first count, on a copy of it: rebuilt when the layer or the rollups change.
  const database = await fromTemplate(
    'jm_bench_dashboards_all',
    contentHash(ROLLUP_FILES, matters + LAYER_SQL + HOUSEHOLDS, { migrations: false }),
    seedLayer,
    matters,
  );
  if (process.env.BENCH_TEMPLATE_ONLY === '1') return database.drop();
  // A template built under earlier migrations is brought up to these before anything else touches it.
  const migrating = await openDatabase({ kind: 'server', url: database.url, poolSize: 1 }, quiet);
  await migrating.migrate().finally(() => migrating.close());
  await trimFuture(database.url);
  const { chief, bureau, station } = await benchAccounts(database.url, BUREAU);
  const server = await startServer(
    { DATABASE_URL: database.url, ...BENCH_KEYS, JINGMIN_DEMO: '0', JINGMIN_TRUST_PROXY: '127.0.0.1' },
    'dashboards',
  );
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    // The template holds the rollups' first count; a migration since that asks for a recount (it empties kpi_state)
    // has the server's job count every matter again, station by station, before the figures below are read.
    const counting = Date.now();
    for (;;) {
      const { rows: state } = await pool.query<{ ready: boolean }>('SELECT ready FROM kpi_state');
      if (state[0]?.ready) break;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    const firstCount = (Date.now() - counting) / 1000;
    const asked = periods(new Date());
    const read = async (account: Account, headers: Record<string, string>, period: { from: string; to: string }) => {
      const res = await fetch(`${server.base}/api/v1/dashboards/kpis?from=${period.from}&to=${period.to}`, {
        headers,
      });
      if (res.status !== 200) throw new Error(`${account.username}: ${res.status} ${await res.text()}`);
      return (await res.json()) as KpiDashboard;
    };
    const [chiefHeaders, bureauHeaders] = [await signIn(server.base, chief), await signIn(server.base, bureau)];
    let i = 0;
    const stationTime = await timed(REPEATS * asked.length, async () => {
      await read(chief, chiefHeaders, asked[i++ % asked.length]!);
    });
    const bureauTime = await timed(REPEATS * asked.length, async () => {
      await read(bureau, bureauHeaders, asked[i++ % asked.length]!);
    });
    // Every tab beside the KPIs (接警台 and 评价 from the rollups, the others over their own tables).
    const section = async (area: string, headers: Record<string, string>, period: { from: string; to: string }) => {
      const res = await fetch(`${server.base}/api/v1/dashboards/sections/${area}?from=${period.from}&to=${period.to}`, {
        headers,
        signal: AbortSignal.timeout(300_000),
      });
      if (res.status !== 200) throw new Error(`${area}: ${res.status} ${await res.text()}`);
    };
    const sectionTimes: string[] = [];
    for (const area of DASHBOARD_AREAS)
      for (const [who, headers] of [
        ['station', chiefHeaders],
        ['bureau', bureauHeaders],
      ] as const) {
        const t = await timed(asked.length, async () => {
          await section(area, headers, asked[i++ % asked.length]!);
        });
        sectionTimes.push(`${area} ${who} p50 ${ms(t.median)} / max ${ms(t.p95)} ms`);
      }
    say(`  sections over the same periods: ${sectionTimes.join('; ')}`);
    const year = asked[3]!;
    const baseline = await timed(REPEATS, async () => {
      await pool.query('SELECT count(*) FROM matters WHERE station_id = $1 AND created_at >= $2', [
        station,
        new Date(`${year.from}T00:00:00+08:00`),
      ]);
    });
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM matters');
    const shown = await read(chief, chiefHeaders, year);
    say(
      `  ${STATIONS} stations; station this year: ${shown.current.counts.submitted} submitted, 按时办结率 ` +
        `${((shown.current.rates.resolvedOnTime ?? 0) * 100).toFixed(1)}%; station p50 ${ms(stationTime.median)} ms, ` +
        `bureau p50 ${ms(bureauTime.median)} ms over ${asked.length} periods; baseline p50 ${ms(baseline.median)} ms ` +
        '(plain count of the station’s year over one connection)',
    );
    const equal = await compareWithDirect(database.url, server.base, [
      ...asked.map((p) => ({ account: chief, headers: chiefHeaders, p })),
      // The bureau's direct count of a quarter or a year over 10,000,000 matters takes many minutes: the months by
      // default, every period with BENCH_COMPARE_ALL=1.
      ...asked
        .filter((_, k) => process.env.BENCH_COMPARE_ALL === '1' || k < 2)
        .map((p) => ({ account: bureau, headers: bureauHeaders, p })),
    ]);
    say(
      `  rollups ready ${firstCount.toFixed(0)} s after the start (first count in the template); equal to the direct count: ${equal}`,
    );
    say(
      `dashboards: ${Number(rows[0]!.n)} matters, station p95 ${ms(stationTime.p95)} ms, bureau p95 ` +
        `${ms(bureauTime.p95)} ms (baseline p95 ${ms(baseline.p95)} ms)`,
    );
  } finally {
    await pool.end();
    await server.stop();
    await database.drop();
  }
}
