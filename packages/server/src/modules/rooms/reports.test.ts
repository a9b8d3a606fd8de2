/**
 * 举报 through the API: a member reports another's post once (a second report answers the same), never its own;
 * the hosts read the station's reported posts with counts and reasons but never who reported; a host dismisses the
 * reports (audited, heard live) — a host of another room cannot — and hiding a post closes its reports as hidden.
 */
import type { ReportedPost, RoomPostView, RoomView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomPostReports } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { auditOf, errorOf, ok, outboxOf, Resident, roomOf } from './work.testkit.js';

let t: TestApp;
let officer: Client;
let aux: Client;
let roomX: RoomView;
let roomY: RoomView;
let wang: Resident;
let li: Resident;
let zhao: Resident;
beforeAll(async () => {
  t = await buildTestApp();
  const chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  aux = await t.as('a.aux');
  roomX = await roomOf(t, chief, 'A村警民议事厅', t.fx.units.villageA, 'a.officer');
  roomY = await roomOf(t, chief, 'A村一组平安群', t.fx.units.gridA1, 'a.aux');
  wang = await (await Resident.verify(t, '13900007001')).join(roomX.id, '老王');
  li = await (await Resident.verify(t, '13900007002')).join(roomX.id, '小李');
  zhao = await (await Resident.verify(t, '13900007003')).join(roomX.id, '老赵');
});
afterAll(() => t.close());

const report = (r: Resident, postId: string, reason: string, note?: string) =>
  r.request('POST', `/public/room-posts/${postId}/report`, { reason, ...(note ? { note } : {}) });
const reportsUrl = () => `/api/v1/stations/${t.fx.units.stationA}/room-reports`;

describe('reporting a post', () => {
  it('is refused without a verified phone, to someone outside the room, and on one`s own post', async () => {
    const post = await ok<RoomPostView>(wang.say(roomX.id, '低价出售二手电动车，需要的私聊'));
    expect((await t.anonymous().post(`/api/v1/public/room-posts/${post.id}/report`, { reason: 'ad' })).status).toBe(
      401,
    );
    const outsider = await Resident.verify(t, '13900007009');
    expect(errorOf(await report(outsider, post.id, 'ad')).code).toBe('ROOM_NOT_MEMBER');
    const own = await report(wang, post.id, 'ad');
    expect(own.status).toBe(422);
    expect(errorOf(own).code).toBe('ROOM_REPORT_OWN');
  });

  it('counts once per member: a second report answers the same; the audit keeps ids and the reason', async () => {
    const post = await ok<RoomPostView>(wang.say(roomX.id, '加我微信领取养老补贴，先交手续费'));
    const since = t.clock.now();
    const first = await ok<RoomPostView>(report(li, post.id, 'fraud', '让交钱，像骗子'));
    expect(first).toMatchObject({ reportedByMe: true, reports: null });
    const again = await ok<RoomPostView>(report(li, post.id, 'ad'));
    expect(again.reportedByMe).toBe(true);
    const rows = await t.deps.database.db.select().from(roomPostReports).where(eq(roomPostReports.postId, post.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reason: 'fraud', resolution: null });
    const [entry] = await auditOf(t, 'room.post.report', post.id);
    expect(entry?.details).toEqual({ roomId: roomX.id, memberId: li.memberId, reason: 'fraud' });
    expect(JSON.stringify(entry?.details)).not.toContain('骗子');
    expect((await wang.posts(roomX.id)).find((p) => p.id === post.id)?.reportedByMe).toBe(false);
    const live = await outboxOf(t, 'room.post_changed', since);
    expect(live.map((r) => (r.payload as { postId: string }).postId)).toContain(post.id);
  });
});

describe('the reported posts', () => {
  it('list the station`s posts with open reports, newest first, by reason, never who reported', async () => {
    const older = await ok<RoomPostView>(li.say(roomX.id, '听说明天要停水三天，大家赶紧囤水'));
    await ok(report(wang, older.id, 'rumour'));
    t.clock.advance(60_000);
    const newer = await ok<RoomPostView>(zhao.say(roomX.id, '某某家的电话是 139xxxx，大家去问他'));
    await ok(report(wang, newer.id, 'privacy'));
    await ok(report(li, newer.id, 'privacy'));
    const list = await ok<ReportedPost[]>(officer.get(reportsUrl()));
    const mine = list.filter((r) => [older.id, newer.id].includes(r.post.id));
    expect(mine.map((r) => r.post.id)).toEqual([newer.id, older.id]);
    expect(mine[0]).toMatchObject({ roomName: roomX.name, reports: 2, reasons: [{ reason: 'privacy', count: 2 }] });
    expect(mine[0]?.post.reports).toBe(2);
    // The reporters appear nowhere: not wang and li on zhao's post, not wang on li's.
    for (const r of [wang, li]) expect(JSON.stringify(mine[0])).not.toContain(r.memberId);
    expect(JSON.stringify(mine[1])).not.toContain(wang.memberId);
    expect(JSON.stringify(list)).not.toMatch(/phone|1390000/);
    const rooms = await ok<{ id: string; reported: number }[]>(
      officer.get(`/api/v1/stations/${t.fx.units.stationA}/rooms`),
    );
    expect(rooms.find((r) => r.id === roomX.id)?.reported).toBeGreaterThanOrEqual(2);
    expect((await t.anonymous().get(reportsUrl())).status).toBe(401);
    expect((await (await t.as('b.officer')).get(reportsUrl())).status).toBe(403);
  });
});

describe('dismissing reports', () => {
  it('closes them as dismissed, audited and live; the post stays and leaves the list', async () => {
    const post = await ok<RoomPostView>(li.say(roomX.id, '今晚村委会门口放电影，欢迎大家来'));
    await ok(report(zhao, post.id, 'ad'));
    const since = t.clock.now();
    const after = await ok<RoomPostView>(officer.post(`/api/v1/room-posts/${post.id}/dismiss-reports`));
    expect(after).toMatchObject({ status: 'published', reports: 0 });
    const [row] = await t.deps.database.db.select().from(roomPostReports).where(eq(roomPostReports.postId, post.id));
    expect(row).toMatchObject({ resolution: 'dismissed', resolvedBy: t.fx.staffIds['a.officer'] });
    const [entry] = await auditOf(t, 'room.post.dismiss_reports', post.id);
    expect(entry?.details).toEqual({ roomId: roomX.id, reports: 1 });
    const live = await outboxOf(t, 'room.post_changed', since);
    expect(live.map((r) => (r.payload as { postId: string }).postId)).toContain(post.id);
    const list = await ok<ReportedPost[]>(officer.get(reportsUrl()));
    expect(list.map((r) => r.post.id)).not.toContain(post.id);
    // Once only: the same member reporting again changes nothing.
    expect((await ok<RoomPostView>(report(zhao, post.id, 'ad'))).reportedByMe).toBe(true);
    expect((await ok<ReportedPost[]>(officer.get(reportsUrl()))).map((r) => r.post.id)).not.toContain(post.id);
  });

  it('is refused to a host of another room, while that room`s own host may', async () => {
    const zhou = await (await Resident.verify(t, '13900007004')).join(roomY.id, '老周');
    const sun = await (await Resident.verify(t, '13900007005')).join(roomY.id, '小孙');
    const post = await ok<RoomPostView>(zhou.say(roomY.id, '收购旧手机旧家电，上门回收'));
    await ok(report(sun, post.id, 'ad'));
    const res = await officer.post(`/api/v1/room-posts/${post.id}/dismiss-reports`);
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('ROOM_NOT_HOST');
    expect((await ok<RoomPostView>(aux.post(`/api/v1/room-posts/${post.id}/dismiss-reports`))).reports).toBe(0);
  });
});

describe('hiding a reported post', () => {
  it('closes its open reports as hidden', async () => {
    const post = await ok<RoomPostView>(zhao.say(roomX.id, '你们这群人都是傻子'));
    await ok(report(wang, post.id, 'abuse'));
    await ok(report(li, post.id, 'abuse'));
    await ok(officer.post(`/api/v1/room-posts/${post.id}/hide`, { reason: '辱骂他人' }));
    const rows = await t.deps.database.db.select().from(roomPostReports).where(eq(roomPostReports.postId, post.id));
    expect(rows.map((r) => r.resolution)).toEqual(['hidden', 'hidden']);
    expect((await ok<ReportedPost[]>(officer.get(reportsUrl()))).map((r) => r.post.id)).not.toContain(post.id);
  });
});
