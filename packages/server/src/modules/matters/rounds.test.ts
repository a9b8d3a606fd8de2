/**
 * Rounds of handling as the resident reads them: after the chief reopens a
 * matter the page shows the new round (no outcome, no rating yet) and keeps
 * the first one as history; each round is rated once; an unsatisfied rating
 * tells the resident when the chief will call back (the station's setting).
 */
import type { MatterSettings, ResidentMatterView } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
let desk: Client;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
  chief = await t.as('a.chief');
});
afterAll(() => t.close());

const HOUR = 3_600_000;
const REOPEN_REASON = '请责任民警再次上门核实处理-R1';

async function ok(client: Client, path: string, body: Record<string, unknown> = {}) {
  const res = await client.post(path, body);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

const view = async (tracking: string) => {
  const res = await t.anonymous().get(`/api/v1/public/matters/${tracking}`);
  expect(res.status).toBe(200);
  return res.body as ResidentMatterView;
};

const rate = (tracking: string, body: Record<string, unknown>) =>
  t.anonymous().post(`/api/v1/public/matters/${tracking}/rating`, body);

/** A matter the desk answered itself (受理 → 办结), waiting for the resident's rating. */
async function resolvedMatter(plate: string, outcome: string) {
  const receipt = await submitAt(t, plate, 'consult', '小区门口路灯坏了一个月');
  const id = await matterIdOf(desk, receipt.number);
  await ok(desk, `/api/v1/matters/${id}/accept`, { urgency: 'normal' });
  await ok(desk, `/api/v1/matters/${id}/resolve`, { outcome });
  return { ...receipt, id };
}

describe('rounds of handling on the resident page', () => {
  it('after a reopening shows round 2 unrated, round 1 as history, and never the internal reason', async () => {
    const m = await resolvedMatter(t.fx.doorplateTokens.a[0] as string, '已联系供电所更换灯泡');
    expect((await rate(m.trackingToken, { rating: 'unsatisfied', comment: '还是不亮' })).status).toBe(200);
    const ratedAt = t.clock.now();
    await ok(chief, `/api/v1/matters/${m.id}/reopen`, { reason: REOPEN_REASON });

    const v = await view(m.trackingToken);
    expect(v.status).toBe('in_progress');
    expect(v.round).toMatchObject({ round: 2, outcome: null, rating: null, ratingComment: null, review: null });
    expect(v.outcome).toBeNull();
    expect(v.rating).toBeNull();
    expect(v.canRate).toBe(false);
    expect(v.earlierRounds).toHaveLength(1);
    expect(v.earlierRounds[0]).toMatchObject({
      round: 1,
      outcome: '已联系供电所更换灯泡',
      rating: 'unsatisfied',
      ratingComment: '还是不亮',
      review: { callbackHours: 24, dueAt: new Date(ratedAt.getTime() + 24 * HOUR).toISOString() },
      reopenedAt: t.clock.now().toISOString(),
    });
    expect(v.round.startedAt).toBe(v.earlierRounds[0]?.reopenedAt);
    // Each step says which round it belongs to: the reopening opens round 2.
    const roundOf = (type: string) => v.timeline.find((e) => e.type === type)?.round;
    expect(roundOf('matter.resolve')).toBe(1);
    expect(roundOf('matter.reopen')).toBe(2);
    expect(JSON.stringify(v)).not.toContain(REOPEN_REASON);

    // Staff read the current round too: the old rating no longer stands on the matter.
    const staffView = (await desk.get(`/api/v1/matters/${m.id}`)).body as Record<string, unknown>;
    expect(staffView).toMatchObject({ status: 'in_progress', outcome: null, rating: null, ratingComment: null });
  });

  it('takes one rating per round: the new round once, a second time is refused', async () => {
    const m = await resolvedMatter(t.fx.doorplateTokens.a[1] as string, '已协调物业清理楼道杂物');
    expect((await rate(m.trackingToken, { rating: 'unsatisfied' })).status).toBe(200);
    expect((await rate(m.trackingToken, { rating: 'satisfied' })).status).toBe(409);
    await ok(chief, `/api/v1/matters/${m.id}/reopen`, { reason: REOPEN_REASON });
    // Not before the new round is resolved.
    expect((await rate(m.trackingToken, { rating: 'satisfied' })).status).toBe(409);
    await ok(desk, `/api/v1/matters/${m.id}/resolve`, { outcome: '杂物已全部清走，楼道已通' });
    expect((await view(m.trackingToken)).canRate).toBe(true);

    const second = await rate(m.trackingToken, { rating: 'satisfied', comment: '这次满意' });
    expect(second.status).toBe(200);
    const v = second.body as ResidentMatterView;
    expect(v.round).toMatchObject({ round: 2, outcome: '杂物已全部清走，楼道已通', rating: 'satisfied' });
    expect(v.round.ratingComment).toBe('这次满意');
    expect(v.rating).toBe('satisfied');
    expect(v.earlierRounds[0]).toMatchObject({ round: 1, rating: 'unsatisfied', outcome: '已协调物业清理楼道杂物' });
    expect(v.canRate).toBe(false);

    const again = await rate(m.trackingToken, { rating: 'unsatisfied' });
    expect(again.status).toBe(409);
    expect((again.body as { error: { code: string } }).error.code).toBe('INVALID_TRANSITION');
    expect((await view(m.trackingToken)).round.rating).toBe('satisfied');
  });

  it("promises the chief's call-back within the station's hours, on the resident's timeline", async () => {
    const url = `/api/v1/stations/${t.fx.units.stationA}/matter-settings`;
    const current = (await chief.get(url)).body as MatterSettings;
    const saved = await chief.put(url, { ...current, review: { callbackHours: 6 } });
    expect(saved.status).toBe(200);
    const m = await resolvedMatter(t.fx.doorplateTokens.a[2] as string, '已答复办理居住证所需材料');

    const rated = await rate(m.trackingToken, { rating: 'unsatisfied' });
    expect(rated.status).toBe(200);
    const v = rated.body as ResidentMatterView;
    const dueAt = new Date(t.clock.now().getTime() + 6 * HOUR).toISOString();
    expect(v.round.review).toEqual({ callbackHours: 6, dueAt });
    const review = v.timeline.find((e) => e.type === 'matter.review_requested');
    expect(review).toMatchObject({ visibility: 'public', round: 1 });
    // The chief reads the same promise on the staff timeline, with the hour it falls due.
    const staffView = (await chief.get(`/api/v1/matters/${m.id}`)).body as {
      timeline: { type: string; note: string | null }[];
    };
    const staffReview = staffView.timeline.find((e) => e.type === 'matter.review_requested');
    expect(staffReview?.note).toMatch(/^已承诺群众 6 小时内回访（.+ 前）$/);

    // A satisfied rating promises nothing.
    const other = await resolvedMatter(t.fx.doorplateTokens.a[0] as string, '已答复');
    const fine = (await rate(other.trackingToken, { rating: 'satisfied' })).body as ResidentMatterView;
    expect(fine.round.review).toBeNull();
    expect(fine.timeline.some((e) => e.type === 'matter.review_requested')).toBe(false);
    await chief.put(url, current);
  });
});
