/**
 * 防刷 through the API: many answers from one device in a short time are
 * stored, answer their requests and open their reviews, but are flagged for the
 * chief — the same browser key however the browser looks, or the same address
 * with the same browser; an address alone (a village behind a carrier's NAT)
 * never flags. The chief accepts a flagged answer once; nobody edits one.
 */
import { randomUUID } from 'node:crypto';
import type { EvaluationType, FlaggedAnswerList, FlaggedAnswerView, ReviewList } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, evaluationAnswers, units } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';
import { requestEvaluation } from './evaluations.service.js';

let t: TestApp;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp();
}, 60_000);
afterAll(() => t.close());
// Each case starts past the window of the one before (10 minutes by default), signed in afresh.
beforeEach(async () => {
  t.clock.advance(60 * 60_000);
  chief = await t.as('a.chief');
});

async function openRequest(type: EvaluationType = 'meeting', station: 'stationA' | 'stationB' = 'stationA') {
  const stationId = t.fx.units[station];
  const [unit] = await t.deps.database.db.select().from(units).where(eq(units.id, stationId));
  const ctx = systemCtx(t.deps, pino({ level: 'silent' }));
  const subjectId = randomUUID();
  const { id, token } = await t.deps.database.db.transaction((tx) =>
    requestEvaluation(tx, ctx, {
      type,
      subject: { type, id: subjectId },
      stationId,
      unitPath: unit!.path,
      expiresInDays: 7,
      ratedStaffId: t.fx.staffIds['a.officer'],
    }),
  );
  return { id, subjectId, url: `/api/v1/public/evaluations/${token}` };
}

const key = () => randomUUID().replaceAll('-', '');
const ua = (n: number | string) => `Mozilla/5.0 (Linux; Android 14; Phone ${n}) Mobile Safari/537.36`;

/** Answers a fresh request from a device; returns the stored answer. */
async function answerFrom(headers: Record<string, string>, overall = 'satisfied', station?: 'stationA' | 'stationB') {
  const { id, url } = await openRequest('meeting', station);
  const res = await t.anonymous().post(url, { version: 0, answers: { overall } }, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  t.clock.advance(60_000);
  const [answer] = await t.deps.database.db.select().from(evaluationAnswers).where(eq(evaluationAnswers.requestId, id));
  return answer!;
}

const flaggedList = async (client?: Client, station = t.fx.units.stationA) => {
  client ??= chief;
  const res = await client.get(`/api/v1/stations/${station}/evaluation-answers/flagged`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as FlaggedAnswerList;
};

describe('the flood flag', () => {
  it('flags the answer after three from the same browser key, however the browser looks', async () => {
    const device = key();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await answerFrom({ 'user-agent': ua(`k${i}`), 'x-device-key': device }));
    expect(answers.map((a) => a.flagged)).toEqual([false, false, false, true, true]);
    // Stored keyed: neither the key nor the browser is readable.
    expect(answers[0]!.deviceKeyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(answers[0]!.deviceKeyHash).not.toContain(device);
    // Past the window the same phone counts again.
    t.clock.advance(11 * 60_000);
    expect((await answerFrom({ 'user-agent': ua('k9'), 'x-device-key': device })).flagged).toBe(false);
  });

  it('flags by the address together with the browser when no key is sent', async () => {
    const flags = [];
    for (let i = 0; i < 4; i++) flags.push((await answerFrom({ 'user-agent': ua('same') })).flagged);
    expect(flags).toEqual([false, false, false, true]);
  });

  it('never flags by the address alone: a village behind one address, each with its own phone', async () => {
    const flags = [];
    for (let i = 0; i < 6; i++)
      flags.push((await answerFrom({ 'user-agent': ua(`v${i}`), 'x-device-key': key() })).flagged);
    expect(flags.every((f) => !f)).toBe(true);
  });

  it('ignores a malformed key and counts per station', async () => {
    // Too short, and with characters outside base64url: ignored, so only address+browser counts.
    const bad = await answerFrom({ 'user-agent': ua('bad'), 'x-device-key': 'short' });
    expect(bad.deviceKeyHash).toBeNull();
    expect(
      (await answerFrom({ 'user-agent': ua('bad2'), 'x-device-key': 'a b<c>d;e=f g h i j k' })).deviceKeyHash,
    ).toBeNull();
    // Three answers to station B do not count against station A.
    const device = key();
    for (let i = 0; i < 3; i++)
      await answerFrom({ 'user-agent': ua(`s${i}`), 'x-device-key': device }, 'satisfied', 'stationB');
    expect((await answerFrom({ 'user-agent': ua('s9'), 'x-device-key': device })).flagged).toBe(false);
  });

  it('keeps a flagged answer as an answer: single use, and an unsatisfied one still opens a review', async () => {
    const device = key();
    for (let i = 0; i < 3; i++) await answerFrom({ 'user-agent': ua(`r${i}`), 'x-device-key': device });
    const { id, subjectId, url } = await openRequest();
    const headers = { 'user-agent': ua('r9'), 'x-device-key': device };
    expect(
      (await t.anonymous().post(url, { version: 0, answers: { overall: 'unsatisfied', wrong: ['slow'] } }, headers))
        .status,
    ).toBe(200);
    const again = await t.anonymous().post(url, { version: 0, answers: { overall: 'satisfied' } }, headers);
    expect(again.status).toBe(409);
    const [answer] = await t.deps.database.db
      .select()
      .from(evaluationAnswers)
      .where(eq(evaluationAnswers.requestId, id));
    expect(answer).toMatchObject({ flagged: true, satisfied: false });
    const reviews = (await chief.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews`)).body as ReviewList;
    expect(reviews.items.find((r) => r.subjectId === subjectId)).toMatchObject({ status: 'open' });
  });

  it('flags the matter rating on the tracking link by its browser key too', async () => {
    const device = key();
    for (let i = 0; i < 3; i++) await answerFrom({ 'user-agent': ua(`m${i}`), 'x-device-key': device });
    const desk = await t.as('a.duty');
    const receipt = await submitAt(t, t.fx.doorplateTokens.a[0] as string, 'consult', '想问一下居住证怎么办');
    const matterId = await matterIdOf(desk, receipt.number);
    await desk.post(`/api/v1/matters/${matterId}/accept`, { urgency: 'normal' });
    expect((await desk.post(`/api/v1/matters/${matterId}/resolve`, { outcome: '已电话告知办理流程' })).status).toBe(
      200,
    );
    const rated = await t
      .anonymous()
      .post(
        `/api/v1/public/matters/${receipt.trackingToken}/rating`,
        { rating: 'satisfied' },
        { 'user-agent': ua('m9'), 'x-device-key': device },
      );
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    const list = await flaggedList();
    expect(list.items.find((a) => a.matterNumber === receipt.number)).toMatchObject({
      type: 'matter',
      satisfied: true,
    });
  });
});

describe('the chief accepts a flagged answer', () => {
  it('lists flagged answers without any hash, accepts one once, audited', async () => {
    const device = key();
    for (let i = 0; i < 4; i++)
      await answerFrom({ 'user-agent': ua(`a${i}`), 'x-device-key': device }, 'fairly_satisfied');
    const list = await flaggedList();
    expect(list.windowMinutes).toBe(10);
    const item = list.items.find((a) => a.acceptedAt === null) as FlaggedAnswerView;
    expect(item).toMatchObject({ type: 'meeting', satisfied: true, fromSameDevice: 4, acceptedByName: null });
    expect(JSON.stringify(list)).not.toMatch(/[0-9a-f]{64}/);
    expect(JSON.stringify(list)).not.toContain('device');

    const accepted = await chief.post(`/api/v1/evaluation-answers/${item.id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ id: item.id, acceptedAt: t.clock.now().toISOString() });
    expect((accepted.body as FlaggedAnswerView).acceptedByName).toBeTruthy();
    const twice = await chief.post(`/api/v1/evaluation-answers/${item.id}/accept`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'ANSWER_ACCEPTED' } });
    const [row] = await t.deps.database.db.select().from(evaluationAnswers).where(eq(evaluationAnswers.id, item.id));
    expect(row).toMatchObject({
      flagged: true,
      acceptedBy: t.fx.staffIds['a.chief'],
      answers: { overall: 'fairly_satisfied' },
    });
    const trail = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, item.id));
    expect(trail.map((a) => a.action)).toContain('evaluation.answer.accept');
    // Waiting ones come first.
    const after = await flaggedList();
    const firstAccepted = after.items.findIndex((a) => a.acceptedAt !== null);
    expect(after.items.slice(firstAccepted).every((a) => a.acceptedAt !== null)).toBe(true);
  });

  it('refuses an answer that was not flagged, and an unknown one', async () => {
    const plain = await answerFrom({ 'user-agent': ua('plain'), 'x-device-key': key() });
    const res = await chief.post(`/api/v1/evaluation-answers/${plain.id}/accept`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'ANSWER_NOT_FLAGGED' } });
    expect((await chief.post(`/api/v1/evaluation-answers/${randomUUID()}/accept`)).status).toBe(404);
  });

  it('keeps the list and the acceptance to the station’s chief', async () => {
    const device = key();
    let last: Awaited<ReturnType<typeof answerFrom>> | undefined;
    for (let i = 0; i < 4; i++) last = await answerFrom({ 'user-agent': ua(`x${i}`), 'x-device-key': device });
    expect(last!.flagged).toBe(true);
    const other = await t.as('b.chief');
    expect((await other.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-answers/flagged`)).status).toBe(403);
    expect((await other.post(`/api/v1/evaluation-answers/${last!.id}/accept`)).status).toBe(403);
    const officer = await t.as('a.officer');
    expect((await officer.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-answers/flagged`)).status).toBe(403);
    expect((await officer.post(`/api/v1/evaluation-answers/${last!.id}/accept`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-answers/flagged`)).status).toBe(
      401,
    );
    expect((await t.anonymous().post(`/api/v1/evaluation-answers/${last!.id}/accept`)).status).toBe(401);
    // Still waiting for its own chief.
    expect((await flaggedList()).items.find((a) => a.id === last!.id)?.acceptedAt).toBeNull();
  });

  it('offers no way to edit an answer: no route writes to one except the acceptance', async () => {
    const spec = (await t.anonymous().get('/api/openapi.json')).body as { paths: Record<string, object> };
    const answerPaths = Object.entries(spec.paths).filter(
      ([p]) => p.includes('evaluation-answers') || p.includes('/public/evaluations'),
    );
    const writes = answerPaths.flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['put', 'patch', 'delete'].includes(m))
        .map((m) => `${m} ${p}`),
    );
    expect(answerPaths.length).toBeGreaterThan(0);
    expect(writes).toEqual([]);
  });
});
