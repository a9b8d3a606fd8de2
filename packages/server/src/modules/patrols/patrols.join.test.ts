/**
 * Volunteers on patrol and what a patrol finds, through the API: a volunteer on a team sees its teams and routes,
 * starts the team's patrol and checks in; a volunteer off the team, without a team, or at another station is
 * refused, and reaches none of the station's lists or set-up. What the patrol found becomes a matter of the channel
 * 巡逻发现 in one action, linked to the patrol, its first event carrying the channel the desk's live alert reads; a
 * resend with the same key is the same matter and one link; the patrol's detail lists its matters and hazards.
 */
import { randomUUID } from 'node:crypto';
import type {
  MyPatrolSession,
  MyPatrolTeams,
  PatrolPoint,
  PatrolRoute,
  PatrolSessionDetail,
  PatrolSessionMatter,
  PatrolTeam,
} from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, matterEvents, matters, patrolSessionMatters, units } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let chief: Client;
let member: Client;
let outsider: Client;
let memberId: string;
let team: PatrolTeam;
let route: PatrolRoute;
let far: PatrolPoint;
const points: PatrolPoint[] = [];
const tokenOf = (p: PatrolPoint) => p.url!.split('/pp/')[1]!;
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const A = () => `/api/v1/stations/${t.fx.units.stationA}`;
const key = () => ({ 'idempotency-key': randomUUID() });
async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  memberId = await addStaff(t, 'a.vol1', ['volunteer'], t.fx.units.gridA1);
  await addStaff(t, 'a.vol2', ['volunteer'], t.fx.units.gridA1);
  member = await t.as('a.vol1');
  outsider = await t.as('a.vol2');
  for (const i of [1, 2])
    points.push(
      await ok<PatrolPoint>(
        chief.post(`${A()}/patrol-points`, { unitId: t.fx.units.gridA1, name: `桥头${i}`, code: `J-P0${i}` }),
      ),
    );
  // A point of the station in another grid than the volunteers'.
  far = await ok<PatrolPoint>(
    chief.post(`${A()}/patrol-points`, { unitId: t.fx.units.gridA2, name: '河边护栏', code: 'J-P09' }),
  );
  route = await ok<PatrolRoute>(
    chief.post(`${A()}/patrol-routes`, { name: '义警夜巡线', pointIds: [...points, far].map((p) => p.id) }),
  );
  // The console's team form adds a volunteer's account as a member (members with staffId).
  team = await ok<PatrolTeam>(
    chief.post(`${A()}/patrol-teams`, {
      name: '义警巡逻队',
      kind: '义警巡逻队',
      members: [{ staffId: memberId }, { name: '李大伯', role: 'leader' }],
    }),
  );
}, 60_000);
afterAll(() => t.close());

describe('志愿者参加本队巡逻', () => {
  let session: PatrolSessionDetail;

  it('lists the volunteer’s own teams with their station’s routes, and no other member', async () => {
    const mine = await ok<MyPatrolTeams>(member.get('/api/v1/my-patrol-teams'));
    expect(mine.items).toEqual([
      {
        id: team.id,
        name: '义警巡逻队',
        kind: '义警巡逻队',
        stationId: t.fx.units.stationA,
        stationName: expect.any(String),
        routes: [{ id: route.id, name: '义警夜巡线', points: 3 }],
      },
    ]);
    expect(JSON.stringify(mine)).not.toContain('李大伯');
    expect((await ok<MyPatrolTeams>(outsider.get('/api/v1/my-patrol-teams'))).items).toEqual([]);
  });

  it('refuses a volunteer off the team, a start without a team, and another station', async () => {
    const off = await outsider.post(`${A()}/patrol-sessions`, { teamId: team.id, routeId: route.id }, key());
    expect(off.status).toBe(403);
    expect(errorOf(off)).toMatchObject({ code: 'PATROL_NOT_MEMBER' });
    expect(errorOf(off).message).toContain('不是该巡逻队的队员');
    const none = await member.post(`${A()}/patrol-sessions`, { routeId: route.id }, key());
    expect(none.status).toBe(400);
    expect(errorOf(none).message).toContain('请选择您所在的巡逻队');
    const foreign = await member.post(`/api/v1/stations/${t.fx.units.stationB}/patrol-sessions`, {}, key());
    expect(foreign.status).toBe(403);
    expect((await member.get('/api/v1/patrol-sessions/mine')).body).toEqual({ session: null });
  });

  it('starts its team’s patrol along the route and checks in at a point', async () => {
    session = await ok<PatrolSessionDetail>(
      member.post(`${A()}/patrol-sessions`, { teamId: team.id, routeId: route.id }, key()),
    );
    expect(session).toMatchObject({
      startedBy: { id: memberId },
      team: { id: team.id },
      route: { id: route.id },
      matters: [],
      hazards: [],
    });
    t.clock.advance(5 * 60_000);
    const scan = await member.post('/api/v1/patrol-checkins', { token: tokenOf(points[0]!) }, key());
    expect(scan.status, JSON.stringify(scan.body)).toBe(200);
    expect(scan.body).toMatchObject({ sessionId: session.id, recordedBy: { id: memberId }, point: { code: 'J-P01' } });
    const mine = await ok<MyPatrolSession>(member.get('/api/v1/patrol-sessions/mine'));
    expect(mine.session?.routePoints.map((p) => p.checkedAt !== null)).toEqual([true, false, false]);
    // Another volunteer names the patrol it is not on: refused.
    const named = await outsider.post(
      '/api/v1/patrol-checkins',
      { token: tokenOf(points[1]!), sessionId: session.id },
      key(),
    );
    expect(named.status).toBe(403);
  });

  it('reaches none of the station’s lists or set-up (field.read, field.manage)', async () => {
    const reads = [
      `${A()}/patrol-sessions`,
      `${A()}/patrol-teams`,
      `${A()}/patrol-routes`,
      `${A()}/patrol-points`,
      `${A()}/patrol-coverage`,
      `/api/v1/patrol-sessions/${session.id}`,
    ];
    for (const path of reads) expect((await member.get(path)).status, path).toBe(403);
    const writes = await member.post(`${A()}/patrol-points`, { unitId: t.fx.units.gridA1, name: '新点', code: 'X-1' });
    expect(writes.status).toBe(403);
    expect(
      (await member.put(`/api/v1/patrol-teams/${team.id}`, { name: 'x', kind: 'x', members: [], version: 1 })).status,
    ).toBe(403);
  });
});

describe('巡逻发现一步登记为事项', () => {
  let session: PatrolSessionDetail;
  let found: PatrolSessionMatter;
  const finding = { kind: 'report', body: '桥头路灯不亮，夜间行人看不清', place: '桥头东侧第二根路灯' };

  beforeAll(async () => {
    session = (await ok<MyPatrolSession>(member.get('/api/v1/patrol-sessions/mine'))).session!;
  });

  it('records a matter of the channel 巡逻发现 at the point’s grid and links it to the patrol', async () => {
    const headers = key();
    const path = `/api/v1/patrol-sessions/${session.id}/matters`;
    found = await ok<PatrolSessionMatter>(member.post(path, { ...finding, pointId: points[0]!.id }, headers));
    expect(found).toMatchObject({ kind: 'report', status: 'accepted', number: expect.stringMatching(/^JM\d{8}-/) });
    const [m] = await t.deps.database.db.select().from(matters).where(eq(matters.id, found.id));
    expect(m).toMatchObject({
      channel: 'patrol',
      recordedByStaffId: memberId,
      stationId: t.fx.units.stationA,
      placeNote: '桥头1（J-P01） · 桥头东侧第二根路灯',
      body: finding.body,
    });
    expect(m?.unitPath).toBe(await pathOf(t.fx.units.gridA1));
    // The first event carries the channel: the desk's live screen alerts on it as on a 网格上报.
    const [recorded] = await t.deps.database.db
      .select()
      .from(matterEvents)
      .where(and(eq(matterEvents.matterId, found.id), eq(matterEvents.type, 'matter.recorded')));
    expect(recorded?.payload).toMatchObject({ channel: 'patrol', kind: 'report' });

    // The phone resends (a lost answer, the offline queue): the same matter, one link, one audit entry.
    expect(await ok(member.post(path, { ...finding, pointId: points[0]!.id }, headers))).toEqual(found);
    const links = await t.deps.database.db
      .select()
      .from(patrolSessionMatters)
      .where(eq(patrolSessionMatters.sessionId, session.id));
    expect(links.map((l) => l.matterId)).toEqual([found.id]);
    const entries = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'patrol.matter'), eq(auditLog.targetId, session.id)));
    expect(entries).toHaveLength(1);
    // The same key with other words is not a resend.
    expect((await member.post(path, { ...finding, body: '另一件事情' }, headers)).status).toBe(422);
  });

  it('takes words alone at the volunteer’s own grid, and a point beyond it by name', async () => {
    const path = `/api/v1/patrol-sessions/${session.id}/matters`;
    const words = await ok<PatrolSessionMatter>(
      member.post(path, { kind: 'help', body: '井盖缺失，已用砖头围挡', place: '村口小卖部旁' }, key()),
    );
    const beyond = await ok<PatrolSessionMatter>(
      member.post(path, { kind: 'report', body: '河边护栏松动', pointId: far.id }, key()),
    );
    const rows = await t.deps.database.db.select().from(matters).where(eq(matters.channel, 'patrol'));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(words.id)).toMatchObject({ placeNote: '村口小卖部旁', unitPath: await pathOf(t.fx.units.gridA1) });
    expect(byId.get(beyond.id)?.placeNote).toContain('河边护栏（J-P09）');
    const bare = await member.post(path, { kind: 'report', body: '没有写地点' }, key());
    expect(bare.status).toBe(400);
  });

  it('is refused to whoever did not start the patrol, and out of another station’s sight', async () => {
    const path = `/api/v1/patrol-sessions/${session.id}/matters`;
    const other = await outsider.post(path, { ...finding, pointId: points[0]!.id }, key());
    expect(other.status).toBe(403);
    expect(errorOf(other)).toMatchObject({ code: 'PATROL_NOT_STARTER' });
    const foreign = await (await t.as('b.officer')).post(path, { ...finding, pointId: points[0]!.id }, key());
    expect(foreign.status).toBe(404);
    const noKey = await member.post(path, { ...finding, pointId: points[0]!.id });
    expect(noKey.status).toBe(400);
  });

  it('lists the patrol’s matters and hazards in its detail, for the chief and the starter', async () => {
    const officer = await t.as('a.officer');
    const hazard = await officer.post(
      `${A()}/hazards`,
      {
        unitId: t.fx.units.gridA1,
        place: '桥头配电箱',
        kind: 'electrical',
        description: '配电箱门锁损坏，电线裸露',
        source: 'patrol',
        patrolSessionId: session.id,
      },
      key(),
    );
    expect(hazard.status, JSON.stringify(hazard.body)).toBe(200);
    const detail = await ok<PatrolSessionDetail>(chief.get(`/api/v1/patrol-sessions/${session.id}`));
    expect(detail.matters.map((m) => m.id)).toContain(found.id);
    expect(detail.matters).toHaveLength(3);
    expect(detail.matters[0]).toEqual(found);
    expect(detail.hazards).toEqual([
      expect.objectContaining({ kind: 'electrical', place: '桥头配电箱', status: 'open' }),
    ]);
    const mine = await ok<MyPatrolSession>(member.get('/api/v1/patrol-sessions/mine'));
    expect(mine.session?.matters).toEqual(detail.matters);
  });

  it('takes a finding the phone kept offline after the patrol ended', async () => {
    await ok(member.post(`/api/v1/patrol-sessions/${session.id}/end`, {}));
    const late = await member.post(
      `/api/v1/patrol-sessions/${session.id}/matters`,
      { kind: 'suggestion', body: '村委会门口晚上占道经营', pointId: points[1]!.id },
      key(),
    );
    expect(late.status, JSON.stringify(late.body)).toBe(200);
  });
});

async function pathOf(unitId: string) {
  const [unit] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return unit?.path;
}
