/**
 * 考核指标 on crafted matters, walked through the real API: taken on time and late, resolved on time, late, reopened
 * and still open past the deadline (in the denominator), rated and never rated (apart from 满意率); every figure opens
 * the list of exactly the matters it counted; a past period's figures do not move; the bureau sees its stations side by
 * side and a station only itself; bad periods are refused.
 */
import { KPI_SETS, type KpiDashboard, type KpiSet } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../db/schema/index.js';
import { sealPending } from '../../platform/audit-seal.js';
import { systemCtx } from '../../platform/context.js';
import { addStaff, buildTestApp, type Client, quiet, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';
import { rollKpis, rollupsReady } from './kpi-rollup.js';
import { unitKpis } from './kpis.service.js';

let t: TestApp;
const n: Record<string, string> = {};
const MIN = 60_000;

beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  // The rollups hold every matter from here on: what follows reaches them only through the committed events.
  await rollKpis(systemCtx(t.deps, quiet as never));
  expect(await rollupsReady(t.deps.database.db)).toBe(true);
  const plate = t.fx.doorplateTokens.a[0]!;
  const desk = await t.as('a.duty');
  const officer = await t.as('a.officer');
  const chief = await t.as('a.chief');
  const submit = async (key: string, kind: string, body: string) => {
    const m = await submitAt(t, plate, kind, body);
    n[key] = m.number;
    return { id: await matterIdOf(desk, m.number), token: m.trackingToken };
  };
  const ok = (res: { status: number; body: unknown }) => expect(res.status, JSON.stringify(res.body)).toBe(200);
  // 2026-11-23 10:00 Beijing. M1 taken and resolved in time, rated 满意.
  const m1 = await submit('m1', 'consult', '想问问办居住证要带什么材料');
  const m2 = await submit('m2', 'other', '小区门口的路灯坏了一个星期');
  const m3 = await submit('m3', 'consult', '孩子上学的户口证明怎么开');
  const m4 = await submit('m4', 'dispute', '楼上装修每天早上七点就开始');
  for (const m of [m1, m2, m3, m4]) ok(await desk.post(`/api/v1/matters/${m.id}/accept`, { urgency: 'normal' }));
  for (const m of [m1, m2])
    ok(await desk.post(`/api/v1/matters/${m.id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] }));
  t.clock.advance(5 * MIN);
  ok(await officer.post(`/api/v1/matters/${m1.id}/take`, {}));
  t.clock.advance(5 * MIN);
  ok(await officer.post(`/api/v1/matters/${m1.id}/resolve`, { outcome: '已当面告知所需材料' }));
  ok(await t.anonymous().post(`/api/v1/public/matters/${m1.token}/rating`, { rating: 'satisfied' }));
  // M4 resolved in time, rated 不满意, reopened by the chief: open again.
  ok(await desk.post(`/api/v1/matters/${m4.id}/resolve`, { outcome: '已电话联系装修方，约定九点后施工' }));
  ok(await t.anonymous().post(`/api/v1/public/matters/${m4.token}/rating`, { rating: 'unsatisfied', comment: '照旧' }));
  ok(await chief.post(`/api/v1/matters/${m4.id}/reopen`, { reason: '群众反映仍在七点施工，重新办理' }));
  // M5 never answered.
  await submit('m5', 'consult', '想咨询一下养犬登记');
  // A day and a bit later (2026-11-24 11:10): M3 resolved late; M2 never taken; M2, M4, M5 past their deadline.
  t.clock.advance(25 * 60 * MIN);
  ok(await (await t.as('a.duty')).post(`/api/v1/matters/${m3.id}/resolve`, { outcome: '已开具证明' }));
});
afterAll(() => t.close());

/**
 * The dashboard as read once the rollups' job has caught up with the events (sealed, then read by the job), checked
 * against the direct count of the same periods.
 */
const kpis = async (c: Client, query: string) => {
  await sealPending(t.deps.database, t.deps.keys.audit, t.clock.now(), quiet as never);
  await rollKpis(systemCtx(t.deps, quiet as never));
  const res = await c.get(`/api/v1/dashboards/kpis?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const body = res.body as KpiDashboard;
  const [unit] = await t.deps.database.db.select().from(units).where(eq(units.id, body.unitId));
  const direct = (p: { from: string; to: string }) =>
    unitKpis(systemCtx(t.deps, quiet as never), unit!.path, p, 'direct');
  expect(body.current, 'the rollups against the direct count').toEqual(await direct(body.current));
  expect(body.previous).toEqual(await direct(body.previous));
  expect(body.lastYear).toEqual(await direct(body.lastYear));
  return body;
};
const listed = async (c: Client, set: KpiSet, from: string, to: string) => {
  const res = await c.get(`/api/v1/matters?kpi=${set}&from=${from}&to=${to}&pageSize=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { total: number; items: { number: string }[] }).items.map((m) => m.number).sort();
};
const numbers = (...keys: string[]) => keys.map((k) => n[k]!).sort();

describe('考核指标 of a station', () => {
  it('count each KPI by its rule, open overdue matters in the denominator and unrated ones apart', async () => {
    const { current, previous, unitKind } = await kpis(await t.as('a.chief'), 'from=2026-11-23&to=2026-11-24');
    expect(unitKind).toBe('station');
    expect(current.counts).toMatchObject({
      take_due: 2, // M1 taken, M2 untaken past its taking deadline
      take_on_time: 1,
      take_late: 1,
      resolved: 3, // M1, M3 and M4 (resolved, then reopened)
      open_overdue: 2, // M2, M4: not resolved at the end, past the deadline (M5, never accepted, has none yet)
      resolve_due: 4,
      resolve_on_time: 1, // M1 only: M3 late, M4 open and overdue again
      resolve_late: 3,
      reopened: 1,
      rated: 2,
      satisfied: 1,
      unsatisfied: 1,
      unrated: 0,
      submitted: 5,
      escalated: 0,
    });
    expect(current.rates).toMatchObject({ takenOnTime: 0.5, resolvedOnTime: 0.25, satisfaction: 0.5 });
    expect(current.rates.reopenRate).toBeCloseTo(1 / 3);
    // The unsatisfied answer opened a review, not yet called back.
    expect(current.callbacks).toEqual({ due: 1, done: 0 });
    expect(current.rates.callbackRate).toBe(0);
    // First response: four answered within minutes, M5 never.
    expect(current.firstResponse.missing).toBe(1);
    expect(current.firstResponse.buckets.reduce((a, b) => a + b, 0)).toBe(4);
    // Resolution: M1 and M4 in 10 minutes, M3 in a day and 70 minutes (1 to 3 days).
    expect(current.resolution.buckets).toEqual([2, 0, 0, 1, 0, 0, 0]);
    // The median read from the fine bins: two in (5, 10] minutes and one above — rank 1.5 of 2 in that bin.
    expect(current.resolution.median).toBe(8.8);
    expect(previous).toMatchObject({ from: '2026-11-21', to: '2026-11-22' });
    expect(previous.counts.submitted).toBe(0);
    expect(previous.rates.resolvedOnTime).toBeNull();
  });

  it('open, for every figure, the list of exactly the matters it counted', async () => {
    const chief = await t.as('a.chief');
    const { current } = await kpis(chief, 'from=2026-11-23&to=2026-11-24');
    for (const set of KPI_SETS) {
      expect((await listed(chief, set, '2026-11-23', '2026-11-24')).length, set).toBe(current.counts[set]);
    }
    expect(await listed(chief, 'resolve_late', '2026-11-23', '2026-11-24')).toEqual(numbers('m2', 'm3', 'm4'));
    expect(await listed(chief, 'open_overdue', '2026-11-23', '2026-11-24')).toEqual(numbers('m2', 'm4'));
    expect(await listed(chief, 'take_late', '2026-11-23', '2026-11-24')).toEqual(numbers('m2'));
  });

  it('keep a past period as it was, while later work moves only later periods', async () => {
    const before = (await kpis(await t.as('a.chief'), 'from=2026-11-23&to=2026-11-23')).current;
    // On the 23rd M4 was resolved in time and reopened, not yet overdue: the day counts it resolved on time.
    expect(before.counts).toMatchObject({ resolved: 2, resolve_on_time: 2, open_overdue: 0, reopened: 1 });
    t.clock.advance(8 * 24 * 60 * MIN); // 2026-12-02: the evaluations of the 23rd and 24th have expired
    const desk = await t.as('a.duty');
    const m2 = await matterIdOf(desk, n.m2!);
    expect((await (await t.as('a.officer')).post(`/api/v1/matters/${m2}/take`, {})).status).toBe(200);
    const chief = await t.as('a.chief');
    const after = (await kpis(chief, 'from=2026-11-23&to=2026-11-23')).current;
    expect({ ...after, asOf: before.asOf }).toEqual(before);
    // M3's evaluation expired unanswered: not rated, apart from 满意率.
    const later = (await kpis(chief, 'from=2026-11-23&to=2026-12-02')).current;
    expect(later.counts).toMatchObject({ rated: 2, satisfied: 1, unrated: 1 });
    expect(later.rates.satisfaction).toBe(0.5);
  });
});

describe('the running day', () => {
  it('is judged as of now: a matter dispatched this morning is due to be taken only once its deadline passes', async () => {
    const desk = await t.as('a.duty');
    const m = await submitAt(t, t.fx.doorplateTokens.a[0]!, 'help', '楼道里的灭火器过期了，想请社区民警看看');
    const id = await matterIdOf(desk, m.number);
    expect((await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' })).status).toBe(200);
    expect(
      (await desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] })).status,
    ).toBe(200);
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const chief = await t.as('a.chief');
    const query = `from=${today}&to=${today}`;
    const before = (await kpis(chief, query)).current.counts;
    expect(await listed(chief, 'take_due', today, today)).not.toContain(m.number);
    t.clock.advance(2 * 60 * MIN);
    const later = await t.as('a.chief');
    const after = (await kpis(later, query)).current.counts;
    expect(after.take_due).toBe(before.take_due + 1);
    expect(after.take_late).toBe(before.take_late + 1);
    expect(await listed(later, 'take_late', today, today)).toContain(m.number);
  });
});

describe('the bureau and the scope', () => {
  it('shows the bureau its stations side by side, and each station only itself', async () => {
    const bureau = await t.as('q.bureau');
    const county = await kpis(bureau, `from=2026-11-23&to=2026-11-24&unitId=${t.fx.units.bureau}`);
    expect(county.unitKind).toBe('bureau');
    const a = county.stations.find((s) => s.unitId === t.fx.units.stationA);
    const b = county.stations.find((s) => s.unitId === t.fx.units.stationB);
    expect(a?.current.counts.submitted).toBe(5);
    expect(b?.current.counts.submitted).toBe(0);
    expect(county.current.counts.submitted).toBe(5);
    // A station's list opened from the bureau's view holds only that station's matters.
    const list = async (unitId: string) =>
      (
        (await bureau.get(`/api/v1/matters?kpi=submitted&from=2026-11-23&to=2026-11-24&unitId=${unitId}`)).body as {
          total: number;
        }
      ).total;
    expect(await list(t.fx.units.stationA)).toBe(5);
    expect(await list(t.fx.units.stationB)).toBe(0);
    // By default the caller's own unit.
    expect((await kpis(bureau, 'from=2026-11-23&to=2026-11-24')).unitId).toBe(t.fx.units.bureau);
    expect((await kpis(await t.as('a.chief'), 'from=2026-11-23&to=2026-11-24')).unitId).toBe(t.fx.units.stationA);
    const chiefB = await t.as('b.chief');
    expect(
      (await chiefB.get(`/api/v1/dashboards/kpis?from=2026-11-23&to=2026-11-24&unitId=${t.fx.units.stationA}`)).status,
    ).toBe(403);
    expect(
      (await chiefB.get(`/api/v1/dashboards/kpis?from=2026-11-23&to=2026-11-24&unitId=${t.fx.units.bureau}`)).status,
    ).toBe(403);
    expect((await (await t.as('a.officer')).get('/api/v1/dashboards/kpis?from=2026-11-23&to=2026-11-24')).status).toBe(
      403,
    );
  });

  it('refuses a reversed period, one over ten years, a day that does not exist and a KPI list without its period', async () => {
    const chief = await t.as('a.chief');
    for (const query of [
      'from=2026-11-24&to=2026-11-23',
      'from=2016-01-01&to=2026-11-30',
      'from=2026-02-30&to=2026-03-01',
      'from=2026-11&to=2026-11-30',
    ]) {
      const res = await chief.get(`/api/v1/dashboards/kpis?${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/from|to/);
    }
    expect((await chief.get('/api/v1/dashboards/kpis?from=2016-12-01&to=2026-11-30')).status).toBe(200);
    expect((await chief.get('/api/v1/matters?kpi=resolve_late')).status).toBe(400);
    expect((await chief.get('/api/v1/matters?kpi=resolve_late&from=2026-11-30&to=2026-11-01')).status).toBe(400);
  });
});
