/**
 * 议事 through the API: a host opens a topic, members vote once each (a second vote and a racing double vote are
 * refused, counts only — never who chose what), a muted member still votes, a host of another room can neither open
 * nor answer here, the station's answer ends the voting and stays on the topic, and so does the topic's end time.
 */
import { randomUUID } from 'node:crypto';
import type { RoomPostView, RoomView } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomTopic } from '../../platform/topics.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeRoom } from './rooms.testkit.js';
import { auditOf, errorOf, ok, outboxOf, Resident, roomOf } from './work.testkit.js';

let t: TestApp;
let chief: Client;
let officer: Client;
let aux: Client;
let roomX: RoomView;
let wang: Resident;
let li: Resident;
let zhao: Resident;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  aux = await t.as('a.aux');
  roomX = await roomOf(t, chief, 'A村议事厅', t.fx.units.villageA, 'a.officer');
  // a.aux hosts another room of the station (管理员 there), not this one.
  await makeRoom(t, chief, { name: 'A村一组议事群', unitId: t.fx.units.gridA1 });
  wang = await (await Resident.verify(t, '13700001111')).join(roomX.id, '老王');
  li = await (await Resident.verify(t, '13700002222')).join(roomX.id, '小李');
  zhao = await (await Resident.verify(t, '13700003333')).join(roomX.id, '赵大姐');
});
afterAll(() => t.close());

const SPEED_BUMPS = {
  question: '村口减速带装在哪里？',
  body: '近来村口车速快，派出所和村委商量装两条减速带，请大家选位置。',
  options: ['小学门口', '菜市场路口', '村委会门前'],
};

function openTopic(client: Client, body: object = SPEED_BUMPS, key = randomUUID()) {
  return client.post(`/api/v1/rooms/${roomX.id}/topics`, body, { 'idempotency-key': key });
}

const castVote = (r: Resident, postId: string, option: number) =>
  r.request('POST', `/public/room-posts/${postId}/vote`, { option });

async function staffRead(postId: string) {
  const page = await ok<{ items: RoomPostView[] }>(officer.get(`/api/v1/rooms/${roomX.id}/posts`));
  return page.items.find((p) => p.id === postId);
}

describe('opening a topic', () => {
  it('is a host’s: anonymous is 401, a host of another room 403, an end in the past refused', async () => {
    expect((await openTopic(t.anonymous())).status).toBe(401);
    const foreign = await openTopic(aux);
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign).code).toBe('ROOM_NOT_HOST');
    const past = await openTopic(officer, {
      ...SPEED_BUMPS,
      closesAt: new Date(t.clock.now().getTime() - 1).toISOString(),
    });
    expect(past.status).toBe(400);
    expect(errorOf(past).code).toBe('VALIDATION');
    const same = await openTopic(officer, { ...SPEED_BUMPS, options: ['小学门口', '小学门口'] });
    expect(same.status).toBe(400);
  });

  it('posts a 议事 topic the room hears live, once per key, audited without its text', async () => {
    const since = t.clock.now();
    const key = randomUUID();
    const topic = await ok<RoomPostView>(openTopic(officer, SPEED_BUMPS, key));
    expect(topic).toMatchObject({ kind: 'topic', workType: 'deliberation', body: SPEED_BUMPS.body });
    expect(topic.topic).toMatchObject({
      question: SPEED_BUMPS.question,
      options: SPEED_BUMPS.options.map((label) => ({ label, votes: 0 })),
      voters: 0,
      myVote: null,
      closesAt: null,
      closed: false,
      answer: null,
    });
    expect((await ok<RoomPostView>(openTopic(officer, SPEED_BUMPS, key))).id).toBe(topic.id);
    const live = await outboxOf(t, 'room.post', since);
    expect(live.filter((r) => (r.payload as { postId: string }).postId === topic.id)).toHaveLength(1);
    expect(live[0]?.topics).toContain(roomTopic(roomX.id));
    const [entry] = await auditOf(t, 'room.topic.open', topic.id);
    expect(entry?.details).toMatchObject({ roomId: roomX.id, options: 3, closesAt: null });
    expect(JSON.stringify(entry?.details)).not.toContain('减速带');
    expect((await wang.posts(roomX.id)).find((p) => p.id === topic.id)?.topic?.question).toBe(SPEED_BUMPS.question);
  });
});

describe('voting', () => {
  let topic: RoomPostView;
  beforeAll(async () => {
    topic = await ok<RoomPostView>(openTopic(officer));
  });

  it('takes one vote a member; a second names the option already chosen', async () => {
    const voted = await ok<RoomPostView>(castVote(wang, topic.id, 1));
    expect(voted.topic).toMatchObject({ myVote: 1, voters: 1 });
    expect(voted.topic?.options.map((o) => o.votes)).toEqual([0, 1, 0]);
    const again = await castVote(wang, topic.id, 2);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('ROOM_ALREADY_VOTED');
    expect(errorOf(again).message).toContain('菜市场路口');
  });

  it('counts two racing votes of one member once', async () => {
    const both = await Promise.all([castVote(li, topic.id, 0), castVote(li, topic.id, 2)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const view = (await li.posts(roomX.id)).find((p) => p.id === topic.id);
    expect(view?.topic?.voters).toBe(2);
    const mine = view?.topic?.myVote ?? -1;
    expect([0, 2]).toContain(mine);
    expect(both.find((r) => r.status === 200)?.body).toMatchObject({ topic: { myVote: mine } });
  });

  it('shows the counts to every member and staff, and each member only its own vote', async () => {
    const counts = (v?: RoomPostView) => v?.topic?.options.reduce((n, o) => n + o.votes, 0);
    const byZhao = (await zhao.posts(roomX.id)).find((p) => p.id === topic.id);
    expect(byZhao?.topic).toMatchObject({ voters: 2, myVote: null });
    expect(byZhao?.topic?.options[1]?.votes).toBe(1);
    expect(counts(byZhao)).toBe(2);
    expect((await wang.posts(roomX.id)).find((p) => p.id === topic.id)?.topic?.myVote).toBe(1);
    const byStaff = await staffRead(topic.id);
    expect(byStaff?.topic).toMatchObject({ voters: 2, myVote: null });
    expect(byStaff?.topic?.options).toEqual(byZhao?.topic?.options);
  });

  it('refuses an option the topic lacks, a post that is no topic, and a phone that is no member', async () => {
    const out = await castVote(zhao, topic.id, 3);
    expect(out.status).toBe(422);
    expect(errorOf(out).code).toBe('ROOM_VOTE_OPTION');
    const message = await ok<RoomPostView>(wang.say(roomX.id, '减速带装小学门口最好'));
    const notTopic = await castVote(zhao, message.id, 0);
    expect(notTopic.status).toBe(409);
    expect(errorOf(notTopic).code).toBe('ROOM_POST_KIND');
    const stranger = await Resident.verify(t, '13700009999');
    const refused = await castVote(stranger, topic.id, 0);
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('ROOM_NOT_MEMBER');
    expect((await t.anonymous().post(`/api/v1/public/room-posts/${topic.id}/vote`, { option: 0 })).status).toBe(401);
  });

  it('lets a muted member vote (muting stops words, not a say) and audits each vote without the option', async () => {
    const since = t.clock.now();
    await ok(officer.post(`/api/v1/room-members/${zhao.memberId}/mute`, { minutes: 60, reason: '刷屏' }));
    expect((await zhao.say(roomX.id, '我要说话')).status).toBe(409);
    expect((await ok<RoomPostView>(castVote(zhao, topic.id, 2))).topic?.myVote).toBe(2);
    const entries = await auditOf(t, 'room.topic.vote', topic.id);
    expect(entries.map((e) => (e.details as { memberId: string }).memberId).sort()).toEqual(
      [wang.memberId, li.memberId, zhao.memberId].sort(),
    );
    for (const e of entries) expect(e.details).not.toHaveProperty('option');
    const live = await outboxOf(t, 'room.post_changed', since);
    expect(live.some((r) => (r.payload as { postId: string }).postId === topic.id)).toBe(true);
  });
});

describe('answering a topic', () => {
  it('is refused to a host of another room and to a post that is no topic', async () => {
    const topic = await ok<RoomPostView>(openTopic(officer));
    const foreign = await aux.post(`/api/v1/room-posts/${topic.id}/answer-topic`, { answer: '好' });
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign).code).toBe('ROOM_NOT_HOST');
    const message = await ok<RoomPostView>(wang.say(roomX.id, '支持装减速带'));
    const notTopic = await officer.post(`/api/v1/room-posts/${message.id}/answer-topic`, { answer: '好' });
    expect(errorOf(notTopic).code).toBe('ROOM_POST_KIND');
  });

  it('publishes the station’s answer with who and when, ends the voting, once', async () => {
    const topic = await ok<RoomPostView>(openTopic(officer));
    await ok(castVote(wang, topic.id, 0));
    await ok(castVote(li, topic.id, 0));
    const since = t.clock.now();
    const answer = '按多数意见，减速带装在小学门口，12 月 10 日前完工。';
    const answered = await ok<RoomPostView>(officer.post(`/api/v1/room-posts/${topic.id}/answer-topic`, { answer }));
    expect(answered.topic).toMatchObject({ answer, closed: true, answeredAt: since.toISOString() });
    expect(answered.topic?.answeredBy).toContain('警官');
    const late = await castVote(zhao, topic.id, 1);
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe('ROOM_TOPIC_CLOSED');
    const twice = await chief.post(`/api/v1/room-posts/${topic.id}/answer-topic`, { answer: '改装菜市场' });
    expect(twice.status).toBe(409);
    expect(errorOf(twice).code).toBe('ROOM_TOPIC_CLOSED');
    const seen = (await zhao.posts(roomX.id)).find((p) => p.id === topic.id);
    expect(seen?.topic).toMatchObject({ answer, closed: true, voters: 2, myVote: null });
    const [entry] = await auditOf(t, 'room.topic.answer', topic.id);
    expect(entry?.details).toMatchObject({ roomId: roomX.id, votes: [2, 0, 0], closedEarly: true });
    const live = await outboxOf(t, 'room.post_changed', since);
    expect(live.some((r) => (r.payload as { postId: string }).postId === topic.id)).toBe(true);
  });
});

describe('a topic’s end time', () => {
  it('closes the voting when it passes; the station answers after', async () => {
    const closesAt = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
    const topic = await ok<RoomPostView>(openTopic(officer, { ...SPEED_BUMPS, closesAt }));
    expect(topic.topic).toMatchObject({ closesAt, closed: false });
    await ok(castVote(wang, topic.id, 2));
    t.clock.advance(11 * 60_000);
    const late = await castVote(li, topic.id, 2);
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe('ROOM_TOPIC_CLOSED');
    expect((await staffRead(topic.id))?.topic).toMatchObject({ closed: true, voters: 1, answer: null });
    const answered = await ok<RoomPostView>(
      officer.post(`/api/v1/room-posts/${topic.id}/answer-topic`, { answer: '装在村委会门前。' }),
    );
    expect(answered.topic?.answer).toBe('装在村委会门前。');
    const [entry] = await auditOf(t, 'room.topic.answer', topic.id);
    expect(entry?.details).toMatchObject({ votes: [0, 0, 1], closedEarly: false });
  });
});
