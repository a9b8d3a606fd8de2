/**
 * Receipts through the API: each kind counted once per device and notice (a keyed hash, no device id stored), exact
 * under many concurrent receipts from two batchers (two processes), refused for a notice residents cannot read
 * (draft, scheduled, withdrawn, expired, purged); retention purges the receipts and keeps the counts.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { warningReceipts, warnings } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { quietCtx } from '../rooms/work.testkit.js';
import { deviceReceiptHash } from './receipt-key.js';
import { ReceiptBatcher } from './receipts.js';
import { DAY, device, HOUR, notice, receipt } from './receipts.testkit.js';
import { purgeReceipts } from './retention.js';

let t: TestApp;
let resident: Client;

beforeAll(async () => {
  t = await buildTestApp();
  resident = t.anonymous();
});
afterAll(() => t.close());

async function counters(id: string) {
  const [row] = rowsOf<{ opened: number; acknowledged: number; thanks: number; likes: number }>(
    await t.deps.database.db.execute(sql`
      SELECT coalesce(sum(opened), 0)::int AS opened, coalesce(sum(acknowledged), 0)::int AS acknowledged,
             coalesce(sum(thanks), 0)::int AS thanks, coalesce(sum(likes), 0)::int AS likes
        FROM warning_reach WHERE warning_id = ${id}`),
  );
  return row!;
}

async function stored(id: string) {
  const [row] = rowsOf<{ opened: number; acknowledged: number; thanks: number; likes: number }>(
    await t.deps.database.db.execute(sql`
      SELECT count(opened_at)::int AS opened, count(acked_at)::int AS acknowledged,
             count(thanked_at)::int AS thanks, count(liked_at)::int AS likes
        FROM warning_receipts WHERE warning_id = ${id}`),
  );
  return row!;
}

describe('POST /public/warnings/:id/receipts', () => {
  it('counts the same device once per kind, and stores no device id', async () => {
    const id = await notice(t, { ackRequired: true });
    const dev = device();
    expect((await receipt(resident, id, dev, 'open')).body).toEqual({ counted: true });
    expect((await receipt(resident, id, dev, 'open')).body).toEqual({ counted: false });
    expect((await receipt(resident, id, dev, 'ack')).body).toEqual({ counted: true });
    expect((await receipt(resident, id, device(), 'open')).body).toEqual({ counted: true });
    expect(await counters(id)).toEqual({ opened: 2, acknowledged: 1, thanks: 0, likes: 0 });
    const rows = await t.deps.database.db.select().from(warningReceipts).where(eq(warningReceipts.warningId, id));
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(dev);
    expect(rows.map((r) => r.deviceHash)).toContain(deviceReceiptHash(quietCtx(t), dev, id));
  });

  it('keeps the three figures exact under 200 concurrent receipts from 50 devices through two batchers', async () => {
    const id = await notice(t, { ackRequired: true });
    const devices = Array.from({ length: 50 }, device);
    const other = new ReceiptBatcher(t.deps.database, t.clock); // the second process's gatherer
    const ctx = quietCtx(t);
    const kinds = ['open', 'ack', 'open', 'thanks'] as const;
    const sent = devices.flatMap((dev, d) =>
      kinds.map((kind, k) => {
        const doorplate = t.fx.doorplateTokens.a[d % 3];
        if ((d + k) % 2 === 0) return receipt(resident, id, dev, kind, doorplate).then((r) => r.body);
        return other
          .add({ warningId: id, deviceHash: deviceReceiptHash(ctx, dev, id), kind, doorplate: doorplate ?? null })
          .then((o) => (o.state === 'live' ? { counted: o.counted } : o));
      }),
    );
    const answers = (await Promise.all(sent)) as { counted: boolean }[];
    expect(answers).toHaveLength(200);
    // 50 opens, 50 acks and 50 thanks counted; the 50 repeated opens answered as already counted.
    expect(answers.filter((a) => a.counted)).toHaveLength(150);
    expect(await counters(id)).toEqual({ opened: 50, acknowledged: 50, thanks: 50, likes: 0 });
    expect(await stored(id)).toEqual(await counters(id));
    const reach = await (await t.as('a.chief')).get(`/api/v1/warnings/${id}/reach`);
    expect(reach.body).toMatchObject({ totals: { opened: 50, acknowledged: 50, thanks: 50, likes: 0 } });
  });

  it('refuses a notice residents cannot read: not sent, withdrawn, expired, purged or unknown', async () => {
    const past = new Date(t.clock.now().getTime() - 1000);
    const refused = [
      await notice(t, { status: 'draft', sentAt: null }),
      await notice(t, { status: 'in_review', sentAt: null }),
      await notice(t, { status: 'scheduled', sentAt: null, scheduledAt: new Date(t.clock.now().getTime() + DAY) }),
      await notice(t, { status: 'withdrawn', withdrawnAt: past, correction: '时间写错了，以新通知为准' }),
      await notice(t, { expiresAt: past }),
      await notice(t, { receiptsPurgedAt: past }),
      '00000000-0000-4000-8000-00000000dead',
    ];
    for (const id of refused) {
      const res = await receipt(resident, id, device(), 'open');
      expect(res.status, id).toBe(404);
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
    const [{ n }] = rowsOf<{ n: number }>(
      await t.deps.database.db.execute(sql`SELECT count(*)::int AS n FROM warning_receipts r
        JOIN warnings w ON w.id = r.warning_id WHERE w.status <> 'sent' OR w.expires_at IS NOT NULL`),
    ) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses a malformed device id or kind', async () => {
    const id = await notice(t);
    expect((await receipt(resident, id, 'short', 'open')).status).toBe(400);
    expect(
      (await resident.post(`/api/v1/public/warnings/${id}/receipts`, { device: device(), kind: 'x' })).status,
    ).toBe(400);
  });
});

describe('retention', () => {
  it('purges the receipts of expired, withdrawn and old notices, keeps their counts, and then refuses receipts', async () => {
    const expiring = await notice(t, { expiresAt: new Date(t.clock.now().getTime() + HOUR) });
    const withdrawing = await notice(t);
    const old = await notice(t, { sentAt: new Date(t.clock.now().getTime() - 89 * DAY) });
    const fresh = await notice(t);
    for (const id of [expiring, withdrawing, old, fresh])
      for (const kind of ['open', 'like'] as const) await receipt(resident, id, device(), kind);
    await t.deps.database.db
      .update(warnings)
      .set({ status: 'withdrawn', withdrawnAt: t.clock.now() })
      .where(eq(warnings.id, withdrawing));
    t.clock.advance(2 * DAY);

    const pass = await purgeReceipts(quietCtx(t));
    expect(pass.receipts).toBeGreaterThanOrEqual(6);
    for (const id of [expiring, withdrawing, old]) {
      expect(await stored(id)).toEqual({ opened: 0, acknowledged: 0, thanks: 0, likes: 0 });
      expect(await counters(id)).toEqual({ opened: 1, acknowledged: 0, thanks: 0, likes: 1 });
      const [w] = await t.deps.database.db.select().from(warnings).where(eq(warnings.id, id));
      expect(w?.receiptsPurgedAt).not.toBeNull();
    }
    expect(await stored(fresh)).toEqual({ opened: 1, acknowledged: 0, thanks: 0, likes: 1 });
    // The old notice is still sent and unexpired, but a device can no longer be told apart: refused.
    expect((await receipt(resident, old, device(), 'open')).status).toBe(404);
    expect((await receipt(resident, fresh, device(), 'open')).body).toEqual({ counted: true });
    expect(await purgeReceipts(quietCtx(t))).toEqual({ warnings: 0, receipts: 0 });
  });
});
