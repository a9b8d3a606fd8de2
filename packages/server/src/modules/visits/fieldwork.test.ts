/**
 * 走访入户 in the field, through the API: a visit with its purpose and companions, resent from a phone's
 * offline queue without a second record; what it found made a matter or a dispute case in one action; the
 * station's plan (who is due, care visits at the household's request, my own areas first); and coverage
 * equal to counting the tables by hand.
 */
import { randomUUID } from 'node:crypto';
import type { DeskReceipt, VisitCoverage, VisitLogged, VisitPlan, VisitView } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { disputeCases, evaluationRequests, matters, visits } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Client;
let grid: Client;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
  grid = await t.as('a.grid');
  chief = await t.as('a.chief');
}, 60_000);
afterAll(() => t.close());

const DAY = 86_400_000;
const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const hh = (n: number) => t.fx.households.a[n] as string;
const stationA = () => t.fx.units.stationA;

async function visit(client: Client, body: Record<string, unknown>, key?: string) {
  const res = await client.post('/api/v1/visits', body, key ? { 'idempotency-key': key } : undefined);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as VisitLogged;
}

describe('a visit in the field', () => {
  it('records purpose and companions, and a resend from the offline queue logs it once with the same QR', async () => {
    const key = randomUUID();
    const body = {
      householdId: hh(1),
      line: 'police',
      purpose: 'anti_fraud',
      companionIds: [t.fx.staffIds['a.aux']],
      otherVisitors: '村干部王某',
      note: '宣传防范电信诈骗，安装国家反诈中心APP',
    };
    const first = await visit(officer, body, key);
    expect(first).toMatchObject({
      purpose: 'anti_fraud',
      companions: [{ id: t.fx.staffIds['a.aux'], name: 'a.aux' }],
      otherVisitors: '村干部王某',
      raisedMatterId: null,
      raisedDisputeId: null,
    });
    const again = await visit(officer, body, key);
    expect(again.id).toBe(first.id);
    expect(again.evaluation).toEqual(first.evaluation);
    const rows = await t.deps.database.db
      .select()
      .from(visits)
      .where(eq(visits.householdId, hh(1)));
    expect(rows).toHaveLength(1);
    const requests = await t.deps.database.db
      .select()
      .from(evaluationRequests)
      .where(eq(evaluationRequests.subjectId, first.id));
    expect(requests).toHaveLength(1);
    // The same key with other content is someone else's entry: refused, nothing recorded.
    const foreign = await officer.post('/api/v1/visits', { ...body, note: '另一次' }, { 'idempotency-key': key });
    expect(foreign.status).toBe(422);
    // Kept on a phone longer than the server remembers keys: it may have been sent already, so it is refused.
    const stale = await officer.post(
      '/api/v1/visits',
      { householdId: hh(1), line: 'police', visitedAt: new Date(t.clock.now().getTime() - 40 * DAY).toISOString() },
      { 'idempotency-key': randomUUID() },
    );
    expect(stale.status).toBe(409);
    expect(error(stale).message).toContain('无法确认是否已经提交过');
    expect(
      await t.deps.database.db
        .select()
        .from(visits)
        .where(eq(visits.householdId, hh(1))),
    ).toHaveLength(1);
  });

  it('refuses companions from another station, a visit in the future and a household out of sight', async () => {
    const bad = await officer.post('/api/v1/visits', {
      householdId: hh(0),
      line: 'police',
      companionIds: [t.fx.staffIds['b.officer']],
    });
    expect(bad.status).toBe(400);
    expect(error(bad).message).toContain('同行人员');
    const future = await officer.post('/api/v1/visits', {
      householdId: hh(0),
      line: 'police',
      visitedAt: new Date(t.clock.now().getTime() + DAY).toISOString(),
    });
    expect(future.status).toBe(400);
    const foreign = await officer.post('/api/v1/visits', { householdId: t.fx.households.b[0], line: 'police' });
    expect(foreign.status).toBe(404);
    // A mediator works cases, not households.
    const mediator = await t.as('a.mediator');
    expect((await mediator.post('/api/v1/visits', { householdId: hh(0), line: 'police' })).status).toBe(403);
  });
});

describe('what a visit found, in one action', () => {
  it('makes the household’s need a matter at the household, linked both ways, once', async () => {
    const v = await visit(grid, { householdId: hh(2), line: 'grid', note: '反映村口路灯坏了' });
    const key = randomUUID();
    const body = { kind: 'help', body: '住户反映村口路灯坏了半个月，晚上出行不便' };
    const res = await grid.post(`/api/v1/visits/${v.id}/matter`, body, { 'idempotency-key': key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const receipt = res.body as DeskReceipt;
    expect(receipt).toMatchObject({ channel: 'visit', status: 'accepted' });
    const [m] = await t.deps.database.db.select().from(matters).where(eq(matters.id, receipt.id));
    expect(m).toMatchObject({ householdId: hh(2), channel: 'visit', kind: 'help' });
    // The resend answers the same matter; another request is a second matter, refused.
    const again = await grid.post(`/api/v1/visits/${v.id}/matter`, body, { 'idempotency-key': key });
    expect((again.body as DeskReceipt).id).toBe(receipt.id);
    const second = await grid.post(`/api/v1/visits/${v.id}/matter`, body, { 'idempotency-key': randomUUID() });
    expect(second.status).toBe(409);
    expect(error(second).message).toContain('已转为事项');
    const list = await officer.get(`/api/v1/stations/${stationA()}/visits?pageSize=50`);
    const shown = (list.body as { items: VisitView[] }).items.find((x) => x.id === v.id);
    expect(shown?.raisedMatterId).toBe(receipt.id);
  });

  it('makes a dispute a case found by 摸排 at the household; a grid worker cannot open cases', async () => {
    const v = await visit(officer, { householdId: hh(0), line: 'police', purpose: 'routine' });
    const body = {
      category: 'other',
      title: '宅基地界址争议',
      facts: '走访中了解到与邻居因宅基地界址问题多次争吵，双方情绪激动。',
    };
    const res = await officer.post(`/api/v1/visits/${v.id}/dispute`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const caseId = (res.body as { id: string }).id;
    const [c] = await t.deps.database.db.select().from(disputeCases).where(eq(disputeCases.id, caseId));
    expect(c).toMatchObject({ source: 'proactive', householdId: hh(0), stationId: stationA() });
    const [linked] = await t.deps.database.db.select().from(visits).where(eq(visits.id, v.id));
    expect(linked?.raisedDisputeId).toBe(caseId);
    expect((await officer.post(`/api/v1/visits/${v.id}/dispute`, body)).status).toBe(409);
    const gv = await visit(grid, { householdId: hh(0), line: 'grid' });
    expect((await grid.post(`/api/v1/visits/${gv.id}/dispute`, body)).status).toBe(403);
  });
});

describe('the visit plan', () => {
  it('lists who is due, care visits at the household’s request, and my own areas', async () => {
    const plan = async (client: Client, q = '') => {
      const res = await client.get(`/api/v1/stations/${stationA()}/visit-plan?withinDays=0${q}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as VisitPlan;
    };
    // Every household of A was visited today above: none due under a 12-month plan.
    expect((await plan(chief)).items).toEqual([]);
    // A household asks to be visited every 7 days: due a week after its last visit.
    const care = await officer.post(`/api/v1/households/${hh(0)}/care-requests`, {
      everyDays: 7,
      reason: '独居老人，希望每周来看看',
    });
    expect(care.status, JSON.stringify(care.body)).toBe(200);
    // Sessions end while the days pass: everyone signs in again.
    const later = async (days: number) => {
      t.clock.advance(days * DAY);
      [officer, grid, chief] = [await t.as('a.officer'), await t.as('a.grid'), await t.as('a.chief')];
    };
    await later(8);
    const due = await plan(chief);
    expect(due.items.map((i) => i.householdId)).toEqual([hh(0)]);
    expect(due.items[0]).toMatchObject({ careEveryDays: 7, overdueDays: 1 });
    // The officer's own list: its beat covers grid A1, where the household lives; station B's officer sees none.
    expect((await plan(officer, '&mine=1')).items.map((i) => i.householdId)).toEqual([hh(0)]);
    expect((await (await t.as('b.officer')).get(`/api/v1/stations/${stationA()}/visit-plan`)).status).toBe(403);
    // A shorter station interval brings the rest due; the officer may not change it.
    expect((await officer.put(`/api/v1/stations/${stationA()}/visit-settings`, { everyMonths: 1 })).status).toBe(403);
    await later(30);
    expect((await plan(chief)).items).toHaveLength(1);
    expect((await chief.put(`/api/v1/stations/${stationA()}/visit-settings`, { everyMonths: 1 })).status).toBe(200);
    const all = await plan(chief);
    expect(all.everyMonths).toBe(1);
    expect(all.items.map((i) => i.householdId).sort()).toEqual([...t.fx.households.a].sort());
    // The care request ends: the household follows the station's interval again.
    const end = await officer.post(`/api/v1/care-requests/${(care.body as { id: string }).id}/end`);
    expect(end.status).toBe(200);
    const requests = await chief.get(`/api/v1/stations/${stationA()}/care-requests`);
    expect(requests.body).toEqual([]);
    await chief.put(`/api/v1/stations/${stationA()}/visit-settings`, { everyMonths: 12 });
  });
});

describe('coverage', () => {
  it('equals the households and visits counted by hand, by grid, line and visitor, with the rest listed', async () => {
    const to = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(t.clock.now().getTime() - 90 * DAY).toISOString().slice(0, 10);
    await visit(grid, { householdId: hh(1), line: 'grid' });
    const res = await chief.get(`/api/v1/stations/${stationA()}/visit-coverage?from=${from}&to=${to}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const c = res.body as VisitCoverage;
    const [counts] = rowsOf<{ households: number; visited: number; visits: number; police: number; grid: number }>(
      await t.deps.database.db.execute(sql`
        SELECT (SELECT count(*)::int FROM households h JOIN units u ON h.unit_path LIKE u.path || '%' WHERE u.id = ${stationA()}) AS households,
               (SELECT count(DISTINCT household_id)::int FROM visits WHERE station_id = ${stationA()}
                  AND visited_at >= ${`${from}T00:00:00+08:00`}::timestamptz AND visited_at < (${to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS visited,
               (SELECT count(*)::int FROM visits WHERE station_id = ${stationA()}) AS visits,
               (SELECT count(*)::int FROM visits WHERE station_id = ${stationA()} AND line = 'police') AS police,
               (SELECT count(*)::int FROM visits WHERE station_id = ${stationA()} AND line = 'grid') AS grid`),
    );
    expect(c).toMatchObject({ households: counts!.households, visited: counts!.visited, visits: counts!.visits });
    expect(c.byLine).toEqual([
      expect.objectContaining({ line: 'police', visits: counts!.police }),
      { line: 'cadre', visits: 0, visited: 0 },
      expect.objectContaining({ line: 'grid', visits: counts!.grid }),
    ]);
    expect(c.byUnit.map((u) => u.name)).toEqual(['A村']);
    expect(c.byUnit[0]).toMatchObject({ households: counts!.households, visited: counts!.visited });
    expect(c.byStaff.reduce((n, s) => n + s.visits, 0)).toBe(counts!.visits);
    // The village breaks down by grid; grid A2 has no households.
    const village = await chief.get(
      `/api/v1/stations/${stationA()}/visit-coverage?from=${from}&to=${to}&unitId=${t.fx.units.villageA}`,
    );
    expect((village.body as VisitCoverage).byUnit).toEqual([
      expect.objectContaining({ name: 'A村第1网格', households: 3, visited: counts!.visited }),
      expect.objectContaining({ name: 'A村第2网格', households: 0, visited: 0 }),
    ]);
    // Nobody visited in a period before these visits: every household is listed as not visited.
    const early = await chief.get(
      `/api/v1/stations/${stationA()}/visit-coverage/unvisited?from=2026-01-01&to=2026-01-31`,
    );
    expect((early.body as { total: number }).total).toBe(counts!.households);
    const none = await chief.get(`/api/v1/stations/${stationA()}/visit-coverage/unvisited?from=${from}&to=${to}`);
    expect((none.body as { total: number }).total).toBe(counts!.households - counts!.visited);
    // Bad periods are a 400 in Chinese.
    const bad = await chief.get(`/api/v1/stations/${stationA()}/visit-coverage?from=${to}&to=${from}`);
    expect(bad.status).toBe(400);
    expect(error(bad).message).toContain('结束日期');
  });
});
