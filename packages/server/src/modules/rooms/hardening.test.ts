/**
 * What a review of the rooms found, kept found: a member's notices and messages share one budget (a refused one
 * spends nobody else's), a place shown to the room is checked for held words like the text, a deleted notice takes
 * its what and where with it, dates before 2000 are typing mistakes (400, never 500), and a dismissal is audited
 * even when another host was first.
 */
import { randomUUID } from 'node:crypto';
import type { RoomPostView, RoomView } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { roomItems } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { codeOf, makeRoom, member, memberPost, postOf } from './rooms.testkit.js';
import { auditOf } from './work.testkit.js';

let t: TestApp;
let chief: Client;
let officer: Client;
let room: RoomView;

beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  room = await makeRoom(t, chief);
});
afterAll(() => t.close());

const asPhone = (token: string) => ({ 'x-phone-token': token });
const lostItem = (over: object = {}) => ({
  kind: 'lost',
  what: '黑色钱包',
  where: '村口小卖部',
  at: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
  ...over,
});
const postItem = (phoneToken: string, body: object) =>
  t
    .anonymous()
    .post(`/api/v1/public/rooms/${room.id}/items`, body, { ...asPhone(phoneToken), 'idempotency-key': randomUUID() });

describe('a member’s posting budget', () => {
  it('is one for messages and notices, and a refused notice does not spend the room’s', async () => {
    const rules = (await chief.get(`/api/v1/stations/${t.fx.units.stationA}/room-settings`)).body as object;
    const saved = await chief.put(`/api/v1/stations/${t.fx.units.stationA}/room-settings`, {
      ...rules,
      memberPostsPerMinute: 2,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const busy = await member(t, room.id, '发得多的');
    expect((await memberPost(t, room.id, busy.phoneToken, { body: '第一条' })).status).toBe(200);
    expect((await postItem(busy.phoneToken, lostItem())).status).toBe(200);
    for (let i = 0; i < 5; i += 1) {
      const refused = await postItem(busy.phoneToken, lostItem({ what: `第${i}把钥匙` }));
      expect(refused.status).toBe(429);
    }
    expect((await memberPost(t, room.id, busy.phoneToken, { body: '再来一条' })).status).toBe(429);
    const counted = rowsOf<{ key: string; count: number }>(
      await t.deps.database.db.execute(
        sql`SELECT key, count FROM rate_limits WHERE key = ${`room-post:room:${room.id}`}`,
      ),
    );
    expect(counted.map((c) => Number(c.count))).toEqual([2]);
    await chief.put(`/api/v1/stations/${t.fx.units.stationA}/room-settings`, rules);
  });
});

describe('held words', () => {
  it('hold a post whose shared place carries one', async () => {
    const m = await member(t, room.id, '留地址的');
    const post = postOf(
      await memberPost(t, room.id, m.phoneToken, { body: '有需要的联系', place: '村口 网赌 代理点' }),
    );
    expect(post.status).toBe('held');
  });
});

describe('deleting one’s own notice', () => {
  it('takes its what and where with it, not only the text', async () => {
    const m = await member(t, room.id, '删启事的');
    const posted = postOf(await postItem(m.phoneToken, lostItem({ what: '写了名字的身份证' })));
    const url = `/api/v1/public/room-posts/${posted.id}`;
    const gone = await t.anonymous().request('DELETE', url, undefined, asPhone(m.phoneToken));
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    const [row] = await t.deps.database.db.select().from(roomItems).where(eq(roomItems.postId, posted.id));
    expect(row).toMatchObject({ what: '', place: '' });
  });
});

describe('dates before 2000', () => {
  it('are refused with 400, never a server error', async () => {
    const m = await member(t, room.id, '手滑的');
    const early = await postItem(m.phoneToken, lostItem({ at: '0000-01-01T00:00:00Z' }));
    expect(early.status).toBe(400);
    expect(codeOf(early)).toBe('VALIDATION');
    const figures = await officer.get(
      `/api/v1/stations/${t.fx.units.stationA}/room-figures?from=0001-01-01&to=0001-01-02`,
    );
    expect(figures.status).toBe(400);
    const page = await officer.get(
      `/api/v1/stations/${t.fx.units.stationA}/room-items?before=${encodeURIComponent('0000-01-01T00:00:00Z')}`,
    );
    expect(page.status).toBe(400);
  });
});

describe('dismissing reports', () => {
  it('is audited even when nothing was left open', async () => {
    const m = await member(t, room.id, '说话的');
    const post = postOf(await memberPost(t, room.id, m.phoneToken, { body: '普通的一句话' })) as RoomPostView;
    expect((await officer.post(`/api/v1/room-posts/${post.id}/dismiss-reports`)).status).toBe(200);
    const entries = await auditOf(t, 'room.post.dismiss_reports', post.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ reports: 0 });
  });
});
