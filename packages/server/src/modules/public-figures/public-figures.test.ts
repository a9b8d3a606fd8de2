/**
 * 公开数据 through the real API: a station's page answers 404 — like no station at all — until its chief switches
 * it on; then anyone reads twelve months of figures equal to the dashboard's KPIs for those months, a month of three
 * matters shown as suppressed, with no name, address or text of anyone. Switching is the chief's own station's,
 * audited, and takes effect at once; bad input is refused.
 */
import { randomUUID } from 'node:crypto';
import type { KpiDashboard, PublicFigure, PublicFiguresSetting, PublicFiguresView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
let stationA: string;
const DAY = 86_400_000;
const BODIES = ['想问问办居住证要带什么材料', '小区门口的路灯坏了一个星期', '孩子上学的户口证明怎么开'];
const figuresUrl = (id: string) => `/api/v1/public/stations/${id}/figures`;
const settingUrl = (id: string) => `/api/v1/stations/${id}/public-figures`;
const ok = (res: { status: number; body: unknown }) => expect(res.status, JSON.stringify(res.body)).toBe(200);

beforeAll(async () => {
  t = await buildTestApp();
  stationA = t.fx.units.stationA;
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  const plates = t.fx.doorplateTokens.a;
  // November (from 2026-11-23, Beijing): three matters, never accepted — a month to suppress.
  for (const [i, body] of BODIES.entries()) await submitAt(t, plates[i % plates.length]!, 'consult', body);
  // December: six matters, accepted and resolved at once; five rated, four of them satisfied.
  t.clock.advance(9 * DAY);
  const desk = await t.as('a.duty');
  for (let i = 0; i < 6; i++) {
    const m = await submitAt(t, plates[i % plates.length]!, 'consult', `十二月的第${i + 1}件咨询：养犬登记怎么办`);
    const id = await matterIdOf(desk, m.number);
    ok(await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' }));
    ok(await desk.post(`/api/v1/matters/${id}/resolve`, { outcome: '已当面告知办理流程' }));
    // Ten minutes apart: answers from one device in a burst are held back as a flood (evaluations/flood.ts).
    t.clock.advance(11 * 60_000);
    if (i < 5)
      ok(
        await t
          .anonymous()
          .post(`/api/v1/public/matters/${m.trackingToken}/rating`, { rating: i < 4 ? 'satisfied' : 'unsatisfied' }),
      );
  }
});
afterAll(() => t.close());

const kpisOf = async (c: Client, month: string) => {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const res = await c.get(`/api/v1/dashboards/kpis?from=${month}-01&to=${last}`);
  ok(res);
  return (res.body as KpiDashboard).current;
};
/** What the page must show for a count: itself, or nothing when it is 1 to 4. */
const published = (n: number): PublicFigure =>
  n > 0 && n < 5 ? { value: null, suppressed: true } : { value: n, suppressed: false };

describe('the public page while it is off', () => {
  it('answers 404 for a station that has not switched it on, exactly as for no station', async () => {
    const anyone = t.anonymous();
    const off = await anyone.get(figuresUrl(stationA));
    const none = await anyone.get(figuresUrl(randomUUID()));
    const village = await anyone.get(figuresUrl(t.fx.units.villageA));
    expect([off.status, none.status, village.status]).toEqual([404, 404, 404]);
    expect(off.body).toEqual(none.body);
    expect(village.body).toEqual(none.body);
  });

  it('refuses a station id that is not an id (400), naming the field', async () => {
    const res = await t.anonymous().get(figuresUrl('not-a-station'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('stationId');
  });
});

describe("the chief's switch", () => {
  it('needs a signed-in chief of the station: anonymous 401, an officer 403, another station’s chief 403', async () => {
    expect((await t.anonymous().put(settingUrl(stationA), { enabled: true })).status).toBe(401);
    expect((await (await t.as('a.officer')).put(settingUrl(stationA), { enabled: true })).status).toBe(403);
    const other = await t.as('b.chief');
    expect((await other.put(settingUrl(stationA), { enabled: true })).status).toBe(403);
    expect((await other.get(settingUrl(stationA))).status).toBe(403);
    // Still off: nothing the refused calls did opened the page.
    expect((await t.anonymous().get(figuresUrl(stationA))).status).toBe(404);
  });

  it('refuses a bad switch (400) and an unknown station (404)', async () => {
    const chief = await t.as('a.chief');
    expect((await chief.put(settingUrl(stationA), { enabled: 'yes' })).status).toBe(400);
    expect((await chief.put(settingUrl(stationA), { enabled: true, extra: 1 })).status).toBe(400);
    expect((await chief.put(settingUrl('abc'), { enabled: true })).status).toBe(400);
    expect((await chief.put(settingUrl(randomUUID()), { enabled: true })).status).toBe(404);
  });

  it('gives the chief the page address and a QR, off by default', async () => {
    const res = await (await t.as('a.chief')).get(settingUrl(stationA));
    ok(res);
    const view = res.body as PublicFiguresSetting;
    expect(view).toMatchObject({ stationId: stationA, stationName: 'A派出所', enabled: false, changedAt: null });
    expect(view.url).toMatch(new RegExp(`/f/${stationA}$`));
    expect(view.qrSvg).toMatch(/^<svg/);
  });

  it('switches the page on, audited with the value before', async () => {
    const res = await (await t.as('a.chief')).put(settingUrl(stationA), { enabled: true });
    ok(res);
    expect(res.body).toMatchObject({ enabled: true, changedAt: t.clock.now().toISOString() });
    const entries = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'public_figures.switch'), eq(auditLog.targetId, stationA)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: t.fx.staffIds['a.chief'], details: { from: false, to: true } });
    // The bureau reads the switch too.
    expect(((await (await t.as('q.bureau')).get(settingUrl(stationA))).body as PublicFiguresSetting).enabled).toBe(
      true,
    );
  });
});

describe('the public page once on', () => {
  it('shows twelve months equal to the dashboard’s KPIs, three matters suppressed', async () => {
    const res = await t.anonymous().get(figuresUrl(stationA));
    ok(res);
    const view = res.body as PublicFiguresView;
    expect(view.stationName).toBe('A派出所');
    expect(view.months.map((m) => m.month)).toEqual([
      ...['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
      ...['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
    ]);
    expect(view.months.filter((m) => m.running).map((m) => m.month)).toEqual(['2026-12']);
    const chief = await t.as('a.chief');
    for (const month of ['2026-10', '2026-11', '2026-12']) {
      const k = await kpisOf(chief, month);
      const shown = view.months.find((m) => m.month === month)!;
      expect(shown.received, month).toEqual(published(k.counts.submitted));
      expect(shown.resolved, month).toEqual(published(k.counts.resolved));
      const rate = (value: number | null, base: number) =>
        base > 0 && base < 5 ? { value: null, suppressed: true } : { value, suppressed: false };
      expect(shown.resolvedOnTime, month).toEqual(rate(k.rates.resolvedOnTime, k.counts.resolve_due));
      expect(shown.satisfaction, month).toEqual(rate(k.rates.satisfaction, k.counts.rated));
    }
    const [nov, dec] = [view.months.at(-2)!, view.months.at(-1)!];
    expect(nov.received).toEqual({ value: null, suppressed: true });
    expect(dec).toMatchObject({
      received: { value: 6, suppressed: false },
      resolved: { value: 6, suppressed: false },
      resolvedOnTime: { value: 1, suppressed: false },
      satisfaction: { value: 0.8, suppressed: false },
      disputesResolved: { value: 0, suppressed: false },
      warningsSent: { value: 0, suppressed: false },
    });
    // A month with nothing rated has no rate to suppress: null, shown as "—".
    expect(view.months[0]?.satisfaction).toEqual({ value: null, suppressed: false });
  });

  it('says nothing of anyone: no text, name or address', async () => {
    const body = JSON.stringify((await t.anonymous().get(figuresUrl(stationA))).body);
    for (const text of [...BODIES, '养犬登记', '已当面告知', '测试', 'A村', '网格']) expect(body).not.toContain(text);
    expect(Object.keys((JSON.parse(body) as PublicFiguresView).months[0]!).sort()).toEqual(
      [
        'month',
        'running',
        'received',
        'resolved',
        'resolvedOnTime',
        'satisfaction',
        'disputesResolved',
        'warningsSent',
        'warningsOpened',
      ].sort(),
    );
  });

  it('stops at once when the chief switches it off, and another station stays off', async () => {
    ok(await (await t.as('a.chief')).put(settingUrl(stationA), { enabled: false }));
    expect((await t.anonymous().get(figuresUrl(stationA))).status).toBe(404);
    expect((await t.anonymous().get(figuresUrl(t.fx.units.stationB))).status).toBe(404);
  });
});
