/**
 * What happens when things happen at once, or very late: two desks acting on
 * one matter, many guesses at one code, a retry a week on, a draft's photos
 * left overnight. Each case was a defect found in review.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { onServer } from '../../test/database.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { rowsOf } from '../org/org.service.js';
import { sweepResidentLeftovers } from './housekeeping.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const plate = () => t.fx.doorplateTokens.a[0]!;
const json = (body: unknown) => body as Record<string, unknown> & { error?: { code: string; details?: unknown } };

function submit(key = randomUUID(), extra: Record<string, unknown> = {}) {
  return t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${plate()}/matters`,
      { kind: 'consult', body: '想咨询一下开具无犯罪记录证明', noticeVersion: '2026-11.2', ...extra },
      { 'idempotency-key': key },
    );
}

async function idOf(desk: Client, number: string) {
  return ((await desk.get(`/api/v1/matters?q=${number}`)).body as { items: { id: string }[] }).items[0]!.id;
}

async function photoUpload(client: Client, url: string, key = randomUUID()) {
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#08f' } })
    .png()
    .toBuffer();
  const boundary = `----jm${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await client.post(url, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'idempotency-key': key,
  });
  return (res.body as { photos: { id: string }[] }).photos[0]!.id;
}

describe('at the same moment', () => {
  // Needs a server: the embedded database has one connection, so two requests never interleave there.
  it.runIf(onServer)('lets only one of two desks transfer a matter; the other is told it changed', async () => {
    t.clock.advance(3_600_000);
    const { number } = (await submit()).body as { number: string };
    const [deskA, deskB] = [await t.as('a.duty'), await t.as('a.chief')];
    const id = await idOf(deskA, number);
    await deskA.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    await deskA.post(`/api/v1/matters/${id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
    const { db } = t.deps.database;
    // Hold the row so both desks read the same version before either can write: the race, made certain.
    const outcome = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM matters WHERE id = ${id} FOR UPDATE`);
      const both = Promise.all([
        deskA.post(`/api/v1/matters/${id}/transfer`, { assigneeStaffId: t.fx.staffIds['a.aux'] }),
        deskB.post(`/api/v1/matters/${id}/transfer`, { assigneeStaffId: t.fx.staffIds['a.grid'] }),
      ]);
      for (let i = 0; i < 100; i++) {
        const [row] = rowsOf<{ n: number }>(
          await db.execute(
            sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          ),
        );
        if ((row?.n ?? 0) >= 2) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      return { both }; // not awaited here: the lock goes when this transaction ends
    });
    const [one, two] = await outcome.both;
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const timeline = ((await deskA.get(`/api/v1/matters/${id}`)).body as { timeline: { type: string }[] }).timeline;
    expect(timeline.filter((e) => e.type === 'matter.transfer')).toHaveLength(1);
  });

  it('counts every guess at a one-time code, even guesses sent together', async () => {
    const phone = '13300133000';
    await t.anonymous().post('/api/v1/public/phone/codes', { phone });
    const code = t.sms.lastCode(phone)!;
    const wrong = code === '000000' ? '111111' : '000000';
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => t.anonymous().post('/api/v1/public/phone/verify', { phone, code: wrong })),
    );
    expect(guesses.every((g) => g.status === 400)).toBe(true);
    expect((await t.anonymous().post('/api/v1/public/phone/verify', { phone, code })).status).toBe(400);
    const audited = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'resident.phone_verify'));
    expect(audited.filter((a) => a.result === 'failed').length).toBeGreaterThanOrEqual(9);
  });
});

describe('much later', () => {
  it('gives a retry a week on the receipt it never got, not a second matter or an error', async () => {
    t.clock.advance(3_600_000);
    const key = randomUUID();
    const first = json((await submit(key)).body);
    t.clock.advance(8 * 86_400_000);
    await sweepResidentLeftovers(systemCtx(t.deps, t.app.log));
    const late = await submit(key);
    expect(late.status).toBe(200);
    expect(json(late.body)).toMatchObject({ number: first.number, trackingToken: first.trackingToken });
  });

  it('names the photos of a draft left overnight, and a retried upload stores them anew', async () => {
    t.clock.advance(3_600_000);
    const url = `/api/v1/public/doorplates/${plate()}/photos`;
    const key = randomUUID();
    const kept = await photoUpload(t.anonymous(), url);
    const stale = await photoUpload(t.anonymous(), url, key);
    t.clock.advance(25 * 3_600_000);
    const fresh = await photoUpload(t.anonymous(), url); // uploaded today, survives the sweep
    await sweepResidentLeftovers(systemCtx(t.deps, t.app.log));
    const refused = await submit(randomUUID(), { photoIds: [fresh, stale, kept] });
    expect(refused.status).toBe(400);
    expect(json(refused.body).error).toMatchObject({
      code: 'PHOTOS_UNAVAILABLE',
      details: { photoIds: [stale, kept] },
    });
    const again = await photoUpload(t.anonymous(), url, key);
    expect(again).not.toBe(stale);
    expect((await submit(randomUUID(), { photoIds: [fresh, again] })).status).toBe(200);
  });
});

describe('whose photo', () => {
  it('never lets a resident attach a photo staff uploaded to the matter', async () => {
    t.clock.advance(3_600_000);
    const { number, trackingToken } = json((await submit()).body) as { number: string; trackingToken: string };
    const desk = await t.as('a.duty');
    const id = await idOf(desk, number);
    const staffPhoto = await photoUpload(desk, `/api/v1/matters/${id}/photos`);
    const res = await t
      .anonymous()
      .post(
        `/api/v1/public/matters/${trackingToken}/messages`,
        { text: '', photoIds: [staffPhoto] },
        { 'idempotency-key': randomUUID() },
      );
    expect(res.status).toBe(400);
    expect((await t.anonymous().get(`/api/v1/public/matters/${trackingToken}/photos/${staffPhoto}`)).status).toBe(404);
  });
});
