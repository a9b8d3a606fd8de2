/**
 * One rule of sight (platform/scope.ts): the rule itself on plain actors, then
 * through the API — a department's liaison counts what it lists, and the
 * bureau supervisor reads its whole bureau, changes nothing, and sees nothing
 * of another bureau.
 */
import { randomUUID } from 'node:crypto';
import { capabilitiesOf, PRIVACY_NOTICE_VERSION, type Role } from '@jingmin/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { households, units } from '../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../test/harness.js';
import type { Actor } from './context.js';
import { randomToken } from './crypto.js';
import { canSeeMatter, canSeePath, scopeOf, streamTopics } from './scope.js';

function actor(roles: Role[], scopePath: string, extra: Partial<Actor> = {}): Actor {
  const ids = scopePath.split('/').filter(Boolean);
  return {
    id: 'me',
    username: 'me',
    displayName: 'me',
    roles,
    capabilities: capabilitiesOf(roles),
    scopeUnitId: ids.at(-1)!,
    scopePath,
    departmentId: null,
    grants: [],
    sessionId: 's',
    stage: 'full',
    ...extra,
  };
}

describe('the scope rule', () => {
  const grant = { id: 'g', unitId: 'v2', unitPath: '/b/s2/v2/', expiresAt: new Date(0) };

  it('sees a subtree by its path prefix, and a grant only for the capability it names', () => {
    const officer = actor(['community_officer'], '/b/s1/', {
      grants: [{ ...grant, capability: 'household.read' }],
    });
    expect(canSeePath(officer, '/b/s1/v1/')).toBe(true);
    expect(canSeePath(officer, '/b/s2/v2/g1/')).toBe(false);
    expect(canSeePath(officer, '/b/s2/v2/g1/', 'household.read')).toBe(true);
    expect(canSeePath(officer, '/b/s2/v2/g1/', 'matter.read')).toBe(false);
    expect(canSeePath(officer, '/b/s2/', 'household.read')).toBe(false);
    expect(scopeOf(officer)).toMatchObject({ kind: 'subtree', unitId: 's1' });
  });

  it('never honours a grant for a capability the account does not hold through a role', () => {
    const auditor = actor(['auditor'], '/b/', { grants: [{ ...grant, capability: 'household.read' }] });
    expect(canSeePath(auditor, '/c/x/', 'household.read')).toBe(false);
  });

  it('keeps a department-only account to its department, and drops the marker beside a wider role', () => {
    const liaison = actor(['department_liaison'], '/b/s1/', { departmentId: 'd1' });
    const inStation = { unitPath: '/b/s1/v1/', assigneeStaffId: null, assigneeDepartmentId: null };
    expect(canSeeMatter(liaison, inStation)).toBe(false);
    expect(canSeeMatter(liaison, { ...inStation, assigneeDepartmentId: 'd1' })).toBe(true);
    expect(scopeOf(liaison)).toMatchObject({ kind: 'department', departmentId: 'd1' });
    expect(capabilitiesOf(['department_liaison', 'community_officer'])).not.toContain('matter.department_only');
    expect(canSeeMatter(actor(['department_liaison', 'mediator'], '/b/s1/'), inStation)).toBe(true);
  });

  it('names the live topics of each kind of scope', () => {
    const grants = [{ ...grant, capability: 'matter.read' as const }];
    expect(streamTopics(actor(['grid_worker'], '/b/s1/v1/'))).toEqual(['unit:v1']);
    expect(streamTopics(actor(['bureau_supervisor'], '/b/', { grants }))).toEqual(['unit:b', 'unit:v2']);
    expect(streamTopics(actor(['bureau_supervisor'], '/b/', { grants }), 'household.read')).toEqual(['unit:b']);
    expect(streamTopics(actor(['department_liaison'], '/b/s1/', { departmentId: 'd1' }))).toEqual(['department:d1']);
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
// Submissions are limited per address and hour: each test starts in a fresh hour.
beforeEach(() => t.clock.advance(3_600_000));

type Answer = Awaited<ReturnType<Client['get']>>;
type Page = { items: { id: string; number: string; allowedActions: string[] }[]; total: number };

async function ok<T>(answer: Promise<Answer>): Promise<T> {
  const res = await answer;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

/** Submits a matter from a doorplate; returns its id as the station's desk finds it. */
async function submit(plate: string, body: string) {
  const receipt = await ok<{ number: string }>(
    t
      .anonymous()
      .post(
        `/api/v1/public/doorplates/${plate}/matters`,
        { kind: 'help', body, noticeVersion: PRIVACY_NOTICE_VERSION },
        { 'idempotency-key': randomUUID() },
      ),
  );
  return receipt.number;
}

describe('a department liaison', () => {
  it("liaison summary counts only its department's matters", async () => {
    const chief = await t.as('a.chief');
    const dept = await ok<{ id: string }>(
      chief.post('/api/v1/departments', { unitId: t.fx.units.stationA, name: 'A镇司法所', kind: 'judicial_office' }),
    );
    const sys = await t.as('sysadmin');
    await ok(sys.patch(`/api/v1/staff/${t.fx.staffIds['a.liaison']}`, { departmentId: dept.id }));
    const desk = await t.as('a.duty');
    const idOf = async (n: string) => (await ok<Page>(desk.get(`/api/v1/matters?q=${n}`))).items[0]!.id;
    const mine = await idOf(await submit(t.fx.doorplateTokens.a[0]!, '两家因围墙边界争吵，请司法所调解'));
    const other = await idOf(await submit(t.fx.doorplateTokens.a[1]!, '路灯坏了'));
    for (const id of [mine, other]) await ok(desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' }));
    await ok(desk.post(`/api/v1/matters/${mine}/dispatch`, { assigneeDepartmentId: dept.id }));

    const liaison = await t.as('a.liaison');
    const list = await ok<Page>(liaison.get('/api/v1/matters'));
    expect(list.items.map((m) => m.id)).toEqual([mine]);
    const summary = await ok<{ openNow: number }>(liaison.get('/api/v1/matters/summary'));
    expect(summary.openNow).toBe(1);
    const station = await ok<{ openNow: number }>(chief.get('/api/v1/matters/summary'));
    expect(station.openNow).toBeGreaterThanOrEqual(2);
    expect((await liaison.get('/api/v1/matters/board')).status).toBe(403);
  });
});

/** Another county: a root of its own with one station, one grid and one household; returns its ids and plate. */
async function otherCounty() {
  const root = randomUUID();
  const [station, village, grid] = [randomUUID(), randomUUID(), randomUUID()];
  const path = (...ids: string[]) => `/${[root, ...ids].join('/')}/`;
  const gridPath = path(station, village, grid);
  await t.deps.database.db.insert(units).values([
    { id: root, kind: 'bureau', name: '邻县公安局', path: path() },
    { id: station, parentId: root, kind: 'station', name: '邻县派出所', path: path(station) },
    { id: village, parentId: station, kind: 'village', name: '邻村', path: path(station, village) },
    { id: grid, parentId: village, kind: 'grid', name: '邻村网格', path: gridPath },
  ]);
  const plate = randomToken(16);
  await t.deps.database.db
    .insert(households)
    .values({ unitId: grid, unitPath: gridPath, address: '邻村1号', doorplateCode: 'N-1', doorplateToken: plate });
  return { root, grid, plate };
}

describe("the bureau role's reach", () => {
  let other: Awaited<ReturnType<typeof otherCounty>>;
  let numbers: { a: string; b: string; elsewhere: string };
  const listed = (p: Page) => p.items.map((m) => m.number);
  const openNow = async (c: Client) => (await ok<{ openNow: number }>(c.get('/api/v1/matters/summary'))).openNow;

  beforeAll(async () => {
    other = await otherCounty();
    await addStaff(t, 'qh.bureau', ['bureau_supervisor'], t.fx.units.bureau);
    await addStaff(t, 'nb.bureau', ['bureau_supervisor'], other.root);
    t.clock.advance(3_600_000);
    numbers = {
      a: await submit(t.fx.doorplateTokens.a[2]!, '楼道灯坏了'),
      b: await submit(t.fx.doorplateTokens.b[0]!, '门口积水'),
      elsewhere: await submit(other.plate, '邻县的事情'),
    };
  });

  it('reads the matters, figures and board of both stations, with no action on any matter', async () => {
    const bureau = await t.as('qh.bureau');
    const list = await ok<Page>(bureau.get('/api/v1/matters?pageSize=200'));
    expect(listed(list)).toEqual(expect.arrayContaining([numbers.a, numbers.b]));
    expect(listed(list)).not.toContain(numbers.elsewhere);
    for (const m of list.items) expect(m.allowedActions).toEqual([]);
    // The bureau's figures are its stations' figures added up.
    const stations = (await openNow(await t.as('a.chief'))) + (await openNow(await t.as('b.chief')));
    expect(stations).toBeGreaterThanOrEqual(2);
    expect(await openNow(bureau)).toBe(stations);
    const board = await ok<{ columns: { tasks: { number: string }[] }[] }>(bureau.get('/api/v1/matters/board'));
    const onBoard = board.columns.flatMap((c) => c.tasks.map((x) => x.number));
    expect(onBoard).toEqual(expect.arrayContaining([numbers.a, numbers.b]));
    expect(onBoard).not.toContain(numbers.elsewhere);
    for (const station of [t.fx.units.stationA, t.fx.units.stationB])
      expect((await bureau.get(`/api/v1/units/${station}`)).status).toBe(200);
  });

  it('gets 403 on dispatch, reply and household edit', async () => {
    const bureau = await t.as('qh.bureau');
    const [a] = (await ok<Page>(bureau.get(`/api/v1/matters?q=${numbers.a}`))).items;
    expect((await bureau.post(`/api/v1/matters/${a!.id}/accept`, { urgency: 'normal' })).status).toBe(403);
    await ok((await t.as('a.duty')).post(`/api/v1/matters/${a!.id}/accept`, { urgency: 'normal' }));
    const dispatch = { assigneeStaffId: t.fx.staffIds['a.officer'] };
    expect((await bureau.post(`/api/v1/matters/${a!.id}/dispatch`, dispatch)).status).toBe(403);
    const reply = { text: '已收到', photoIds: [] };
    expect((await bureau.post(`/api/v1/matters/${a!.id}/reply`, reply)).status).toBe(403);
    const household = { unitId: t.fx.units.gridA1, address: 'A村2组1号', doorplateCode: 'A-B1' };
    expect((await bureau.post('/api/v1/households', household)).status).toBe(403);
  });

  it('sees nothing of another bureau, nor that bureau anything of this one', async () => {
    const bureau = await t.as('qh.bureau');
    expect((await bureau.get(`/api/v1/units/${other.root}`)).status).toBe(403);
    expect((await bureau.get(`/api/v1/households?unitId=${other.grid}`)).status).toBe(403);
    const neighbour = await t.as('nb.bureau');
    expect(listed(await ok<Page>(neighbour.get('/api/v1/matters?pageSize=200')))).toEqual([numbers.elsewhere]);
    const [a] = (await ok<Page>(bureau.get(`/api/v1/matters?q=${numbers.a}`))).items;
    expect((await neighbour.get(`/api/v1/matters/${a!.id}`)).status).toBe(403);
    expect(await openNow(neighbour)).toBe(1);
  });

  it('is a role the security administrator may grant', async () => {
    const sys = await t.as('sysadmin');
    const created = await ok<{ staff: { id: string } }>(
      sys.post('/api/v1/staff', { username: 'qh.bureau2', displayName: '县局督导二', scopeUnitId: t.fx.units.bureau }),
    );
    const sec = await t.as('secadmin');
    const granted = await ok<{ roles: string[] }>(
      sec.put(`/api/v1/staff/${created.staff.id}/roles`, { roles: ['bureau_supervisor'] }),
    );
    expect(granted.roles).toEqual(['bureau_supervisor']);
  });
});

describe('a unit that moves', () => {
  it('takes its subtree and households along, by the same prefix rule', async () => {
    const chief = await t.as('a.chief');
    const village = await ok<{ id: string }>(
      chief.post('/api/v1/units', { parentId: t.fx.units.townA, kind: 'village', name: 'A新村' }),
    );
    await ok(chief.patch(`/api/v1/units/${t.fx.units.gridA1}`, { parentId: village.id }));
    const grid = await ok<{ ancestors: { id: string }[] }>(chief.get(`/api/v1/units/${t.fx.units.gridA1}`));
    expect(grid.ancestors.map((u) => u.id)).toEqual([
      t.fx.units.stationA,
      t.fx.units.townA,
      village.id,
      t.fx.units.gridA1,
    ]);
    const moved = await ok<{ total: number }>(chief.get(`/api/v1/households?unitId=${village.id}`));
    expect(moved.total).toBe(t.fx.households.a.length);
    const left = await ok<{ total: number }>(chief.get(`/api/v1/households?unitId=${t.fx.units.villageA}`));
    expect(left.total).toBe(0);
  });
});
