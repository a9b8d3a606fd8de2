import { randomUUID } from 'node:crypto';
import { DEFAULT_MATTER_SETTINGS, type MatterSettings } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function submit(plate: string, kind = 'consult', body = '想问问办居住证要带什么') {
  const res = await t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${plate}/matters`,
      { kind, body, noticeVersion: '2026-11' },
      { 'idempotency-key': randomUUID() },
    );
  expect(res.status).toBe(200);
  return res.body as { number: string; trackingToken: string };
}

async function idOf(desk: Client, number: string) {
  return ((await desk.get(`/api/v1/matters?q=${number}`)).body as { items: { id: string }[] }).items[0]!.id;
}

describe('警格+网格: the responsible officer of a grid', () => {
  it('is suggested for dispatch and named on the doorplate, never for another grid', async () => {
    const desk = await t.as('a.duty');
    const inA1 = await submit(t.fx.doorplateTokens.a[0]!);
    const detail = (await desk.get(`/api/v1/matters/${await idOf(desk, inA1.number)}`)).body as {
      suggestedAssignee: { staffId: string; reason: string } | null;
    };
    expect(detail.suggestedAssignee).toMatchObject({
      staffId: t.fx.staffIds['a.officer'],
      reason: 'A村第1网格责任民警',
    });
    const plate = (await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}`)).body;
    expect(plate).toMatchObject({ officer: { name: 'a.officer' } });
    const inB1 = await submit(t.fx.doorplateTokens.b[0]!);
    const other = (
      await (await t.as('b.chief')).get(`/api/v1/matters/${await idOf(await t.as('b.chief'), inB1.number)}`)
    ).body as { suggestedAssignee: unknown };
    expect(other.suggestedAssignee).toBeNull();
  });

  it('is set by the chief for a grid of the station, and refused for staff of another station', async () => {
    const chief = await t.as('a.chief');
    const url = `/api/v1/units/${t.fx.units.gridA2}/duties`;
    const set = await chief.put(url, {
      responsibleOfficerId: t.fx.staffIds['a.officer'],
      auxiliaryIds: [t.fx.staffIds['a.aux']],
      gridMemberIds: [t.fx.staffIds['a.grid']],
    });
    expect(set.status).toBe(200);
    expect((set.body as { members: { duty: string }[] }).members.map((m) => m.duty).sort()).toEqual([
      'auxiliary',
      'grid_member',
      'responsible_officer',
    ]);
    const foreign = await chief.put(url, {
      responsibleOfficerId: t.fx.staffIds['b.officer'],
      auxiliaryIds: [],
      gridMemberIds: [],
    });
    expect(foreign.status).toBe(400);
    // An auxiliary officer cannot be the responsible police officer.
    const aux = await chief.put(url, {
      responsibleOfficerId: t.fx.staffIds['a.aux'],
      auxiliaryIds: [],
      gridMemberIds: [],
    });
    expect(aux.status).toBe(400);
    // Each duty has its people: the system administrator (scoped above the station) is no grid member,
    // and a department's liaison is no auxiliary officer.
    const admin = await chief.put(url, {
      responsibleOfficerId: null,
      auxiliaryIds: [],
      gridMemberIds: [t.fx.staffIds.sysadmin],
    });
    expect(admin.status).toBe(400);
    const liaison = await chief.put(url, {
      responsibleOfficerId: null,
      auxiliaryIds: [t.fx.staffIds['a.liaison']],
      gridMemberIds: [],
    });
    expect(liaison.status).toBe(400);
    expect((await (await t.as('a.officer')).put(url, { responsibleOfficerId: null })).status).toBe(403);
    expect((await (await t.as('b.chief')).get(url)).status).toBe(403);
    const readBack = (await (await t.as('a.duty')).get(url)).body as { members: unknown[] };
    expect(readBack.members).toHaveLength(3);
  });
});

describe('督办看板: the supervision board', () => {
  it('shows every open task by who holds it, with its deadline, overdue in its own count', async () => {
    const desk = await t.as('a.duty');
    const waiting = await submit(t.fx.doorplateTokens.a[1]!, 'help', '家里老人摔倒了起不来，需要帮忙');
    const dispatched = await submit(t.fx.doorplateTokens.a[1]!, 'consult', '咨询护照办理');
    const did = await idOf(desk, dispatched.number);
    await desk.post(`/api/v1/matters/${did}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${did}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
    t.clock.advance(6 * 60_000); // past the 5-minute first response of 求助
    const board = (await desk.get('/api/v1/matters/board')).body as {
      columns: {
        ownerKind: string;
        ownerId: string | null;
        overdue: number;
        tasks: { number: string; deadline: string; overdue: boolean; ageMinutes: number }[];
      }[];
    };
    const deskColumn = board.columns[0]!;
    expect(deskColumn.ownerKind).toBe('desk');
    expect(deskColumn.tasks.find((x) => x.number === waiting.number)).toMatchObject({
      deadline: 'first_response',
      overdue: true,
      ageMinutes: 6,
    });
    expect(deskColumn.overdue).toBeGreaterThanOrEqual(1);
    const officer = board.columns.find((c) => c.ownerId === t.fx.staffIds['a.officer'])!;
    expect(officer.tasks.find((x) => x.number === dispatched.number)).toMatchObject({
      deadline: 'take',
      overdue: false,
    });
    // The overview, the list and the board count overdue the same way.
    const summary = (await desk.get('/api/v1/matters/summary')).body as { overdueNow: number };
    expect(summary.overdueNow).toBe(board.columns.reduce((n, c) => n + c.overdue, 0));
    const listed = (await desk.get(`/api/v1/matters?q=${waiting.number}`)).body as {
      items: { due: { deadline: string; overdue: boolean } }[];
    };
    expect(listed.items[0]!.due).toMatchObject({ deadline: 'first_response', overdue: true });
    expect((await (await t.as('a.officer')).get('/api/v1/matters/board')).status).toBe(403);
    const elsewhere = (await (await t.as('b.chief')).get('/api/v1/matters/board')).body as { columns: unknown[] };
    expect(JSON.stringify(elsewhere)).not.toContain(waiting.number);
  });
});

describe('a station’s own deadlines and limits', () => {
  const url = () => `/api/v1/stations/${t.fx.units.stationA}/matter-settings`;

  it('starts from the defaults and applies what the chief sets to new matters', async () => {
    const desk = await t.as('a.duty');
    expect((await desk.get(url())).body).toEqual(DEFAULT_MATTER_SETTINGS);
    const next: MatterSettings = structuredClone(DEFAULT_MATTER_SETTINGS);
    next.deadlines.byKind.consult = { firstResponseMinutes: 15, resolveMinutes: 120 };
    const chief = await t.as('a.chief');
    expect((await chief.put(url(), next)).body).toEqual(next);
    expect((await desk.put(url(), next)).status).toBe(403);

    const receipt = await submit(t.fx.doorplateTokens.a[2]!, 'consult', '咨询一下无犯罪记录证明');
    const id = await idOf(desk, receipt.number);
    const created = (await desk.get(`/api/v1/matters/${id}`)).body as { createdAt: string; firstResponseDueAt: string };
    const minutes = (iso: string) => (Date.parse(iso) - Date.parse(created.createdAt)) / 60_000;
    expect(minutes(created.firstResponseDueAt)).toBe(15);
    const accepted = (await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' })).body as {
      resolveDueAt: string;
    };
    expect(minutes(accepted.resolveDueAt)).toBe(120);
  });

  it('refuses nonsense with a message naming the field, and another station’s chief', async () => {
    const chief = await t.as('a.chief');
    const bad = structuredClone(DEFAULT_MATTER_SETTINGS) as unknown as { deadlines: { base: { takeMinutes: number } } };
    bad.deadlines.base.takeMinutes = 0;
    const res = await chief.put(url(), bad);
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain('takeMinutes');
    expect((await (await t.as('b.chief')).put(url(), DEFAULT_MATTER_SETTINGS)).status).toBe(403);
  });

  it('holds submissions to the station’s own per-doorplate limit', async () => {
    const chief = await t.as('a.chief');
    const strict = structuredClone(DEFAULT_MATTER_SETTINGS);
    strict.limits.perDoorplatePerHour = 2;
    await chief.put(url(), strict);
    const plate = t.fx.doorplateTokens.a[2]!;
    t.clock.advance(3_600_000);
    await submit(plate);
    await submit(plate);
    const third = await t
      .anonymous()
      .post(
        `/api/v1/public/doorplates/${plate}/matters`,
        { kind: 'consult', body: '第三次', noticeVersion: '2026-11' },
        { 'idempotency-key': randomUUID() },
      );
    expect(third.status).toBe(429);
    await chief.put(url(), DEFAULT_MATTER_SETTINGS);
  });
});
