/**
 * The 考核指标 rollups give the numbers the direct count gives: over the demo county's six months (reopenings,
 * escalations, several evaluation rounds, matters still open past their deadline), for the bureau and each station,
 * over single days, weeks across a month's end, whole months, a quarter, the year so far and the running day — and
 * again as the clock passes deadlines. (kpis.test.ts follows changes made through the API into the rollups.)
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  type DashboardSection,
  dayOf,
  type KpiDashboard,
  type Period,
  type PublicEvaluationView,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildDemoApp, type DemoApp } from '../../test/demo.js';
import { quiet } from '../../test/harness.js';
import { requestEvaluation } from '../evaluations/evaluations.service.js';
import { rollKpis, rollupsReady } from './kpi-rollup.js';
import { unitKpis } from './kpis.service.js';
import { deskSection } from './sections/desk.js';
import { evaluationsSection } from './sections/evaluations.js';
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
    const [rows] = rowsOf<{ matters: number; requests: number; parts: number }>(
      await demo.deps.database.db.execute(sql`SELECT (SELECT count(*) FROM kpi_matters)::int AS matters,
        (SELECT count(*) FROM kpi_requests)::int AS requests, (SELECT count(*) FROM kpi_rollup)::int AS parts`),
    );
    expect(rows!.matters).toBeGreaterThan(1000);
    // The evaluation requests are counted too: each answered one adds parts, kept to be subtracted on a recount.
    expect(rows!.requests).toBeGreaterThan(100);
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

  it.each([
    ['desk', deskSection, 'submitted'],
    ['evaluations', evaluationsSection, 'satisfaction'],
  ] as const)(
    'give the %s section and its stations what the direct count gives',
    async (area, spec, figure) => {
      const bureau = paths.find((u) => u.kind === 'bureau')!;
      const today = dayOf(demo.clock.now());
      const periods = periodsAround(today).filter((_, i) => i % 3 === 0);
      const read = async (q: Period) => {
        const res = await demo.reader.get(
          `/api/v1/dashboards/sections/${area}?unitId=${bureau.id}&from=${q.from}&to=${q.to}`,
        );
        expect(res.status).toBe(200);
        const section = res.body as DashboardSection;
        const units = await Promise.all(paths.map((u) => unitSection(ctx(), spec, { id: u.id, path: u.path }, q)));
        return { section, units };
      };
      const rolled = await Promise.all(periods.map(read));
      // The year so far has figures to compare (受理, a 满意率 of rated answers).
      expect(rolled.at(-2)!.section.figures.find((f) => f.id === figure)!.value).toBeGreaterThan(0);
      // The same sections counted directly: the rollups set aside for a moment.
      await demo.deps.database.db.execute(sql`UPDATE kpi_state SET ready = false`);
      try {
        const direct = await Promise.all(periods.map(read));
        expect(rolled).toEqual(direct);
      } finally {
        await demo.deps.database.db.execute(sql`UPDATE kpi_state SET ready = true`);
      }
    },
    300_000,
  );

  it('follow a request opened and answered unsatisfied into the 评价 tab, from the committed events', async () => {
    const station = paths.find((u) => u.kind === 'station')!;
    const today = dayOf(demo.clock.now());
    const q = { from: today, to: today };
    const unsatisfied = async () => {
      const res = await demo.reader.get(
        `/api/v1/dashboards/sections/evaluations?unitId=${station.id}&from=${q.from}&to=${q.to}`,
      );
      expect(res.status).toBe(200);
      return (res.body as DashboardSection).figures.find((f) => f.id === 'unsatisfied')!.value;
    };
    const before = await unsatisfied();
    const { token } = await demo.deps.database.db.transaction((tx) =>
      requestEvaluation(tx, ctx(), {
        type: 'reception',
        subject: { type: 'reception', id: randomUUID() },
        stationId: station.id,
        unitPath: station.path,
        expiresInDays: 7,
      }),
    );
    const view = await demo.anyone.get(`/api/v1/public/evaluations/${token}`);
    expect(view.status).toBe(200);
    // Every question the form asks answered, the satisfaction one (options marked satisfied or not) unsatisfied.
    const { template } = view.body as PublicEvaluationView;
    const answers: Record<string, unknown> = {};
    for (const question of template.questions) {
      const skipped = question.skipIf?.in.includes(answers[question.skipIf.question] as string);
      if (!question.required || skipped) continue;
      const options = question.options ?? [];
      const pick = options.find((o) => o.satisfied === false) ?? options[0];
      if (question.kind === 'many_choices') answers[question.id] = [pick!.value];
      else if (pick) answers[question.id] = pick.value;
      else if (question.kind === 'yes_no') answers[question.id] = false;
      else if (question.kind === 'text') answers[question.id] = '等了太久';
      else answers[question.id] = 1;
    }
    const answered = await demo.anyone.post(
      `/api/v1/public/evaluations/${token}`,
      { version: template.version, answers },
      { 'user-agent': 'phone-rollup-test' },
    );
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    // Not counted until the job has read the events (a few seconds behind); then counted once.
    demo.clock.advance(60_000);
    expect(await unsatisfied()).toBe(before);
    await rollKpis(ctx());
    expect(await unsatisfied()).toBe(Number(before) + 1);
    const rolled = await unitSection(ctx(), evaluationsSection, station, q);
    await demo.deps.database.db.execute(sql`UPDATE kpi_state SET ready = false`);
    try {
      expect(rolled).toEqual(await unitSection(ctx(), evaluationsSection, station, q));
    } finally {
      await demo.deps.database.db.execute(sql`UPDATE kpi_state SET ready = true`);
    }
  }, 120_000);

  it('judge deadlines as the clock passes them, with no event at all', async () => {
    demo.clock.advance(7 * 3_600_000);
    await expectSameFigures('seven hours later');
    demo.clock.advance(24 * 3_600_000);
    await expectSameFigures('a day later');
  }, 300_000);
});
