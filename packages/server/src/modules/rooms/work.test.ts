/**
 * The hosts' work in a 议事厅 room, through the API: the room rules, tagging and pinning, hiding a post with a reason
 * its poster reads, releasing a held post, muting and removing a member — each audited — and a host of one room
 * refused in another.
 */
import type { RoomMemberView, RoomPostView, RoomSettings, RoomView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomMembers } from '../../db/schema/index.js';
import { roomMemberTopic, roomTopic } from '../../platform/topics.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { auditOf, errorOf, ok, outboxOf, Resident, roomOf } from './work.testkit.js';

let t: TestApp;
let chief: Client;
let officer: Client;
let aux: Client;
let roomX: RoomView;
let roomY: RoomView;
let wang: Resident;
let li: Resident;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  aux = await t.as('a.aux');
  roomX = await roomOf(t, chief, 'A村警民议事厅', t.fx.units.villageA, 'a.officer');
  roomY = await roomOf(t, chief, 'A村一组平安群', t.fx.units.gridA1, 'a.aux');
  wang = await (await Resident.verify(t, '13900001111')).join(roomX.id, '老王');
  li = await (await Resident.verify(t, '13900002222')).join(roomX.id, '小李');
});
afterAll(() => t.close());

async function postIn(r: Resident, roomId: string, body: string) {
  return ok<RoomPostView>(r.say(roomId, body));
}

describe('the room rules', () => {
  it('are read by staff of the station and saved by its chief, with the desk time after the answer time', async () => {
    const url = `/api/v1/stations/${t.fx.units.stationA}/room-settings`;
    const rules = await ok<RoomSettings>(officer.get(url));
    expect(rules).toMatchObject({ answerMinutes: 30, deskMinutes: 120 });
    expect((await officer.put(url, rules)).status).toBe(403);
    const wrong = await chief.put(url, { ...rules, deskMinutes: 10 });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong).code).toBe('VALIDATION');
    const saved = await ok<RoomSettings>(chief.put(url, { ...rules, heldWords: ['刷单', ' 刷单 ', '网赌'] }));
    expect(saved.heldWords).toEqual(['刷单', '网赌']);
    expect((await t.anonymous().get(url)).status).toBe(401);
  });
});

describe('tagging and pinning', () => {
  it('a host tags a post with a kind of work and pins it; the room hears each change live', async () => {
    const since = t.clock.now();
    const post = await postIn(wang, roomX.id, '提醒大家：最近有冒充客服退款的电话，千万别转账');
    const tagged = await ok<RoomPostView>(officer.post(`/api/v1/room-posts/${post.id}/tag`, { workType: 'safety' }));
    expect(tagged.workType).toBe('safety');
    const pinned = await ok<RoomPostView>(officer.post(`/api/v1/room-posts/${post.id}/pin`, { pinned: true }));
    expect(pinned.pinned).toBe(true);
    expect((await wang.posts(roomX.id)).find((p) => p.id === post.id)).toMatchObject({
      workType: 'safety',
      pinned: true,
    });
    const unpinned = await ok<RoomPostView>(officer.post(`/api/v1/room-posts/${post.id}/pin`, { pinned: false }));
    expect(unpinned.pinned).toBe(false);
    const live = await outboxOf(t, 'room.post_changed', since);
    expect(live.filter((r) => (r.payload as { postId: string }).postId === post.id)).toHaveLength(3);
    expect(live[0]?.topics).toContain(roomTopic(roomX.id));
    expect(await auditOf(t, 'room.post.tag', post.id)).toHaveLength(1);
    expect(await auditOf(t, 'room.post.pin', post.id)).toHaveLength(1);
    expect(await auditOf(t, 'room.post.unpin', post.id)).toHaveLength(1);
    const bad = await officer.post(`/api/v1/room-posts/${post.id}/tag`, { workType: 'gossip' });
    expect(bad.status).toBe(400);
  });
});

describe('hiding a post', () => {
  it('takes it out of the room; its poster still reads it with the reason, the audit keeps no text', async () => {
    const post = await postIn(li, roomX.id, '隔壁那家人天天吵，真烦，谁认识他们');
    const hidden = await ok<RoomPostView>(
      officer.post(`/api/v1/room-posts/${post.id}/hide`, { reason: '涉及他人隐私，请私下联系民警' }),
    );
    expect(hidden).toMatchObject({ status: 'hidden', body: post.body, hiddenReason: '涉及他人隐私，请私下联系民警' });
    const mine = (await li.posts(roomX.id)).find((p) => p.id === post.id);
    expect(mine).toMatchObject({ status: 'hidden', body: post.body, hiddenReason: '涉及他人隐私，请私下联系民警' });
    const others = (await wang.posts(roomX.id)).find((p) => p.id === post.id);
    if (others) expect(others).toMatchObject({ body: '', hiddenReason: null });
    const [entry] = await auditOf(t, 'room.post.hide', post.id);
    expect(entry?.details).toMatchObject({ roomId: roomX.id, from: 'published' });
    expect(JSON.stringify(entry?.details)).not.toContain('隔壁');
    const again = await officer.post(`/api/v1/room-posts/${post.id}/hide`, { reason: '再次隐藏' });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('ROOM_POST_STATUS');
  });
});

describe('releasing a held post', () => {
  it('publishes a post the word list held, live as a new post of the room', async () => {
    const held = await postIn(wang, roomX.id, '有没有人需要刷单兼职，日结');
    expect(held.status).toBe('held');
    const since = t.clock.now();
    const released = await ok<RoomPostView>(officer.post(`/api/v1/room-posts/${held.id}/release`));
    expect(released.status).toBe('published');
    const live = await outboxOf(t, 'room.post', since);
    expect(live.map((r) => (r.payload as { postId: string }).postId)).toContain(held.id);
    expect(await auditOf(t, 'room.post.release', held.id)).toHaveLength(1);
    const twice = await officer.post(`/api/v1/room-posts/${held.id}/release`);
    expect(errorOf(twice).code).toBe('ROOM_POST_STATUS');
  });
});

describe('muting a member', () => {
  it('refuses its posts with the time left until a host lifts it', async () => {
    const muted = await ok<RoomMemberView>(
      officer.post(`/api/v1/room-members/${li.memberId}/mute`, { minutes: 60, reason: '多次刷屏' }),
    );
    expect(muted.mutedUntil).not.toBeNull();
    const refused = await li.say(roomX.id, '我再说一句');
    expect(refused.status).toBe(409);
    expect(errorOf(refused).code).toBe('ROOM_MUTED');
    expect(errorOf(refused).message).toContain('多次刷屏');
    const lifted = await ok<RoomMemberView>(officer.post(`/api/v1/room-members/${li.memberId}/unmute`));
    expect(lifted.mutedUntil).toBeNull();
    expect((await li.say(roomX.id, '谢谢警官，我会注意')).status).toBe(200);
    const [entry] = await auditOf(t, 'room.member.mute', li.memberId);
    expect(entry?.details).toMatchObject({ roomId: roomX.id, minutes: 60, reason: '多次刷屏' });
    expect(JSON.stringify(entry?.details)).not.toContain('1390000');
    expect(await auditOf(t, 'room.member.unmute', li.memberId)).toHaveLength(1);
  });
});

describe('removing a member', () => {
  it('ends its membership, closes its streams, and refuses it again until the days run out', async () => {
    const zhao = await (await Resident.verify(t, '13900003333')).join(roomX.id, '老赵');
    const since = t.clock.now();
    const removed = await ok<RoomMemberView>(
      officer.post(`/api/v1/room-members/${zhao.memberId}/remove`, { days: 7, reason: '发布广告' }),
    );
    expect(removed.leftAt).not.toBeNull();
    expect(removed.removedUntil).not.toBeNull();
    const [row] = await t.deps.database.db.select().from(roomMembers).where(eq(roomMembers.id, zhao.memberId));
    expect(row?.removeReason).toBe('发布广告');
    const closing = await outboxOf(t, 'room.member_removed', since);
    expect(closing.map((r) => r.topics)).toContainEqual([roomMemberTopic(zhao.memberId)]);
    expect((await zhao.say(roomX.id, '我还能说话吗')).status).toBe(403);
    const rejoin = await zhao.request('POST', `/public/rooms/${roomX.id}/join`, {
      nickname: '老赵',
      doorplateToken: t.fx.doorplateTokens.a[0],
    });
    expect(errorOf(rejoin).code).toBe('ROOM_REMOVED');
    expect(await auditOf(t, 'room.member.remove', zhao.memberId)).toHaveLength(1);
  });
});

describe('a host of one room in another', () => {
  it('is refused every moderation there, while that room`s own host is not', async () => {
    const zhou = await (await Resident.verify(t, '13900004444')).join(roomY.id, '老周');
    const post = await postIn(zhou, roomY.id, '一组路灯坏了好几天了');
    for (const [url, body] of [
      [`/api/v1/room-posts/${post.id}/hide`, { reason: '不该由我隐藏' }],
      [`/api/v1/room-posts/${post.id}/tag`, { workType: 'service' }],
      [`/api/v1/room-posts/${post.id}/matter`, { kind: 'consult' }],
      [`/api/v1/room-members/${zhou.memberId}/mute`, { minutes: 10, reason: '试试' }],
      [`/api/v1/room-members/${zhou.memberId}/remove`, { days: 1, reason: '试试' }],
    ] as const) {
      const res = await officer.post(url, body);
      expect(res.status, url).toBe(403);
      expect(errorOf(res).code, url).toBe('ROOM_NOT_HOST');
    }
    expect((await aux.post(`/api/v1/room-posts/${post.id}/tag`, { workType: 'service' })).status).toBe(200);
    const b = await t.as('b.officer');
    expect((await b.post(`/api/v1/room-posts/${post.id}/hide`, { reason: '外所' })).status).toBe(404);
  });
});
