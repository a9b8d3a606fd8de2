/**
 * npm run bench — resident intake against PostgreSQL, next to a baseline
 * route that does one bare INSERT in the same run, so the figure is a ratio
 * that survives a noisy machine. Uses TEST_DATABASE_URL (or the local server)
 * and a throw-away database.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MATTER_SETTINGS } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { settings } from '../src/db/schema/index.js';
import { matterSettingsKey } from '../src/modules/desk/settings.service.js';
import { createDeps } from '../src/platform/boot.js';
import { openTestDatabase } from '../src/test/database.js';
import { seedFixture } from '../src/test/fixture.js';
import { measureLive } from './live.js';

process.env.JM_TEST_DB = 'pg';
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

async function load(send: (i: number) => Promise<number>): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) {
        const i = next++;
        const t0 = performance.now();
        const status = await send(i);
        if (status !== 200) throw new Error(`request ${i} answered ${status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { perSecond: TOTAL / seconds, p50: at(0.5), p99: at(0.99) };
}

async function main() {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      JINGMIN_AUDIT_KEY: randomBytes(32).toString('hex'),
      JINGMIN_DATA_KEY: randomBytes(32).toString('hex'),
      JINGMIN_AUDIT_HEAD_FILE: path.join(os.tmpdir(), `jm-bench-head-${process.pid}.json`),
      JINGMIN_SWEEP_SECONDS: '0',
      LOG_LEVEL: 'silent',
    },
    [],
  );
  const database = await openTestDatabase();
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps = await createDeps(config, quiet, database);
  const fx = await seedFixture(deps);
  await deps.database.db.execute(
    sql`CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL)`,
  );
  const app = await buildApp(deps);
  // The baseline: same server, same JSON parsing, one bare INSERT.
  app.post('/bench/insert', { config: { public: true } }, async (req) => {
    await deps.database.db.execute(
      sql`INSERT INTO bench_baseline (body, at) VALUES (${JSON.stringify(req.body)}, now())`,
    );
    return { ok: true };
  });
  // The intake limits would stop a benchmark from one address; the stations' own settings lift them here only.
  const lifted = {
    ...DEFAULT_MATTER_SETTINGS,
    limits: { perDoorplatePerHour: 1e6, perPhonePerHour: 1e6, perAddressPerHour: 1e6 },
  };
  for (const station of [fx.units.stationA, fx.units.stationB])
    await deps.database.db.insert(settings).values({ key: matterSettingsKey(station), value: lifted });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // A second process for the desk: its own LISTEN connection, woken by NOTIFY from the first.
  const deskApp = await buildApp(deps);
  const deskBase = await deskApp.listen({ port: 0, host: '127.0.0.1' });
  const body = { kind: 'help', body: '楼道里的灯坏了一周，晚上老人走路不安全，麻烦看看。', noticeVersion: '2026-11' };
  const post = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  const tokens = [...fx.doorplateTokens.a, ...fx.doorplateTokens.b];
  try {
    await load(() => post(`${base}/bench/insert`)); // warm-up
    const baseline = await load(() => post(`${base}/bench/insert`));
    const intake = await load((i) =>
      post(`${base}/api/v1/public/doorplates/${tokens[i % tokens.length]}/matters`, {
        'idempotency-key': randomUUID(),
      }),
    );
    const fmt = (r: Run) => `${r.perSecond.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`;
    process.stdout.write(`baseline (bare INSERT): ${fmt(baseline)}\n`);
    process.stdout.write(
      `intake (matter + event + audit chain + outbox + idempotency + rate limits): ${fmt(intake)}\n`,
    );
    const live = await measureLive(base, deskBase, tokens[0]!, { username: 'a.duty', password: fx.password });
    process.stdout.write(
      `live: the desk on another process sees a submission p50 ${live.seenP50.toFixed(1)} ms, p99 ${live.seenP99.toFixed(1)} ms after it is sent (its acknowledgement: p50 ${live.ackP50.toFixed(1)} ms, p99 ${live.ackP99.toFixed(1)} ms; ${(live.seenP50 / live.ackP50).toFixed(2)}x)\n`,
    );
    process.stdout.write(
      `intake: ${intake.perSecond.toFixed(0)} submissions/s, p99 ${intake.p99.toFixed(1)} ms, ${(intake.perSecond / baseline.perSecond).toFixed(2)}x of bare insert\n`,
    );
  } finally {
    await deskApp.close();
    await app.close();
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
