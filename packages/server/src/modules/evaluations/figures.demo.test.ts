/**
 * 评价统计 over the demo county's six months of evaluations: every station's
 * figures, read through the API by a bureau account, equal plain SQL counts.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { addMonths, type EvaluationFigures, monthOf, monthRange } from '@jingmin/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { rowsOf } from '../../db/rows.js';
import { staff, units } from '../../db/schema/index.js';
import { createDeps } from '../../platform/boot.js';
import type { AppDeps } from '../../platform/context.js';
import { sealField } from '../../platform/crypto.js';
import { hashPassword } from '../../platform/passwords.js';
import { seedDemo } from '../../seed/demo.js';
import { openTestDatabase } from '../../test/database.js';
import { CapturingSms, Client, type TestApp, TestClock } from '../../test/harness.js';

const PASSWORD = 'Figures#Demo2026';
let deps: AppDeps;
let t: TestApp;
let reader: Client;

beforeAll(async () => {
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      JINGMIN_AUDIT_KEY: randomBytes(32).toString('hex'),
      JINGMIN_DATA_KEY: randomBytes(32).toString('hex'),
      JINGMIN_ARGON2_MEMORY_KIB: '1024',
      JINGMIN_AUDIT_HEAD_FILE: path.join(os.tmpdir(), `jm-head-${randomBytes(6).toString('hex')}.json`),
      JINGMIN_WEB_DIST: '/nonexistent',
      JINGMIN_SWEEP_SECONDS: '0',
      LOG_LEVEL: 'silent',
    },
    [],
  );
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const clock = new TestClock();
  const database = await openTestDatabase();
  deps = await createDeps(config, quiet, database, clock, new CapturingSms());
  await deps.database.db.transaction((tx) => seedDemo(deps, tx));
  // A reader of our own above the demo's stations, with a second factor this test knows.
  const [bureau] = await deps.database.db
    .select()
    .from(units)
    .where(and(eq(units.kind, 'bureau'), isNull(units.parentId)));
  const secret = generateSecret();
  await deps.database.db.insert(staff).values({
    username: 'figures.reader',
    displayName: 'figures.reader',
    passwordHash: await hashPassword(PASSWORD, config.security.argon2MemoryKib),
    mustChangePassword: false,
    roles: ['bureau_supervisor'],
    scopeUnitId: bureau!.id,
    totpEnabled: true,
    totpSecretEnc: sealField(deps.keys.data, secret),
    passwordChangedAt: clock.now(),
  });
  const app = await buildApp(deps);
  await app.ready();
  const fx = { password: PASSWORD, totpSecrets: { 'figures.reader': secret } } as unknown as TestApp['fx'];
  t = { app, clock, deps, fx } as TestApp;
  reader = await new Client(app, 'zh-CN', clock).signIn(t, 'figures.reader');
}, 180_000);
afterAll(async () => {
  await t?.app.close();
  await deps?.database.close();
});

describe('the demo county', () => {
  it("has each station's figures equal to SQL counts over its six months", async () => {
    const to = monthOf(t.clock.now());
    const from = addMonths(to, -6);
    const { start, end } = monthRange(from, to);
    const now = t.clock.now().toISOString();
    const stations = await deps.database.db.select().from(units).where(eq(units.kind, 'station'));
    expect(stations.length).toBeGreaterThan(0);
    for (const station of stations) {
      const res = await reader.get(`/api/v1/stations/${station.id}/evaluation-figures?from=${from}&to=${to}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const f = res.body as EvaluationFigures;
      const [want] = rowsOf<Record<string, number>>(
        await deps.database.db.execute(sql`SELECT count(*)::int AS requests,
            count(a.id) FILTER (WHERE NOT a.flagged OR a.accepted_at IS NOT NULL)::int AS answered,
            count(a.id) FILTER (WHERE (NOT a.flagged OR a.accepted_at IS NOT NULL) AND a.satisfied IS NOT NULL)::int AS rated,
            count(a.id) FILTER (WHERE (NOT a.flagged OR a.accepted_at IS NOT NULL) AND a.satisfied)::int AS satisfied,
            count(*) FILTER (WHERE a.id IS NULL AND r.expires_at <= ${now}::timestamptz)::int AS expired,
            count(*) FILTER (WHERE a.id IS NULL AND r.expires_at > ${now}::timestamptz)::int AS open,
            count(a.id) FILTER (WHERE a.flagged AND a.accepted_at IS NULL)::int AS flagged
          FROM evaluation_requests r LEFT JOIN evaluation_answers a ON a.request_id = r.id
          WHERE r.station_id = ${station.id} AND r.created_at >= ${start.toISOString()}::timestamptz
            AND r.created_at < ${end.toISOString()}::timestamptz`),
      );
      expect(f.totals, station.name).toMatchObject(want!);
      expect(f.totals.requests, station.name).toBeGreaterThan(0);
      // Each grouping adds up to the totals.
      const sum = (rows: { requests: number; satisfied: number }[]) =>
        rows.reduce((s, r) => [s[0]! + r.requests, s[1]! + r.satisfied], [0, 0]);
      for (const rows of [f.byType, f.byMonth, f.byTeam, f.byVillage])
        expect(sum(rows), station.name).toEqual([f.totals.requests, f.totals.satisfied]);
      const [reviews] = rowsOf<Record<string, number>>(
        await deps.database.db.execute(sql`SELECT count(*)::int AS opened,
            count(*) FILTER (WHERE rv.closed_at <= rv.due_at)::int AS "closedOnTime",
            count(*) FILTER (WHERE rv.outcome IS NOT NULL)::int AS "callbacksDone"
          FROM evaluation_reviews rv JOIN evaluation_requests r ON r.id = rv.request_id
          JOIN evaluation_answers a ON a.id = rv.answer_id
          WHERE r.station_id = ${station.id} AND NOT (a.flagged AND a.accepted_at IS NULL)
            AND r.created_at >= ${start.toISOString()}::timestamptz AND r.created_at < ${end.toISOString()}::timestamptz`),
      );
      expect(f.reviews, station.name).toMatchObject(reviews!);
    }
  });
});
