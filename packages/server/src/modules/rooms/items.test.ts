/**
 * 失物招领/寻物启事: a member posts a notice with a photo from a verified phone, never one dated in the future; it is
 * listed in the station's other rooms only when shared across the station; its poster or a host closes it once,
 * audited and live; nobody else closes it, and another station's staff do not read the station's list.
 */
import { randomUUID } from 'node:crypto';
import type { RoomView, StationItemPage } from '@jingmin/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { SseReader } from '../../test/sse.js';
import { codeOf, makeRoom, member, memberPost, newPhone, postOf } from './rooms.testkit.js';
import { auditOf, errorOf } from './work.testkit.js';

let t: TestApp;
let url: string;
let chief: Client;
let officer: Client;
let home: RoomView;
let next: RoomView;

beforeAll(async () => {
  t = await buildTestApp();
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  home = await makeRoom(t, chief);
  next = await makeRoom(t, chief);
});
afterAll(() => t.close());

const minutesAgo = (n: number) => new Date(t.clock.now().getTime() - n * 60_000).toISOString();
const notice = (over: object = {}) => ({
  kind: 'lost',
  what: '黑色钱包',
  where: '村口小卖部',
  at: minutesAgo(30),
  ...over,
});
const asPhone = (token: string) => ({ 'x-phone-token': token });

function postItem(roomId: string, phoneToken: string, body: object, key = randomUUID(), locale?: string) {
  return t
    .anonymous({ locale })
    .post(`/api/v1/public/rooms/${roomId}/items`, body, { ...asPhone(phoneToken), 'idempotency-key': key });
}
const closeOwn = (postId: string, phoneToken: string, as: string) =>
  t.anonymous().post(`/api/v1/public/room-posts/${postId}/close-item`, { as }, asPhone(phoneToken));
async function listed(roomId: string, phoneToken: string, state = 'open') {
  const res = await t
    .anonymous()
    .request('GET', `/api/v1/public/rooms/${roomId}/items?state=${state}`, undefined, asPhone(phoneToken));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as StationItemPage).items;
}

async function uploadPhoto(roomId: string, phoneToken: string) {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#333' } })
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
  const res = await t.anonymous().post(`/api/v1/public/rooms/${roomId}/photos`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'idempotency-key': randomUUID(),
    ...asPhone(phoneToken),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { photos: { id: string }[] }).photos.map((p) => p.id);
}

describe('posting a notice', () => {
  it('refuses a phone that is not verified, and one that is not a member', async () => {
    const res = await t.anonymous().post(`/api/v1/public/rooms/${home.id}/items`, notice(), {
      'idempotency-key': randomUUID(),
    });
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('PHONE_SESSION_REQUIRED');
    const stranger = await newPhone(t);
    expect(codeOf(await postItem(home.id, stranger, notice()))).toBe('ROOM_NOT_MEMBER');
  });

  it('posts a lost notice with a photo once per key, readable in the room, audited', async () => {
    const poster = await member(t, home.id, '丢钱包的');
    const photoIds = await uploadPhoto(home.id, poster.phoneToken);
    const key = randomUUID();
    const body = notice({ body: '里面有身份证，联系请在群里回复', photoIds });
    const res = await postItem(home.id, poster.phoneToken, body, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const post = postOf(res);
    expect(post).toMatchObject({ kind: 'lost', status: 'published', body: '里面有身份证，联系请在群里回复' });
    expect(post.item).toMatchObject({ what: '黑色钱包', where: '村口小卖部', acrossStation: false, closedAs: null });
    expect(post.photos.map((p) => p.id)).toEqual(photoIds);
    expect(postOf(await postItem(home.id, poster.phoneToken, body, key)).id).toBe(post.id);
    const reader = await member(t, home.id, '看启事的');
    expect((await listed(home.id, reader.phoneToken)).map((p) => p.id)).toContain(post.id);
    const [entry] = await auditOf(t, 'room.item.post', post.id);
    expect(entry?.details).toMatchObject({ roomId: home.id, kind: 'lost', photos: 1 });
    expect(JSON.stringify(entry?.details)).not.toContain('钱包');
  });

  it('refuses a time in the future, in both languages', async () => {
    const poster = await member(t, home.id, '手快的');
    const later = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const zh = await postItem(home.id, poster.phoneToken, notice({ at: later }));
    expect(zh.status).toBe(400);
    expect(errorOf(zh)).toMatchObject({ code: 'VALIDATION' });
    expect(errorOf(zh).message).toContain('不能晚于现在');
    const en = await postItem(home.id, poster.phoneToken, notice({ at: later }), randomUUID(), 'en');
    expect(errorOf(en).message).toContain('cannot be in the future');
    const host = await officer.post(`/api/v1/rooms/${home.id}/items`, notice({ kind: 'found', at: later }), {
      'idempotency-key': randomUUID(),
    });
    expect(codeOf(host)).toBe('VALIDATION');
  });

  it('holds a notice with a held word: not listed, shown to its poster in the room', async () => {
    const poster = await member(t, home.id, '卖东西的');
    const post = postOf(await postItem(home.id, poster.phoneToken, notice({ what: '刷单兼职' })));
    expect(post.status).toBe('held');
    expect((await listed(home.id, poster.phoneToken, 'all')).map((p) => p.id)).not.toContain(post.id);
  });

  it('lets a host post a 失物招领 for an item handed in, and refuses a staff member who does not host', async () => {
    const body = notice({ kind: 'found', what: '电动车钥匙', where: '派出所值班室', acrossStation: true });
    const res = await officer.post(`/api/v1/rooms/${home.id}/items`, body, { 'idempotency-key': randomUUID() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(postOf(res)).toMatchObject({ kind: 'found', author: { type: 'staff', hostRole: 'owner' } });
    const duty = await t.as('a.duty');
    const refused = await duty.post(`/api/v1/rooms/${home.id}/items`, body, { 'idempotency-key': randomUUID() });
    expect(codeOf(refused)).toBe('ROOM_NOT_HOST');
  });
});

describe('the station’s lost and found', () => {
  it('lists a notice in the other rooms only when shared across the station', async () => {
    const poster = await member(t, home.id, '找猫的');
    t.clock.advance(1000);
    const mine = postOf(await postItem(home.id, poster.phoneToken, notice({ what: '橘猫' })));
    t.clock.advance(1000);
    const shared = postOf(
      await postItem(home.id, poster.phoneToken, notice({ what: '白色小狗', acrossStation: true })),
    );
    const neighbour = await member(t, next.id, '隔壁群的');
    const there = await listed(next.id, neighbour.phoneToken);
    expect(there.map((p) => p.id)).toContain(shared.id);
    expect(there.map((p) => p.id)).not.toContain(mine.id);
    expect(there.find((p) => p.id === shared.id)).toMatchObject({ roomName: home.name, item: { what: '白色小狗' } });
    const here = (await listed(home.id, poster.phoneToken)).map((p) => p.id);
    expect(here.indexOf(shared.id)).toBeLessThan(here.indexOf(mine.id));
  });

  it("lets a member of the station's other rooms see a shared notice's photos, and not a room-only one's", async () => {
    const poster = await member(t, home.id, '拍照找物的');
    const neighbour = await member(t, next.id, '隔壁看图的');
    const [sharedPhoto] = await uploadPhoto(home.id, poster.phoneToken);
    const [ownPhoto] = await uploadPhoto(home.id, poster.phoneToken);
    await postItem(home.id, poster.phoneToken, notice({ acrossStation: true, photoIds: [sharedPhoto] }));
    await postItem(home.id, poster.phoneToken, notice({ photoIds: [ownPhoto] }));
    const read = (id: string | undefined) =>
      t
        .anonymous()
        .request('GET', `/api/v1/public/room-photos/${id}?size=thumb`, undefined, asPhone(neighbour.phoneToken));
    expect((await read(sharedPhoto)).status).toBe(200);
    expect((await read(ownPhoto)).status).toBe(404);
  });

  it('pages newest first with `before`', async () => {
    const room = await makeRoom(t, chief);
    const poster = await member(t, room.id, '翻页的');
    const ids: string[] = [];
    for (const what of ['雨伞', '水杯', '帽子']) {
      t.clock.advance(1000);
      ids.push(postOf(await postItem(room.id, poster.phoneToken, notice({ what }))).id);
    }
    const first = await t
      .anonymous()
      .request('GET', `/api/v1/public/rooms/${room.id}/items?limit=2`, undefined, asPhone(poster.phoneToken));
    const page = first.body as StationItemPage;
    expect(page.items.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    expect(page.hasMore).toBe(true);
    const before = encodeURIComponent(page.items[1]?.createdAt ?? '');
    const rest = await t
      .anonymous()
      .request(
        'GET',
        `/api/v1/public/rooms/${room.id}/items?limit=1&before=${before}`,
        undefined,
        asPhone(poster.phoneToken),
      );
    expect((rest.body as StationItemPage).items.map((p) => p.id)).toEqual([ids[0]]);
  });

  it("lists the station's notices for its staff, and nothing for another station's", async () => {
    const poster = await member(t, home.id, '报失的');
    const post = postOf(await postItem(home.id, poster.phoneToken, notice({ what: '蓝色书包' })));
    const res = await officer.get(`/api/v1/stations/${t.fx.units.stationA}/room-items?state=all`);
    expect(res.status).toBe(200);
    expect((res.body as StationItemPage).items.find((p) => p.id === post.id)).toMatchObject({ roomName: home.name });
    const other = await t.as('b.officer');
    expect((await other.get(`/api/v1/stations/${t.fx.units.stationA}/room-items`)).status).toBe(404);
  });
});

describe('closing a notice', () => {
  async function aNotice(over: object = {}) {
    const poster = await member(t, home.id, `发启事${randomUUID().slice(0, 4)}`);
    return { poster, post: postOf(await postItem(home.id, poster.phoneToken, notice(over))) };
  }

  it('is done once by its poster, audited; the second close is refused', async () => {
    const { poster, post } = await aNotice();
    const res = await closeOwn(post.id, poster.phoneToken, 'found');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(postOf(res).item).toMatchObject({ closedAs: 'found', closedAt: t.clock.now().toISOString() });
    const again = await closeOwn(post.id, poster.phoneToken, 'returned');
    expect(again.status).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'ROOM_ITEM_CLOSED' });
    expect(errorOf(again).message).toContain('已找到');
    expect(await auditOf(t, 'room.item.close', post.id)).toHaveLength(1);
    const closed = await listed(home.id, poster.phoneToken, 'closed');
    expect(closed.map((p) => p.id)).toContain(post.id);
    expect((await listed(home.id, poster.phoneToken, 'open')).map((p) => p.id)).not.toContain(post.id);
  });

  it('is done by a host of the room, not by a staff member who does not host it', async () => {
    const { post } = await aNotice({ kind: 'found' });
    const duty = await t.as('a.duty');
    expect(codeOf(await duty.post(`/api/v1/room-posts/${post.id}/close-item`, { as: 'returned' }))).toBe(
      'ROOM_NOT_HOST',
    );
    const res = await officer.post(`/api/v1/room-posts/${post.id}/close-item`, { as: 'returned' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(postOf(res).item?.closedAs).toBe('returned');
    const [entry] = await auditOf(t, 'room.item.close', post.id);
    expect(entry?.details).toMatchObject({ as: 'returned', by: 'staff' });
  });

  it('is not done by another member, nor by a member of another room', async () => {
    const { post } = await aNotice();
    const sameRoom = await member(t, home.id, '旁观的');
    const elsewhere = await member(t, next.id, '别的群的');
    expect((await closeOwn(post.id, sameRoom.phoneToken, 'found')).status).toBe(404);
    expect((await closeOwn(post.id, elsewhere.phoneToken, 'found')).status).toBe(404);
    expect((await auditOf(t, 'room.item.close', post.id)).length).toBe(0);
  });

  it('refuses a post that is not a notice', async () => {
    const poster = await member(t, home.id, '只是聊天');
    const message = postOf(await memberPost(t, home.id, poster.phoneToken, { body: '今天天气不错' }));
    const res = await closeOwn(message.id, poster.phoneToken, 'found');
    expect(res.status).toBe(409);
    expect(codeOf(res)).toBe('ROOM_POST_KIND');
    expect(codeOf(await officer.post(`/api/v1/room-posts/${message.id}/close-item`, { as: 'found' }))).toBe(
      'ROOM_POST_KIND',
    );
  });

  it('reaches the room live, and the station’s other rooms for a shared notice', async () => {
    const { poster, post } = await aNotice({ acrossStation: true });
    const reader = await member(t, home.id, '在线看的');
    const neighbour = await member(t, next.id, '隔壁在线的');
    const stream = (roomId: string, token: string) =>
      SseReader.open(`${url}/api/v1/public/rooms/${roomId}/stream`, asPhone(token));
    const here = await stream(home.id, reader.phoneToken);
    const there = await stream(next.id, neighbour.phoneToken);
    expect(here.status).toBe(200);
    expect((await closeOwn(post.id, poster.phoneToken, 'found')).status).toBe(200);
    const changed = (s: SseReader, data: object) =>
      s.waitFor((ev) => ev.some((e) => e.event === 'room.post_changed' && matches(e.data, data)));
    expect(await changed(here, { roomId: home.id, postId: post.id, seq: post.seq })).toBe(true);
    expect(await changed(there, { roomId: next.id, postId: null })).toBe(true);
    // A host hides the shared notice: the other rooms hear it again, so it leaves their lists live.
    const hidden = await t
      .as('a.chief')
      .then((chief) => chief.post(`/api/v1/room-posts/${post.id}/hide`, { reason: '重复发布' }));
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    const twice = (ev: { event: string; data: Record<string, unknown> }[]) =>
      ev.filter((e) => e.event === 'room.post_changed' && matches(e.data, { roomId: next.id, postId: null })).length >=
      2;
    expect(await there.waitFor(twice)).toBe(true);
    await here.close();
    await there.close();
  });
});

function matches(data: Record<string, unknown>, want: object) {
  return Object.entries(want).every(([k, v]) => data[k] === v);
}
