/**
 * Retention of delivery records (`housekeeping.retention`): what goes, what
 * stays, and a backlog larger than one batch.
 */
import { randomUUID } from 'node:crypto';
import { desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, outbox, rateLimits, sessions } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { sweepDeliveryRecords } from './housekeeping.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // The sealer would number the unsealed rows this test leaves on purpose.
  await t.app.sealer.stop();
});
afterAll(() => t.close());

const ago = (ms: number) => new Date(t.clock.now().getTime() - ms);
const sweep = () => sweepDeliveryRecords(systemCtx(t.deps, t.app.log));

async function lastSeq() {
  const [row] = await t.deps.database.db
    .select({ seq: outbox.seq })
    .from(outbox)
    .where(isNotNull(outbox.seq))
    .orderBy(desc(outbox.seq))
    .limit(1);
  return row?.seq ?? 0;
}

async function addOutbox(seq: number | null, createdAt: Date) {
  const [row] = await t.deps.database.db
    .insert(outbox)
    .values({ seq, topics: ['unit:test'], type: 'test.retention', payload: {}, createdAt })
    .returning({ id: outbox.id });
  return row!.id;
}

async function outboxIds(ids: number[]) {
  const rows = await t.deps.database.db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.id, ids));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

describe('retention of delivery records', () => {
  it('deletes old sealed outbox rows, and keeps unsealed and recent ones', async () => {
    const seq = await lastSeq();
    const oldSealed = await addOutbox(seq + 1, ago(8 * DAY));
    const oldUnsealed = await addOutbox(null, ago(8 * DAY));
    const recent = await addOutbox(seq + 2, ago(6 * DAY));
    const { outbox: deleted } = await sweep();
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await outboxIds([oldSealed, oldUnsealed, recent])).toEqual([oldUnsealed, recent]);
  });

  it('keeps the newest sealed outbox row however old, so delivery numbers on from it', async () => {
    t.clock.advance(30 * DAY);
    const seq = await lastSeq();
    await sweep();
    const sealed = await t.deps.database.db.select({ seq: outbox.seq }).from(outbox).where(isNotNull(outbox.seq));
    expect(sealed).toEqual([{ seq }]);
  });

  it('keeps idempotency keys 29 days old and deletes those 31 days old', async () => {
    const key = (days: number) => ({
      key: randomUUID(),
      scope: 'test',
      requestHash: 'x',
      response: { ok: true },
      createdAt: ago(days * DAY),
    });
    const kept = key(29);
    const gone = key(31);
    await t.deps.database.db.insert(idempotencyKeys).values([kept, gone]);
    await sweep();
    const left = await t.deps.database.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(inArray(idempotencyKeys.key, [kept.key, gone.key]));
    expect(left).toEqual([{ key: kept.key }]);
  });

  it('deletes rate-limit windows past 48 hours and expired staff sessions', async () => {
    const { db } = t.deps.database;
    await db.insert(rateLimits).values([
      { key: 'test:stale', windowStart: ago(49 * HOUR), count: 3 },
      { key: 'test:fresh', windowStart: ago(47 * HOUR), count: 3 },
    ]);
    const session = (id: string, expiresAt: Date) => ({
      id,
      staffId: t.fx.staffIds['a.duty']!,
      stage: 'full' as const,
      csrfToken: 'x',
      createdAt: ago(13 * HOUR),
      lastSeenAt: ago(HOUR),
      expiresAt,
    });
    await db.insert(sessions).values([session('test-expired', ago(60_000)), session('test-live', ago(-HOUR))]);
    await sweep();
    const windows = await db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(sql`${rateLimits.key} LIKE 'test:%'`);
    expect(windows).toEqual([{ key: 'test:fresh' }]);
    const left = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(inArray(sessions.id, ['test-expired', 'test-live']));
    expect(left).toEqual([{ id: 'test-live' }]);
  });

  it('works through a backlog larger than one batch', async () => {
    const { db } = t.deps.database;
    await db.execute(sql`INSERT INTO rate_limits (key, window_start, count)
      SELECT 'test:backlog:' || i, ${ago(3 * DAY)}::timestamptz, 1 FROM generate_series(1, 12000) AS i`);
    expect((await sweep()).rateLimits).toBe(12_000);
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(rateLimits)
      .where(eq(sql`left(${rateLimits.key}, 13)`, 'test:backlog:'));
    expect(left?.n).toBe(0);
  });
});
