/**
 * 码上办 with a partner department (转办联动): the desk transfers a matter to
 * the judicial office, whose liaison sees only that, hands it back with a
 * reason or sees it through; a liaison of another department sees nothing.
 */
import { randomUUID } from 'node:crypto';
import { type MatterKind, PRIVACY_NOTICE_VERSION } from '@jingmin/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, Client, type TestApp } from '../../test/harness.js';

const MINUTE = 60_000;
const COMMITTEE_PASSWORD = 'Cun#Weihui-2026';

let t: TestApp;
let judicial: { id: string; name: string };
let committee: { id: string; name: string };

beforeAll(async () => {
  t = await buildTestApp();
  const chief = await t.as('a.chief');
  judicial = await ok(
    chief.post('/api/v1/departments', {
      unitId: t.fx.units.stationA,
      name: '城关司法所',
      kind: 'judicial_office',
      phone: '0999-6612345',
    }),
  );
  committee = await ok(
    chief.post('/api/v1/departments', { unitId: t.fx.units.villageA, name: 'A村村委会', kind: 'village_committee' }),
  );
  // The fixture's liaison belongs to no department: the system administrator links it to the judicial office.
  const sys = await t.as('sysadmin');
  await ok(sys.patch(`/api/v1/staff/${t.fx.staffIds['a.liaison']}`, { departmentId: judicial.id }));
  // A second liaison, for the village committee: created, given the role, and past its first sign-in.
  const created = await ok<{ staff: { id: string }; initialPassword: string }>(
    sys.post('/api/v1/staff', {
      username: 'a.committee',
      displayName: 'A村联络员',
      scopeUnitId: t.fx.units.stationA,
      departmentId: committee.id,
    }),
  );
  const sec = await t.as('secadmin');
  await ok(sec.put(`/api/v1/staff/${created.staff.id}/roles`, { roles: ['department_liaison'] }));
  const first = t.anonymous();
  await ok(first.post('/api/v1/auth/login', { username: 'a.committee', password: created.initialPassword }));
  const changed = await ok<{ stage: string }>(
    first.post('/api/v1/auth/password', { currentPassword: created.initialPassword, newPassword: COMMITTEE_PASSWORD }),
  );
  expect(changed.stage).toBe('full');
});
afterAll(() => t.close());
// Every injected request comes from one address, limited per hour: each test starts in a fresh hour.
beforeEach(() => t.clock.advance(60 * MINUTE));

type Receipt = { number: string; trackingToken: string };
type Matter = {
  id: string;
  status: string;
  assigneeStaffId: string | null;
  assigneeDepartmentId: string | null;
  allowedActions: string[];
};
type Detail = Matter & { timeline: { type: string; note: string | null }[] };
type ResidentView = {
  status: string;
  handledBy: string | null;
  outcome: string | null;
  rating: string | null;
  canRate: boolean;
  timeline: { type: string; note: string | null }[];
};
type Answer = Awaited<ReturnType<Client['post']>>;

async function ok<T = Matter>(answer: Promise<Answer>): Promise<T> {
  const res = await answer;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

let plateTurn = 0;
async function submit(kind: MatterKind, body: string) {
  const plate = t.fx.doorplateTokens.a[plateTurn++ % t.fx.doorplateTokens.a.length]!;
  return ok<Receipt>(
    t
      .anonymous()
      .post(
        `/api/v1/public/doorplates/${plate}/matters`,
        { kind, body, noticeVersion: PRIVACY_NOTICE_VERSION },
        { 'idempotency-key': randomUUID() },
      ),
  );
}

async function idOf(desk: Client, number: string) {
  const list = await ok<{ items: { id: string }[] }>(desk.get(`/api/v1/matters?q=${number}`));
  return list.items[0]!.id;
}

const detail = (client: Client, id: string) => ok<Detail>(client.get(`/api/v1/matters/${id}`));
const residentView = (r: Receipt) => ok<ResidentView>(t.anonymous().get(`/api/v1/public/matters/${r.trackingToken}`));
const listOf = (client: Client) => ok<{ items: { id: string }[]; total: number }>(client.get('/api/v1/matters'));
const committeeLiaison = () => new Client(t.app, 'zh-CN', t.clock).signIn(t, 'a.committee', COMMITTEE_PASSWORD);

/** A matter the desk has accepted and transferred to a department. */
async function transferred(kind: MatterKind, body: string, departmentId: string) {
  const receipt = await submit(kind, body);
  const desk = await t.as('a.duty');
  const id = await idOf(desk, receipt.number);
  await ok(desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal', category: '邻里纠纷' }));
  const dispatched = await ok(
    desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeDepartmentId: departmentId, note: '请司法所组织调解' }),
  );
  expect(dispatched).toMatchObject({ status: 'dispatched', assigneeDepartmentId: departmentId, assigneeStaffId: null });
  return { receipt, desk, id };
}

describe('transfer to a partner department', () => {
  it('transfers a dispute to the judicial office, takes it back with a reason, and the office sees it through to the rating', async () => {
    const { receipt, desk, id } = await transferred(
      'dispute',
      '隔壁两家因为宅基地边界上的围墙吵了好几次，想请司法所帮忙调解',
      judicial.id,
    );
    // Another live matter of the station, handled by an officer.
    const other = await submit('consult', '请问老年人乘车优惠卡在哪里办理？');
    const otherId = await idOf(desk, other.number);
    await ok(desk.post(`/api/v1/matters/${otherId}/accept`, { urgency: 'normal' }));
    await ok(desk.post(`/api/v1/matters/${otherId}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] }));
    expect((await listOf(desk)).total).toBeGreaterThan(1);

    const liaison = await t.as('a.liaison');
    const inbox = await listOf(liaison);
    expect(inbox.items.map((m) => m.id)).toEqual([id]);
    expect(inbox.total).toBe(1);
    expect((await liaison.get(`/api/v1/matters/${otherId}`)).status).toBe(403);
    expect((await detail(liaison, id)).allowedActions).toEqual(expect.arrayContaining(['take', 'return']));
    expect(await residentView(receipt)).toMatchObject({ status: 'dispatched', handledBy: '已转交城关司法所' });

    // Handed back: the part about the fight is the station's, not the office's.
    const reason = '双方还涉及推搡打架，需派出所先处理治安部分，再由我所调解';
    const returned = await liaison.post(`/api/v1/matters/${id}/return`, { reason });
    // The office no longer sees the matter, yet its return is answered as done, with nothing left for it to do.
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'accepted', allowedActions: [] });
    const back = await detail(desk, id);
    expect(back).toMatchObject({ status: 'accepted', assigneeDepartmentId: null });
    expect(back.timeline.at(-1)).toMatchObject({ type: 'matter.return', note: reason });
    expect((await listOf(liaison)).total).toBe(0);
    expect((await residentView(receipt)).handledBy).toBeNull();

    t.clock.advance(10 * MINUTE);
    await ok(desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeDepartmentId: judicial.id }));
    const liaisonAgain = await t.as('a.liaison');
    expect(await ok(liaisonAgain.post(`/api/v1/matters/${id}/take`))).toMatchObject({ status: 'in_progress' });
    const progress = '已约双方本周五上午九点到司法所调解室当面调解';
    await ok(liaisonAgain.post(`/api/v1/matters/${id}/reply`, { text: progress }));
    const outcome = '双方签订调解协议，围墙按村委会测量的界址重建，费用各半';
    expect(await ok(liaisonAgain.post(`/api/v1/matters/${id}/resolve`, { outcome }))).toMatchObject({
      status: 'resolved',
    });

    const seen = await residentView(receipt);
    expect(seen).toMatchObject({ status: 'resolved', handledBy: '已转交城关司法所', outcome, canRate: true });
    expect(seen.timeline.map((e) => e.note)).toEqual(expect.arrayContaining([progress, outcome]));
    const rated = await ok<ResidentView>(
      t.anonymous().post(`/api/v1/public/matters/${receipt.trackingToken}/rating`, {
        rating: 'basically_satisfied',
        comment: '调解结果可以接受，就是等得久了点',
      }),
    );
    expect(rated).toMatchObject({ status: 'rated', rating: 'basically_satisfied', canRate: false });
    expect((await detail(desk, id)).timeline.map((e) => e.type)).toEqual([
      'matter.submitted',
      'matter.accept',
      'matter.dispatch',
      'matter.return',
      'matter.dispatch',
      'matter.take',
      'matter.reply',
      'matter.resolve',
      'matter.rate',
    ]);
  });

  it('keeps a transferred matter away from the liaison of another department', async () => {
    const { receipt, desk, id } = await transferred(
      'dispute',
      '楼下饭店的油烟直排进我家窗户，找老板协商几次都没用',
      judicial.id,
    );
    const stranger = await committeeLiaison();
    expect((await listOf(stranger)).items.map((m) => m.id)).not.toContain(id);
    expect((await stranger.get(`/api/v1/matters/${id}`)).status).toBe(403);
    expect((await stranger.post(`/api/v1/matters/${id}/take`)).status).toBe(403);
    expect((await stranger.post(`/api/v1/matters/${id}/return`, { reason: '不归我们管' })).status).toBe(403);

    const liaison = await t.as('a.liaison');
    await ok(liaison.post(`/api/v1/matters/${id}/take`));
    expect((await stranger.post(`/api/v1/matters/${id}/reply`, { text: '我们来处理' })).status).toBe(403);
    expect((await stranger.post(`/api/v1/matters/${id}/resolve`, { outcome: '已处理完毕' })).status).toBe(403);

    // Nothing the stranger tried reached the matter or the resident.
    const after = await detail(desk, id);
    expect(after).toMatchObject({ status: 'in_progress', assigneeDepartmentId: judicial.id });
    expect(after.timeline.map((e) => e.type)).toEqual([
      'matter.submitted',
      'matter.accept',
      'matter.dispatch',
      'matter.take',
    ]);
    expect((await residentView(receipt)).handledBy).toBe(`已转交${judicial.name}`);
    // The village committee's own inbox still works: it sees what is transferred to it.
    const own = await transferred('dispute', '村里两户人家为了灌溉用水的先后顺序起了争执', committee.id);
    expect((await listOf(stranger)).items.map((m) => m.id)).toEqual([own.id]);
  });

  it('lets a department pass a matter on to another department only, never to a named officer', async () => {
    const { id, receipt } = await transferred('dispute', '村口两户人家为宅基地边界吵了好几天', judicial.id);
    const liaison = await t.as('a.liaison');
    await ok(liaison.post(`/api/v1/matters/${id}/take`));
    const toOfficer = await liaison.post(`/api/v1/matters/${id}/transfer`, {
      assigneeStaffId: t.fx.staffIds['a.officer'],
    });
    expect(toOfficer.status).toBe(403);
    const onward = await liaison.post(`/api/v1/matters/${id}/transfer`, { assigneeDepartmentId: committee.id });
    expect(onward.status).toBe(200);
    expect(await residentView(receipt)).toMatchObject({ handledBy: '已转交A村村委会' });
    const committeeSees = await committeeLiaison();
    expect((await listOf(committeeSees)).items.map((m) => m.id)).toContain(id);
  });
});
