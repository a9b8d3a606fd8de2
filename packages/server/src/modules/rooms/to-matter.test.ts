/**
 * 转为事项 through the API: a host makes a resident's "@" a matter of the channel 议事厅 in one action; the post and
 * the matter are linked, the poster alone gets the tracking link, the room reads only the note, the "@" counts as
 * answered, and a second try is refused.
 */
import { type PostToMatterResult, ROOM_POST_TO_MATTER_NOTE, type RoomPostView, type RoomView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matters } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { auditOf, errorOf, ok, outboxOf, Resident, roomOf, staffId } from './work.testkit.js';

let t: TestApp;
let chief: Client;
let officer: Client;
let room: RoomView;
let wang: Resident;
let li: Resident;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  room = await roomOf(t, chief, 'A村警民议事厅', t.fx.units.villageA, 'a.officer');
  wang = await (await Resident.verify(t, '13900005555')).join(room.id, '老王');
  li = await (await Resident.verify(t, '13900006666')).join(room.id, '小李');
});
afterAll(() => t.close());

describe('a post made a matter', () => {
  it('records a matter of the channel 议事厅, linked both ways, the link to its poster only', async () => {
    const asked = await ok<RoomPostView>(
      wang.say(room.id, '@警官 我家户口簿找不到了，补办要带什么材料？', [staffId(t, 'a.officer')]),
    );
    expect(asked.answerDueAt).not.toBeNull();
    const since = t.clock.now();
    const made = await ok<PostToMatterResult>(
      officer.post(`/api/v1/room-posts/${asked.id}/matter`, { kind: 'service', urgency: 'normal' }),
    );
    const [matter] = await t.deps.database.db.select().from(matters).where(eq(matters.id, made.matterId));
    expect(matter).toMatchObject({ channel: 'room', number: made.matterNumber, kind: 'service' });
    expect(matter?.body).toBe(asked.body);
    expect(made.post).toMatchObject({ matterNumber: made.matterNumber, matterNote: ROOM_POST_TO_MATTER_NOTE.zh });
    expect(made.post.answeredAt).not.toBeNull();
    expect(made.post.matterLink).toBeNull();

    const mine = (await wang.posts(room.id)).find((p) => p.id === asked.id);
    expect(mine?.matterLink).toMatch(/^\/m\/[\w-]+$/);
    const token = mine?.matterLink?.slice(3) ?? '';
    const tracked = await ok<{ number: string }>(t.anonymous().get(`/api/v1/public/matters/${token}`));
    expect(tracked.number).toBe(made.matterNumber);

    const theirs = (await li.posts(room.id)).find((p) => p.id === asked.id);
    expect(theirs).toMatchObject({ matterNote: ROOM_POST_TO_MATTER_NOTE.zh, matterLink: null, matterNumber: null });

    const live = await outboxOf(t, 'room.post_changed', since);
    expect(live.map((r) => (r.payload as { postId: string }).postId)).toContain(asked.id);
    const [entry] = await auditOf(t, 'room.post.to_matter', asked.id);
    expect(entry?.details).toMatchObject({ matterId: made.matterId, answered: true });
    expect(JSON.stringify(entry?.details)).not.toContain('户口簿');
  });

  it('happens once: a second try names the matter', async () => {
    const post = await ok<RoomPostView>(li.say(room.id, '村口的垃圾桶满了好几天没人收'));
    const first = await ok<PostToMatterResult>(
      officer.post(`/api/v1/room-posts/${post.id}/matter`, {
        kind: 'service',
        body: '村口垃圾桶多日未清运，请协调清运',
      }),
    );
    const again = await officer.post(`/api/v1/room-posts/${post.id}/matter`, { kind: 'service' });
    expect(again.status).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'ROOM_POST_HAS_MATTER' });
    expect(errorOf(again).message).toContain(first.matterNumber);
    const made = await t.deps.database.db.select().from(matters).where(eq(matters.channel, 'room'));
    expect(made).toHaveLength(2);
    expect(made.find((m) => m.id === first.matterId)?.body).toBe('村口垃圾桶多日未清运，请协调清运');
  });

  it('is refused to staff who do not host the room, and to nobody signed in', async () => {
    const post = await ok<RoomPostView>(wang.say(room.id, '有人捡到一个蓝色书包吗'));
    expect((await t.anonymous().post(`/api/v1/room-posts/${post.id}/matter`, { kind: 'consult' })).status).toBe(401);
    const aux = await t.as('a.aux');
    const res = await aux.post(`/api/v1/room-posts/${post.id}/matter`, { kind: 'consult' });
    expect(errorOf(res).code).toBe('ROOM_NOT_HOST');
  });
});
