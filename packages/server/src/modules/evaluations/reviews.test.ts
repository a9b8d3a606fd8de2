/**
 * 接处警必评 and 不满意不放过 through the API: each 办结 opens the round's
 * evaluation, the resident's rating on the tracking link answers it; an
 * unsatisfied answer (of any type) opens the chief's review, due within the
 * station's callback hours; the callback goes to someone other than the person
 * rated, its outcome closes the review, and the resident sees it happened.
 */
import { randomUUID } from 'node:crypto';
import {
  addWorkingDays,
  RECTIFICATION_WORKING_DAYS,
  type ResidentMatterView,
  type ReviewList,
  type ReviewView,
  shanghaiDayEnd,
} from '@jingmin/shared';
import { and, asc, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationAnswers, evaluationRequests, units } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';
import { workingDays } from '../calendar/calendar.service.js';
import { requestEvaluation } from './evaluations.service.js';

let t: TestApp;
let desk: Client;
let chief: Client;
let officer: Client;
beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
}, 60_000);
afterAll(() => t.close());

const HOUR = 3_600_000;
const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

async function ok(client: Client, path: string, body: Record<string, unknown> = {}) {
  const res = await client.post(path, body);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

const rate = (tracking: string, body: Record<string, unknown>) =>
  t.anonymous().post(`/api/v1/public/matters/${tracking}/rating`, body);

/** 受理 → 派单 to a.officer → 接单 → 办结 by the officer: the officer is the person rated. */
async function handledMatter(plate: number) {
  const receipt = await submitAt(t, t.fx.doorplateTokens.a[plate] as string, 'help', '楼道里的电动车充电线乱拉');
  const id = await matterIdOf(desk, receipt.number);
  await ok(desk, `/api/v1/matters/${id}/accept`, { urgency: 'normal' });
  await ok(desk, `/api/v1/matters/${id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
  await ok(officer, `/api/v1/matters/${id}/take`);
  await ok(officer, `/api/v1/matters/${id}/resolve`, { outcome: '已上门劝导，充电线已拆除' });
  return { ...receipt, id };
}

const requestsOf = (matterId: string) =>
  t.deps.database.db
    .select()
    .from(evaluationRequests)
    .where(and(eq(evaluationRequests.subjectType, 'matter'), eq(evaluationRequests.subjectId, matterId)))
    .orderBy(asc(evaluationRequests.createdAt));

async function answerOf(requestId: string) {
  const [a] = await t.deps.database.db
    .select()
    .from(evaluationAnswers)
    .where(eq(evaluationAnswers.requestId, requestId));
  return a;
}

async function reviews(client: Client, query = '') {
  const res = await client.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as ReviewList).items;
}

const reviewOf = async (matterId: string) => (await reviews(chief)).find((r) => r.subjectId === matterId) as ReviewView;

describe('the matter rating through the evaluation framework', () => {
  it('opens one matter evaluation per round; the rating on the tracking link answers it once', async () => {
    const m = await handledMatter(0);
    const [first] = await requestsOf(m.id);
    expect(first).toMatchObject({
      type: 'matter',
      subjectRound: 1,
      ratedStaffId: t.fx.staffIds['a.officer'],
      answeredAt: null,
    });

    expect((await rate(m.trackingToken, { rating: 'basically_satisfied', comment: '处理及时' })).status).toBe(200);
    expect(await answerOf(first!.id)).toMatchObject({
      answers: { overall: 'fairly_satisfied', remark: '处理及时' },
      satisfied: true,
      templateVersion: 0,
    });
    const again = await rate(m.trackingToken, { rating: 'unsatisfied' });
    expect(again.status).toBe(409);

    // A satisfied answer opens no review; the matter's own rating column stays the round's summary.
    expect((await reviews(chief)).some((r) => r.subjectId === m.id)).toBe(false);
    const view = (await t.anonymous().get(`/api/v1/public/matters/${m.trackingToken}`)).body as ResidentMatterView;
    expect(view.rating).toBe('basically_satisfied');

    // Reopened and resolved again: round 2 gets its own request.
    await ok(chief, `/api/v1/matters/${m.id}/reopen`, { reason: '群众反映充电线又接上了' });
    await ok(officer, `/api/v1/matters/${m.id}/resolve`, { outcome: '再次上门，已加装充电桩提示' });
    const rounds = await requestsOf(m.id);
    expect(rounds.map((r) => [r.subjectRound, Boolean(r.answeredAt)])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});

describe('unsatisfied → review → callback', () => {
  it('opens the chief’s review due within the callback hours, refuses the handler, records the callback', async () => {
    const m = await handledMatter(1);
    const ratedAt = t.clock.now();
    expect((await rate(m.trackingToken, { rating: 'unsatisfied', comment: '民警态度敷衍' })).status).toBe(200);

    const review = await reviewOf(m.id);
    expect(review).toMatchObject({
      type: 'matter',
      status: 'open',
      matterNumber: m.number,
      round: 1,
      answers: { overall: 'unsatisfied', remark: '民警态度敷衍' },
      ratedStaffId: t.fx.staffIds['a.officer'],
      overdue: false,
    });
    expect(new Date(review.dueAt).getTime()).toBe(ratedAt.getTime() + 24 * HOUR);
    expect((await reviews(chief, '?status=open')).map((r) => r.id)).toContain(review.id);

    // The outcome waits for someone to call back.
    const early = await chief.post(`/api/v1/evaluation-reviews/${review.id}/outcome`, { outcome: 'explained' });
    expect(early.status).toBe(409);
    expect(error(early).code).toBe('REVIEW_NO_CALLBACK');

    const byHandler = await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, {
      staffId: t.fx.staffIds['a.officer'],
    });
    expect(byHandler.status).toBe(409);
    expect(error(byHandler)).toMatchObject({
      code: 'REVIEW_CALLBACK_BY_RATED',
      message: '回访不能由被评价的本人承担，请另选一名本所工作人员',
    });
    const outsider = await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, {
      staffId: t.fx.staffIds['b.officer'],
    });
    expect(outsider.status).toBe(400);

    const assigned = await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, {
      staffId: t.fx.staffIds['a.aux'],
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'callback_assigned', callbackStaffId: t.fx.staffIds['a.aux'] });

    const noReason = await chief.post(`/api/v1/evaluation-reviews/${review.id}/outcome`, {
      outcome: 'still_unsatisfied',
    });
    expect(noReason.status).toBe(400);

    const done = await chief.post(`/api/v1/evaluation-reviews/${review.id}/outcome`, {
      outcome: 'rectification',
      note: '责令承办民警改进接待态度',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const calendar = await workingDays({ db: t.deps.database.db });
    const expected = shanghaiDayEnd(addWorkingDays(calendar, t.clock.now(), RECTIFICATION_WORKING_DAYS));
    expect(done.body).toMatchObject({
      status: 'closed',
      outcome: 'rectification',
      rectificationDueAt: expected.toISOString(),
    });
    // 15 working days are at least three calendar weeks.
    expect(expected.getTime() - t.clock.now().getTime()).toBeGreaterThan(20 * 24 * HOUR);

    const closedAgain = await chief.post(`/api/v1/evaluation-reviews/${review.id}/outcome`, { outcome: 'explained' });
    expect(closedAgain.status).toBe(409);
    expect(error(closedAgain).code).toBe('REVIEW_CLOSED');

    // The resident reads that the review happened, not what the station wrote.
    const view = (await t.anonymous().get(`/api/v1/public/matters/${m.trackingToken}`)).body as ResidentMatterView;
    const entry = view.timeline.find((e) => e.type === 'matter.review_done');
    expect(entry).toBeDefined();
    expect(JSON.stringify(view)).not.toContain('责令承办民警改进接待态度');
  });

  it('opens a review for an unsatisfied answer of any type, through the public evaluation link', async () => {
    const stationId = t.fx.units.stationA;
    const [unit] = await t.deps.database.db.select().from(units).where(eq(units.id, stationId));
    const ctx = systemCtx(t.deps, pino({ level: 'silent' }));
    const meetingId = randomUUID();
    const { token } = await t.deps.database.db.transaction((tx) =>
      requestEvaluation(tx, ctx, {
        type: 'meeting',
        subject: { type: 'meeting', id: meetingId },
        stationId,
        unitPath: unit!.path,
        expiresInDays: 7,
        ratedStaffId: t.fx.staffIds['a.chief'],
      }),
    );
    const answered = await t.anonymous().post(`/api/v1/public/evaluations/${token}`, {
      version: 0,
      answers: { overall: 'unsatisfied', wrong: ['slow'] },
    });
    expect(answered.status).toBe(200);
    const review = (await reviews(chief)).find((r) => r.subjectId === meetingId) as ReviewView;
    expect(review).toMatchObject({ type: 'meeting', status: 'open', matterNumber: null });
    // The chief was the one rated here: someone else calls back.
    const self = await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, {
      staffId: t.fx.staffIds['a.chief'],
    });
    expect(self.status).toBe(409);
    await ok(chief, `/api/v1/evaluation-reviews/${review.id}/callback`, { staffId: t.fx.staffIds['a.officer'] });
    const done = await ok(chief, `/api/v1/evaluation-reviews/${review.id}/outcome`, {
      outcome: 'explained',
      note: '已说明会议时间安排的原因，群众表示理解',
    });
    expect(done).toMatchObject({ status: 'closed', outcome: 'explained', rectificationDueAt: null });
  });

  it('keeps reviews to the chief of the station: another station’s chief and an officer get 403', async () => {
    const m = await handledMatter(2);
    expect((await rate(m.trackingToken, { rating: 'unsatisfied' })).status).toBe(200);
    const review = await reviewOf(m.id);
    const other = await t.as('b.chief');
    expect((await other.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews`)).status).toBe(403);
    const foreign = await other.post(`/api/v1/evaluation-reviews/${review.id}/callback`, {
      staffId: t.fx.staffIds['b.officer'],
    });
    expect(foreign.status).toBe(403);
    expect((await officer.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews`)).status).toBe(403);
    const byOfficer = await officer.post(`/api/v1/evaluation-reviews/${review.id}/callback`, {
      staffId: t.fx.staffIds['a.aux'],
    });
    expect(byOfficer.status).toBe(403);
    const unknown = await chief.post(`/api/v1/evaluation-reviews/${randomUUID()}/callback`, {
      staffId: t.fx.staffIds['a.aux'],
    });
    expect(unknown.status).toBe(404);
  });
});
