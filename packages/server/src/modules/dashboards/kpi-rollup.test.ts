/**
 * The 考核指标 rollups give the numbers the direct count gives: over the demo county's six months (reopenings,
 * escalations, several evaluation rounds, matters still open past their deadline), for the bureau and each station,
 * over single days, weeks across a month's end, whole months, a quarter, the year so far and the running day — and
 * again as the clock passes deadlines. (kpis.test.ts follows changes made through the API into the rollups.)
 */
import { addDays, type DashboardSection, dayOf, type KpiDashboard, type Period } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildDemoApp, type DemoApp } from '../../test/demo.js';
import { quiet } from '../../test/harness.js';
import { rollKpis, rollupsReady } from './kpi-rollup.js';
import { unitKpis } from './kpis.service.js';
import { deskSection } from './sections/desk.js';
import { unitSection } from './sections.service.js';

let demo: DemoApp;
let paths: { id: string; path: string; kind: string }[];

beforeAll(async () => {
  demo = await buildDemoApp();
  paths = await demo.deps.database.db
    .select({ id: units.id, path: units.path, kind: units.kind })
    .from(units)
    .where(sql`${units.kind} IN ('station', 'bureau')`);
}, 120_000);
afterAll(() => demo.close());

const ctx = () => systemCtx(demo.deps, quiet as never);

function periodsAround(today: string): Period[] {
  const month = today.slice(0, 7);
  const monthStart = (back: number) => {
    const d = new Date(`${month}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back);
    return d.toISOString().slice(0, 10);
  };
  const periods: Period[] = [];
  for (let i = 0; i < 10; i++) periods.push({ from: addDays(today, -i * 3), to: addDays(today, -i * 3) });
  for (let back = 1; back <= 6; back++) periods.push({ from: monthStart(back), to: addDays(monthStart(back - 1), -1) });
  periods.push(
    { from: `${month}-01`, to: today },
    { from: addDays(monthStart(1), 20), to: addDays(monthStart(0), 5) },
    { from: addDays(monthStart(3), 9), to: addDays(today, -2) },
    { from: monthStart(5), to: today },
    { from: `${today.slice(0, 4)}-01-01`, to: today },
    { from: addDays(today, -6), to: addDays(today, 3) },
  );
  return periods;
}

async function expectSameFigures(label: string) {
  const today = dayOf(demo.clock.now());
  for (const unit of paths)
    for (const p of periodsAround(today)) {
      const rolled = await unitKpis(ctx(), unit.path, p);
      const direct = await unitKpis(ctx(), unit.path, p, 'direct');
      expect(rolled, `${label}: ${unit.kind} ${unit.path} ${p.from}..${p.to}`).toEqual(direct);
    }
}

describe('考核指标 rollups', () => {
  it('are counted once from every matter, and then equal the direct count', async () => {
    expect(await rollupsReady(demo.deps.database.db)).toBe(false);
    await rollKpis(ctx());
    expect(await rollupsReady(demo.deps.database.db)).toBe(true);
    const [rows] = rowsOf<{ matters: number; parts: number }>(
      await demo.deps.database.db.execute(sql`SELECT (SELECT count(*) FROM kpi_matters)::int AS matters,
        (SELECT count(*) FROM kpi_rollup)::int AS parts`),
    );
    expect(rows!.matters).toBeGreaterThan(1000);
    await expectSameFigures('first count');
  }, 300_000);

  it('show the bureau its stations side by side as the direct count does', async () => {
    const bureau = paths.find((u) => u.kind === 'bureau')!;
    const today = dayOf(demo.clock.now());
    const q = { from: `${today.slice(0, 7)}-01`, to: today };
    const res = await demo.reader.get(`/api/v1/dashboards/kpis?unitId=${bureau.id}&from=${q.from}&to=${q.to}`);
    expect(res.status).toBe(200);
    const body = res.body as KpiDashboard;
    expect(body.stations.length).toBeGreaterThan(1);
    for (const s of body.stations) {
      const station = paths.find((u) => u.id === s.unitId)!;
      expect(s.current).toEqual(await unitKpis(ctx(), station.path, q, 'direct'));
    }
    expect(body.current).toEqual(await unitKpis(ctx(), bureau.path, q, 'direct'));
  }, 120_000);

  it('give the desk section (受理 by kind and by hour, 当前超期) and its stations what the direct count gives', async () => {
    const bureau = paths.find((u) => u.kind === 'bureau')!;
    const today = dayOf(demo.clock.now());
    const periods = periodsAround(today).filter((_, i) => i % 3 === 0);
    const read = async (q: Period) => {
      const res = await demo.reader.get(
        `/api/v1/dashboards/sections/desk?unitId=${bureau.id}&from=${q.from}&to=${q.to}`,
      );
      expect(res.status).toBe(200);
      const section = res.body as DashboardSection;
      const units = await Promise.all(paths.map((u) => unitSection(ctx(), deskSection, { id: u.id, path: u.path }, q)));
      return { section, units };
    };
    const rolled = await Promise.all(periods.map(read));
    expect(rolled[0]!.section.figures.find((f) => f.id === 'submitted')!.value).toBeGreaterThan(0);
    // The same sections counted directly: the rollups set aside for a moment.
    await demo.deps.database.db.execute(sql`UPDATE kpi_state SET ready = false`);
    try {
      const direct = await Promise.all(periods.map(read));
      expect(rolled).toEqual(direct);
    } finally {
      await demo.deps.database.db.execute(sql`UPDATE kpi_state SET ready = true`);
    }
  }, 300_000);

  it('judge deadlines as the clock passes them, with no event at all', async () => {
    demo.clock.advance(7 * 3_600_000);
    await expectSameFigures('seven hours later');
    demo.clock.advance(24 * 3_600_000);
    await expectSameFigures('a day later');
  }, 300_000);
});
