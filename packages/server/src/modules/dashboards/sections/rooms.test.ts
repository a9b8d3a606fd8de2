/**
 * The 警民群 section on crafted rooms through the real API: rooms and members at the period's end, rooms and members
 * active, the "@" made and the share answered in time (late and never answered alike due), posts made matters; each
 * figure opens the rooms list of the period (or the desk's matters) with exactly its rows; the bureau sees its
 * stations side by side, another station's chief is refused; bad periods are a 400.
 */
import type { DashboardSection, DrillTarget, RoomPeriodPage, RoomPostView } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { staffPost } from '../../rooms/rooms.testkit.js';
import { ok, Resident, roomOf, staffId } from '../../rooms/work.testkit.js';

let t: TestApp;
const MINUTE = 60_000;
const PERIOD = 'from=2026-11-23&to=2026-11-23';

/**
 * 2026-11-23 (Beijing) — room X: wang's "@" answered in 10 minutes, his second after 31 (late), li's never (due by
 * the day's end); li's plain post made a matter. Room Y: zhou's "@" answered in time by the aux. Station B has a
 * room with nobody in it.
 */
beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  const chief = await t.as('a.chief');
  const officer = await t.as('a.officer');
  const roomX = await roomOf(t, chief, 'A村警民议事厅', t.fx.units.villageA, 'a.officer');
  const roomY = await roomOf(t, chief, 'A村一组平安群', t.fx.units.gridA1, 'a.aux');
  await ok(
    (await t.as('b.chief')).post(`/api/v1/stations/${t.fx.units.stationB}/rooms`, {
      name: 'B村警民议事厅',
      kind: 'area',
      unitId: t.fx.units.villageB,
      ownerId: staffId(t, 'b.officer'),
    }),
  );
  const wang = await (await Resident.verify(t, '13900008001')).join(roomX.id, '老王');
  const li = await (await Resident.verify(t, '13900008002')).join(roomX.id, '小李');
  const zhou = await (await Resident.verify(t, '13900008003')).join(roomY.id, '老周');
  const me = [staffId(t, 'a.officer')];
  const a = await ok<RoomPostView>(wang.say(roomX.id, '@警官 请问居住证怎么办理', me));
  t.clock.advance(10 * MINUTE);
  await ok(staffPost(officer, roomX.id, { body: '带身份证和租房合同到所里办理', replyToId: a.id }));
  const b = await ok<RoomPostView>(wang.say(roomX.id, '@警官 电动车上牌在哪里', me));
  t.clock.advance(16 * MINUTE);
  await ok(officer.get(`/api/v1/rooms/${roomX.id}`));
  t.clock.advance(15 * MINUTE);
  await ok(staffPost(officer, roomX.id, { body: '车管所上牌点，周末也开放', replyToId: b.id }));
  await ok(li.say(roomX.id, '@警官 晚上有人在河边电鱼', me));
  const d = await ok<RoomPostView>(li.say(roomX.id, '村口路灯坏了'));
  await ok(officer.post(`/api/v1/room-posts/${d.id}/matter`, { kind: 'service' }));
  const y = await ok<RoomPostView>(zhou.say(roomY.id, '@警官 小区门禁坏了', [staffId(t, 'a.aux')]));
  await ok(staffPost(await t.as('a.aux'), roomY.id, { body: '已联系物业维修', replyToId: y.id }));
  // The next day: li's "@" is long past its answer time.
  t.clock.advance(24 * 60 * MINUTE);
});
afterAll(() => t.close());

const section = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/dashboards/sections/rooms?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DashboardSection;
};
const figure = (s: DashboardSection, id: string) => {
  const f = s.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
async function roomsList(c: Client, drill: DrillTarget | null) {
  expect(drill?.list).toBe('rooms');
  const res = await c.get(`/api/v1/rooms?${new URLSearchParams(drill?.query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as RoomPeriodPage;
}
const sum = (page: RoomPeriodPage, k: 'members' | 'activeMembers' | 'mentions' | 'answeredInTime' | 'mentionsDue') =>
  page.items.reduce((n, r) => n + r[k], 0);

describe('the rooms section', () => {
  it('counts rooms, members and the "@" answered in time, each opening exactly its rooms', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    const values = Object.fromEntries(s.figures.map((f) => [f.id, f.value]));
    expect(values).toEqual({
      rooms: 2,
      members: 3,
      activeRooms: 2,
      activeMembers: 3,
      mentions: 4,
      answeredInTime: 0.5,
      toMatters: 1,
    });
    expect(figure(s, 'answeredInTime').parts).toEqual({ numerator: 2, denominator: 4 });
    // The day before had no "@": nothing to divide.
    expect(figure(s, 'answeredInTime').previous).toBeNull();
    expect(figure(s, 'rooms').previous).toBe(0);
    const all = await roomsList(chief, figure(s, 'rooms').drill);
    expect(all.total).toBe(2);
    expect(sum(all, 'members')).toBe(3);
    const active = await roomsList(chief, figure(s, 'activeRooms').drill);
    expect(active.total).toBe(2);
    expect([sum(active, 'activeMembers'), sum(active, 'mentions')]).toEqual([3, 4]);
    expect([sum(active, 'answeredInTime'), sum(active, 'mentionsDue')]).toEqual([2, 4]);
    const chart = s.charts.find((c) => c.id === 'mentionsByRoom');
    const bars = Object.fromEntries(
      (chart?.categories ?? []).map((name, i) => [name, chart?.series.map((x) => x.data[i])]),
    );
    expect(bars).toEqual({ A村警民议事厅: [1, 2], A村一组平安群: [1, 0] });
  });

  it('opens the desk’s matters made from posts', async () => {
    const chief = await t.as('a.chief');
    const drill = figure(await section(chief, PERIOD), 'toMatters').drill;
    expect(drill?.list).toBe('matters');
    const res = await chief.get(`/api/v1/matters?${new URLSearchParams(drill?.query)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 1, items: [{ channel: 'room' }] });
  });

  it('shows the bureau its stations side by side', async () => {
    const bureau = await t.as('q.bureau');
    const s = await section(bureau, PERIOD);
    expect(figure(s, 'rooms').value).toBe(3);
    const byStation = Object.fromEntries(s.stations.map((x) => [x.unitId, x.values]));
    expect(byStation[t.fx.units.stationA]).toMatchObject({ rooms: 2, activeRooms: 2, mentions: 4 });
    expect(byStation[t.fx.units.stationB]).toMatchObject({ rooms: 1, activeRooms: 0, answeredInTime: null });
    expect((await roomsList(bureau, figure(s, 'rooms').drill)).total).toBe(3);
  });

  it('refuses another station’s unit and a bad period', async () => {
    const other = await t.as('b.chief');
    const a = `unitId=${t.fx.units.stationA}`;
    expect((await other.get(`/api/v1/dashboards/sections/rooms?${PERIOD}&${a}`)).status).toBe(403);
    expect((await other.get(`/api/v1/rooms?${PERIOD}&${a}`)).status).toBe(403);
    const chief = await t.as('a.chief');
    expect((await chief.get('/api/v1/rooms?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    expect((await chief.get('/api/v1/rooms?from=2026-11-23')).status).toBe(400);
    expect((await t.anonymous().get(`/api/v1/rooms?${PERIOD}`)).status).toBe(401);
  });
});
