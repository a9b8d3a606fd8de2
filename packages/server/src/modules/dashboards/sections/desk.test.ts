/**
 * The desk section (接警台) on crafted matters through the real API: received and resolved in the period, open and
 * overdue now, intake by kind and by hour; every figure and bar opens the desk list of exactly its rows; the bureau
 * sees its stations side by side, another station's chief is refused; the list exports with the same filters.
 */
import type { DashboardSection, DrillTarget } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { matterIdOf, submitAt } from '../../../test/matters.js';

let t: TestApp;
const HOUR = 3_600_000;
const PERIOD = 'from=2026-11-23&to=2026-11-24';

beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  let desk = await t.as('a.duty');
  const ok = (res: { status: number; body: unknown }) => expect(res.status, JSON.stringify(res.body)).toBe(200);
  const plate = t.fx.doorplateTokens.a[0]!;
  const submit = async (kind: string, body: string) => matterIdOf(desk, (await submitAt(t, plate, kind, body)).number);
  // 2026-11-23 10:00 Beijing: three matters, accepted (their 24-hour resolution deadline starts); one resolved at once.
  const a1 = await submit('consult', '想问问办居住证要带什么材料');
  const a2 = await submit('help', '老人走失了一会儿又找到了，想登记一下');
  const a3 = await submit('dispute', '楼上装修每天早上七点就开始');
  for (const id of [a1, a2, a3]) ok(await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' }));
  ok(await desk.post(`/api/v1/matters/${a1}/resolve`, { outcome: '已当面告知所需材料' }));
  // 13:00: one more here, never accepted (no resolution deadline yet), and one at station B.
  t.clock.advance(3 * HOUR);
  // The session idled out meanwhile (30 minutes): sign in again.
  desk = await t.as('a.duty');
  await submit('consult', '孩子上学的户口证明怎么开');
  await submitAt(t, t.fx.doorplateTokens.b[0]!, 'consult', '想咨询一下养犬登记');
  // 2026-11-24 13:00: the help request is past its deadline; the dispute is resolved late.
  t.clock.advance(24 * HOUR);
  ok(await (await t.as('a.duty')).post(`/api/v1/matters/${a3}/resolve`, { outcome: '已约定九点后施工' }));
});
afterAll(() => t.close());

const section = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/dashboards/sections/desk?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DashboardSection;
};
const listTotal = async (c: Client, drill: DrillTarget | null | undefined) => {
  expect(drill?.list).toBe('matters');
  const res = await c.get(`/api/v1/matters?${new URLSearchParams({ ...drill?.query, pageSize: '200' })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { total: number }).total;
};
const values = (s: DashboardSection) => Object.fromEntries(s.figures.map((f) => [f.id, f.value]));

describe('the desk section', () => {
  it('counts received, resolved, open and overdue now, and each figure opens exactly its matters', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    expect(values(s)).toEqual({ submitted: 4, resolved: 2, open: 2, overdueNow: 1 });
    // A stock of now has no comparison; the day before the period had nothing.
    const open = s.figures.find((f) => f.id === 'open');
    expect(open).toMatchObject({ previous: null, lastYear: null });
    expect(s.figures.find((f) => f.id === 'submitted')).toMatchObject({ previous: 0, lastYear: 0 });
    for (const f of s.figures) expect(await listTotal(chief, f.drill), f.id).toBe(f.value);
    expect(s.definitions.map((d) => d.label.zh)).toEqual(['受理', '办结', '在办', '当前超期']);
  });

  it('draws intake by kind and by Beijing hour, each bar opening its matters', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    const byKind = s.charts.find((c) => c.id === 'byKind');
    const byHour = s.charts.find((c) => c.id === 'byHour');
    const kindAt = (zh: string) => byKind?.categories.indexOf(zh) ?? -1;
    expect(byKind?.series[0]?.data[kindAt('咨询')]).toBe(2);
    expect(byKind?.series[0]?.data[kindAt('求助')]).toBe(1);
    expect(byKind?.series[0]?.data[kindAt('矛盾纠纷')]).toBe(1);
    expect(byHour?.categories).toHaveLength(24);
    expect(byHour?.series[0]?.data[10]).toBe(3);
    expect(byHour?.series[0]?.data[13]).toBe(1);
    expect(byHour?.series[0]?.data.reduce((a, b) => a + b, 0)).toBe(4);
    for (const chart of [byKind, byHour]) {
      const series = chart?.series[0];
      for (const [i, n] of (series?.data ?? []).entries())
        if (n > 0) expect(await listTotal(chief, series?.drills?.[i])).toBe(n);
    }
  });

  it('puts the stations side by side for the bureau, and refuses a station outside one’s scope', async () => {
    const bureau = await t.as('q.bureau');
    const s = await section(bureau, PERIOD);
    expect(values(s)).toEqual({ submitted: 5, resolved: 2, open: 3, overdueNow: 1 });
    const station = (name: string) => s.stations.find((x) => x.unitName === name)?.values;
    expect(station('A派出所')).toEqual({ submitted: 4, resolved: 2, open: 2, overdueNow: 1 });
    expect(station('B派出所')).toEqual({ submitted: 1, resolved: 0, open: 1, overdueNow: 0 });
    for (const f of s.figures) expect(await listTotal(bureau, f.drill), f.id).toBe(f.value);
    const other = await t.as('b.chief');
    const refused = await other.get(`/api/v1/dashboards/sections/desk?${PERIOD}&unitId=${t.fx.units.stationA}`);
    expect(refused.status).toBe(403);
    // The list behind it refuses the same unit.
    const list = await other.get(`/api/v1/matters?kpi=submitted&${PERIOD}&unitId=${t.fx.units.stationA}`);
    expect(list.status).toBe(403);
    const unknown = await other.get(`/api/v1/matters?unitId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(unknown.status).toBe(404);
  });

  it('refuses a reversed period and an hour off the clock', async () => {
    const chief = await t.as('a.chief');
    expect((await chief.get('/api/v1/dashboards/sections/desk?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    expect((await chief.get('/api/v1/matters?hour=24')).status).toBe(400);
  });
});

describe('the matters export', () => {
  it('writes the filtered list as XLSX with the watermark last, and audits the reason', async () => {
    const chief = await t.as('a.chief');
    const filter = `kpi=submitted&${PERIOD}&unitId=${t.fx.units.stationA}&kind=consult`;
    const total = (await chief.get(`/api/v1/matters?${filter}`)).body as { total: number };
    expect(total.total).toBe(2);
    const res = await chief.get(`/api/v1/matters/export?${filter}&reason=${encodeURIComponent('月度工作汇报')}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]?.[0]).toBe('回执号');
    expect(String(rows.at(-1)?.[0])).toContain('导出人 a.chief');
    expect(rows.slice(1, -1)).toHaveLength(total.total);
    expect(rows.slice(1, -1).every((r) => r[2] === '咨询')).toBe(true);
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'export.matters'),
          eq(auditLog.actorId, t.fx.staffIds['a.chief']!),
          // The entry before the first row names the filters; the one after the last, the rows.
          sql`${auditLog.details}->'filters' IS NOT NULL`,
        ),
      );
    expect(entry?.details).toMatchObject({ reason: '月度工作汇报', filters: { kpi: 'submitted', kind: 'consult' } });
  });

  it('refuses an export without a reason, and one outside the caller’s sight', async () => {
    const chief = await t.as('a.chief');
    expect((await chief.get(`/api/v1/matters/export?${PERIOD}`)).status).toBe(400);
    const other = await t.as('b.chief');
    const res = await other.get(
      `/api/v1/matters/export?unitId=${t.fx.units.stationA}&reason=${encodeURIComponent('核对')}`,
    );
    expect(res.status).toBe(403);
  });
});
