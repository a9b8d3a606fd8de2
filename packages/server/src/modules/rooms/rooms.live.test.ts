/**
 * A room live: a post made on one server process reaches a member's stream on the other (an id and a seq, never
 * the text), a held post reaches only its poster, and a member who leaves — or is removed — has its stream closed.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { SseReader } from '../../test/sse.js';
import { publishMemberRemoved } from './live.js';
import { roomOrThrow } from './members.service.js';
import { makeRoom, member, memberPost, postOf, staffPost } from './rooms.testkit.js';

let t: TestApp;
let other: FastifyInstance;
let urlB: string;
let chief: Client;

beforeAll(async () => {
  t = await buildTestApp();
  other = await buildApp(t.deps);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await other.listen({ port: 0, host: '127.0.0.1' });
  chief = await t.as('a.chief');
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const streamOf = (roomId: string, phoneToken: string) =>
  SseReader.open(`${urlB}/api/v1/public/rooms/${roomId}/stream`, { 'x-phone-token': phoneToken });

describe('a room live', () => {
  it('refuses a stream to a phone that is not a member', async () => {
    const room = await makeRoom(t, chief);
    const { phoneToken } = await member(t, room.id, '看热闹');
    const otherRoom = await makeRoom(t, chief);
    expect((await streamOf(otherRoom.id, phoneToken)).status).toBe(403);
    expect((await SseReader.open(`${urlB}/api/v1/public/rooms/${room.id}/stream`)).status).toBe(401);
  });

  it('brings a post from the other process to a member, without its text', async () => {
    const room = await makeRoom(t, chief);
    const reader = await member(t, room.id, '在线的');
    const writer = await member(t, room.id, '发帖的');
    const stream = await streamOf(room.id, reader.phoneToken);
    expect(stream.status).toBe(200);
    const post = postOf(await memberPost(t, room.id, writer.phoneToken, { body: '小区门口有人发传单' }));
    const officer = await t.as('a.officer');
    const reply = postOf(await staffPost(officer, room.id, { body: '已安排网格员去看', replyToId: post.id }));
    const heard = (id: string) => stream.waitFor((ev) => ev.some((e) => e.data.postId === id));
    expect(await heard(post.id)).toBe(true);
    expect(await heard(reply.id)).toBe(true);
    expect(stream.events.find((e) => e.data.postId === post.id)).toMatchObject({
      event: 'room.post',
      data: { roomId: room.id, postId: post.id, seq: post.seq },
    });
    expect(JSON.stringify(stream.events)).not.toContain('传单');
    const held = postOf(await memberPost(t, room.id, writer.phoneToken, { body: '网赌稳赚' }));
    await staffPost(officer, room.id, { body: '之后的发言' });
    expect(await stream.waitFor((ev) => ev.filter((e) => e.event === 'room.post').length >= 3)).toBe(true);
    expect(stream.events.some((e) => e.data.postId === held.id)).toBe(false);
    await stream.close();
  });

  it('closes the stream of a member who leaves, and of one removed', async () => {
    const room = await makeRoom(t, chief);
    const leaving = await member(t, room.id, '要走了');
    const removed = await member(t, room.id, '被移出');
    const a = await streamOf(room.id, leaving.phoneToken);
    const b = await streamOf(room.id, removed.phoneToken);
    const left = await t
      .anonymous()
      .post(`/api/v1/public/rooms/${room.id}/leave`, {}, { 'x-phone-token': leaving.phoneToken });
    expect(left.status).toBe(200);
    expect(await a.waitFor(() => a.ended)).toBe(true);
    const row = await roomOrThrow({ db: t.deps.database.db } as never, room.id);
    await t.deps.database.db.transaction((tx) =>
      publishMemberRemoved(tx, { now: () => t.clock.now() } as never, row, removed.memberId),
    );
    expect(await b.waitFor((ev) => ev.some((e) => e.event === 'room.member_removed'))).toBe(true);
    expect(await b.waitFor(() => b.ended)).toBe(true);
    expect(b.ended).toBe(true);
  });
});
