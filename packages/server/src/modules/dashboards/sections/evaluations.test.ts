/**
 * The evaluations section (评价) on crafted evaluations through the real API: 满意率 overall and by type, 不满意,
 * reviews opened and closed, callbacks done; each figure opens the evaluations list of exactly its rows (a rate: its
 * denominator); the bureau sees its stations side by side, another station's chief is refused; the list exports.
 */
import { randomUUID } from 'node:crypto';
import type { DashboardSection, DrillTarget, EvaluationType } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluationRequests, units } from '../../../db/schema/index.js';
import { systemCtx } from '../../../platform/context.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { requestEvaluation } from '../../evaluations/evaluations.service.js';

let t: TestApp;
const PERIOD = 'from=2026-11-23&to=2026-11-24';

/** What another module does after its work: open a request (the real service). */
async function open(type: EvaluationType, station: string) {
  const [unit] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, station));
  const ctx = systemCtx(t.deps, pino({ level: 'silent' }));
  return t.deps.database.db.transaction((tx) =>
    requestEvaluation(tx, ctx, {
      type,
      subject: { type, id: randomUUID() },
      stationId: station,
      unitPath: unit?.path ?? '',
      expiresInDays: 30,
    }),
  );
}

let device = 0;
/** The resident answers on the public link, each from a phone of their own and some minutes apart. */
async function answered(type: EvaluationType, overall: 'satisfied' | 'unsatisfied', station = t.fx.units.stationA) {
  const r = await open(type, station);
  t.clock.advance(20 * 60_000);
  device += 1;
  const answers = overall === 'unsatisfied' ? { overall, wrong: ['slow'] } : { overall };
  const res = await t
    .anonymous()
    .post(`/api/v1/public/evaluations/${r.token}`, { version: 0, answers }, { 'user-agent': `phone-${device}` });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return r.id;
}

beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  // 2026-11-23, station A: matters 2 satisfied and 1 not, visits 1 and 1, a reception never answered.
  for (const [type, overall] of [
    ['matter', 'satisfied'],
    ['matter', 'satisfied'],
    ['matter', 'unsatisfied'],
    ['visit', 'satisfied'],
    ['visit', 'unsatisfied'],
  ] as const)
    await answered(type, overall);
  await open('reception', t.fx.units.stationA);
  // Before the period: not counted.
  const early = await answered('matter', 'satisfied');
  await t.deps.database.db
    .update(evaluationRequests)
    .set({ createdAt: new Date('2026-11-01T04:00:00Z') })
    .where(eq(evaluationRequests.id, early));
  await answered('matter', 'satisfied', t.fx.units.stationB);
  // One of the two reviews is called back (回访) by a.aux and closed.
  const chief = await t.as('a.chief');
  const reviews = await chief.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews`);
  const review = (reviews.body as { items: { id: string }[] }).items[0]!;
  const assign = { staffId: t.fx.staffIds['a.aux'] };
  expect((await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, assign)).status).toBe(200);
  const done = await (await t.as('a.aux')).post(`/api/v1/evaluation-reviews/${review.id}/outcome`, {
    outcome: 'explained',
    note: '已解释',
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
});
afterAll(() => t.close());

const section = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/dashboards/sections/evaluations?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DashboardSection;
};
const listTotal = async (c: Client, drill: DrillTarget | null | undefined) => {
  expect(drill?.list).toBe('evaluations');
  const res = await c.get(`/api/v1/evaluations?${new URLSearchParams({ ...drill?.query, pageSize: '200' })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { total: number }).total;
};
const values = (s: DashboardSection) => Object.fromEntries(s.figures.map((f) => [f.id, f.value]));

describe('the evaluations section', () => {
  it('counts satisfaction overall and by type, unsatisfied answers, reviews and callbacks', async () => {
    const s = await section(await t.as('a.chief'), PERIOD);
    expect(values(s)).toMatchObject({
      satisfaction: 3 / 5,
      'satisfaction.matter': 2 / 3,
      'satisfaction.visit': 1 / 2,
      'satisfaction.reception': null, // asked, never answered: nothing to divide
      unsatisfied: 2,
      reviewsOpened: 2,
      reviewsClosed: 1,
      callbacksDone: 1,
      awareness: null, // no 双率 check answered in the period
    });
    expect(s.figures.find((f) => f.id === 'satisfaction')?.parts).toEqual({ numerator: 3, denominator: 5 });
  });

  it('opens the list of exactly what each figure counts: a count its rows, a rate its denominator', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    for (const f of s.figures) {
      if (!f.drill) continue;
      const expected = f.kind === 'rate' ? f.parts?.denominator : f.value;
      expect(await listTotal(chief, f.drill), f.id).toBe(expected);
    }
    const chart = s.charts.find((c) => c.id === 'byType');
    for (const series of chart?.series ?? [])
      for (const [i, n] of series.data.entries()) expect(await listTotal(chief, series.drills?.[i])).toBe(n);
    expect(chart?.series.map((x) => x.data[0])).toEqual([2, 1]); // matters: 2 satisfied, 1 not
  });

  it('puts the stations side by side for the bureau, and refuses a station outside one’s scope', async () => {
    const bureau = await t.as('q.bureau');
    const s = await section(bureau, PERIOD);
    expect(values(s)).toMatchObject({ satisfaction: 4 / 6, unsatisfied: 2 });
    const station = (name: string) => s.stations.find((x) => x.unitName === name)?.values;
    expect(station('A派出所')).toMatchObject({ satisfaction: 3 / 5, reviewsOpened: 2 });
    expect(station('B派出所')).toMatchObject({ satisfaction: 1, reviewsOpened: 0 });
    const other = await t.as('b.chief');
    const query = `${PERIOD}&unitId=${t.fx.units.stationA}`;
    expect((await other.get(`/api/v1/dashboards/sections/evaluations?${query}`)).status).toBe(403);
    expect((await other.get(`/api/v1/evaluations?${query}`)).status).toBe(403);
    expect((await other.get('/api/v1/dashboards/sections/evaluations?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    expect((await other.get('/api/v1/evaluations?from=2026-11-24')).status).toBe(400);
  });
});

describe('the evaluations export', () => {
  it('writes the filtered list as XLSX with the watermark last, and audits the reason', async () => {
    const chief = await t.as('a.chief');
    const filter = `${PERIOD}&unitId=${t.fx.units.stationA}&result=unsatisfied`;
    const total = ((await chief.get(`/api/v1/evaluations?${filter}`)).body as { total: number }).total;
    expect(total).toBe(2);
    const res = await chief.get(`/api/v1/evaluations/export?${filter}&reason=${encodeURIComponent('复核工作检查')}`);
    expect(res.status).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]?.[0]).toBe('类型');
    expect(String(rows.at(-1)?.[0])).toContain('导出人 a.chief');
    expect(rows.slice(1, -1)).toHaveLength(total);
    expect(rows.slice(1, -1).every((r) => r[6] === '不满意')).toBe(true);
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'export.evaluations'),
          eq(auditLog.actorId, t.fx.staffIds['a.chief']!),
          // The entry before the first row names the filters; the one after the last, the rows.
          sql`${auditLog.details}->'filters' IS NOT NULL`,
        ),
      );
    expect(entry?.details).toMatchObject({ reason: '复核工作检查', filters: { result: 'unsatisfied' } });
    expect((await chief.get(`/api/v1/evaluations/export?${filter}`)).status).toBe(400);
  });
});
