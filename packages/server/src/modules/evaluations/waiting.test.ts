/**
 * Requests reach the resident where the resident is: a resolved matter's evaluation in "my
 * matters" for the verified phone it was submitted with (found through the matter), one SMS when
 * it opens and one reminder (never a link), the doorplate page, and a suggestion's answer rated
 * as 意见反馈 on its tracking link.
 */
import { randomUUID } from 'node:crypto';
import type { WaitingEvaluations } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationAnswers, evaluationRequests } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { smsText } from '../../platform/sms/sms.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { matterIdOf } from '../../test/matters.js';
import { remindEvaluations } from './jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
}, 60_000);
afterAll(() => t.close());

const DAY = 86_400_000;
const PHONE = '13900139001';

async function verify(phone: string) {
  const client = t.anonymous();
  expect((await client.post('/api/v1/public/phone/codes', { phone })).status).toBe(200);
  const code = t.sms.lastCode(phone);
  const res = await client.post('/api/v1/public/phone/verify', { phone, code });
  expect(res.status).toBe(200);
  return (res.body as { phoneToken: string }).phoneToken;
}

/** Submitted from a doorplate (with a verified phone, or none), accepted and resolved by the desk. */
async function resolved(opts: { phoneToken?: string; kind?: string; plate?: number } = {}) {
  const res = await t.anonymous().post(
    `/api/v1/public/doorplates/${t.fx.doorplateTokens.a[opts.plate ?? 0]}/matters`,
    {
      kind: opts.kind ?? 'consult',
      body: '想问问办居住证要带什么材料',
      noticeVersion: '2026-11',
      ...(opts.phoneToken ? { phoneToken: opts.phoneToken } : {}),
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.status).toBe(200);
  const receipt = res.body as { number: string; trackingToken: string };
  // Signed in afresh: the tests move the clock past a session's idle limit.
  const desk = await t.as('a.duty');
  const id = await matterIdOf(desk, receipt.number);
  expect((await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' })).status).toBe(200);
  expect((await desk.post(`/api/v1/matters/${id}/resolve`, { outcome: '已当面答复所需材料' })).status).toBe(200);
  const [request] = await t.deps.database.db
    .select()
    .from(evaluationRequests)
    .where(and(eq(evaluationRequests.subjectType, 'matter'), eq(evaluationRequests.subjectId, id)));
  return { ...receipt, id, request: request! };
}

const mine = async (phoneToken: string) => {
  const res = await t
    .anonymous()
    .request('GET', '/api/v1/public/phone/evaluations', undefined, { 'x-phone-token': phoneToken });
  expect(res.status).toBe(200);
  return (res.body as WaitingEvaluations).items;
};
const waitingSms = () => t.sms.sent.filter((m) => m.kind === 'evaluation_waiting');
const job = () => remindEvaluations(systemCtx(t.deps, pino({ level: 'silent' })));

describe('"my matters" for a verified phone', () => {
  it('texts once when the evaluation opens, lists it, links to it, then no longer lists it', async () => {
    const phoneToken = await verify(PHONE);
    const before = waitingSms().length;
    const m = await resolved({ phoneToken });
    const texts = waitingSms().slice(before);
    expect(texts).toEqual([{ kind: 'evaluation_waiting', phone: PHONE, stationName: 'A派出所' }]);
    // Never a link in the text.
    expect(smsText(texts[0]!)).toBe('您在A派出所的事项已办结，欢迎评价。请打开“我的事项”或扫描门牌二维码评价。');
    expect(smsText(texts[0]!)).not.toMatch(/http|\/e\//);

    const items = await mine(phoneToken);
    expect(items).toEqual([
      expect.objectContaining({
        id: m.request.id,
        type: 'matter',
        matterNumber: m.number,
        title: `码上办 · ${m.number}`,
        stationName: 'A派出所',
      }),
    ]);
    // The phone is never copied onto the request; another phone sees nothing.
    expect(JSON.stringify(m.request)).not.toContain(PHONE);
    expect(await mine(await verify('13900139002'))).toEqual([]);
    // The household's doorplate lists the matter's evaluation too.
    const door = await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/evaluations`);
    expect((door.body as WaitingEvaluations).items.map((i) => i.id)).toContain(m.request.id);

    const link = await t.anonymous().post(`/api/v1/public/phone/evaluations/${m.request.id}/link`, undefined, {
      'x-phone-token': phoneToken,
    });
    expect(link.status).toBe(200);
    const token = (link.body as { path: string }).path.slice('/e/'.length);
    const opened = await t.anonymous().get(`/api/v1/public/evaluations/${token}`);
    expect(opened.status).toBe(200);
    const answered = await t
      .anonymous()
      .post(`/api/v1/public/evaluations/${token}`, { version: 0, answers: { overall: 'satisfied' } });
    expect(answered.status).toBe(200);
    expect(await mine(phoneToken)).toEqual([]);
    // The matter is rated as on its tracking page: its status and rating follow the answer.
    const track = await t.anonymous().get(`/api/v1/public/matters/${m.trackingToken}`);
    expect(track.body).toMatchObject({ status: 'rated', rating: 'satisfied', canRate: false });
  });

  it('an unsatisfied answer through the doorplate rates the matter and promises the callback on its timeline', async () => {
    const m = await resolved({ plate: 1 });
    const door = await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[1]}/evaluations`);
    const item = (door.body as WaitingEvaluations).items.find((i) => i.id === m.request.id)!;
    // Whoever scans the door sees what and when, not the 回执号.
    expect(item).toMatchObject({ type: 'matter', matterNumber: null });
    expect(item.title).not.toContain(m.number);
    const link = await t
      .anonymous()
      .post(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[1]}/evaluations/${m.request.id}/link`);
    expect(link.status).toBe(200);
    const token = (link.body as { path: string }).path.slice('/e/'.length);
    const answered = await t.anonymous().post(`/api/v1/public/evaluations/${token}`, {
      version: 0,
      answers: { overall: 'unsatisfied', wrong: ['slow'], remark: '等了很久' },
    });
    expect(answered.status).toBe(200);
    const track = await t.anonymous().get(`/api/v1/public/matters/${m.trackingToken}`);
    expect(track.body).toMatchObject({ status: 'rated', rating: 'unsatisfied' });
    const types = (track.body as { timeline: { type: string }[] }).timeline.map((e) => e.type);
    expect(types).toContain('matter.review_requested');
    const chief = await t.as('a.chief');
    const reviews = await chief.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews`);
    expect(JSON.stringify(reviews.body)).toContain(m.number);
  });

  it('asks for the phone credential, and refuses a request of another phone', async () => {
    expect((await t.anonymous().get('/api/v1/public/phone/evaluations')).status).toBe(401);
    const other = await resolved({ phoneToken: await verify('13900139003') });
    const res = await t.anonymous().post(`/api/v1/public/phone/evaluations/${other.request.id}/link`, undefined, {
      'x-phone-token': await verify('13900139004'),
    });
    expect(res.status).toBe(404);
    expect(
      (await t.anonymous().post(`/api/v1/public/phone/evaluations/${other.request.id}/link`, undefined)).status,
    ).toBe(401);
  });

  it('sends nothing for a matter without a phone, nor to a caller who gave a number only for a call back', async () => {
    const before = waitingSms().length;
    await resolved({ plate: 2 });
    const desk = await t.as('a.duty');
    for (const smsConsent of [false, true]) {
      const res = await desk.post(
        '/api/v1/matters/desk',
        {
          channel: 'phone',
          kind: 'consult',
          body: '来电咨询居住证办理',
          householdId: t.fx.households.a[2],
          callerPhone: '13600136009',
          smsConsent,
        },
        { 'idempotency-key': randomUUID() },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const id = (res.body as { id: string }).id;
      expect((await desk.post(`/api/v1/matters/${id}/resolve`, { outcome: '已电话答复' })).status).toBe(200);
    }
    expect(waitingSms().slice(before)).toEqual([
      { kind: 'evaluation_waiting', phone: '13600136009', stationName: 'A派出所' },
    ]);
  });
});

describe('the one reminder', () => {
  it('goes out after the station’s reminderAfterDays, once, and never for an answered or expired request', async () => {
    // Earlier tests' requests are settled first: answered, or reminded now.
    t.clock.advance(3 * DAY);
    await job();
    t.clock.advance(-3 * DAY);

    const phone = '13900139005';
    const m = await resolved({ phoneToken: await verify(phone) });
    const count = () => waitingSms().filter((s) => s.phone === phone).length;
    expect(count()).toBe(1);
    t.clock.advance(2 * DAY);
    expect(await job()).toBe(0);
    t.clock.advance(1 * DAY + 60_000);
    expect(await job()).toBe(1);
    expect(count()).toBe(2);
    expect(await job()).toBe(0);
    expect(count()).toBe(2);
    const [request] = await t.deps.database.db
      .select()
      .from(evaluationRequests)
      .where(eq(evaluationRequests.id, m.request.id));
    expect(request?.remindedAt?.toISOString()).toBe(t.clock.now().toISOString());

    // Expired before anyone reminded it (a station reminding late): not rated, no text, no default answer.
    const late = '13900139006';
    const expired = await resolved({ phoneToken: await verify(late) });
    t.clock.advance(8 * DAY);
    expect(await job()).toBe(0);
    expect(waitingSms().filter((s) => s.phone === late)).toHaveLength(1);
    const answers = await t.deps.database.db
      .select()
      .from(evaluationAnswers)
      .where(eq(evaluationAnswers.requestId, expired.request.id));
    expect(answers).toEqual([]);
  });
});

describe('意见反馈必评', () => {
  it('opens an `answer` request when a suggestion is resolved, answered by the tracking link', async () => {
    const m = await resolved({ kind: 'suggestion', plate: 1 });
    expect(m.request).toMatchObject({ type: 'answer', householdId: t.fx.households.a[1], answeredAt: null });
    const rated = await t.anonymous().post(`/api/v1/public/matters/${m.trackingToken}/rating`, { rating: 'satisfied' });
    expect(rated.status).toBe(200);
    const [request] = await t.deps.database.db
      .select()
      .from(evaluationRequests)
      .where(eq(evaluationRequests.id, m.request.id));
    expect(request?.answeredAt).not.toBeNull();
    const [answer] = await t.deps.database.db
      .select()
      .from(evaluationAnswers)
      .where(eq(evaluationAnswers.requestId, m.request.id));
    expect(answer).toMatchObject({ satisfied: true });
    const door = await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[1]}/evaluations`);
    expect((door.body as WaitingEvaluations).items.map((i) => i.id)).not.toContain(m.request.id);
  });
});
