/**
 * 快推 to 快核: the deadline clock (the desk warned, then the desk and the chief, each once even racing), who sees the
 * person (the handler, the desk, the chief — never a grid worker, another officer or the bureau), assignment by the
 * desk, the verification's rules, and the desk's own entries.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type TestApp } from '../../test/harness.js';
import { deliverNotifications } from '../notify/jobs.js';
import { sweepFraudDeadlines } from './escalation.js';
import {
  alertsOf,
  codeOf,
  instruction,
  makeUpstream,
  received,
  rowOf,
  silentCtx,
  verifyBody,
  viewOf,
} from './fraud.testkit.js';

let t: TestApp;
let key: string;
const MINUTE = 60_000;
beforeAll(async () => {
  t = await buildTestApp();
  key = (await makeUpstream(t, await t.as('sysadmin'))).apiKey;
  await addStaff(t, 'bureau.sup', ['bureau_supervisor'], t.fx.units.bureau);
});
afterAll(() => t.close());

const sweep = () => sweepFraudDeadlines(silentCtx(t));
const deliver = async () => {
  await t.app.sealer.flush();
  await deliverNotifications(silentCtx(t));
};
const now = () => t.clock.now().toISOString();

describe('the deadline clock', () => {
  it('warns the desk once as the deadline nears, then the desk and the chief once when it passes', async () => {
    const { id } = await received(t, key, { level: 'high' });
    await deliver();
    t.clock.advance(6 * MINUTE);
    expect(await sweep()).toMatchObject({ warned: 0, escalated: 0 });
    t.clock.advance(2 * MINUTE); // three minutes left at most
    const first = await Promise.all([sweep(), sweep()]);
    expect(first.reduce((n, s) => n + s.warned, 0)).toBe(1);
    await sweep();
    await deliver();
    expect((await rowOf(t, id)).warnedAt).not.toBeNull();
    t.clock.advance(3 * MINUTE);
    const second = await Promise.all([sweep(), sweep(), sweep()]);
    expect(second.reduce((n, s) => n + s.escalated, 0)).toBe(1);
    await deliver();
    const ids = t.fx.staffIds;
    const alerts = (await alertsOf(t, id)).map(
      (a) =>
        `${a.staff_id === ids['a.duty'] ? 'desk' : a.staff_id === ids['a.chief'] ? 'chief' : a.staff_id === ids['a.officer'] ? 'officer' : a.staff_id}:${a.reason}`,
    );
    expect(alerts).toEqual(['officer:dispatched', 'desk:deadline_near', 'desk:breached', 'chief:breached']);
    const desk = await t.as('a.duty');
    const overdue = await desk.get('/api/v1/fraud/instructions?view=all&overdue=true');
    expect((overdue.body as { items: { id: string }[] }).items.map((i) => i.id)).toContain(id);
  });
});

describe("the person's data", () => {
  it('is shown in full to the handler, the desk and the chief (each read audited), to nobody else', async () => {
    const { id } = await received(t, key);
    for (const who of ['a.officer', 'a.duty', 'a.chief']) {
      const res = await (await t.as(who)).get(`/api/v1/fraud/instructions/${id}`);
      expect(res.status, who).toBe(200);
      expect(viewOf(res)).toMatchObject({ name: '王秀兰', phone: '13912345678', address: 'A村1组1号' });
    }
    const reads = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(reads.filter((r) => r.action === 'fraud.instruction.read')).toHaveLength(3);
    expect(JSON.stringify(reads)).not.toContain('13912345678');
    expect((await (await t.as('a.grid')).get(`/api/v1/fraud/instructions/${id}`)).status).toBe(403);
    expect((await (await t.as('bureau.sup')).get(`/api/v1/fraud/instructions/${id}`)).status).toBe(403);
    const aux = await (await t.as('a.aux')).get(`/api/v1/fraud/instructions/${id}`);
    expect(codeOf(aux)).toBe('FRAUD_NOT_HANDLER');
    expect((await (await t.as('b.officer')).get(`/api/v1/fraud/instructions/${id}`)).status).toBe(404);
  });

  it('lists show the masked name and phone; view=all is for the desk', async () => {
    const officer = await t.as('a.officer');
    const mine = (await officer.get('/api/v1/fraud/instructions?view=mine')).body as {
      items: { name: string; phone: string; address: string | null }[];
    };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.name === '王*兰' && i.phone === '139****5678' && i.address === null)).toBe(true);
    expect((await officer.get('/api/v1/fraud/instructions?view=all')).status).toBe(403);
    expect((await (await t.as('a.duty')).get('/api/v1/fraud/instructions?view=all')).status).toBe(200);
  });

  it('a figures reader sees counts and no person', async () => {
    const sup = await t.as('bureau.sup');
    const res = await sup.get('/api/v1/fraud/figures?from=2026-01&to=2026-12');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/王|139/);
    expect((await sup.get('/api/v1/fraud/instructions?view=mine')).status).toBe(403);
  });
});

describe('assign and verify', () => {
  it('the desk assigns an unrouted one to an officer of the station, who is alerted', async () => {
    const desk = await t.as('a.duty');
    const { externalId: _, ...body } = instruction({ doorplateCode: undefined, address: '不详', deadlineMinutes: 60 });
    const entered = await desk.post('/api/v1/fraud/instructions', { ...body, stationId: t.fx.units.stationA });
    const id = viewOf(entered).id;
    const row = await rowOf(t, id);
    expect(row.routedTo).toBe('desk');
    const wrong = await desk.post(`/api/v1/fraud/instructions/${id}/assign`, {
      staffId: t.fx.staffIds['b.officer'],
      version: 1,
    });
    expect(wrong.status).toBe(400);
    const grid = await desk.post(`/api/v1/fraud/instructions/${id}/assign`, {
      staffId: t.fx.staffIds['a.grid'],
      version: 1,
    });
    expect(grid.status).toBe(400);
    const res = await desk.post(`/api/v1/fraud/instructions/${id}/assign`, {
      staffId: t.fx.staffIds['a.aux'],
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(viewOf(res).assignee?.id).toBe(t.fx.staffIds['a.aux']);
    await deliver();
    const alerts = await alertsOf(t, id);
    expect(alerts.some((a) => a.staff_id === t.fx.staffIds['a.aux'] && a.reason === 'dispatched')).toBe(true);
    expect(
      (
        await (
          await t.as('a.officer')
        ).post(`/api/v1/fraud/instructions/${id}/assign`, { staffId: t.fx.staffIds['a.aux'], version: 2 })
      ).status,
    ).toBe(403);
  });

  it('records the outcome once, by the rules', async () => {
    const { id } = await received(t, key);
    const officer = await t.as('a.officer');
    const url = `/api/v1/fraud/instructions/${id}/verify`;
    const lost = await officer.post(url, verifyBody(1, { outcome: 'defrauded', amountLost: 0, contactedAt: now() }));
    expect(lost.status).toBe(400);
    const future = await officer.post(
      url,
      verifyBody(1, { contactedAt: new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString() }),
    );
    expect(future.status).toBe(400);
    expect((await officer.post(url, verifyBody(7, { contactedAt: now() }))).status).toBe(409);
    const other = await (await t.as('a.aux')).post(url, verifyBody(1, { contactedAt: now() }));
    expect(codeOf(other)).toBe('FRAUD_NOT_HANDLER');
    const ok = await officer.post(url, verifyBody(1, { contactedAt: now() }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(viewOf(ok)).toMatchObject({
      status: 'verified',
      outcome: 'dissuaded',
      amountPrevented: 5000,
      note: '电话联系本人，已停止转账，安装国家反诈中心APP。',
      feedback: { mode: 'pull', status: 'pending' },
    });
    const again = await officer.post(url, verifyBody(2, { contactedAt: now() }));
    expect(codeOf(again)).toBe('FRAUD_VERIFIED');
    const row = await rowOf(t, id);
    expect(row.feedbackSeq).toBeGreaterThan(0);
    expect(row.noteEnc).not.toContain('电话');
  });

  it('unreachable keeps its attempts; the desk may verify too', async () => {
    const { id } = await received(t, key);
    const desk = await t.as('a.duty');
    const res = await desk.post(
      `/api/v1/fraud/instructions/${id}/verify`,
      verifyBody(1, { outcome: 'unreachable', attempts: 4, amountPrevented: 0, contactedAt: now() }),
    );
    expect(res.status).toBe(200);
    expect(viewOf(res)).toMatchObject({ outcome: 'unreachable', attempts: 4, verifiedBy: 'a.duty' });
  });

  it('the desk enters one itself for a station of its scope only, with no feedback', async () => {
    const desk = await t.as('a.duty');
    const { externalId: _, ...body } = instruction();
    const res = await desk.post('/api/v1/fraud/instructions', { ...body, stationId: t.fx.units.stationA });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(viewOf(res)).toMatchObject({
      source: 'desk',
      routedTo: 'officer',
      name: '王秀兰',
      feedback: { status: 'none' },
    });
    const foreign = await desk.post('/api/v1/fraud/instructions', { ...body, stationId: t.fx.units.stationB });
    expect(foreign.status).toBe(403);
    expect(
      (await (await t.as('a.officer')).post('/api/v1/fraud/instructions', { ...body, stationId: t.fx.units.stationA }))
        .status,
    ).toBe(403);
  });
});
