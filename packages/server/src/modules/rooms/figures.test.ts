/**
 * 议事厅 figures through the API, against data counted by hand: posts by members and staff and by kind of work,
 * "@" answered in time, late and still open, matters and cases made, lost and found, topics and votes, reports —
 * in all and per room — only within the Beijing days asked for; a reversed or too long period is a 400.
 */
import type { RoomFigures, RoomPostView, RoomView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomItems, roomPostReports, roomPosts, roomTopics, roomVotes } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { staffPost } from './rooms.testkit.js';
import { errorOf, ok, Resident, roomOf, staffId } from './work.testkit.js';

let t: TestApp;
let officer: Client;
let roomX: RoomView;
let roomY: RoomView;
const MINUTE = 60_000;
const figuresUrl = (from: string, to: string) =>
  `/api/v1/stations/${t.fx.units.stationA}/room-figures?from=${from}&to=${to}`;

/** A post written straight to the table (lost/found, topics, a post at the period's edge): its seq far above the room's. */
let crafted = 9000;
async function craft(roomId: string, values: Partial<typeof roomPosts.$inferInsert>) {
  const [row] = await t.deps.database.db
    .insert(roomPosts)
    .values({ roomId, seq: ++crafted, body: '', createdAt: t.clock.now(), ...values })
    .returning();
  if (!row) throw new Error('test: no post');
  return row;
}

/**
 * 2026-11-23 (Beijing), counted by hand — room X: wang's "@" A answered in 10 minutes, B answered after 31, li's C
 * open; li's D made a matter and tagged 便民服务; wang's E made a case; the officer's 安全防范 post; a found notice,
 * closed; a topic with two votes, answered; li reports A (dismissed), wang reports C (hidden) — 10 posts, 6 by
 * members. Room Y: zhou's "@" answered in time by the aux, and a plain post — 3 posts, 2 by members.
 * Outside the day: a post a second before it starts, and one the next day.
 */
beforeAll(async () => {
  t = await buildTestApp();
  const chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  roomX = await roomOf(t, chief, 'A村警民议事厅', t.fx.units.villageA, 'a.officer');
  roomY = await roomOf(t, chief, 'A村一组平安群', t.fx.units.gridA1, 'a.aux');
  const wang = await (await Resident.verify(t, '13900009001')).join(roomX.id, '老王');
  const li = await (await Resident.verify(t, '13900009002')).join(roomX.id, '小李');
  const zhou = await (await Resident.verify(t, '13900009003')).join(roomY.id, '老周');
  const me = [staffId(t, 'a.officer')];
  await craft(roomX.id, { memberId: wang.memberId, createdAt: new Date('2026-11-22T15:59:59.000Z') });

  const a = await ok<RoomPostView>(wang.say(roomX.id, '@警官 请问居住证怎么办理', me));
  t.clock.advance(10 * MINUTE);
  await ok(staffPost(officer, roomX.id, { body: '带身份证和租房合同到所里办理', replyToId: a.id }));
  const b = await ok<RoomPostView>(wang.say(roomX.id, '@警官 电动车上牌在哪里', me));
  // 31 minutes in two steps: the officer's session stays alive in between.
  t.clock.advance(16 * MINUTE);
  await ok(officer.get(`/api/v1/rooms/${roomX.id}`));
  t.clock.advance(15 * MINUTE);
  await ok(staffPost(officer, roomX.id, { body: '车管所上牌点，周末也开放', replyToId: b.id }));
  const c = await ok<RoomPostView>(li.say(roomX.id, '@警官 晚上有人在河边电鱼', me));
  const d = await ok<RoomPostView>(li.say(roomX.id, '村口路灯坏了'));
  await ok(officer.post(`/api/v1/room-posts/${d.id}/matter`, { kind: 'service' }));
  await ok(officer.post(`/api/v1/room-posts/${d.id}/tag`, { workType: 'service' }));
  const e = await ok<RoomPostView>(wang.say(roomX.id, '两家为排水沟吵了好几次'));
  await ok(officer.post(`/api/v1/room-posts/${e.id}/dispute`, { category: 'other', title: '排水沟邻里纠纷' }));
  await ok(staffPost(officer, roomX.id, { body: '近期电诈高发，请勿轻信陌生来电', workType: 'safety' }));
  const found = await craft(roomX.id, { kind: 'found', memberId: wang.memberId, body: '黑色钱包' });
  await t.deps.database.db.insert(roomItems).values({
    postId: found.id,
    stationId: t.fx.units.stationA,
    roomId: roomX.id,
    what: '黑色钱包',
    place: '村委会门口',
    at: t.clock.now(),
    closedAs: 'returned',
    closedAt: t.clock.now(),
    createdAt: t.clock.now(),
  });
  const topic = await craft(roomX.id, { kind: 'topic', staffId: me[0], body: '广场舞时间' });
  await t.deps.database.db.insert(roomTopics).values({
    postId: topic.id,
    question: '广场舞几点结束？',
    options: ['21:00', '21:30'],
    answer: '定为 21:00 结束',
    answeredAt: t.clock.now(),
    answeredBy: me[0],
  });
  await t.deps.database.db.insert(roomVotes).values([
    { postId: topic.id, memberId: wang.memberId, option: 0, votedAt: t.clock.now() },
    { postId: topic.id, memberId: li.memberId, option: 1, votedAt: t.clock.now() },
  ]);
  await ok(li.request('POST', `/public/room-posts/${a.id}/report`, { reason: 'other' }));
  await ok(officer.post(`/api/v1/room-posts/${a.id}/dismiss-reports`));
  await ok(wang.request('POST', `/public/room-posts/${c.id}/report`, { reason: 'rumour' }));
  await t.deps.database.db
    .update(roomPostReports)
    .set({ resolution: 'hidden', resolvedAt: t.clock.now(), resolvedBy: me[0] })
    .where(and(eq(roomPostReports.postId, c.id), eq(roomPostReports.memberId, wang.memberId)));

  const y = await ok<RoomPostView>(zhou.say(roomY.id, '@警官 小区门禁坏了', [staffId(t, 'a.aux')]));
  const aux = await t.as('a.aux');
  await ok(staffPost(aux, roomY.id, { body: '已联系物业维修', replyToId: y.id }));
  await ok(zhou.say(roomY.id, '谢谢'));
  t.clock.advance(24 * 60 * MINUTE);
  await craft(roomX.id, { memberId: wang.memberId, body: '第二天的发言' });
  officer = await t.as('a.officer');
});
afterAll(() => t.close());

describe('the rooms` figures', () => {
  it('count the day`s posts, "@" in time, late and open, matters, cases, notices, topics and reports', async () => {
    const f = await ok<RoomFigures>(officer.get(figuresUrl('2026-11-23', '2026-11-23')));
    expect(f).toMatchObject({
      from: '2026-11-23',
      to: '2026-11-23',
      posts: 13,
      memberPosts: 8,
      staffPosts: 5,
      mentions: 4,
      answeredInTime: 2,
      answeredLate: 1,
      unanswered: 1,
      matters: 1,
      cases: 1,
      items: { posted: 1, closed: 1 },
      topics: { opened: 1, votes: 2, answered: 1 },
      reports: { received: 2, hidden: 1, dismissed: 1 },
    });
    const types = Object.fromEntries(f.byWorkType.map((w) => [w.workType, w.posts]));
    expect(types).toEqual({ law: 0, notice: 0, dispute: 0, safety: 1, service: 1, virtue: 0, deliberation: 0 });
    const x = f.rooms.find((r) => r.roomId === roomX.id);
    const y = f.rooms.find((r) => r.roomId === roomY.id);
    expect(x).toMatchObject({ name: roomX.name, members: 2, posts: 10, mentions: 3, answeredInTime: 1 });
    expect(x).toMatchObject({ answeredLate: 1, unanswered: 1, matters: 1, cases: 1 });
    expect(y).toMatchObject({ members: 1, posts: 3, mentions: 1, answeredInTime: 1, answeredLate: 0, unanswered: 0 });
  });

  it('take in the days around it when asked, and nothing outside the period', async () => {
    const wide = await ok<RoomFigures>(officer.get(figuresUrl('2026-11-22', '2026-11-24')));
    expect(wide.posts).toBe(15);
    const before = await ok<RoomFigures>(officer.get(figuresUrl('2026-11-01', '2026-11-21')));
    expect(before).toMatchObject({ posts: 0, mentions: 0, reports: { received: 0, hidden: 0, dismissed: 0 } });
    expect(before.rooms.map((r) => r.posts)).toEqual([0, 0]);
  });

  it('refuse a reversed or too long period with a clear message, and staff of another station', async () => {
    const reversed = await officer.get(figuresUrl('2026-11-24', '2026-11-23'));
    expect(reversed.status).toBe(400);
    expect(errorOf(reversed)).toMatchObject({ code: 'VALIDATION' });
    expect(errorOf(reversed).message).toContain('开始日期不能晚于结束日期');
    const long = await officer.get(figuresUrl('2016-01-01', '2026-01-01'));
    expect(long.status).toBe(400);
    expect(errorOf(long).message).toContain('10 年');
    expect((await officer.get(figuresUrl('2016-01-02', '2026-01-01'))).status).toBe(200);
    expect((await officer.get(figuresUrl('2026-11-31', '2026-12-01'))).status).toBe(400);
    expect((await t.anonymous().get(figuresUrl('2026-11-23', '2026-11-23'))).status).toBe(401);
    expect((await (await t.as('b.officer')).get(figuresUrl('2026-11-23', '2026-11-23'))).status).toBe(403);
  });
});
