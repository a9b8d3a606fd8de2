/**
 * 回访 by the person the chief names: they see their callbacks (我的回访),
 * open ones first, and record the outcome of their own callbacks only; the
 * chief still may. The desk's 不满意待复核 counts the open reviews of every type.
 */
import { randomUUID } from 'node:crypto';
import type { DeskSummary, ReviewList, ReviewView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationReviews, units } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { requestEvaluation } from './evaluations.service.js';

let t: TestApp;
let chief: Client;
let aux: Client;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  aux = await t.as('a.aux');
}, 60_000);
afterAll(() => t.close());

/** An unsatisfied answer to a meeting the officer ran, through the public link: the chief's review opens. */
async function unsatisfiedMeeting(): Promise<ReviewView> {
  const stationId = t.fx.units.stationA;
  const [unit] = await t.deps.database.db.select().from(units).where(eq(units.id, stationId));
  const ctx = systemCtx(t.deps, pino({ level: 'silent' }));
  const subjectId = randomUUID();
  const { token } = await t.deps.database.db.transaction((tx) =>
    requestEvaluation(tx, ctx, {
      type: 'meeting',
      subject: { type: 'meeting', id: subjectId },
      stationId,
      unitPath: unit!.path,
      expiresInDays: 7,
      ratedStaffId: t.fx.staffIds['a.officer'],
    }),
  );
  const res = await t
    .anonymous()
    .post(
      `/api/v1/public/evaluations/${token}`,
      { version: 0, answers: { overall: 'unsatisfied', wrong: ['slow'] } },
      { 'user-agent': `phone ${subjectId}` },
    );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const list = (await chief.get(`/api/v1/stations/${stationId}/evaluation-reviews`)).body as ReviewList;
  return list.items.find((r) => r.subjectId === subjectId) as ReviewView;
}

async function assign(review: ReviewView, who: string) {
  const res = await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, { staffId: t.fx.staffIds[who] });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const mine = async (client: Client) => {
  const res = await client.get('/api/v1/evaluation-reviews/mine');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as ReviewList).items;
};

const outcome = (client: Client, review: ReviewView, body: Record<string, unknown> = { outcome: 'explained' }) =>
  client.post(`/api/v1/evaluation-reviews/${review.id}/outcome`, body);

describe('the callback person', () => {
  it('sees the callbacks assigned to them, open first, and records the outcome of their own', async () => {
    const first = await unsatisfiedMeeting();
    const second = await unsatisfiedMeeting();
    const notMine = await unsatisfiedMeeting();
    await assign(first, 'a.aux');
    await assign(second, 'a.aux');
    await assign(notMine, 'a.duty');

    const before = await mine(aux);
    expect(before.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    expect(before[0]).toMatchObject({ status: 'callback_assigned', answers: { overall: 'unsatisfied' } });

    // Not their callback: refused, even in their own station.
    expect((await outcome(aux, notMine)).status).toBe(403);
    const noReason = await outcome(aux, first, { outcome: 'still_unsatisfied' });
    expect(noReason.status).toBe(400);
    const done = await outcome(aux, first, { outcome: 'still_unsatisfied', note: '群众认为会议通知太晚' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'closed', outcome: 'still_unsatisfied' });
    const [row] = await t.deps.database.db.select().from(evaluationReviews).where(eq(evaluationReviews.id, first.id));
    expect(row?.closedBy).toBe(t.fx.staffIds['a.aux']);

    // Still to do first, the done after.
    expect((await mine(aux)).map((r) => r.id)).toEqual([second.id, first.id]);
    // Someone who calls nobody back has an empty list.
    expect(await mine(await t.as('a.officer'))).toEqual([]);
    // The chief may still record any callback of the station.
    expect((await outcome(chief, notMine)).status).toBe(200);
  });

  it('loses the callback when the chief reassigns it, and never records one not yet assigned', async () => {
    const review = await unsatisfiedMeeting();
    expect((await outcome(aux, review)).status).toBe(403);
    await assign(review, 'a.aux');
    await assign(review, 'a.duty');
    expect((await outcome(aux, review)).status).toBe(403);
    expect((await mine(aux)).some((r) => r.id === review.id)).toBe(false);
    expect((await outcome(await t.as('a.duty'), review)).status).toBe(200);
  });

  it('keeps the outcome and the list to the station and to signed-in staff', async () => {
    const review = await unsatisfiedMeeting();
    await assign(review, 'a.aux');
    expect((await outcome(await t.as('b.chief'), review)).status).toBe(403);
    expect((await outcome(await t.as('b.officer'), review)).status).toBe(403);
    expect((await outcome(await t.as('a.officer'), review)).status).toBe(403);
    expect((await outcome(t.anonymous(), review)).status).toBe(401);
    expect((await t.anonymous().get('/api/v1/evaluation-reviews/mine')).status).toBe(401);
    expect((await outcome(aux, { ...review, id: randomUUID() })).status).toBe(404);
    // Whom the chief cannot assign still holds: the person rated never calls back.
    const byRated = await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, {
      staffId: t.fx.staffIds['a.officer'],
    });
    expect(byRated.status).toBe(409);
  });
});

describe('不满意待复核 on the desk', () => {
  it('counts the open reviews of every type, the same as the reviews page lists', async () => {
    await unsatisfiedMeeting();
    const summary = (await chief.get('/api/v1/matters/summary')).body as DeskSummary;
    const list = (await chief.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews`)).body as ReviewList;
    const open = list.items.filter((r) => r.status !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    expect(summary.awaitingReview).toBe(open.length);
    // 我的任务's figures count the callbacks assigned to the caller.
    const auxSummary = (await aux.get('/api/v1/matters/summary?mine=1')).body as DeskSummary;
    expect(auxSummary.awaitingReview).toBe((await mine(aux)).filter((r) => r.status !== 'closed').length);
  });
});
