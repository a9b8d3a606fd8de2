/**
 * Posting in a 议事厅 room through the API: an "@" to a host starts its clock and a host's reply answers it once;
 * a held word keeps a post from the room; a muted member is told how long; the station's rate limits; a resend
 * makes one post; a member deletes its own; history pages by seq; a host of one room cannot post in another.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_ROOM_RULES, type RoomPostPage, type RoomView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomMembers, roomPosts, settings } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { codeOf, makeRoom, member, memberPost, postOf, staffPost } from './rooms.testkit.js';
import { roomSettingsKey } from './settings.js';

let t: TestApp;
let chief: Client;
let officer: Client;
let room: RoomView;
const db = () => t.deps.database.db;
const officerId = () => t.fx.staffIds['a.officer'] as string;

beforeAll(async () => {
  t = await buildTestApp();
  await db()
    .insert(settings)
    .values({ key: roomSettingsKey(t.fx.units.stationA), value: { ...DEFAULT_ROOM_RULES, memberPostsPerMinute: 3 } });
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  room = await makeRoom(t, chief);
});
afterAll(() => t.close());

const readAs = (token: string, url: string) => t.anonymous().request('GET', url, undefined, { 'x-phone-token': token });

describe('an "@" to the officer', () => {
  it('gets an answer time, and the first reply by a host answers it once', async () => {
    const resident = await member(t, room.id, '丢了户口簿');
    const asked = await memberPost(t, room.id, resident.phoneToken, {
      body: '@石警官 我家户口簿找不到了，怎么补办？',
      mentions: [officerId()],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const post = postOf(asked);
    expect(post.answerDueAt).toBe(new Date(t.clock.now().getTime() + 30 * 60_000).toISOString());
    expect(post.mentions).toEqual([{ staffId: officerId(), nickname: 'A派出所·a警官' }]);
    expect(post.author).toMatchObject({ type: 'member', nickname: '丢了户口簿', place: 'A村', hostRole: null });

    t.clock.advance(60_000);
    const reply = await staffPost(officer, room.id, { body: '带身份证到所里补办即可', replyToId: post.id });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(postOf(reply).author).toMatchObject({ type: 'staff', hostRole: 'owner', nickname: 'A派出所·a警官' });
    const aux = await t.as('a.aux');
    t.clock.advance(60_000);
    await staffPost(aux, room.id, { body: '补充：工作日上午都可以', replyToId: post.id });
    const [row] = await db().select().from(roomPosts).where(eq(roomPosts.id, post.id));
    expect(row?.answeredBy).toBe(officerId());
    const open = await officer.get(`/api/v1/rooms/${room.id}/posts?only=open_mentions`);
    expect((open.body as RoomPostPage).items.map((p) => p.id)).not.toContain(post.id);
  });

  it('refuses an "@" to staff who do not host the room', async () => {
    const resident = await member(t, room.id, '乱点名');
    const res = await memberPost(t, room.id, resident.phoneToken, {
      body: '@所长',
      mentions: [t.fx.staffIds['a.duty']],
    });
    expect(res.status).toBe(422);
    expect(codeOf(res)).toBe('ROOM_MENTION_NOT_HOST');
  });
});

describe('posting rules', () => {
  it('holds a post with a held word: its poster reads it as held, the room never sees it', async () => {
    const poster = await member(t, room.id, '推销员');
    const reader = await member(t, room.id, '路人甲');
    const res = await memberPost(t, room.id, poster.phoneToken, { body: '专业代开发票，私聊' });
    expect(res.status).toBe(200);
    expect(postOf(res).status).toBe('held');
    const own = await readAs(poster.phoneToken, `/api/v1/public/rooms/${room.id}/posts`);
    expect((own.body as RoomPostPage).items.map((p) => p.id)).toContain(postOf(res).id);
    const others = await readAs(reader.phoneToken, `/api/v1/public/rooms/${room.id}/posts`);
    expect((others.body as RoomPostPage).items.map((p) => p.id)).not.toContain(postOf(res).id);
    const held = await officer.get(`/api/v1/rooms/${room.id}/posts?only=held`);
    expect((held.body as RoomPostPage).items[0]).toMatchObject({ id: postOf(res).id, body: '专业代开发票，私聊' });
  });

  it('refuses a muted member with the minutes left and the reason', async () => {
    const resident = await member(t, room.id, '吵架的');
    await db()
      .update(roomMembers)
      .set({ mutedUntil: new Date(t.clock.now().getTime() + 25 * 60_000), muteReason: '人身攻击' })
      .where(eq(roomMembers.id, resident.memberId));
    const res = await memberPost(t, room.id, resident.phoneToken, { body: '凭什么' });
    expect(res.status).toBe(409);
    expect(codeOf(res)).toBe('ROOM_MUTED');
    expect((res.body as { error: { message: string } }).error.message).toContain('25 分钟');
    expect((res.body as { error: { message: string } }).error.message).toContain('人身攻击');
  });

  it("limits a member to the station's posts per minute", async () => {
    const resident = await member(t, room.id, '话多的');
    t.clock.advance(60_000 - (t.clock.now().getTime() % 60_000) + 1);
    for (let n = 1; n <= 3; n++)
      expect((await memberPost(t, room.id, resident.phoneToken, { body: `第${n}条` })).status).toBe(200);
    const over = await memberPost(t, room.id, resident.phoneToken, { body: '第4条' });
    expect(over.status).toBe(429);
    expect(codeOf(over)).toBe('RATE_LIMITED');
  });

  it('makes one post of a resend, refuses an unverified phone and a non-member', async () => {
    const resident = await member(t, room.id, '信号差');
    const key = randomUUID();
    const first = await memberPost(t, room.id, resident.phoneToken, { body: '路灯坏了' }, key);
    const again = await memberPost(t, room.id, resident.phoneToken, { body: '路灯坏了' }, key);
    expect(postOf(again).id).toBe(postOf(first).id);
    expect((await memberPost(t, room.id, 'nope', { body: 'x' })).status).toBe(401);
    const other = await makeRoom(t, chief);
    const outsider = await memberPost(t, other.id, resident.phoneToken, { body: '串门' });
    expect(outsider.status).toBe(403);
    expect(codeOf(outsider)).toBe('ROOM_NOT_MEMBER');
  });

  it('lets a member delete its own post, keeping its place with no text', async () => {
    const resident = await member(t, room.id, '手滑了');
    const stranger = await member(t, room.id, '旁观者');
    const post = postOf(await memberPost(t, room.id, resident.phoneToken, { body: '发错群了' }));
    const url = `/api/v1/public/room-posts/${post.id}`;
    const notMine = await t.anonymous().request('DELETE', url, undefined, { 'x-phone-token': stranger.phoneToken });
    expect(notMine.status).toBe(404);
    const gone = await t.anonymous().request('DELETE', url, undefined, { 'x-phone-token': resident.phoneToken });
    expect(gone.status).toBe(200);
    expect(postOf(gone)).toMatchObject({ status: 'deleted', body: '' });
    const [row] = await db().select().from(roomPosts).where(eq(roomPosts.id, post.id));
    expect(row).toMatchObject({ status: 'deleted', body: '', seq: post.seq });
  });
});

describe('staff in the room', () => {
  it('refuses a host of one room posting in another', async () => {
    const other = await makeRoom(t, chief, { ownerId: t.fx.staffIds['a.aux'], cohostIds: [] });
    const res = await staffPost(officer, other.id, { body: '我来说两句' });
    expect(res.status).toBe(403);
    expect(codeOf(res)).toBe('ROOM_NOT_HOST');
    expect((await staffPost(officer, room.id, { body: '本群公告', kind: 'announcement', pinned: true })).status).toBe(
      200,
    );
    const board = await t.anonymous().get(`/api/v1/public/rooms/${room.id}/announcements`);
    expect((board.body as RoomPostPage).items[0]).toMatchObject({
      kind: 'announcement',
      pinned: true,
      body: '本群公告',
    });
  });

  it('lets the desk answer only an "@" that reached it', async () => {
    const desk = await t.as('a.duty');
    const resident = await member(t, room.id, '等回复');
    const ask = postOf(await memberPost(t, room.id, resident.phoneToken, { body: '有人吗', mentions: [officerId()] }));
    expect(codeOf(await staffPost(desk, room.id, { body: '在', replyToId: ask.id }))).toBe('ROOM_NOT_HOST');
    await db().update(roomPosts).set({ escalatedAt: t.clock.now() }).where(eq(roomPosts.id, ask.id));
    expect((await staffPost(desk, room.id, { body: '值班台在，请讲', replyToId: ask.id })).status).toBe(200);
    const [row] = await db().select().from(roomPosts).where(eq(roomPosts.id, ask.id));
    expect(row?.answeredBy).toBe(t.fx.staffIds['a.duty']);
  });
});

describe('history', () => {
  it('pages newest first by seq, and never shows a phone', async () => {
    const paged = await makeRoom(t, chief);
    const resident = await member(t, paged.id, '翻页的');
    for (let n = 1; n <= 5; n++) {
      t.clock.advance(60_000);
      await memberPost(t, paged.id, resident.phoneToken, { body: `消息${n}` });
    }
    const first = await readAs(resident.phoneToken, `/api/v1/public/rooms/${paged.id}/posts?limit=2`);
    const page1 = first.body as RoomPostPage;
    expect(page1.items.map((p) => p.body)).toEqual(['消息5', '消息4']);
    expect(page1.hasMore).toBe(true);
    const before = Math.min(...page1.items.map((p) => p.seq));
    const second = await officer.get(`/api/v1/rooms/${paged.id}/posts?limit=10&before=${before}`);
    const page2 = second.body as RoomPostPage;
    expect(page2.items.map((p) => p.body)).toEqual(['消息3', '消息2', '消息1']);
    expect(page2.hasMore).toBe(false);
    for (const res of [first, second, await officer.get(`/api/v1/rooms/${paged.id}/members`)])
      expect(JSON.stringify(res.body)).not.toMatch(/1380000\d{4}|\d{3}\*{4}\d{4}/);
  });
});
