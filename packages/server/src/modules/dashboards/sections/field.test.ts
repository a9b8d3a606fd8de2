/**
 * 社区警务 on crafted field work, through the real API: visit coverage (a household counted once however often, by
 * line, enterprises apart), patrols and the 必到点 they reached (a retired point out of the base), hazards found
 * (voided apart), fixed and overdue now; each count's drill query gives its list the same total; the bureau sees its
 * stations side by side and another station's chief is refused; the visits and hazards lists export as XLSX.
 */
import { randomUUID } from 'node:crypto';
import type { DashboardSection, HazardView } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  households,
  patrolCheckins,
  patrolPoints,
  patrolSessions,
  units,
  visits,
} from '../../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { inspection, ok, record } from '../../hazards/hazards.testkit.js';

let t: TestApp;
const DAY = 86_400_000;
// The clock starts at 2026-11-23 10:00 Beijing; the test runs to 2026-11-26 10:00.
const PERIOD = 'from=2026-11-23&to=2026-11-26';
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const must = <T>(v: T | undefined | null): T => {
  if (v === undefined || v === null) throw new Error('test: missing value');
  return v;
};

async function insertVisit(side: 'a' | 'b', n: number, line: 'police' | 'cadre' | 'grid', day: string) {
  const db = t.deps.database.db;
  const householdId = must(t.fx.households[side][n]);
  const [h] = await db.select().from(households).where(eq(households.id, householdId));
  await db.insert(visits).values({
    stationId: side === 'a' ? t.fx.units.stationA : t.fx.units.stationB,
    unitPath: must(h).unitPath,
    householdId,
    householdKind: must(h).kind,
    line,
    staffId: must(t.fx.staffIds[side === 'a' ? 'a.officer' : 'b.officer']),
    visitedAt: at(day),
  });
}

async function seedVisits() {
  const db = t.deps.database.db;
  // Household a0 twice (two lines), a1 once: 2 households of 3 in the period; a2 only in the period before.
  await insertVisit('a', 0, 'police', '2026-11-23');
  await insertVisit('a', 0, 'grid', '2026-11-24');
  await insertVisit('a', 1, 'police', '2026-11-25');
  await insertVisit('a', 2, 'cadre', '2026-11-20');
  await insertVisit('b', 0, 'police', '2026-11-24');
  // An enterprise visited: its coverage is apart from households'.
  const path = must(
    (
      await db
        .select()
        .from(households)
        .where(eq(households.id, must(t.fx.households.a[0])))
    )[0],
  );
  const [shop] = await db
    .insert(households)
    .values({
      unitId: t.fx.units.gridA2,
      unitPath: path.unitPath.replace(`${t.fx.units.gridA1}/`, `${t.fx.units.gridA2}/`),
      kind: 'enterprise',
      name: 'A村超市',
      address: 'A村2组超市',
      doorplateCode: 'A-E1',
      doorplateToken: randomUUID(),
    })
    .returning();
  await db.insert(visits).values({
    stationId: t.fx.units.stationA,
    unitPath: must(shop).unitPath,
    householdId: must(shop).id,
    householdKind: 'enterprise',
    line: 'police',
    purpose: 'inspection',
    staffId: must(t.fx.staffIds['a.officer']),
    visitedAt: at('2026-11-24'),
  });
}

async function seedPatrols() {
  const db = t.deps.database.db;
  const villagePath = path(t.fx.units.villageA);
  const point = async (code: string, active: boolean, updatedAt: Date) =>
    must(
      (
        await db
          .insert(patrolPoints)
          .values({
            stationId: t.fx.units.stationA,
            unitId: t.fx.units.villageA,
            unitPath: await villagePath,
            name: `点${code}`,
            code,
            token: randomUUID(),
            active,
            createdAt: at('2026-11-01'),
            updatedAt,
          })
          .returning()
      )[0],
    );
  const p1 = await point('P1', true, at('2026-11-01'));
  await point('P2', true, at('2026-11-01'));
  await point('P3', false, at('2026-11-10')); // retired before the period
  const session = async (station: string, day: string) =>
    must(
      (
        await db
          .insert(patrolSessions)
          .values({ stationId: station, startedBy: must(t.fx.staffIds['a.officer']), startedAt: at(day) })
          .returning()
      )[0],
    );
  const s1 = await session(t.fx.units.stationA, '2026-11-24');
  await session(t.fx.units.stationA, '2026-11-15');
  await session(t.fx.units.stationB, '2026-11-24');
  await db
    .insert(patrolCheckins)
    .values({ sessionId: s1.id, pointId: p1.id, scannedAt: at('2026-11-24', 11), recordedBy: s1.startedBy });
}

async function path(unitId: string) {
  const [u] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return must(u).path;
}

async function seedHazards() {
  const officer = await t.as('a.officer');
  const chief = await t.as('a.chief');
  const A = t.fx.units.stationA;
  const act = (c: Client, h: HazardView, what: string, body: Record<string, unknown>) =>
    ok(c.post(`/api/v1/hazards/${h.id}/${what}`, { version: h.version, ...body }));
  // H1: deadline tomorrow, never fixed: overdue by the 26th. H2: fixed and verified on the 25th. H3: voided.
  await ok(record(officer, A, inspection(t, { deadlineOn: '2026-11-24' })));
  const h2 = await ok(record(officer, A, inspection(t, { place: 'A村2组配电箱' })));
  const h3 = await ok(record(officer, A, inspection(t, { place: '重复登记' })));
  await act(chief, h3, 'void', { reason: '重复登记' });
  await ok(record(await t.as('b.officer'), t.fx.units.stationB, inspection(t, { unitId: t.fx.units.gridB1 })));
  t.clock.advance(2 * DAY);
  // Two days on, the sessions have expired: sign in again.
  const fixed = await act(await t.as('a.officer'), h2, 'rectify', { note: '已更换配电箱' });
  await act(await t.as('a.chief'), fixed, 'verify', { accepted: true, note: '现场复核' });
  t.clock.advance(DAY);
}

beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'f.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  await seedVisits();
  await seedPatrols();
  await seedHazards();
}, 120_000);
afterAll(() => t.close());

const section = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/dashboards/sections/field?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DashboardSection;
};
const figure = (s: DashboardSection, id: string) => must(s.figures.find((f) => f.id === id));
const PATHS = { visits: 'visits', hazards: 'hazards', patrols: 'patrol-sessions' } as const;
/** The total of the list a drill target opens (its station: the caller's, as the console page does). */
async function drillTotal(c: Client, drill: { list: string; query: Record<string, string> }, stationId: string) {
  const route = PATHS[drill.list as keyof typeof PATHS];
  const res = await c.get(`/api/v1/stations/${stationId}/${route}?${new URLSearchParams(drill.query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { total: number }).total;
}

describe('社区警务 of a station', () => {
  it('counts coverage, patrols and hazards by their rules, and each count’s list holds as many rows', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    const values = Object.fromEntries(s.figures.map((f) => [f.id, f.value]));
    expect(values).toEqual({
      visit_coverage: 2 / 3,
      visits: 3,
      coverage_police: 2 / 3,
      coverage_cadre: 0,
      coverage_grid: 1 / 3,
      patrols: 1,
      patrol_points: 1 / 2,
      hazards_found: 2,
      hazards_fixed: 1,
      hazards_overdue: 1,
    });
    expect(figure(s, 'visit_coverage').parts).toEqual({ numerator: 2, denominator: 3 });
    expect(figure(s, 'patrol_points').parts).toEqual({ numerator: 1, denominator: 2 });
    // The period before (11-19 to 11-22) had a2's cadre visit; an overdue count has no comparison.
    expect(figure(s, 'visit_coverage').previous).toBe(1 / 3);
    expect(figure(s, 'hazards_overdue').previous).toBeNull();
    const A = t.fx.units.stationA;
    for (const id of ['visits', 'patrols', 'hazards_found', 'hazards_fixed', 'hazards_overdue'])
      expect(await drillTotal(chief, must(figure(s, id).drill), A), id).toBe(values[id]);
    // A rate opens its numerator: the households visited, each once.
    expect(await drillTotal(chief, must(figure(s, 'visit_coverage').drill), A)).toBe(2);
    expect(await drillTotal(chief, must(figure(s, 'coverage_grid').drill), A)).toBe(1);
  });

  it('draws coverage by village and visits by line, each bar opening its list', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    const byUnit = must(s.charts.find((c) => c.id === 'coverage_by_unit'));
    expect(byUnit.categories).toEqual(['A村']);
    expect(byUnit.series.map((x) => x.data)).toEqual([[3], [2]]);
    const villageDrill = must(byUnit.series[1]?.drills?.[0]);
    expect(villageDrill.query).toMatchObject({ unitId: t.fx.units.villageA, first: '1' });
    expect(await drillTotal(chief, villageDrill, t.fx.units.stationA)).toBe(2);
    const byLine = must(s.charts.find((c) => c.id === 'visits_by_line'));
    expect(byLine.series.map((x) => x.data)).toEqual([
      [2, 0, 1],
      [2, 0, 1],
    ]);
  });
});

describe('社区警务 of the bureau, and scope', () => {
  it('sums its stations and shows them side by side; its drill lists the whole bureau', async () => {
    const bureau = await t.as('f.bureau');
    const s = await section(bureau, `${PERIOD}&unitId=${t.fx.units.bureau}`);
    expect(figure(s, 'visit_coverage').value).toBe(3 / 6);
    expect(figure(s, 'patrols').value).toBe(2);
    expect(figure(s, 'hazards_found').value).toBe(3);
    const byStation = Object.fromEntries(s.stations.map((x) => [x.unitName, x.values.visits]));
    expect(byStation).toEqual({ A派出所: 3, B派出所: 1 });
    expect(must(s.charts[0]).categories).toEqual(['A派出所', 'B派出所']);
    for (const id of ['visits', 'patrols', 'hazards_found'])
      expect(await drillTotal(bureau, must(figure(s, id).drill), t.fx.units.stationA), id).toBe(figure(s, id).value);
  });

  it('refuses another station’s unit, an unknown unit and a bad period', async () => {
    const other = await t.as('b.chief');
    expect((await other.get(`/api/v1/dashboards/sections/field?${PERIOD}&unitId=${t.fx.units.stationA}`)).status).toBe(
      403,
    );
    const B = t.fx.units.stationB;
    for (const list of ['visits', 'hazards', 'patrol-sessions'])
      expect((await other.get(`/api/v1/stations/${B}/${list}?${PERIOD}&unitId=${t.fx.units.villageA}`)).status).toBe(
        403,
      );
    expect((await other.get(`/api/v1/stations/${B}/visits?unitId=${randomUUID()}`)).status).toBe(404);
    const chief = await t.as('a.chief');
    expect((await chief.get('/api/v1/dashboards/sections/field?from=2026-11-26&to=2026-11-23')).status).toBe(400);
    const A = t.fx.units.stationA;
    expect((await chief.get(`/api/v1/stations/${A}/visits?from=2026-11-23`)).status).toBe(400);
    expect((await chief.get(`/api/v1/stations/${A}/hazards?set=found`)).status).toBe(400);
  });
});

async function sheetRows(res: { raw: { rawPayload: Buffer } }) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  must(book.worksheets[0]).eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

const audited = async (action: string) =>
  t.deps.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, action),
        eq(auditLog.actorId, must(t.fx.staffIds['a.chief'])),
        // The entry before the first row names the filters; the one after the last, the rows.
        sql`${auditLog.details}->'filters' IS NOT NULL`,
      ),
    );

describe('the visits and hazards exports', () => {
  const reason = encodeURIComponent('月度工作汇报');

  it('write the filtered visits with the watermark last, and audit the reason', async () => {
    const chief = await t.as('a.chief');
    const A = t.fx.units.stationA;
    const filter = `${PERIOD}&line=police`;
    const { total } = (await chief.get(`/api/v1/stations/${A}/visits?${filter}`)).body as { total: number };
    expect(total).toBe(3); // a0, a1 and the enterprise
    const res = await chief.get(`/api/v1/stations/${A}/visits/export?${filter}&reason=${reason}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res as never);
    expect(rows[0]?.[0]).toBe('走访时间');
    expect(rows.slice(1, -1)).toHaveLength(total);
    expect(rows.slice(1, -1).every((r) => r[4] === '公安警力线')).toBe(true);
    expect(String(rows.at(-1)?.[0])).toContain('导出人 a.chief');
    const [entry] = await audited('export.visits');
    expect(entry?.details).toMatchObject({ reason: '月度工作汇报', filters: { line: 'police' } });
    expect((await chief.get(`/api/v1/stations/${A}/visits/export?${filter}`)).status).toBe(400);
  });

  it('write the hazards a figure counted, and refuse without a reason', async () => {
    const chief = await t.as('a.chief');
    const A = t.fx.units.stationA;
    const filter = `${PERIOD}&set=found`;
    const { total } = (await chief.get(`/api/v1/stations/${A}/hazards?${filter}`)).body as { total: number };
    expect(total).toBe(2);
    const res = await chief.get(`/api/v1/stations/${A}/hazards/export?${filter}&reason=${reason}`);
    expect(res.status).toBe(200);
    const rows = await sheetRows(res as never);
    expect(rows[0]?.[0]).toBe('发现时间');
    expect(rows.slice(1, -1)).toHaveLength(total);
    expect(String(rows.at(-1)?.[0])).toContain('导出人 a.chief');
    const [entry] = await audited('export.hazards');
    expect(entry?.details).toMatchObject({ reason: '月度工作汇报', filters: { set: 'found' } });
    expect((await chief.get(`/api/v1/stations/${A}/hazards/export?${filter}`)).status).toBe(400);
    const other = await t.as('b.chief');
    expect((await other.get(`/api/v1/stations/${A}/hazards/export?reason=${reason}`)).status).toBe(403);
  });
});
