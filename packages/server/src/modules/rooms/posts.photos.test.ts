/**
 * Photos and what each reader reads of a post: a member's and a host's photos go up first and are attached to the
 * post; members read a published post's photos, outsiders do not; a hidden post's text and reason reach its
 * poster only, and nobody reads a phone.
 */
import { randomUUID } from 'node:crypto';
import type { RoomPostPage, RoomView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomPosts } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeRoom, member, memberPost, newPhone, postOf, staffPost } from './rooms.testkit.js';

let t: TestApp;
let officer: Client;
let room: RoomView;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
  room = await makeRoom(t, await t.as('a.chief'));
});
afterAll(() => t.close());

async function upload(url: string, headers: Record<string, string>, send = t.anonymous()) {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
    .jpeg()
    .toBuffer();
  const boundary = `----jm${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return send.post(url, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'idempotency-key': randomUUID(),
    ...headers,
  });
}
const idsOf = (res: { body: unknown }) => (res.body as { photos: { id: string }[] }).photos.map((p) => p.id);

describe('photos in a room', () => {
  it("attaches a member's photo to its post, readable by members only", async () => {
    const poster = await member(t, room.id, '拍照的');
    const reader = await member(t, room.id, '看图的');
    const outsider = await newPhone(t);
    const up = await upload(`/api/v1/public/rooms/${room.id}/photos`, { 'x-phone-token': poster.phoneToken });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const post = postOf(
      await memberPost(t, room.id, poster.phoneToken, { body: '捡到一个书包', photoIds: idsOf(up), place: '村口' }),
    );
    expect(post.photos.map((p) => p.id)).toEqual(idsOf(up));
    expect(post.place).toBe('村口');
    const url = `/api/v1/public/room-photos/${idsOf(up)[0]}?size=thumb`;
    const seen = await t.anonymous().request('GET', url, undefined, { 'x-phone-token': reader.phoneToken });
    expect(seen.status).toBe(200);
    expect(String(seen.headers['content-type'])).toContain('image/jpeg');
    expect((await t.anonymous().request('GET', url, undefined, { 'x-phone-token': outsider })).status).toBe(404);
    expect((await officer.get(`/api/v1/room-photos/${idsOf(up)[0]}`)).status).toBe(200);
    expect((await (await t.as('b.officer')).get(`/api/v1/room-photos/${idsOf(up)[0]}`)).status).toBe(404);
    const noUpload = await upload(`/api/v1/public/rooms/${room.id}/photos`, { 'x-phone-token': outsider });
    expect(noUpload.status).toBe(403);
  });

  it("attaches a host's photo to an announcement anyone can see", async () => {
    const up = await upload(`/api/v1/rooms/${room.id}/photos`, {}, officer);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const post = await staffPost(officer, room.id, { body: '防诈骗提醒', kind: 'announcement', photoIds: idsOf(up) });
    expect(postOf(post).photos).toHaveLength(1);
    expect((await t.anonymous().get(`/api/v1/public/room-photos/${idsOf(up)[0]}`)).status).toBe(200);
  });
});

describe('a hidden post', () => {
  it('shows its poster the text and the reason, the room nothing', async () => {
    const poster = await member(t, room.id, '说错话');
    const reader = await member(t, room.id, '围观');
    const post = postOf(await memberPost(t, room.id, poster.phoneToken, { body: '不当言论' }));
    await t.deps.database.db
      .update(roomPosts)
      .set({ status: 'hidden', hiddenReason: '涉及他人隐私', hiddenAt: t.clock.now() })
      .where(eq(roomPosts.id, post.id));
    const read = (token: string) =>
      t
        .anonymous()
        .request('GET', `/api/v1/public/rooms/${room.id}/posts`, undefined, { 'x-phone-token': token })
        .then((r) => (r.body as RoomPostPage).items.find((p) => p.id === post.id));
    expect(await read(poster.phoneToken)).toMatchObject({ body: '不当言论', hiddenReason: '涉及他人隐私' });
    expect(await read(reader.phoneToken)).toBeUndefined();
    const staffView = await officer.get(`/api/v1/rooms/${room.id}/posts`);
    const seen = (staffView.body as RoomPostPage).items.find((p) => p.id === post.id);
    expect(seen).toMatchObject({ status: 'hidden', body: '不当言论', hiddenReason: '涉及他人隐私' });
  });
});
