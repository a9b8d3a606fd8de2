/**
 * The jobs registry on the real database (PGlite, or PostgreSQL with
 * TEST_DATABASE_URL): two app instances on one database stand in for two
 * server processes, each with its own pg-boss workers and ticks.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { rowsOf } from '../db/rows.js';
import { matterEvents, matters } from '../db/schema/index.js';
import { buildTestApp, type TestApp } from '../test/harness.js';
import { enqueue, type JobDefinition, JobRegistry } from './jobs.js';

let t: TestApp;
const others: FastifyInstance[] = [];
/** What the queued job saw, in the order it ran, on either process. */
const echoed: { n: number; who: string }[] = [];
/** When the interval job ran, per process. */
const ticks: { at: number; who: string }[] = [];

function testJobs(who: string): JobDefinition<{ n: number }>[] {
  return [
    { name: 'test.echo', handler: async (_ctx, data) => void echoed.push({ n: data.n, who }) },
    { name: 'test.tick', everySeconds: 1, handler: async () => void ticks.push({ at: Date.now(), who }) },
  ];
}

async function startProcess(who: string) {
  const app = await buildApp(t.deps);
  for (const job of testJobs(who)) app.jobs.register(job);
  await app.ready();
  others.push(app);
  return app;
}

async function until(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(50);
}

async function jobRows(name: string) {
  const result = await t.deps.database.db.execute(
    sql`SELECT state, singleton_on FROM pgboss.job WHERE name = ${name} ORDER BY created_on`,
  );
  return rowsOf<{ state: string; singleton_on: Date | null }>(result);
}

beforeAll(async () => {
  t = await buildTestApp({ JINGMIN_JOBS: '1', JINGMIN_SWEEP_SECONDS: '1' });
  await startProcess('a');
  await startProcess('b');
}, 30_000);
afterAll(async () => {
  for (const app of others) await app.close();
  await t.close();
});

describe('jobs registry', () => {
  it('starts pg-boss only when a job is on', async () => {
    expect(t.app.jobs.running).toBe(true); // the harness app here: sweep, retention and calendar warnings on
    const withJobs = (enabled: boolean) => ({
      ...t.deps,
      config: { ...t.deps.config, jobs: { enabled, sweepSeconds: 0, kpiRollupSeconds: 0 } },
    });
    const sweepOnly = new JobRegistry(withJobs(true), t.app.log);
    sweepOnly.register({ name: 'test.off', everySeconds: 0, handler: async () => undefined });
    await sweepOnly.start(); // JINGMIN_SWEEP_SECONDS=0 and nothing else: no pg-boss at all
    expect(sweepOnly.running).toBe(false);
    const disabled = new JobRegistry(withJobs(false), t.app.log); // JINGMIN_JOBS=0, the default under test
    disabled.register(testJobs('c')[0]!);
    await disabled.start();
    expect(disabled.running).toBe(false);
  });

  it('runs a job queued in a transaction that commits, once, and never one whose transaction rolled back', async () => {
    const { db } = t.deps.database;
    const rollback = db.transaction(async (tx) => {
      await enqueue(tx, 'test.echo', { n: 1 });
      throw new Error('the change failed');
    });
    await expect(rollback).rejects.toThrow('the change failed');
    await db.transaction(async (tx) => {
      await enqueue(tx, 'test.echo', { n: 2 });
    });
    await until(() => echoed.length > 0, 10_000);
    await sleep(2_500); // more than a worker's poll: a second run or the rolled-back job would show by now
    expect(echoed.map((e) => e.n)).toEqual([2]);
    expect((await jobRows('test.echo')).map((r) => r.state)).toEqual(['completed']);
  });

  it('refuses a job nobody registered, and the transaction rolls back with it', async () => {
    const attempt = t.deps.database.db.transaction((tx) => enqueue(tx, 'test.nobody', {}));
    await expect(attempt).rejects.toThrow(/no such queue/);
  });

  it('runs an interval job once per tick with two processes ticking', async () => {
    ticks.length = 0;
    const from = Date.now();
    await sleep(4_200);
    const seen = ticks.filter((tick) => tick.at >= from);
    const slots = Math.ceil((Date.now() - from) / 1000);
    // Both processes tick every second; a job per process and tick would run about twice as often.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(slots + 1);
    const rows = await jobRows('test.tick');
    const distinct = new Set(rows.map((r) => r.singleton_on?.valueOf()));
    expect(distinct.size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(seen.length);
  });

  it('schedules retention every ten minutes, the calendar warnings at 08:00, old alerts’ removal at 03:17, old room posts’ at 03:37, anti-fraud retention at 03:47, warning receipts’ at 03:57 and the monthly reports at 02:00 on the 1st, Beijing time', async () => {
    const result = await t.deps.database.db.execute(
      sql`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`,
    );
    expect(rowsOf(result)).toEqual([
      { name: 'calendar.warnings', cron: '0 8 * * *', timezone: 'Asia/Shanghai' },
      { name: 'fraud.retention', cron: '47 3 * * *', timezone: 'Asia/Shanghai' },
      { name: 'housekeeping.retention', cron: '*/10 * * * *', timezone: 'Asia/Shanghai' },
      { name: 'notify.retention', cron: '17 3 * * *', timezone: 'Asia/Shanghai' },
      { name: 'reports.monthly', cron: '0 2 1 * *', timezone: 'Asia/Shanghai' },
      { name: 'rooms.retention', cron: '37 3 * * *', timezone: 'Asia/Shanghai' },
      { name: 'warnings.receipts-retention', cron: '57 3 * * *', timezone: 'Asia/Shanghai' },
    ]);
  });

  it('escalates an unanswered help request through the registered deadline sweep', async () => {
    const res = await t
      .anonymous()
      .post(
        `/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/matters`,
        { kind: 'help', body: '邻居家里传出呼救声', noticeVersion: '2026-11' },
        { 'idempotency-key': randomUUID() },
      );
    const { number } = res.body as { number: string };
    const { db } = t.deps.database;
    const [matter] = await db.select({ id: matters.id }).from(matters).where(eq(matters.number, number));
    t.clock.advance(6 * 60_000);
    const escalations = async () => {
      const rows = await db
        .select({ id: matterEvents.id })
        .from(matterEvents)
        .where(and(eq(matterEvents.matterId, matter!.id), eq(matterEvents.type, 'matter.escalated')));
      return rows.length;
    };
    const end = Date.now() + 10_000;
    while ((await escalations()) === 0 && Date.now() < end) await sleep(200);
    await sleep(2_000); // two more ticks on three processes: still one escalation
    expect(await escalations()).toBe(1);
  });
});
