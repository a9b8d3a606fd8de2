/**
 * 议事厅 rooms and members through the API: the station's managers make rooms hosted by their own staff, residents
 * find them from the doorplate or an invitation and join with a verified phone under a nickname, leave and rejoin;
 * hosts see members without phones; another station's staff do not see the room at all.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { codeOf, joinRoom, makeRoom, member, newPhone } from './rooms.testkit.js';

let t: TestApp;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
});
afterAll(() => t.close());

describe('making rooms', () => {
  it('refuses anyone without room.manage, and a host from outside the station', async () => {
    const officer = await t.as('a.officer');
    const body = { name: '越权群', kind: 'group', ownerId: t.fx.staffIds['a.officer'] };
    expect((await t.anonymous().post(`/api/v1/stations/${t.fx.units.stationA}/rooms`, body)).status).toBe(401);
    expect((await officer.post(`/api/v1/stations/${t.fx.units.stationA}/rooms`, body)).status).toBe(403);
    const foreign = await chief.post(`/api/v1/stations/${t.fx.units.stationA}/rooms`, {
      ...body,
      ownerId: t.fx.staffIds['b.officer'],
    });
    expect(foreign.status).toBe(422);
    expect(codeOf(foreign)).toBe('ROOM_HOST_FOREIGN');
    const mediator = await chief.post(`/api/v1/stations/${t.fx.units.stationA}/rooms`, {
      ...body,
      cohostIds: [t.fx.staffIds['a.mediator']],
    });
    expect(codeOf(mediator)).toBe('ROOM_HOST_FOREIGN');
    const otherUnit = await chief.post(`/api/v1/stations/${t.fx.units.stationA}/rooms`, {
      ...body,
      kind: 'area',
      unitId: t.fx.units.villageB,
    });
    expect(otherUnit.status).toBe(400);
  });

  it('makes an area room with its owner and co-host, audited, listed with its counts', async () => {
    const room = await makeRoom(t, chief);
    // Residents call the officer 警官 and the auxiliary police 辅警, by the station's pattern.
    expect(room.hosts.map((h) => [h.role, h.nickname])).toEqual([
      ['owner', 'A派出所·a警官'],
      ['cohost', 'A派出所·a辅警'],
    ]);
    expect(room.inviteToken).toBeTruthy();
    expect(room.can).toEqual({ post: true, moderate: true, manage: true });
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'room.create'), eq(auditLog.targetId, room.id)));
    expect(entry?.result).toBe('ok');
    const list = await (await t.as('a.officer')).get(`/api/v1/stations/${t.fx.units.stationA}/rooms`);
    expect(list.status).toBe(200);
    expect((list.body as { id: string; members: number }[]).find((r) => r.id === room.id)?.members).toBe(0);
  });

  it('changes a room on its version only, and rotates its invitation', async () => {
    const room = await makeRoom(t, chief);
    const renamed = await chief.patch(`/api/v1/rooms/${room.id}`, { version: room.version, about: '新简介' });
    expect(renamed.status).toBe(200);
    const stale = await chief.patch(`/api/v1/rooms/${room.id}`, { version: room.version, about: '旧版本' });
    expect(stale.status).toBe(409);
    const officer = await t.as('a.officer');
    expect(codeOf(await officer.patch(`/api/v1/rooms/${room.id}`, { version: 2, about: 'x' }))).toBe('ROOM_NOT_HOST');
    const rotated = await chief.post(`/api/v1/rooms/${room.id}/invite`, {});
    expect(rotated.status).toBe(200);
    expect((rotated.body as { inviteToken: string }).inviteToken).not.toBe(room.inviteToken);
    const old = await t.anonymous().get(`/api/v1/public/rooms/invite/${room.inviteToken}`);
    expect(old.status).toBe(404);
  });

  it('hides a room from another station entirely', async () => {
    const room = await makeRoom(t, chief);
    const other = await t.as('b.officer');
    expect((await other.get(`/api/v1/rooms/${room.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/rooms/${room.id}/posts`)).status).toBe(404);
    expect((await other.get(`/api/v1/stations/${t.fx.units.stationA}/rooms`)).status).toBe(404);
  });
});

describe('joining', () => {
  it('offers the doorplate the area rooms over it, and joins with a verified phone', async () => {
    const room = await makeRoom(t, chief);
    const group = await makeRoom(t, chief, { kind: 'group', unitId: undefined });
    const phoneToken = await newPhone(t);
    const offered = await t
      .anonymous()
      .get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/rooms`)
      .then((r) => r.body as { id: string; joined: boolean; hosts: unknown[] }[]);
    expect(offered.map((r) => r.id)).toContain(room.id);
    expect(offered.map((r) => r.id)).not.toContain(group.id);
    const elsewhere = await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.b[0]}/rooms`);
    expect((elsewhere.body as { id: string }[]).map((r) => r.id)).not.toContain(room.id);

    expect((await joinRoom(t, room.id, 'not-a-token', '老王')).status).toBe(401);
    const joined = await joinRoom(t, room.id, phoneToken, '老王');
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ nickname: '老王', place: 'A村', mutedUntil: null });
    const after = await t
      .anonymous()
      .request('GET', `/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/rooms`, undefined, {
        'x-phone-token': phoneToken,
      });
    expect((after.body as { id: string; joined: boolean }[]).find((r) => r.id === room.id)?.joined).toBe(true);
    const mine = await t
      .anonymous()
      .request('GET', '/api/v1/public/my-rooms', undefined, { 'x-phone-token': phoneToken });
    expect((mine.body as { id: string }[]).map((r) => r.id)).toContain(room.id);
  });

  it('joins a group room by its invitation, without a place', async () => {
    const group = await makeRoom(t, chief, { kind: 'group', unitId: undefined });
    const phoneToken = await newPhone(t);
    const seen = await t.anonymous().get(`/api/v1/public/rooms/invite/${group.inviteToken}`);
    expect(seen.status).toBe(200);
    const wrong = await joinRoom(t, group.id, phoneToken, '司机老李', { inviteToken: 'x'.repeat(22) });
    expect(wrong.status).toBe(404);
    const byDoor = await joinRoom(t, group.id, phoneToken, '司机老李');
    expect(byDoor.status).toBe(404);
    const joined = await joinRoom(t, group.id, phoneToken, '司机老李', { inviteToken: group.inviteToken });
    expect(joined.status).toBe(200);
    expect((joined.body as { place: string | null }).place).toBeNull();
  });

  it('refuses a nickname a current member uses, and lets a member leave and rejoin', async () => {
    const room = await makeRoom(t, chief);
    const first = await member(t, room.id, '张阿姨');
    const second = await newPhone(t);
    const taken = await joinRoom(t, room.id, second, '张阿姨');
    expect(taken.status).toBe(409);
    expect(codeOf(taken)).toBe('ROOM_NICKNAME_TAKEN');
    const left = await t
      .anonymous()
      .post(`/api/v1/public/rooms/${room.id}/leave`, {}, { 'x-phone-token': first.phoneToken });
    expect(left.status).toBe(200);
    expect((await joinRoom(t, room.id, second, '张阿姨')).status).toBe(200);
    const back = await joinRoom(t, room.id, first.phoneToken, '张阿姨回来了');
    expect(back.status).toBe(200);
    expect((back.body as { memberId: string }).memberId).toBe(first.memberId);
  });

  it('refuses a closed room', async () => {
    const room = await makeRoom(t, chief);
    await chief.patch(`/api/v1/rooms/${room.id}`, { version: room.version, active: false });
    const res = await joinRoom(t, room.id, await newPhone(t), '晚来的');
    expect(res.status).toBe(409);
    expect(codeOf(res)).toBe('ROOM_CLOSED');
  });

  it('shows hosts the members by nickname and never a phone', async () => {
    const room = await makeRoom(t, chief);
    await member(t, room.id, '李大爷');
    const officer = await t.as('a.officer');
    const list = await officer.get(`/api/v1/rooms/${room.id}/members`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ nickname: '李大爷', place: 'A村', posts: 0 })]);
    expect(JSON.stringify(list.body)).not.toMatch(/1380000/);
    const grid = await t.as('a.grid');
    expect(codeOf(await grid.get(`/api/v1/rooms/${room.id}/members`))).toBe('ROOM_NOT_HOST');
  });
});
