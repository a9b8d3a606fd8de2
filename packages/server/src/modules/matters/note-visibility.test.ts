/**
 * Who reads a step's note: a reason written to staff (to reopen, return,
 * dispatch …) stays off the resident's page and stream, while the step itself
 * and what is written to the resident (an outcome, a note marked 群众可见) show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';
import { SseReader } from '../../test/sse.js';

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await buildTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const INTERNAL = {
  accept: '内部-受理说明-K1',
  dispatch: '内部-派单说明-K2',
  return: '内部-退回原因-K3',
  transfer: '内部-转办说明-K4',
  reopen: '请责任民警再次上门核实处理-K5',
  note: '内部-备注-K6',
  remind: '内部-催办-K7',
  invalidate: '内部-无效原因-K8',
  merge: '内部-合并说明-K9',
};
const PUBLIC = {
  dispatch: '已安排社区民警今天上门-P1',
  outcome: '已协调物业修好路灯-P2',
  invalidate: '该事项不属于公安受理范围-P3',
};

async function ok(client: Client, path: string, body: Record<string, unknown> = {}) {
  const res = await client.post(path, body);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

describe('note visibility', () => {
  it('keeps every internal note off the resident page and stream, and shows what was written to the resident', async () => {
    const desk = await t.as('a.duty');
    const officer = await t.as('a.officer');
    const aux = await t.as('a.aux');
    const chief = await t.as('a.chief');
    const receipt = await submitAt(t, t.fx.doorplateTokens.a[0] as string, 'consult', '村口路灯坏了一个月');
    const stream = await SseReader.open(`${url}/api/v1/public/matters/${receipt.trackingToken}/events`);
    const id = await matterIdOf(desk, receipt.number);
    const m = `/api/v1/matters/${id}`;
    await ok(desk, `${m}/accept`, { urgency: 'normal', note: INTERNAL.accept });
    await ok(desk, `${m}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'], note: INTERNAL.dispatch });
    await ok(officer, `${m}/return`, { reason: INTERNAL.return });
    await ok(desk, `${m}/dispatch`, {
      assigneeStaffId: t.fx.staffIds['a.officer'],
      note: PUBLIC.dispatch,
      noteVisibility: 'public',
    });
    await ok(officer, `${m}/take`);
    await ok(officer, `${m}/transfer`, { assigneeStaffId: t.fx.staffIds['a.aux'], note: INTERNAL.transfer });
    await ok(aux, `${m}/take`);
    await ok(desk, `${m}/remind`, { reason: INTERNAL.remind });
    await ok(aux, `${m}/note`, { text: INTERNAL.note, photoIds: [] });
    await ok(aux, `${m}/resolve`, { outcome: PUBLIC.outcome });
    const rated = await t
      .anonymous()
      .post(`/api/v1/public/matters/${receipt.trackingToken}/rating`, { rating: 'unsatisfied' });
    expect(rated.status).toBe(200);
    await ok(chief, `${m}/reopen`, { reason: INTERNAL.reopen });

    const second = await submitAt(t, t.fx.doorplateTokens.a[1] as string, 'other', '想问问彩票怎么兑奖');
    const secondId = await matterIdOf(desk, second.number);
    await ok(desk, `/api/v1/matters/${secondId}/invalidate`, {
      reason: INTERNAL.invalidate,
      noteVisibility: 'internal',
    });
    const third = await submitAt(t, t.fx.doorplateTokens.a[2] as string, 'consult', '村口路灯坏了');
    const thirdId = await matterIdOf(desk, third.number);
    await ok(desk, `/api/v1/matters/${thirdId}/merge`, { intoNumber: receipt.number, note: INTERNAL.merge });
    const fourth = await submitAt(t, t.fx.doorplateTokens.a[2] as string, 'other', '问一下天气');
    const fourthId = await matterIdOf(desk, fourth.number);
    await ok(desk, `/api/v1/matters/${fourthId}/invalidate`, { reason: PUBLIC.invalidate });

    expect(await stream.waitFor((ev) => ev.filter((e) => e.event === 'matter.reopen').length === 1)).toBe(true);
    await stream.close();
    const resident = async (token: string) =>
      JSON.stringify((await t.anonymous().get(`/api/v1/public/matters/${token}`)).body);
    const seen = [
      await resident(receipt.trackingToken),
      await resident(second.trackingToken),
      await resident(third.trackingToken),
      await resident(fourth.trackingToken),
      JSON.stringify(stream.events),
    ].join('\n');
    for (const [step, text] of Object.entries(INTERNAL))
      expect(seen, `${step} reached the resident`).not.toContain(text);
    for (const text of Object.values(PUBLIC)) expect(seen).toContain(text);
    // The steps themselves stay on the resident's timeline: the resident sees that it was reopened.
    expect(seen).toContain('matter.reopen');

    // Staff read every note, each marked with who reads it.
    const staffView = (await desk.get(m)).body as {
      timeline: { type: string; note: string | null; noteVisibility: string }[];
    };
    const reopen = staffView.timeline.find((e) => e.type === 'matter.reopen');
    expect(reopen).toMatchObject({ note: INTERNAL.reopen, noteVisibility: 'internal' });
    const resolve = staffView.timeline.find((e) => e.type === 'matter.resolve');
    expect(resolve).toMatchObject({ note: PUBLIC.outcome, noteVisibility: 'public' });
  });

  it('refuses a visibility that is neither, in the caller’s language', async () => {
    const desk = await t.as('a.duty', { locale: 'en' });
    const receipt = await submitAt(t, t.fx.doorplateTokens.a[1] as string, 'consult', '办居住证要什么材料');
    const id = await matterIdOf(desk, receipt.number);
    const res = await desk.post(`/api/v1/matters/${id}/invalidate`, { reason: '重复提交', noteVisibility: 'everyone' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(JSON.stringify(res.body)).toContain('noteVisibility');
  });
});
