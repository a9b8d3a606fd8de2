import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { sweepDeadlines } from './deadlines.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const log = pino({ level: 'silent' });

async function submitHelp(body: string) {
  const res = await t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/matters`,
      { kind: 'help', body, noticeVersion: '2026-11' },
      { 'idempotency-key': randomUUID() },
    );
  const { number } = res.body as { number: string };
  const desk = await t.as('a.duty');
  const list = await desk.get(`/api/v1/matters?q=${number}`);
  return { desk, id: (list.body as { items: { id: string }[] }).items[0]!.id };
}

async function eventsOf(id: string) {
  const chief = await t.as('a.chief');
  return (await chief.get(`/api/v1/matters/${id}`)).body as {
    status: string;
    timeline: { type: string; actor: string | null }[];
  };
}

describe('deadline escalation', () => {
  it('escalates a help request nobody answered in 5 minutes, once, even with two processes sweeping', async () => {
    const { id } = await submitHelp('老人走失了，请帮忙找');
    t.clock.advance(4 * 60_000);
    expect(await sweepDeadlines(systemCtx(t.deps, log))).toBe(0);
    t.clock.advance(2 * 60_000);
    // Two processes sweep at the same moment.
    const [a, b] = await Promise.all([sweepDeadlines(systemCtx(t.deps, log)), sweepDeadlines(systemCtx(t.deps, log))]);
    expect(a + b).toBe(1);
    expect(await sweepDeadlines(systemCtx(t.deps, log))).toBe(0);
    const escalations = (await eventsOf(id)).timeline.filter((e) => e.type === 'matter.escalated');
    expect(escalations).toHaveLength(1);
    const auditor = await t.as('auditor');
    const trail = await auditor.get('/api/v1/audit?action=matter.escalated');
    expect((trail.body as { items: { targetId: string }[] }).items.filter((e) => e.targetId === id)).toHaveLength(1);
  });

  it('sends a dispatched matter nobody took back to the desk', async () => {
    const { desk, id } = await submitHelp('家门口有可疑人员徘徊');
    await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
    t.clock.advance(11 * 60_000);
    await sweepDeadlines(systemCtx(t.deps, log));
    const after = await eventsOf(id);
    expect(after.status).toBe('accepted');
    expect(after.timeline.map((e) => e.type)).toContain('matter.take_overdue');
    const officer = await t.as('a.officer');
    expect((await officer.post(`/api/v1/matters/${id}/take`)).status).toBe(409);
  });

  it('leaves answered matters alone', async () => {
    const { desk, id } = await submitHelp('想咨询一下反诈');
    await desk.post(`/api/v1/matters/${id}/reply`, { text: '您好，已收到' });
    t.clock.advance(10 * 60_000);
    await sweepDeadlines(systemCtx(t.deps, log));
    const types = (await eventsOf(id)).timeline.map((e) => e.type);
    expect(types.filter((x) => x === 'matter.escalated')).toHaveLength(0);
  });
});
