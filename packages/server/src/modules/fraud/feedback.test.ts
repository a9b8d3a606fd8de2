/**
 * 快反: a webhook upstream receives the signed result, retried after a failure until it answers 2xx; a pull upstream
 * reads the results in order and each counts as sent once it pulls past it. Retention deletes the person and keeps
 * the counts; figures count exactly what was made.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FraudFigures } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { sendDueFeedback } from './feedback.js';
import {
  instruction,
  makeUpstream,
  received,
  rowOf,
  silentCtx,
  upstreamPull,
  verifyBody,
  viewOf,
} from './fraud.testkit.js';
import { purgeOldInstructions } from './retention.js';

let t: TestApp;
let server: Server;
let url: string;
const calls: { headers: IncomingHttpHeaders; body: string; answered: number }[] = [];
let failNext = 1;

beforeAll(async () => {
  t = await buildTestApp();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const answered = failNext-- > 0 ? 500 : 204;
      calls.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/jingmin`;
});
afterAll(async () => {
  await t.close();
  await new Promise((ok) => server.close(ok));
});

const MINUTE = 60_000;
const now = () => t.clock.now().toISOString();

async function verified(key: string, over: Record<string, unknown> = {}, body: Record<string, unknown> = {}) {
  const { id } = await received(t, key, over);
  t.clock.advance(MINUTE);
  const res = await (await t.as('a.officer')).post(
    `/api/v1/fraud/instructions/${id}/verify`,
    verifyBody(1, { contactedAt: now(), ...body }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

describe('feedback by webhook', () => {
  it('is signed, fails once, waits, and is sent on the retry — once, even with two senders', async () => {
    const made = await makeUpstream(t, await t.as('sysadmin'), { feedback: 'webhook', webhookUrl: url });
    const id = await verified(made.apiKey);
    const [a, b] = await Promise.all([sendDueFeedback(silentCtx(t)), sendDueFeedback(silentCtx(t))]);
    expect((a?.tried ?? 0) + (b?.tried ?? 0)).toBe(1);
    let row = await rowOf(t, id);
    expect(row).toMatchObject({ feedbackStatus: 'failed', feedbackAttempts: 1, feedbackError: 'HTTP 500' });
    expect(row.feedbackNextAt?.getTime()).toBe(t.clock.now().getTime() + 30_000);
    expect((await sendDueFeedback(silentCtx(t))).tried).toBe(0);
    t.clock.advance(31_000);
    expect(await sendDueFeedback(silentCtx(t))).toEqual({ tried: 1, sent: 1 });
    row = await rowOf(t, id);
    expect(row).toMatchObject({ feedbackStatus: 'sent', feedbackAttempts: 2, feedbackError: null });
    expect(calls).toHaveLength(2);
    const last = calls[1]!;
    const ts = String(last.headers['x-jingmin-timestamp']);
    const expected = createHmac('sha256', made.webhookSecret).update(`${ts}.${last.body}`).digest('hex');
    expect(last.headers['x-jingmin-signature']).toBe(`v1=${expected}`);
    expect(last.headers['x-jingmin-event']).toBe('fraud.feedback');
    expect(last.headers['idempotency-key']).toBe(id);
    expect(JSON.parse(last.body)).toMatchObject({ outcome: 'dissuaded', withinDeadline: true, amountPrevented: 5000 });
    expect(last.body).not.toMatch(/王|139/);
    expect((await sendDueFeedback(silentCtx(t))).tried).toBe(0);
  });
});

describe('feedback by pull', () => {
  it('lists results in order after the cursor and marks those pulled past as sent', async () => {
    const made = await makeUpstream(t, await t.as('sysadmin'));
    const first = await verified(made.apiKey);
    const second = await verified(made.apiKey, {}, { outcome: 'false_alarm', amountPrevented: 0 });
    t.clock.advance(11_000);
    const page = await upstreamPull(t, made.apiKey, '?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0].number).toBe((await rowOf(t, first)).number);
    const next = await upstreamPull(t, made.apiKey, `?after=${page.body.next}`);
    expect(next.body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['false_alarm']);
    expect((await rowOf(t, first)).feedbackStatus).toBe('sent');
    expect((await rowOf(t, second)).feedbackStatus).toBe('pending');
    const done = await upstreamPull(t, made.apiKey, `?after=${next.body.next}`);
    expect(done.body).toEqual({ items: [], next: next.body.next });
    expect((await rowOf(t, second)).feedbackStatus).toBe('sent');
  });
});

describe('figures and retention', () => {
  it('the station settings are read by staff and changed by the chief (audited)', async () => {
    const chief = await t.as('a.chief');
    const path = `/api/v1/stations/${t.fx.units.stationA}/fraud-settings`;
    expect((await chief.get(path)).body).toEqual({
      highMinutes: 10,
      otherMinutes: 30,
      warnBeforeMinutes: 3,
      retentionDays: 180,
    });
    const next = { highMinutes: 15, otherMinutes: 45, warnBeforeMinutes: 5, retentionDays: 365 };
    expect((await chief.put(path, next)).body).toEqual(next);
    expect((await (await t.as('a.duty')).put(path, next)).status).toBe(403);
    expect((await chief.put(path, { ...next, warnBeforeMinutes: 20 })).status).toBe(400);
    const made = await makeUpstream(t, await t.as('sysadmin'));
    const { id } = await received(t, made.apiKey, instruction({ level: 'high' }));
    const row = await rowOf(t, id);
    expect(row.deadlineAt.getTime() - row.receivedAt.getTime()).toBe(15 * MINUTE);
    const defaults = { highMinutes: 10, otherMinutes: 30, warnBeforeMinutes: 3, retentionDays: 180 };
    expect((await chief.put(path, defaults)).status).toBe(200);
  });
  it('count crafted outcomes exactly, and still count them once the person is deleted', async () => {
    const made = await makeUpstream(t, await t.as('sysadmin'));
    let chief = await t.as('a.chief');
    const month = now().slice(0, 7);
    const first = await chief.get(`/api/v1/fraud/figures?stationId=${t.fx.units.stationA}&from=${month}&to=${month}`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = first.body as FraudFigures;
    await verified(made.apiKey, { fraudType: 'investment' }, { amountPrevented: 80_000 });
    await verified(
      made.apiKey,
      { fraudType: 'investment' },
      { outcome: 'defrauded', amountLost: 12_000, amountPrevented: 0 },
    );
    const late = await received(t, made.apiKey, { fraudType: 'loan' });
    t.clock.advance(40 * MINUTE);
    const lateRes = await (await t.as('a.officer')).post(
      `/api/v1/fraud/instructions/${late.id}/verify`,
      verifyBody(1, { contactedAt: now(), outcome: 'unreachable', attempts: 3, amountPrevented: 0 }),
    );
    expect(lateRes.status).toBe(200);
    chief = await t.as('a.chief'); // the clock moved past the session's idle time
    const after = (await chief.get(`/api/v1/fraud/figures?stationId=${t.fx.units.stationA}&from=${month}&to=${month}`))
      .body as FraudFigures;
    const d = (k: keyof FraudFigures['totals']) => after.totals[k] - before.totals[k];
    expect([
      d('received'),
      d('verified'),
      d('contactedInTime'),
      d('dissuaded'),
      d('defrauded'),
      d('unreachable'),
    ]).toEqual([3, 3, 2, 1, 1, 1]);
    expect([d('amountPrevented'), d('amountLost')]).toEqual([80_000, 12_000]);
    expect(after.byType.find((r) => r.fraudType === 'investment')?.received).toBeGreaterThanOrEqual(2);
    expect(after.byMonth).toHaveLength(1);

    t.clock.advance(181 * 24 * 60 * MINUTE);
    expect((await purgeOldInstructions(silentCtx(t))).purged).toBeGreaterThan(0);
    chief = await t.as('a.chief');
    const row = await rowOf(t, late.id);
    expect(row).toMatchObject({ nameEnc: null, phoneEnc: null, nameMasked: '（已删除）', phoneMasked: '（已删除）' });
    const detail = await chief.get(`/api/v1/fraud/instructions/${late.id}`);
    expect(viewOf(detail)).toMatchObject({ purged: true, name: '（已删除）', phone: '（已删除）', address: null });
    const kept = (await chief.get(`/api/v1/fraud/figures?stationId=${t.fx.units.stationA}&from=${month}&to=${month}`))
      .body as FraudFigures;
    expect(kept.totals).toEqual(after.totals);
    expect((await purgeOldInstructions(silentCtx(t))).purged).toBe(0);
  });

  it('a reversed or too long range is a 400; another station is refused', async () => {
    const chief = await t.as('a.chief');
    expect((await chief.get('/api/v1/fraud/figures?from=2026-05&to=2026-01')).status).toBe(400);
    expect((await chief.get('/api/v1/fraud/figures?from=2020-01&to=2026-01')).status).toBe(400);
    expect(
      (await chief.get(`/api/v1/fraud/figures?stationId=${t.fx.units.stationB}&from=2026-01&to=2026-02`)).status,
    ).toBe(403);
  });
});
