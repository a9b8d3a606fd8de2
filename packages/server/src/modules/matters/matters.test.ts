import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Receipt = { number: string; trackingToken: string; status: string };

async function submit(
  doorplate = t.fx.doorplateTokens.a[0]!,
  body = '楼道里的灯坏了一周，晚上老人走路不安全',
  key = randomUUID(),
) {
  const res = await t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${doorplate}/matters`,
      { kind: 'help', body, noticeVersion: '2026-11' },
      { 'idempotency-key': key },
    );
  return { res, key, receipt: res.body as Receipt };
}

async function findId(desk: Client, number: string) {
  const list = await desk.get(`/api/v1/matters?q=${number}`);
  return (list.body as { items: { id: string }[] }).items[0]!.id;
}

describe('resident submission', () => {
  it('acknowledges with a receipt and a tracking link, and a retry returns the same receipt', async () => {
    const { res, key, receipt } = await submit();
    expect(res.status).toBe(200);
    expect(receipt.number).toMatch(/^JM\d{8}-\d{6}$/);
    const again = await submit(undefined, undefined, key);
    expect(again.receipt).toEqual(receipt);
    const desk = await t.as('a.duty');
    const list = await desk.get(`/api/v1/matters?q=${receipt.number}`);
    expect((list.body as { total: number }).total).toBe(1);
  });

  it('refuses a missing key, and a reused key with other content', async () => {
    const missing = await t.anonymous().post(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[1]}/matters`, {
      kind: 'consult',
      body: '怎么办居住证？',
      noticeVersion: '2026-11',
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REQUIRED' } });
    const { key } = await submit(t.fx.doorplateTokens.a[1]);
    const other = await submit(t.fx.doorplateTokens.a[1], '另一件事情', key);
    expect(other.res.status).toBe(422);
  });

  it('opens a matter only with its own tracking link, never with the doorplate token', async () => {
    const a = await submit(t.fx.doorplateTokens.a[2], '邻居装修噪音到深夜');
    const b = await submit(t.fx.doorplateTokens.a[2], '门口快递被拿走了');
    const viewA = await t.anonymous().get(`/api/v1/public/matters/${a.receipt.trackingToken}`);
    expect(viewA.body).toMatchObject({ number: a.receipt.number, body: '邻居装修噪音到深夜' });
    expect(JSON.stringify(viewA.body)).not.toContain('门口快递被拿走了');
    const plate = await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[2]}`);
    expect(JSON.stringify(plate.body)).not.toContain('邻居');
    expect((await t.anonymous().get(`/api/v1/public/matters/${'x'.repeat(32)}`)).status).toBe(404);
    expect(b.res.status).toBe(200);
  });

  it('limits submissions per doorplate with a friendly message', async () => {
    const plate = t.fx.doorplateTokens.b[2]!;
    for (let i = 0; i < 10; i++) expect((await submit(plate, `第${i}次`)).res.status).toBe(200);
    const eleventh = await submit(plate, '第十一次');
    expect(eleventh.res.status).toBe(429);
    expect(eleventh.res.headers['retry-after']).toBeDefined();
    expect((eleventh.res.body as { error: { message: string } }).error.message).toContain('110');
    t.clock.advance(3_600_000);
    expect((await submit(plate, '一小时后')).res.status).toBe(200);
  });
});

describe('the closed loop', () => {
  it('runs submit → accept → dispatch → take → reply → resolve → rate, visible to the resident at every step', async () => {
    const { receipt } = await submit(t.fx.doorplateTokens.a[0], '家门口的井盖松动了');
    const desk = await t.as('a.duty');
    const id = await findId(desk, receipt.number);
    expect(
      (await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal', category: '公共设施' })).body,
    ).toMatchObject({ status: 'accepted' });
    const dispatched = await desk.post(`/api/v1/matters/${id}/dispatch`, {
      assigneeStaffId: t.fx.staffIds['a.officer'],
    });
    expect(dispatched.body).toMatchObject({ status: 'dispatched', assigneeStaffId: t.fx.staffIds['a.officer'] });

    const officer = await t.as('a.officer');
    expect((await officer.post(`/api/v1/matters/${id}/take`)).body).toMatchObject({ status: 'in_progress' });
    await officer.post(`/api/v1/matters/${id}/reply`, { text: '已联系市政，今天下午来修' });
    await officer.post(`/api/v1/matters/${id}/note`, { text: '内部：市政电话 12319' });
    expect((await officer.post(`/api/v1/matters/${id}/resolve`, { outcome: '井盖已由市政更换' })).body).toMatchObject({
      status: 'resolved',
    });

    const resident = t.anonymous();
    const seen = (await resident.get(`/api/v1/public/matters/${receipt.trackingToken}`)).body as {
      timeline: { note: string | null }[];
      canRate: boolean;
    };
    const notes = seen.timeline.map((e) => e.note);
    // The resident learns the matter went to the responsible officer, never the officer's account name.
    expect(seen.timeline.find((e) => (e as { type?: string }).type === 'matter.dispatch')).toMatchObject({
      target: '责任民警',
    });
    expect(JSON.stringify(seen)).not.toContain('a.officer');
    expect(notes).toContain('已联系市政，今天下午来修');
    expect(notes).not.toContain('内部：市政电话 12319');
    expect(seen.canRate).toBe(true);
    const rated = await resident.post(`/api/v1/public/matters/${receipt.trackingToken}/rating`, {
      rating: 'satisfied',
      comment: '很及时',
    });
    expect(rated.body).toMatchObject({ status: 'rated', rating: 'satisfied' });
    expect(
      (await resident.post(`/api/v1/public/matters/${receipt.trackingToken}/rating`, { rating: 'satisfied' })).status,
    ).toBe(409);

    const detail = (await desk.get(`/api/v1/matters/${id}`)).body as { rating: string; timeline: { type: string }[] };
    expect(detail.rating).toBe('satisfied');
    expect(
      (detail.timeline as { type: string; target?: string }[]).find((e) => e.type === 'matter.dispatch')?.target,
    ).toBe('a.officer');
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'matter.submitted',
      'matter.accept',
      'matter.dispatch',
      'matter.take',
      'matter.reply',
      'matter.note',
      'matter.resolve',
      'matter.rate',
    ]);
  });

  it('refuses illegal steps with 409 and steps by the wrong person with 403', async () => {
    const { receipt } = await submit(t.fx.doorplateTokens.a[1], '咨询身份证补办');
    const desk = await t.as('a.duty');
    const id = await findId(desk, receipt.number);
    const early = await desk.post(`/api/v1/matters/${id}/take`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
    await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
    expect((await (await t.as('a.aux')).post(`/api/v1/matters/${id}/take`)).status).toBe(403);
    expect((await (await t.as('b.officer')).get(`/api/v1/matters/${id}`)).status).toBe(403);
    const cross = await desk.post(`/api/v1/matters/${id}/transfer`, { assigneeStaffId: t.fx.staffIds['b.officer'] });
    expect(cross.status).toBe(400);
  });

  it('reopens after an unsatisfied rating, by the chief only (不满意不放过)', async () => {
    const { receipt } = await submit(t.fx.doorplateTokens.a[0], '夜里有人在楼下喝酒吵闹');
    const desk = await t.as('a.duty');
    const id = await findId(desk, receipt.number);
    await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${id}/resolve`, { outcome: '已电话劝导' });
    await t
      .anonymous()
      .post(`/api/v1/public/matters/${receipt.trackingToken}/rating`, { rating: 'unsatisfied', comment: '还是很吵' });
    expect((await desk.post(`/api/v1/matters/${id}/reopen`, { reason: '群众不满意' })).status).toBe(403);
    const chief = await t.as('a.chief');
    const queue = (await chief.get('/api/v1/matters?status=rated&rating=unsatisfied')).body as {
      items: { number: string }[];
    };
    expect(queue.items.map((m) => m.number)).toContain(receipt.number);
    const waiting = (await chief.get('/api/v1/matters/summary')).body as { awaitingReview: number };
    expect(waiting.awaitingReview).toBe(queue.items.length);
    const reopened = await chief.post(`/api/v1/matters/${id}/reopen`, { reason: '群众不满意，安排民警上门' });
    expect(reopened.body).toMatchObject({ status: 'in_progress' });
    const types = ((await chief.get(`/api/v1/matters/${id}`)).body as { timeline: { type: string }[] }).timeline.map(
      (e) => e.type,
    );
    expect(types).toContain('matter.review_requested');
  });

  it('merges a duplicate into the original', async () => {
    const first = await submit(t.fx.doorplateTokens.a[2], '路灯不亮');
    const second = await submit(t.fx.doorplateTokens.a[2], '路灯又不亮了');
    const desk = await t.as('a.duty');
    const [a, b] = [await findId(desk, first.receipt.number), await findId(desk, second.receipt.number)];
    expect((await desk.post(`/api/v1/matters/${b}/merge`, { intoNumber: second.receipt.number })).status).toBe(400);
    expect((await desk.post(`/api/v1/matters/${b}/merge`, { intoNumber: 'JM20200101-999999' })).status).toBe(404);
    // The desk reads the original's 回执号 off the screen.
    const merged = await desk.post(`/api/v1/matters/${b}/merge`, { intoNumber: first.receipt.number });
    expect(merged.body).toMatchObject({ status: 'merged' });
    expect(a).toBeDefined();
    expect((await desk.post(`/api/v1/matters/${b}/accept`, { urgency: 'normal' })).status).toBe(409);
  });
});

describe('messages and chasing', () => {
  it('lets the desk and the handler write, chases the handler, and keeps both from the resident', async () => {
    const { receipt } = await submit(t.fx.doorplateTokens.a[1], '小区门口的减速带坏了');
    const desk = await t.as('a.duty');
    const id = await findId(desk, receipt.number);
    await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    const before = (await desk.get(`/api/v1/matters/${id}`)).body as { allowedActions: string[] };
    expect(before.allowedActions).toEqual(expect.arrayContaining(['reply', 'note']));
    expect(before.allowedActions).not.toContain('remind'); // nobody to chase yet
    const early = await desk.post(`/api/v1/matters/${id}/remind`, { reason: '快点' });
    expect(early.status).toBe(409);
    expect((early.body as { error: { message: string } }).error.message).toBe(
      '这件事项目前没有派给任何人，无需催办；请先派单',
    );
    await desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
    // An auxiliary officer who does not hold the matter may neither reply nor note on it.
    const aux = await t.as('a.aux');
    expect(((await aux.get(`/api/v1/matters/${id}`)).body as { allowedActions: string[] }).allowedActions).toEqual([]);
    expect((await aux.post(`/api/v1/matters/${id}/reply`, { text: '我来看看' })).status).toBe(403);
    const chased = await desk.post(`/api/v1/matters/${id}/remind`, { reason: '群众又来电催问，请尽快接单' });
    expect(chased.status).toBe(200);
    const officer = await t.as('a.officer');
    const seen = (await officer.get(`/api/v1/matters/${id}`)).body as {
      allowedActions: string[];
      timeline: { type: string; note: string; visibility: string }[];
    };
    expect(seen.timeline.at(-1)).toMatchObject({ type: 'matter.remind', visibility: 'internal' });
    expect(seen.allowedActions).toEqual(expect.arrayContaining(['take', 'reply', 'note']));
    expect(seen.allowedActions).not.toContain('remind');
    expect((await officer.post(`/api/v1/matters/${id}/remind`, { reason: '自己催自己' })).status).toBe(403);
    const resident = (await t.anonymous().get(`/api/v1/public/matters/${receipt.trackingToken}`)).body;
    expect(JSON.stringify(resident)).not.toContain('催问');
  });
});

describe('figures', () => {
  it('times each matter and sums up the desk’s day', async () => {
    const { receipt } = await submit(t.fx.doorplateTokens.a[0], '想问问电动车上牌在哪里办');
    const desk = await t.as('a.duty');
    const id = await findId(desk, receipt.number);
    t.clock.advance(3 * 60_000);
    await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    t.clock.advance(2 * 60_000);
    const resolved = await desk.post(`/api/v1/matters/${id}/resolve`, { outcome: '已告知到交管服务站办理' });
    expect(resolved.body).toMatchObject({
      figures: { firstResponseSeconds: 180, acceptSeconds: 180, resolveSeconds: 300, onTime: true },
    });
    await t
      .anonymous()
      .post(`/api/v1/public/matters/${receipt.trackingToken}/rating`, { rating: 'basically_satisfied' });
    const summaryRes = await desk.get('/api/v1/matters/summary');
    const summary = summaryRes.body as Record<string, number | null>;
    expect(summary.resolvedToday).toBeGreaterThanOrEqual(1);
    expect(summary.rated).toBeGreaterThanOrEqual(1);
    expect(summary.satisfactionRate).toBeGreaterThan(0);
    expect(summary.satisfactionRate).toBeLessThanOrEqual(1);
    // Station B's desk sees none of station A's matters.
    const other = (await (await t.as('b.chief')).get('/api/v1/matters/summary')).body as Record<string, number>;
    expect(other.rated).toBe(0);
  });
});

describe('assignees', () => {
  it('lists the station’s handlers, teams and departments for those who dispatch or transfer', async () => {
    const desk = await t.as('a.duty');
    const res = await desk.get('/api/v1/matters/assignees');
    const body = res.body as { staff: { id: string }[] };
    expect(body.staff.map((s) => s.id)).toContain(t.fx.staffIds['a.officer']);
    expect(body.staff.map((s) => s.id)).not.toContain(t.fx.staffIds['b.officer']);
    expect(body.staff.map((s) => s.id)).not.toContain(t.fx.staffIds['a.sysadmin']);
    // An officer transferring onward sees the same list; a partner department only departments; the auditor nothing.
    expect((await (await t.as('a.officer')).get('/api/v1/matters/assignees')).status).toBe(200);
    const liaison = (await (await t.as('a.liaison')).get('/api/v1/matters/assignees')).body as {
      staff: unknown[];
      departments: unknown[];
    };
    expect(liaison.staff).toEqual([]);
    expect((await (await t.as('auditor')).get('/api/v1/matters/assignees')).status).toBe(403);
  });
});
