/**
 * 走访入户必评 through the API: a logged visit opens its evaluation at once (the visitor shows
 * its QR), the household finds it on its doorplate page until it is answered, a fresh link from
 * the doorplate retires the earlier one, and only staff who see the household may log a visit.
 */
import type { VisitLogged, VisitView, WaitingEvaluations } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluationRequests } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
}, 60_000);
afterAll(() => t.close());

const DAY = 86_400_000;
const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const plate = (n = 0) => t.fx.doorplateTokens.a[n] as string;
const waiting = async (token: string) => {
  const res = await t.anonymous().get(`/api/v1/public/doorplates/${token}/evaluations`);
  expect(res.status).toBe(200);
  return (res.body as WaitingEvaluations).items;
};

async function logVisit(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/visits', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as VisitLogged;
}

describe('a household visit and its evaluation', () => {
  it('opens the evaluation with the visit, lists it on the doorplate, reissues it, and takes one answer', async () => {
    const householdId = t.fx.households.a[0] as string;
    const note = '了解家中老人独居情况，宣传防诈骗';
    const visit = await logVisit(officer, { householdId, line: 'police', note });
    expect(visit).toMatchObject({
      householdId,
      address: 'A村1组1号',
      line: 'police',
      staffId: t.fx.staffIds['a.officer'],
      note,
      evaluated: false,
      visitedAt: t.clock.now().toISOString(),
    });
    expect(visit.evaluation.path).toMatch(/^\/e\/[A-Za-z0-9_-]{20,}$/);
    expect(Date.parse(visit.evaluation.expiresAt) - t.clock.now().getTime()).toBe(7 * DAY);
    const [request] = await t.deps.database.db
      .select()
      .from(evaluationRequests)
      .where(eq(evaluationRequests.subjectId, visit.id));
    expect(request).toMatchObject({ type: 'visit', subjectType: 'visit', householdId, ratedStaffId: visit.staffId });

    // The doorplate lists it by what and when, never the visitor's name or the note.
    const items = await waiting(plate(0));
    const month = t.clock.now().toISOString().slice(5, 10);
    expect(items).toEqual([
      expect.objectContaining({
        id: request!.id,
        type: 'visit',
        matterNumber: null,
        title: `走访入户 · ${month}`,
        stationName: 'A派出所',
      }),
    ]);
    expect(JSON.stringify(items)).not.toContain(note);
    expect(JSON.stringify(items)).not.toContain('a.officer');
    // Another household's doorplate does not list it.
    expect(await waiting(plate(1))).toEqual([]);

    // 去评价 from the doorplate: a fresh link; the officer's QR stops working.
    const link = await t.anonymous().post(`/api/v1/public/doorplates/${plate(0)}/evaluations/${request!.id}/link`);
    expect(link.status).toBe(200);
    const fresh = (link.body as { path: string }).path;
    expect(fresh).not.toBe(visit.evaluation.path);
    const api = (path: string) => `/api/v1/public/evaluations/${path.slice('/e/'.length)}`;
    expect((await t.anonymous().get(api(visit.evaluation.path))).status).toBe(404);
    const opened = await t.anonymous().get(api(fresh));
    expect(opened.body).toMatchObject({ type: 'visit', stationName: 'A派出所' });
    const answered = await t.anonymous().post(api(fresh), { version: 0, answers: { overall: 'satisfied' } });
    expect(answered.status).toBe(200);

    expect(await waiting(plate(0))).toEqual([]);
    const again = await t.anonymous().post(`/api/v1/public/doorplates/${plate(0)}/evaluations/${request!.id}/link`);
    expect(again.status).toBe(409);
    const list = await officer.get(`/api/v1/stations/${t.fx.units.stationA}/visits`);
    expect(list.status).toBe(200);
    expect((list.body as { items: VisitView[] }).items.find((v) => v.id === visit.id)).toMatchObject({
      evaluated: true,
    });
    const logged = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'visit.log'));
    expect(logged.map((e) => e.targetId)).toContain(visit.id);
    expect(JSON.stringify(logged)).not.toContain(note);
  });

  it('refuses a request of another household through this doorplate, and counts the links per door', async () => {
    const other = await logVisit(officer, { householdId: t.fx.households.a[2], line: 'grid' });
    const [request] = await t.deps.database.db
      .select()
      .from(evaluationRequests)
      .where(eq(evaluationRequests.subjectId, other.id));
    const foreign = await t.anonymous().post(`/api/v1/public/doorplates/${plate(1)}/evaluations/${request!.id}/link`);
    expect(foreign.status).toBe(404);
    const unknown = await t.anonymous().get(`/api/v1/public/doorplates/${'x'.repeat(24)}/evaluations`);
    expect(unknown.status).toBe(404);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await t.anonymous().post(`/api/v1/public/doorplates/${plate(2)}/evaluations/${request!.id}/link`)).status,
      );
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
  });

  it('drops an expired request from the doorplate: it stays not rated', async () => {
    const visit = await logVisit(officer, { householdId: t.fx.households.a[1], line: 'cadre' });
    expect((await waiting(plate(1))).length).toBe(1);
    t.clock.advance(8 * DAY);
    try {
      expect(await waiting(plate(1))).toEqual([]);
      const api = `/api/v1/public/evaluations/${visit.evaluation.path.slice(3)}`;
      expect((await t.anonymous().get(api)).status).toBe(410);
    } finally {
      t.clock.advance(-8 * DAY);
    }
  });

  it('takes a past visit, and refuses one in the future in Chinese', async () => {
    const at = new Date(t.clock.now().getTime() - 2 * DAY).toISOString();
    const past = await logVisit(officer, { householdId: t.fx.households.a[1], line: 'police', visitedAt: at });
    expect(past.visitedAt).toBe(at);
    const future = new Date(t.clock.now().getTime() + DAY).toISOString();
    const res = await officer.post('/api/v1/visits', {
      householdId: t.fx.households.a[1],
      line: 'police',
      visitedAt: future,
    });
    expect(res.status).toBe(400);
    expect(error(res).message).toContain('走访时间不能晚于现在');
  });
});

describe('who may log and list visits', () => {
  it('lets a grid worker visit in the village, never another station’s household', async () => {
    await logVisit(await t.as('a.grid'), { householdId: t.fx.households.a[0], line: 'grid' });
    const b = await t.as('b.officer');
    const res = await b.post('/api/v1/visits', { householdId: t.fx.households.a[0], line: 'police' });
    expect(res.status).toBe(404);
    expect((await b.get(`/api/v1/stations/${t.fx.units.stationA}/visits`)).status).toBe(403);
    expect((await (await t.as('b.chief')).get(`/api/v1/stations/${t.fx.units.stationA}/visits`)).status).toBe(403);
  });

  it('refuses roles without the capability, a partner department, and the anonymous', async () => {
    const body = { householdId: t.fx.households.a[0], line: 'police' };
    expect((await (await t.as('sysadmin')).post('/api/v1/visits', body)).status).toBe(403);
    expect((await (await t.as('a.liaison')).post('/api/v1/visits', body)).status).toBe(403);
    expect((await t.anonymous().post('/api/v1/visits', body)).status).toBe(401);
    expect((await t.anonymous().get(`/api/v1/stations/${t.fx.units.stationA}/visits`)).status).toBe(401);
  });

  it('lists the station’s visits newest first, paged', async () => {
    const chief = await t.as('a.chief');
    const res = await chief.get(`/api/v1/stations/${t.fx.units.stationA}/visits?pageSize=2`);
    expect(res.status).toBe(200);
    const body = res.body as { items: VisitView[]; total: number; pageSize: number };
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
    const times = body.items.map((v) => Date.parse(v.visitedAt));
    expect(times[0]).toBeGreaterThanOrEqual(times[1]!);
  });
});
