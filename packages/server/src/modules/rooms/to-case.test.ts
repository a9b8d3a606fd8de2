/**
 * 转为矛盾纠纷 through the API: a host opens a dispute case of the source 议事厅 from a resident's post, at the
 * poster's household, linked both ways; the room reads only the neutral note, the "@" counts as answered, a second
 * try (or a post already made a matter) is refused with the number, and other rooms' hosts are refused.
 */
import {
  type DisputeView,
  type PostToCaseResult,
  type PostToMatterResult,
  ROOM_POST_TO_MATTER_NOTE,
  type RoomPostView,
  type RoomView,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputeCases, roomPosts } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { auditOf, errorOf, ok, outboxOf, Resident, roomOf, staffId } from './work.testkit.js';

let t: TestApp;
let officer: Client;
let room: RoomView;
let wang: Resident;
let li: Resident;
beforeAll(async () => {
  t = await buildTestApp();
  const chief = await t.as('a.chief');
  officer = await t.as('a.officer');
  room = await roomOf(t, chief, 'A村警民议事厅', t.fx.units.villageA, 'a.officer');
  wang = await (await Resident.verify(t, '13900008001')).join(room.id, '老王');
  li = await (await Resident.verify(t, '13900008002')).join(room.id, '小李');
});
afterAll(() => t.close());

const toCase = (c: Client, postId: string, body: object) => c.post(`/api/v1/room-posts/${postId}/dispute`, body);

describe('a post made a dispute case', () => {
  it('opens a case of the source 议事厅 at the poster`s household, linked both ways, the "@" answered', async () => {
    const asked = await ok<RoomPostView>(
      wang.say(room.id, '@警官 隔壁邻居装修把我家墙震裂了，协商几次都不理', [staffId(t, 'a.officer')]),
    );
    const since = t.clock.now();
    const made = await ok<PostToCaseResult>(
      toCase(officer, asked.id, { category: 'public_order', title: '邻里装修致墙体开裂纠纷' }),
    );
    expect(made.caseNumber).toMatch(/^MD\d{8}-\d{6}$/);
    expect(made.post).toMatchObject({ caseId: made.caseId, matterId: null, matterNumber: made.caseNumber });
    expect(made.post.matterNote).toBe(ROOM_POST_TO_MATTER_NOTE.zh);
    expect(made.post.answeredAt).not.toBeNull();

    const view = await ok<DisputeView>(officer.get(`/api/v1/disputes/${made.caseId}`));
    expect(view).toMatchObject({ source: 'room', category: 'public_order', title: '邻里装修致墙体开裂纠纷' });
    expect(view.facts).toBe(asked.body);
    expect(view.householdId).toBe(t.fx.households.a[0]);
    expect(view.parties).toEqual([]);
    const [link] = await t.deps.database.db
      .select({ disputeId: roomPosts.disputeId })
      .from(roomPosts)
      .where(eq(roomPosts.id, asked.id));
    expect(link?.disputeId).toBe(made.caseId);

    const live = await outboxOf(t, 'room.post_changed', since);
    expect(live.map((r) => (r.payload as { postId: string }).postId)).toContain(asked.id);
    expect(JSON.stringify(live.map((r) => r.payload))).not.toContain('装修');
    const [entry] = await auditOf(t, 'room.post.to_case', asked.id);
    expect(entry?.details).toMatchObject({ caseId: made.caseId, number: made.caseNumber, answered: true });
    expect(JSON.stringify(entry?.details)).not.toContain('墙');
  });

  it('shows the room only the note: no number, no case, no ids', async () => {
    const post = await ok<RoomPostView>(wang.say(room.id, '楼上天天往下扔垃圾，说了也不听'));
    const made = await ok<PostToCaseResult>(
      toCase(officer, post.id, { category: 'public_order', title: '高空抛物邻里纠纷', facts: '住户反映楼上多次抛物' }),
    );
    const theirs = (await li.posts(room.id)).find((p) => p.id === post.id);
    expect(theirs).toMatchObject({
      matterNote: ROOM_POST_TO_MATTER_NOTE.zh,
      matterNumber: null,
      matterLink: null,
      matterId: null,
      caseId: null,
    });
    expect(JSON.stringify(theirs)).not.toContain(made.caseId);
    const view = await ok<DisputeView>(officer.get(`/api/v1/disputes/${made.caseId}`));
    expect(view.facts).toBe('住户反映楼上多次抛物');
  });

  it('happens once: a second try, or a post already made a matter, is refused with the number', async () => {
    const post = await ok<RoomPostView>(li.say(room.id, '村里两家为宅基地边界吵起来了'));
    const first = await ok<PostToCaseResult>(
      toCase(officer, post.id, { category: 'land_demolition', title: '宅基地边界纠纷' }),
    );
    const again = await toCase(officer, post.id, { category: 'land_demolition', title: '宅基地边界纠纷' });
    expect(again.status).toBe(409);
    expect(errorOf(again)).toMatchObject({ code: 'ROOM_POST_HAS_MATTER' });
    expect(errorOf(again).message).toContain(first.caseNumber);

    const other = await ok<RoomPostView>(li.say(room.id, '路口的井盖丢了，晚上很危险'));
    const matter = await ok<PostToMatterResult>(
      officer.post(`/api/v1/room-posts/${other.id}/matter`, { kind: 'service' }),
    );
    const refused = await toCase(officer, other.id, { category: 'other', title: '井盖' });
    expect(refused.status).toBe(409);
    expect(errorOf(refused).message).toContain(matter.matterNumber);
    const cases = await t.deps.database.db.select().from(disputeCases).where(eq(disputeCases.source, 'room'));
    expect(cases).toHaveLength(3);
  });

  it('is refused to nobody signed in and to staff who do not host the room', async () => {
    const post = await ok<RoomPostView>(wang.say(room.id, '有人在村口吵架'));
    expect((await t.anonymous().post(`/api/v1/room-posts/${post.id}/dispute`, {})).status).toBe(401);
    const aux = await t.as('a.aux');
    const res = await toCase(aux, post.id, { category: 'public_order', title: '吵架' });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('ROOM_NOT_HOST');
    const bad = await toCase(officer, post.id, { category: 'gossip', title: '吵架' });
    expect(bad.status).toBe(400);
  });
});
