/**
 * The disputes section (矛盾纠纷) on crafted cases through the real API: accepted in the period (摸排 among them), open
 * at its end by colour, and every figure opening the case list of exactly its rows; the bureau sees its stations
 * side by side, another station's chief is refused; the list exports with the same filters and a reason.
 */
import type { DashboardSection, DrillTarget } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../../test/harness.js';

let t: TestApp;
const PERIOD = 'from=2026-11-23&to=2026-11-24';
const FACTORS = {
  people: 2,
  amountYuan: null,
  threats: false,
  earlierViolence: false,
  repeatCalls: false,
  collective: false,
  otherRisk: false,
};

beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  const desk = await t.as('a.duty');
  const open = async (station: string, unitId: string, source: string, title: string) => {
    const res = await desk.post(`/api/v1/stations/${station}/disputes`, {
      source,
      category: 'other',
      subcategory: '邻里',
      title,
      facts: `${title}，双方多次争执，请派出所调解。`,
      unitId,
      parties: [],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body as { id: string }).id;
  };
  const a1 = await open(t.fx.units.stationA, t.fx.units.villageA, 'walk_in', '两家因宅基地边界争吵');
  await open(t.fx.units.stationA, t.fx.units.villageA, 'proactive', '摸排发现楼上漏水纠纷');
  await open(t.fx.units.stationA, t.fx.units.villageA, 'walk_in', '借款三万元到期未还');
  const assessed = await desk.post(`/api/v1/disputes/${a1}/assessments`, { level: 'simple', factors: FACTORS });
  expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
  const deskB = await t.as('b.officer');
  const b = await deskB.post(`/api/v1/stations/${t.fx.units.stationB}/disputes`, {
    source: 'walk_in',
    category: 'other',
    subcategory: '邻里',
    title: '门口停车纠纷',
    facts: '门口停车纠纷，双方争执。',
    unitId: t.fx.units.villageB,
    parties: [],
  });
  expect(b.status, JSON.stringify(b.body)).toBe(200);
});
afterAll(() => t.close());

const section = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/dashboards/sections/disputes?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DashboardSection;
};
const listTotal = async (c: Client, drill: DrillTarget | null | undefined) => {
  expect(drill?.list).toBe('disputes');
  const res = await c.get(`/api/v1/disputes?${new URLSearchParams({ ...drill?.query, pageSize: '100' })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { total: number }).total;
};
const value = (s: DashboardSection, id: string) => s.figures.find((f) => f.id === id)?.value;

describe('the disputes section', () => {
  it('counts the period’s cases and opens, from each count, exactly those cases', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    expect(value(s, 'accepted')).toBe(3);
    expect(value(s, 'proactive')).toBe(1);
    expect(value(s, 'open')).toBe(3);
    expect(value(s, 'resolved')).toBe(0);
    for (const f of s.figures)
      if (f.kind === 'count' && f.drill) expect(await listTotal(chief, f.drill), f.id).toBe(f.value);
    // Each bar of 在办时长 opens its cases: all three are under 30 days old.
    const ageing = s.charts.find((c) => c.series.some((x) => x.drills?.some((d) => d?.query.age)));
    const series = ageing?.series[0];
    for (const [i, n] of (series?.data ?? []).entries()) expect(await listTotal(chief, series?.drills?.[i])).toBe(n);
  });

  it('puts the stations side by side for the bureau, and refuses a station outside one’s scope', async () => {
    const bureau = await t.as('q.bureau');
    const s = await section(bureau, PERIOD);
    expect(value(s, 'accepted')).toBe(4);
    const station = (name: string) => s.stations.find((x) => x.unitName === name)?.values;
    expect(station('A派出所')?.accepted).toBe(3);
    expect(station('B派出所')?.accepted).toBe(1);
    for (const f of s.figures)
      if (f.kind === 'count' && f.drill) expect(await listTotal(bureau, f.drill), f.id).toBe(f.value);
    const other = await t.as('b.chief');
    const refused = await other.get(`/api/v1/dashboards/sections/disputes?${PERIOD}&unitId=${t.fx.units.stationA}`);
    expect(refused.status).toBe(403);
    const list = await other.get(`/api/v1/disputes?set=accepted&${PERIOD}&unitId=${t.fx.units.stationA}`);
    expect(list.status).toBe(403);
  });

  it('refuses a reversed period, a set without its period and an age without its set', async () => {
    const chief = await t.as('a.chief');
    expect((await chief.get('/api/v1/dashboards/sections/disputes?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    expect((await chief.get('/api/v1/disputes?set=accepted')).status).toBe(400);
    expect((await chief.get(`/api/v1/disputes?${PERIOD}&set=accepted&age=upTo30`)).status).toBe(400);
  });
});

describe('the cases export', () => {
  it('writes the drilled list as XLSX with the watermark last; refuses without a reason or outside one’s sight', async () => {
    const chief = await t.as('a.chief');
    const filter = `set=accepted&${PERIOD}&unitId=${t.fx.units.stationA}`;
    const res = await chief.get(`/api/v1/disputes/export?${filter}&reason=${encodeURIComponent('月度工作汇报')}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(String(rows.at(-1)?.[0])).toContain('导出人 a.chief');
    expect(rows.slice(1, -1)).toHaveLength(3);
    expect((await chief.get(`/api/v1/disputes/export?${filter}`)).status).toBe(400);
    const other = await t.as('b.chief');
    const outside = await other.get(`/api/v1/disputes/export?${filter}&reason=${encodeURIComponent('核对')}`);
    expect(outside.status).toBe(403);
  });
});
