/**
 * "A mediator and a partner department see only cases given to them": a mediator the cases it handles or
 * mediates, a liaison the cases transferred to its department and not returned — in the list, the board and
 * the case page, even where its own scope does not cover the case's village — while station staff see all.
 */
import type { DisputeBoard, DisputeListItem, DisputeView } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let desk: Client;
let mediator: Client;
let liaison: Client;
let handled: DisputeView;
let mediated: DisputeView;
let transferred: DisputeView;
let returned: DisputeView;
let untouched: DisputeView;

async function ok<T = DisputeView>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

const newCase = (title: string) =>
  ok(
    desk.post(`/api/v1/stations/${t.fx.units.stationA}/disputes`, {
      source: 'proactive',
      category: 'other',
      title,
      facts: `${title}，双方各执一词。`,
      unitId: t.fx.units.villageA,
    }),
  );
const listOf = (c: Client) =>
  ok<{ items: DisputeListItem[]; total: number }>(c.get(`/api/v1/stations/${t.fx.units.stationA}/disputes`));
const idsOf = (list: { items: { id: string }[] }) => list.items.map((i) => i.id).sort();

beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
  const mediatorId = t.fx.staffIds['a.mediator']!;
  handled = await newCase('宅基地边界争议');
  await ok(desk.put(`/api/v1/disputes/${handled.id}/channel`, { channel: 'people', handlerId: mediatorId }));
  mediated = await newCase('邻居装修噪音');
  await ok(desk.put(`/api/v1/disputes/${mediated.id}/channel`, { channel: 'people' }));
  await ok(
    desk.post(`/api/v1/disputes/${mediated.id}/sessions`, {
      plannedAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      place: '警调对接室',
      mediatorIds: [mediatorId],
    }),
  );
  // The committee of village A; its liaison is scoped to grid A2, which does not hold the cases' village.
  const committee = await ok<{ id: string }>(
    (await t.as('a.chief')).post('/api/v1/departments', {
      unitId: t.fx.units.villageA,
      name: 'A村调委会',
      kind: 'village_committee',
    }),
  );
  const liaisonId = await addStaff(t, 'a.grid2.liaison', ['department_liaison'], t.fx.units.gridA2);
  await ok((await t.as('sysadmin')).patch(`/api/v1/staff/${liaisonId}`, { departmentId: committee.id }));
  transferred = await newCase('土地承包费上涨');
  await ok(
    desk.post(`/api/v1/disputes/${transferred.id}/transfers`, { departmentId: committee.id, note: '请村调委会调处' }),
  );
  returned = await newCase('果园葡萄被摘');
  const sent = await ok(
    desk.post(`/api/v1/disputes/${returned.id}/transfers`, { departmentId: committee.id, note: '请调处' }),
  );
  untouched = await newCase('拖欠工资');
  mediator = await t.as('a.mediator');
  liaison = await t.as('a.grid2.liaison');
  await ok(
    liaison.post(`/api/v1/dispute-transfers/${sent.transfers[0]!.id}/answer`, {
      answer: 'return',
      reason: '请派出所处理',
    }),
  );
}, 90_000);
afterAll(() => t.close());

describe('a mediator', () => {
  it('lists and opens only the cases it handles or mediates', async () => {
    expect(idsOf(await listOf(mediator))).toEqual([handled.id, mediated.id].sort());
    expect((await mediator.get(`/api/v1/disputes/${handled.id}`)).status).toBe(200);
    expect((await mediator.get(`/api/v1/disputes/${mediated.id}`)).status).toBe(200);
    for (const other of [transferred, untouched])
      expect((await mediator.get(`/api/v1/disputes/${other.id}`)).status).toBe(404);
  });

  it('works the cases given to it, and no other', async () => {
    const assessment = {
      level: 'simple',
      factors: {
        people: 2,
        amountYuan: null,
        threats: false,
        earlierViolence: false,
        repeatCalls: false,
        collective: false,
        otherRisk: false,
      },
    };
    expect((await mediator.post(`/api/v1/disputes/${handled.id}/assessments`, assessment)).status).toBe(200);
    expect((await mediator.post(`/api/v1/disputes/${untouched.id}/assessments`, assessment)).status).toBe(404);
  });

  it('counts only its cases on the board', async () => {
    const board = await ok<DisputeBoard>(mediator.get(`/api/v1/stations/${t.fx.units.stationA}/disputes/board`));
    expect(board.open).toBe(2);
  });
});

describe('a partner department’s liaison', () => {
  it('lists and opens only the cases transferred to its department and not returned, outside its own scope too', async () => {
    expect(idsOf(await listOf(liaison))).toEqual([transferred.id]);
    expect((await liaison.get(`/api/v1/disputes/${transferred.id}`)).status).toBe(200);
    for (const other of [handled, mediated, returned, untouched])
      expect((await liaison.get(`/api/v1/disputes/${other.id}`)).status).toBe(404);
    const board = await ok<DisputeBoard>(liaison.get(`/api/v1/stations/${t.fx.units.stationA}/disputes/board`));
    expect(board.open).toBe(1);
  });

  it('finds them under 移交本部门的案件', async () => {
    const mine = await ok<{ transfer: { status: string }; dispute: { id: string } }[]>(
      liaison.get('/api/v1/dispute-transfers/mine'),
    );
    expect(mine.map((m) => [m.dispute.id, m.transfer.status])).toEqual([[transferred.id, 'pending']]);
  });
});

describe('station staff', () => {
  it('see every case of their station', async () => {
    const all = [handled, mediated, transferred, returned, untouched].map((c) => c.id).sort();
    expect(idsOf(await listOf(desk))).toEqual(all);
    expect(idsOf(await listOf(await t.as('a.officer')))).toEqual(all);
  });
});
