/**
 * Patrols through the API: a field worker starts a patrol along a route and checks in by scanning the points'
 * codes; a retry with the same key is one row; a code of another station, a replayed point, an ended patrol, a
 * scan in the future or before the start, a rotated code and a scan with no patrol are refused in Chinese;
 * another station's officer neither sees nor uses the patrol; coverage per day, week and point equals SQL counts.
 */
import { randomUUID } from 'node:crypto';
import type {
  PatrolCheckinView,
  PatrolCoverage,
  PatrolPoint,
  PatrolRoute,
  PatrolSessionDetail,
  PatrolSessionPage,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { auditLog, patrolCheckins } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let chief: Client;
let officer: Client;
const points: PatrolPoint[] = [];
let foreign: PatrolPoint;
let route: PatrolRoute;
const tokenOf = (p: PatrolPoint) => p.url!.split('/pp/')[1]!;
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const A = () => `/api/v1/stations/${t.fx.units.stationA}`;
const key = () => ({ 'idempotency-key': randomUUID() });
async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}
const checkIn = (c: Client, body: Record<string, unknown>, headers = key()) =>
  c.post('/api/v1/patrol-checkins', body, headers);

beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  for (const i of [1, 2, 3, 4])
    points.push(
      await ok<PatrolPoint>(
        chief.post(`${A()}/patrol-points`, { unitId: t.fx.units.gridA1, name: `A点${i}`, code: `A-P0${i}` }),
      ),
    );
  route = await ok<PatrolRoute>(
    chief.post(`${A()}/patrol-routes`, { name: '夜巡线', pointIds: points.slice(0, 3).map((p) => p.id) }),
  );
  foreign = await ok<PatrolPoint>(
    (await t.as('b.chief')).post(`/api/v1/stations/${t.fx.units.stationB}/patrol-points`, {
      unitId: t.fx.units.gridB1,
      name: 'B村口',
      code: 'B-P01',
    }),
  );
}, 60_000);
afterAll(() => t.close());

describe('巡逻打卡', () => {
  let session: PatrolSessionDetail;
  it('refuses a check-in before any patrol, and a start without a key', async () => {
    const none = await checkIn(officer, { token: tokenOf(points[0]!) });
    expect(none.status).toBe(409);
    expect(errorOf(none).message).toContain('请先开始巡逻');
    expect((await officer.post(`${A()}/patrol-sessions`, { routeId: route.id })).status).toBe(400);
    expect((await (await t.as('a.mediator')).post(`${A()}/patrol-sessions`, {}, key())).status).toBe(403);
    expect((await officer.get('/api/v1/patrol-sessions/mine')).body).toEqual({ session: null });
  });

  it('starts a patrol along a route once, however often the phone retries', async () => {
    const headers = key();
    session = await ok<PatrolSessionDetail>(officer.post(`${A()}/patrol-sessions`, { routeId: route.id }, headers));
    const again = await ok<PatrolSessionDetail>(officer.post(`${A()}/patrol-sessions`, { routeId: route.id }, headers));
    expect(again.id).toBe(session.id);
    expect(session).toMatchObject({
      route: { id: route.id, name: '夜巡线' },
      routeLength: 3,
      checked: 0,
      endedAt: null,
    });
    expect(session.routePoints.map((p) => [p.code, p.checkedAt])).toEqual([
      ['A-P01', null],
      ['A-P02', null],
      ['A-P03', null],
    ]);
    const second = await officer.post(`${A()}/patrol-sessions`, {}, key());
    expect(second.status).toBe(409);
    expect(errorOf(second).message).toContain('已有一次巡逻正在进行');
  });

  it('checks in at a point: time and point only, audited; the same key again is the same answer, one row', async () => {
    t.clock.advance(5 * 60_000);
    const headers = key();
    const first = await ok<PatrolCheckinView>(checkIn(officer, { token: tokenOf(points[0]!) }, headers));
    expect(first).toMatchObject({ sessionId: session.id, point: { code: 'A-P01' }, recordedBy: { name: 'a.officer' } });
    expect(first.scannedAt).toBe(t.clock.now().toISOString());
    t.clock.advance(60_000);
    expect(await ok(checkIn(officer, { token: tokenOf(points[0]!) }, headers))).toEqual(first);
    const rows = await t.deps.database.db.select().from(patrolCheckins).where(eq(patrolCheckins.sessionId, session.id));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'createdAt',
      'id',
      'pointId',
      'recordedBy',
      'scannedAt',
      'sessionId',
    ]);
    const entries = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patrol.checkin'), eq(auditLog.targetId, session.id)));
    expect(entries).toHaveLength(1);
    // The same key with other content is not a retry.
    expect((await checkIn(officer, { token: tokenOf(points[1]!) }, headers)).status).toBe(422);
  });

  it('refuses a replayed point, another station’s code, a rotated code and bad scan times, in Chinese', async () => {
    const replay = await checkIn(officer, { token: tokenOf(points[0]!) });
    expect(replay.status).toBe(409);
    expect(errorOf(replay).message).toContain('本次巡逻已在该点打卡');
    const other = await checkIn(officer, { token: tokenOf(foreign) });
    expect(other.status).toBe(409);
    expect(errorOf(other).message).toContain('B派出所的必到点，不属于本次巡逻所在的派出所');
    const future = await checkIn(officer, {
      token: tokenOf(points[1]!),
      scannedAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(errorOf(future).message).toContain('晚于现在');
    const early = await checkIn(officer, { token: tokenOf(points[1]!), scannedAt: '2020-01-01T00:00:00+08:00' });
    expect(early.status).toBe(400);
    expect(errorOf(early).message).toContain('早于本次巡逻开始');
    const old = tokenOf(points[3]!);
    await ok(chief.post(`/api/v1/patrol-points/${points[3]!.id}/rotate`, {}));
    const rotated = await checkIn(officer, { token: old });
    expect(rotated.status).toBe(404);
    expect(errorOf(rotated).message).toContain('未找到该必到点二维码');
    const bad = await checkIn(officer, { token: 'x' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('输入有误');
    const en = await (await t.as('a.officer', { locale: 'en' })).post(
      '/api/v1/patrol-checkins',
      { token: tokenOf(points[0]!) },
      key(),
    );
    expect(errorOf(en).message).toContain('already checked in at this point');
  });

  it('accepts a queued scan with its own time and marks the route’s points', async () => {
    // Queued half a minute ago: after the first check-in (a minute and a half ago), before now.
    const at = new Date(t.clock.now().getTime() - 30_000).toISOString();
    await ok(checkIn(officer, { token: tokenOf(points[2]!), sessionId: session.id, scannedAt: at }));
    const mine = (await ok<{ session: PatrolSessionDetail }>(officer.get('/api/v1/patrol-sessions/mine'))).session;
    expect(mine.checked).toBe(2);
    expect(mine.routePoints.map((p) => Boolean(p.checkedAt))).toEqual([true, false, true]);
    expect(mine.routePoints[2]!.checkedAt).toBe(at);
    expect(mine.checkins.map((c) => c.point.code)).toEqual(['A-P01', 'A-P03']);
  });

  it('keeps another station’s officer out of the patrol', async () => {
    const b = await t.as('b.officer');
    expect((await b.get(`/api/v1/patrol-sessions/${session.id}`)).status).toBe(404);
    expect((await b.get(`${A()}/patrol-sessions`)).status).toBe(403);
    expect((await b.post(`/api/v1/patrol-sessions/${session.id}/end`, {})).status).toBe(404);
    const used = await checkIn(b, { token: tokenOf(points[1]!), sessionId: session.id });
    expect(used.status).toBe(404);
  });

  it('ends the patrol; an ended patrol takes no more check-ins', async () => {
    const ended = await ok<PatrolSessionDetail>(
      officer.post(`/api/v1/patrol-sessions/${session.id}/end`, { note: '一切正常' }),
    );
    expect(ended.endedAt).toBe(t.clock.now().toISOString());
    const late = await checkIn(officer, { token: tokenOf(points[1]!), sessionId: session.id });
    expect(late.status).toBe(409);
    expect(errorOf(late).message).toContain('本次巡逻已结束');
    expect((await officer.post(`/api/v1/patrol-sessions/${session.id}/end`, {})).status).toBe(409);
    const list = await ok<PatrolSessionPage>(chief.get(`${A()}/patrol-sessions`));
    expect(list.items[0]).toMatchObject({ id: session.id, checked: 2, routeLength: 3, note: '一切正常' });
  });
});

describe('必到点覆盖', () => {
  it('counts points per day, week and point as SQL does', async () => {
    // Two more patrols on later days, one by the auxiliary.
    // (Signed in afresh each day: a day idle ends a session.)
    for (const [who, scan] of [
      ['a.aux', [0, 1]],
      ['a.officer', [1]],
    ] as const) {
      t.clock.advance(86_400_000);
      const c = await t.as(who);
      const s = await ok<PatrolSessionDetail>(c.post(`${A()}/patrol-sessions`, {}, key()));
      for (const i of scan) await ok(checkIn(c, { token: tokenOf(points[i]!) }));
      await ok(c.post(`/api/v1/patrol-sessions/${s.id}/end`, {}));
    }
    const from = '2026-11-20';
    const to = '2026-11-30';
    officer = await t.as('a.officer');
    const cov = await ok<PatrolCoverage>(officer.get(`${A()}/patrol-coverage?from=${from}&to=${to}`));
    const perDay = rowsOf<{ day: string; n: number }>(
      await t.deps.database.db.execute(sql`
        SELECT to_char((c.scanned_at + interval '8 hours') AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(DISTINCT c.point_id)::int AS n
          FROM patrol_checkins c JOIN patrol_sessions s ON s.id = c.session_id
         WHERE s.station_id = ${t.fx.units.stationA} GROUP BY 1`),
    );
    const expected = new Map(perDay.map((r) => [r.day, Number(r.n)]));
    expect(cov.days).toHaveLength(11);
    for (const d of cov.days) expect(d.pointsChecked, d.day).toBe(expected.get(d.day) ?? 0);
    expect(cov.days.filter((d) => d.pointsChecked > 0).length).toBe(3);
    const [active] = rowsOf<{ n: number }>(
      await t.deps.database.db.execute(
        sql`SELECT count(*)::int AS n FROM patrol_points WHERE station_id = ${t.fx.units.stationA} AND active`,
      ),
    );
    expect(cov.days.at(-1)?.activePoints).toBe(Number(active?.n));
    const [week] = rowsOf<{ n: number }>(
      await t.deps.database.db.execute(sql`
        SELECT count(DISTINCT c.point_id)::int AS n FROM patrol_checkins c JOIN patrol_points p ON p.id = c.point_id
         WHERE p.station_id = ${t.fx.units.stationA}
           AND c.scanned_at >= '2026-11-23T00:00:00+08:00' AND c.scanned_at < '2026-11-30T00:00:00+08:00'`),
    );
    expect(cov.weeks.find((w) => w.weekStart === '2026-11-23')?.pointsChecked).toBe(Number(week?.n));
    const perPoint = rowsOf<{ point_id: string; days: number; last: string }>(
      await t.deps.database.db.execute(sql`
        SELECT c.point_id, count(DISTINCT ((c.scanned_at + interval '8 hours') AT TIME ZONE 'UTC')::date)::int AS days,
               max(c.scanned_at) AS last
          FROM patrol_checkins c JOIN patrol_points p ON p.id = c.point_id
         WHERE p.station_id = ${t.fx.units.stationA} GROUP BY 1`),
    );
    for (const p of cov.points) {
      const row = perPoint.find((r) => r.point_id === p.id);
      expect(p.daysChecked, p.code).toBe(Number(row?.days ?? 0));
      expect(p.days).toBe(11);
      expect(p.lastCheckedAt).toBe(row ? new Date(row.last).toISOString() : null);
    }
    const [totals] = rowsOf<{ n: number }>(
      await t.deps.database.db.execute(sql`
        SELECT count(*)::int AS n FROM patrol_checkins c JOIN patrol_points p ON p.id = c.point_id
         WHERE p.station_id = ${t.fx.units.stationA}`),
    );
    expect(cov.checkins).toBe(Number(totals?.n));
    expect(cov.sessions).toBe(3);
  });

  it('refuses a bad period in Chinese; another station cannot read it', async () => {
    const bad = await officer.get(`${A()}/patrol-coverage?from=2026-13-01`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('不是有效的日期');
    const reversed = await officer.get(`${A()}/patrol-coverage?from=2026-11-30&to=2026-11-01`);
    expect(errorOf(reversed).message).toContain('开始日期不能晚于结束日期');
    const long = await officer.get(`${A()}/patrol-coverage?from=2024-01-01&to=2026-11-01`);
    expect(errorOf(long).message).toContain('最长 366 天');
    expect((await (await t.as('b.officer')).get(`${A()}/patrol-coverage`)).status).toBe(403);
  });
});
