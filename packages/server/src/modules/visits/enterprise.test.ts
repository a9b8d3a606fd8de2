/**
 * Visits beyond households, through the API: an enterprise or unit (企业/单位) stands at its doorplate with a
 * name, is inspected on its own, shorter interval and covered apart from households; and a safety-alliance
 * volunteer logs the visits it joins in its own grid, as the grid line, finding addresses without seeing anyone's
 * personal data.
 */
import type { HouseholdView, VisitAddress, VisitCoverage, VisitLogged, VisitPlan, VisitView } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let chief: Client;
let officer: Client;
let volunteer: Client;
let volunteerA2: Client;
let factory: HouseholdView;
let volunteerId: string;

const stationA = () => t.fx.units.stationA;
const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

/** Everyone signs in (again, after the clock moved past their sessions). */
async function signIn() {
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  volunteer = await t.as('a.vol1');
  volunteerA2 = await t.as('a.vol2');
}

beforeAll(async () => {
  t = await buildTestApp();
  volunteerId = await addStaff(t, 'a.vol1', ['volunteer'], t.fx.units.gridA1);
  await addStaff(t, 'a.vol2', ['volunteer'], t.fx.units.gridA2);
  await signIn();
}, 60_000);
afterAll(() => t.close());

describe('an enterprise at a doorplate', () => {
  it('is added with its name; a household has none and an enterprise must have one', async () => {
    const res = await chief.post('/api/v1/households', {
      unitId: t.fx.units.gridA1,
      address: 'A村工业路8号',
      doorplateCode: 'A-E1',
      kind: 'enterprise',
      name: '兴旺木材加工厂',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    factory = res.body as HouseholdView;
    expect(factory).toMatchObject({ kind: 'enterprise', name: '兴旺木材加工厂' });
    const nameless = await chief.post('/api/v1/households', {
      unitId: t.fx.units.gridA1,
      address: 'A村工业路9号',
      doorplateCode: 'A-E2',
      kind: 'enterprise',
    });
    expect(nameless.status).toBe(400);
    // Found by its name in the household list.
    const found = await chief.get(`/api/v1/households?unitId=${t.fx.units.gridA1}&q=${encodeURIComponent('木材')}`);
    expect((found.body as { items: HouseholdView[] }).items.map((h) => h.id)).toEqual([factory.id]);
  });

  it('is inspected on the enterprise interval and shows its name in the plan', async () => {
    const saved = await chief.put(`/api/v1/stations/${stationA()}/visit-settings`, {
      everyMonths: 12,
      enterpriseEveryMonths: 3,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const res = await officer.post('/api/v1/visits', {
      householdId: factory.id,
      line: 'police',
      purpose: 'inspection',
      note: '检查消防器材和疏散通道',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body as VisitLogged).toMatchObject({ householdKind: 'enterprise', householdName: '兴旺木材加工厂' });
    await officer.post('/api/v1/visits', { householdId: t.fx.households.a[0], line: 'police' });
    // A quarter later the factory is due again; the household visited the same day is not.
    t.clock.advance(92 * 86_400_000);
    await signIn();
    const plan = (await chief.get(`/api/v1/stations/${stationA()}/visit-plan?withinDays=0`)).body as VisitPlan;
    const due = plan.items.find((i) => i.householdId === factory.id);
    expect(due).toMatchObject({ kind: 'enterprise', name: '兴旺木材加工厂' });
    expect(plan.items.some((i) => i.householdId === t.fx.households.a[0])).toBe(false);
    const onlyEnterprises = (await chief.get(`/api/v1/stations/${stationA()}/visit-plan?withinDays=0&kind=enterprise`))
      .body as VisitPlan;
    expect(onlyEnterprises.items.map((i) => i.householdId)).toEqual([factory.id]);
  });

  it('is covered apart from households, each equal to counting the tables', async () => {
    const period = 'from=2020-01-01&to=2099-12-31';
    const households = (await chief.get(`/api/v1/stations/${stationA()}/visit-coverage?${period}`))
      .body as VisitCoverage;
    const enterprises = (await chief.get(`/api/v1/stations/${stationA()}/visit-coverage?${period}&kind=enterprise`))
      .body as VisitCoverage;
    const count = async (kind: string) =>
      rowsOf<{ households: number; visited: number }>(
        await t.deps.database.db.execute(sql`
          SELECT (SELECT count(*)::int FROM households WHERE unit_path LIKE ${`%/${stationA()}/%`} AND kind = ${kind}) AS households,
                 (SELECT count(DISTINCT v.household_id)::int FROM visits v JOIN households h ON h.id = v.household_id
                   WHERE v.station_id = ${stationA()} AND h.kind = ${kind}) AS visited`),
      )[0];
    expect({ households: households.households, visited: households.visited }).toEqual(await count('household'));
    expect({ households: enterprises.households, visited: enterprises.visited }).toEqual(await count('enterprise'));
    expect(enterprises).toMatchObject({ households: 1, visited: 1, visits: 1 });
    const unvisited = await chief.get(
      `/api/v1/stations/${stationA()}/visit-coverage/unvisited?${period}&kind=enterprise`,
    );
    expect((unvisited.body as { total: number }).total).toBe(0);
  });
});

describe('a volunteer joins visits', () => {
  it('finds addresses in its own grid only, with no personal data', async () => {
    const res = await volunteer.get('/api/v1/visits/addresses');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = res.body as VisitAddress[];
    expect(found.map((a) => a.householdId).sort()).toEqual([...t.fx.households.a, factory.id].sort());
    expect(Object.keys(found[0] ?? {}).sort()).toEqual(['address', 'householdId', 'kind', 'name', 'unitName']);
    const other = (await volunteerA2.get('/api/v1/visits/addresses')).body as VisitAddress[];
    expect(other).toEqual([]);
    const byName = (await volunteer.get(`/api/v1/visits/addresses?q=${encodeURIComponent('加工厂')}`))
      .body as VisitAddress[];
    expect(byName.map((a) => a.householdId)).toEqual([factory.id]);
  });

  it('logs a visit it went on as the grid line, in its grid only, and sees it among its own', async () => {
    const police = await volunteer.post('/api/v1/visits', { householdId: t.fx.households.a[1], line: 'police' });
    expect(police.status).toBe(400);
    expect(error(police).message).toContain('社区网格线');
    const logged = await volunteer.post('/api/v1/visits', {
      householdId: t.fx.households.a[1],
      line: 'grid',
      purpose: 'anti_fraud',
      note: '陪同网格员上门发放反诈宣传单',
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(200);
    const elsewhere = await volunteerA2.post('/api/v1/visits', { householdId: t.fx.households.a[1], line: 'grid' });
    expect(elsewhere.status).toBe(404);
    const mine = (await volunteer.get('/api/v1/visits/mine')).body as { items: VisitView[] };
    expect(mine.items.map((v) => v.id)).toEqual([(logged.body as VisitLogged).id]);
    // The station's lists, plans and coverage stay closed to it.
    expect((await volunteer.get(`/api/v1/stations/${stationA()}/visits`)).status).toBe(403);
    expect((await volunteer.get(`/api/v1/stations/${stationA()}/visit-plan`)).status).toBe(403);
  });

  it('counts a visit it went on as a companion among its own', async () => {
    const res = await officer.post('/api/v1/visits', {
      householdId: t.fx.households.a[2],
      line: 'police',
      companionIds: [volunteerId],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mine = (await volunteer.get('/api/v1/visits/mine')).body as { items: VisitView[] };
    expect(mine.items.map((v) => v.id)).toContain((res.body as VisitLogged).id);
  });
});
