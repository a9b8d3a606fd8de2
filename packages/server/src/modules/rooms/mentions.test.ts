/**
 * The "@" clock and retention, with the test clock: an unanswered "@" reaches the asked officer's phone once, then
 * the station's desk once, however often the sweep runs; the open "@" list says how far each went; posts older than
 * the station's retention go, one audit entry per room.
 */
import { randomUUID } from 'node:crypto';
import type { OpenMention, RoomPostView, RoomSettings, RoomView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyDeliveries, roomPosts } from '../../db/schema/index.js';
import { staffTopic, unitTopic } from '../../platform/topics.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { choose, deliver } from '../../test/notify.js';
import { alertText } from '../notify/channels.js';
import { sweepMentionClock } from './mentions.service.js';
import { removeOldPosts } from './retention.js';
import { auditOf, ok, outboxOf, quietCtx, Resident, roomOf, staffId } from './work.testkit.js';

const MINUTE = 60_000;
const KEY = () => ({ 'idempotency-key': randomUUID() });
let t: TestApp;
let chief: Client;
let room: RoomView;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  room = await roomOf(t, chief, 'A村警民议事厅', t.fx.units.villageA, 'a.officer');
});
afterAll(() => t.close());

const sweep = () => sweepMentionClock(quietCtx(t));

function deliveriesTo(username: string, reason: 'chased' | 'breached') {
  return t.deps.database.db
    .select()
    .from(notifyDeliveries)
    .where(and(eq(notifyDeliveries.staffId, staffId(t, username)), eq(notifyDeliveries.reason, reason)));
}

async function openMentions(username: string) {
  const client = await t.as(username);
  return ok<OpenMention[]>(client.get(`/api/v1/stations/${t.fx.units.stationA}/room-mentions`));
}

describe('the "@" clock', () => {
  it('reminds the asked officer once, then reaches the desk once, even when the sweep runs twice', async () => {
    await sweep();
    const wang = await (await Resident.verify(t, '13900007777')).join(room.id, '老王');
    const started = t.clock.now();
    const asked = await ok<RoomPostView>(
      wang.say(room.id, '@警官 楼下电动车天天在楼道充电，太危险了', [staffId(t, 'a.officer')]),
    );
    await ok(wang.say(room.id, '今天天气不错'));
    expect((await openMentions('a.officer')).map((m) => [m.post.id, m.escalated])).toEqual([[asked.id, null]]);

    t.clock.advance(29 * MINUTE);
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    t.clock.advance(2 * MINUTE);
    expect(await sweep()).toEqual({ reminded: 1, escalated: 0 });
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    await deliver(t);
    await deliver(t);
    const reminders = await deliveriesTo('a.officer', 'chased');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.status).toBe('sent');
    expect(await outboxOf(t, 'room.mention_overdue', started)).toHaveLength(1);
    expect((await openMentions('a.officer')).map((m) => m.escalated)).toEqual(['officer']);
    expect(await deliveriesTo('a.duty', 'breached')).toHaveLength(0);

    await choose(t, 'a.duty', ['browser']);
    t.clock.advance(90 * MINUTE); // 121 minutes after the post: past the desk time (120)
    expect(await sweep()).toEqual({ reminded: 0, escalated: 1 });
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    await deliver(t);
    await deliver(t);
    expect(await deliveriesTo('a.duty', 'breached')).toHaveLength(1);
    const [alert] = await outboxOf(t, 'notify.alert', started);
    expect(alert?.topics).toEqual([staffTopic(staffId(t, 'a.duty'))]);
    const said = alert?.payload as Parameters<typeof alertText>[0];
    expect(said.roomMention).toMatchObject({ postId: asked.id, roomName: room.name, stage: 'desk' });
    expect(alertText(said)).toContain('已转值班台');
    expect(alertText(said)).not.toContain('电动车');
    expect(await deliveriesTo('a.officer', 'chased')).toHaveLength(1);
    const [live] = await outboxOf(t, 'room.mention_escalated', started);
    expect(live?.topics).toContain(unitTopic(t.fx.units.stationA));
    expect(JSON.stringify(live?.payload)).not.toContain('电动车');
    expect((await openMentions('a.duty')).map((m) => [m.post.id, m.escalated])).toEqual([[asked.id, 'desk']]);
    expect(await auditOf(t, 'room.mention.remind', asked.id)).toHaveLength(1);
    expect(await auditOf(t, 'room.mention.escalate', asked.id)).toHaveLength(1);

    // The officer answers: the "@" leaves the list.
    const officer = await t.as('a.officer');
    await ok(
      officer.post(`/api/v1/rooms/${room.id}/posts`, { body: '收到，马上联系物业处理', replyToId: asked.id }, KEY()),
    );
    expect(await openMentions('a.duty')).toEqual([]);
  });

  it('tells nobody about an "@" answered in time', async () => {
    const li = await (await Resident.verify(t, '13900008888')).join(room.id, '小李');
    const asked = await ok<RoomPostView>(li.say(room.id, '@警官 请问办居住证去哪里', [staffId(t, 'a.officer')]));
    const officer = await t.as('a.officer');
    t.clock.advance(10 * MINUTE);
    await ok(
      officer.post(`/api/v1/rooms/${room.id}/posts`, { body: '到所里户籍窗口办理', replyToId: asked.id }, KEY()),
    );
    t.clock.advance(300 * MINUTE);
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    expect(await auditOf(t, 'room.mention.remind', asked.id)).toHaveLength(0);
  });
});

describe('retention', () => {
  it('removes only the posts older than the station keeps them, one audit entry per room', async () => {
    const url = `/api/v1/stations/${t.fx.units.stationA}/room-settings`;
    chief = await t.as('a.chief');
    const rules = await ok<RoomSettings>(chief.get(url));
    await ok(chief.put(url, { ...rules, retentionDays: 30 }));
    const other = await roomOf(t, chief, 'A村一组平安群', t.fx.units.gridA1, 'a.aux');
    const zhou = await (await Resident.verify(t, '13900009999')).join(other.id, '老周');
    const old = await ok<RoomPostView>(zhou.say(other.id, '谁家的狗走丢了，在村口'));
    t.clock.advance(20 * 86_400_000);
    const sun = await (await Resident.verify(t, '13900000000')).join(other.id, '老孙');
    const recent = await ok<RoomPostView>(sun.say(other.id, '狗找到了，谢谢大家'));
    t.clock.advance(11 * 86_400_000);
    const swept = await removeOldPosts(quietCtx(t));
    expect(swept.posts).toBeGreaterThanOrEqual(1);
    const left = await t.deps.database.db.select().from(roomPosts).where(eq(roomPosts.roomId, other.id));
    expect(left.map((p) => p.id)).toEqual([recent.id]);
    const entries = await auditOf(t, 'room.retention', other.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ posts: 1 });
    expect(old.id).not.toBe(recent.id);
    await removeOldPosts(quietCtx(t));
    expect(await auditOf(t, 'room.retention', other.id)).toHaveLength(1);
  });
});
