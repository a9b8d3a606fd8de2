/**
 * 工作台 counters open the list they count: for every counter the summary's
 * figure and the list filtered by `?counter=` agree, for the desk and for an
 * officer's own tasks; the review queue carries the rating and the comment.
 */
import { COUNTER_FIGURES, type DeskSummary, MATTER_COUNTERS } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
let overdueNumber: string;
let reviewNumber: string;
beforeAll(async () => {
  t = await buildTestApp();
  const plate = t.fx.doorplateTokens.a[0]!;
  // One left waiting long enough to pass its first-response deadline.
  overdueNumber = (await submitAt(t, plate, 'consult', '一直没有人回复的咨询')).number;
  t.clock.advance(31 * 60_000);
  const later = await t.as('a.duty');
  await submitAt(t, plate, 'consult', '刚刚提交的咨询');
  const dispatched = await submitAt(t, plate, 'other', '小区门口的路灯坏了');
  const dispatchedId = await matterIdOf(later, dispatched.number);
  await later.post(`/api/v1/matters/${dispatchedId}/accept`, { urgency: 'normal' });
  await later.post(`/api/v1/matters/${dispatchedId}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
  const rated = await submitAt(t, plate, 'dispute', '楼上装修每天早上七点就开始');
  reviewNumber = rated.number;
  const ratedId = await matterIdOf(later, rated.number);
  await later.post(`/api/v1/matters/${ratedId}/accept`, { urgency: 'normal' });
  await later.post(`/api/v1/matters/${ratedId}/resolve`, { outcome: '已电话联系装修方，约定九点后施工' });
  const rating = { rating: 'unsatisfied', comment: '第二天还是七点开工' };
  expect((await t.anonymous().post(`/api/v1/public/matters/${rated.trackingToken}/rating`, rating)).status).toBe(200);
});
afterAll(() => t.close());

type Page = { total: number; items: { number: string; rating: string | null; ratingComment: string | null }[] };
const summary = async (c: Client, mine = false) =>
  (await c.get(`/api/v1/matters/summary${mine ? '?mine=1' : ''}`)).body as DeskSummary;
const listed = async (c: Client, counter: string, mine = false) =>
  (await c.get(`/api/v1/matters?counter=${counter}&pageSize=200${mine ? '&mine=1' : ''}`)).body as Page;

describe('the 工作台 counters', () => {
  it('count exactly the matters their list shows, at the desk', async () => {
    const chief = await t.as('a.chief');
    const figures = await summary(chief);
    for (const counter of MATTER_COUNTERS) {
      const page = await listed(chief, counter);
      expect(page.total, counter).toBe(figures[COUNTER_FIGURES[counter]]);
    }
    expect(figures.overdueNow).toBeGreaterThanOrEqual(1);
    expect(figures.waitingNow).toBeGreaterThanOrEqual(2);
    expect(figures.toTakeNow).toBe(1);
  });

  it('open the overdue list with only overdue matters', async () => {
    const page = await listed(await t.as('a.duty'), 'overdue');
    expect(page.items.map((m) => m.number)).toContain(overdueNumber);
    const full = (await (await t.as('a.duty')).get('/api/v1/matters?counter=overdue&pageSize=200')).body as {
      items: { due: { overdue: boolean } }[];
    };
    expect(full.items.every((m) => m.due.overdue)).toBe(true);
  });

  it('open the review queue with each matter’s rating and the resident’s comment', async () => {
    const page = await listed(await t.as('a.chief'), 'awaiting_review');
    expect(page.items).toEqual([
      expect.objectContaining({ number: reviewNumber, rating: 'unsatisfied', ratingComment: '第二天还是七点开工' }),
    ]);
  });

  it('count an officer’s own tasks the same way as 我的任务 lists them', async () => {
    const officer = await t.as('a.officer');
    const figures = await summary(officer, true);
    for (const counter of MATTER_COUNTERS) {
      const page = await listed(officer, counter, true);
      expect(page.total, counter).toBe(figures[COUNTER_FIGURES[counter]]);
    }
    expect(figures.toTakeNow).toBe(1);
    expect(figures.waitingNow).toBe(0);
  });

  it('refuses a counter it does not know, in Chinese', async () => {
    const res = await (await t.as('a.duty')).get('/api/v1/matters?counter=everything');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION', message: expect.stringMatching(/counter/) } });
  });
});
