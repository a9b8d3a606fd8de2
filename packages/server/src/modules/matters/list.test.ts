/** The desk's list: by default what still waits for someone, with what is overdue on top. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the desk list', () => {
  it('lists open matters only, overdue first, then newest', async () => {
    const desk = await t.as('a.duty');
    const plate = t.fx.doorplateTokens.a[0] as string;
    const waiting = await submitAt(t, plate, 'consult', '一直没人理的咨询');
    const answered = await submitAt(t, plate, 'consult', '已受理的咨询');
    const closed = await submitAt(t, plate, 'other', '重复提交的事项');
    await desk.post(`/api/v1/matters/${await matterIdOf(desk, answered.number)}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${await matterIdOf(desk, closed.number)}/invalidate`, { reason: '重复提交' });
    // Thirty-one minutes on: the unanswered consultation is past its first-response deadline.
    t.clock.advance(31 * 60_000);
    const fresh = await submitAt(t, plate, 'consult', '刚提交的咨询');
    // The session idled out meanwhile (30 minutes): sign in again.
    const later = await t.as('a.duty');

    const res = await later.get('/api/v1/matters?open=1');
    expect(res.status).toBe(200);
    const numbers = (res.body as { items: { number: string; due: { overdue: boolean } }[] }).items.map((m) => m.number);
    expect(numbers).toEqual([waiting.number, fresh.number, answered.number]);
    const all = (await later.get('/api/v1/matters')).body as { items: { number: string }[] };
    expect(all.items.map((m) => m.number)).toContain(closed.number);
  });
});
