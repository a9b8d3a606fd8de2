/**
 * An officer reached on their phone: a dispatched matter goes out once on
 * each channel the officer chose, through a local fake of WeCom's API, and
 * what WeCom answers (rate limits, unknown members, an outage) decides
 * whether the job tries again.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { FakeWecom } from '../../test/fake-wecom.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { advanceToBeijing, choose, deliver, deliveriesOf, dispatchedMatter } from '../../test/notify.js';
import { cookieOf, SseReader } from '../../test/sse.js';

let t: TestApp;
let wecom: FakeWecom;
let url: string;
const PHONE = '13800138001';
const WX = 'liu.officer';

beforeAll(async () => {
  wecom = await new FakeWecom().start();
  wecom.members.add(WX);
  t = await buildTestApp({
    JINGMIN_WECOM_CORP_ID: wecom.corpId,
    JINGMIN_WECOM_AGENT_ID: '1000002',
    JINGMIN_WECOM_SECRET: wecom.secret,
    JINGMIN_WECOM_ENDPOINT: wecom.url,
  });
  url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await t.as('a.sysadmin');
  const officerId = t.fx.staffIds['a.officer'];
  expect((await admin.patch(`/api/v1/staff/${officerId}`, { phone: PHONE })).status).toBe(200);
  expect((await admin.put(`/api/v1/staff/${officerId}/notifications/wecom`, { wecomUserId: WX })).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await wecom.stop();
});

const toOfficer = () => wecom.sent.filter((m) => m.touser === WX);
const staffAlerts = () => t.sms.sent.filter((m) => m.kind === 'staff_alert' && m.phone === PHONE);

describe('an officer’s dispatched matter', () => {
  it('reaches the officer once on each chosen channel, however often the job runs', async () => {
    const officer = await choose(t, 'a.officer', ['wecom', 'sms', 'browser']);
    const stream = await SseReader.open(`${url}/api/v1/events`, { cookie: cookieOf(officer) });
    const before = { wecom: toOfficer().length, sms: staffAlerts().length };

    const { id, number } = await dispatchedMatter(t, 'a.officer');
    // Two processes run the job at the same moment, then one runs it again.
    await Promise.all([deliver(t), deliver(t)]);
    await deliver(t);

    const messages = toOfficer().slice(before.wecom);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toBe(`【警民】新派单：回执号 ${number}（咨询），请登录工作台处理。`);
    expect(staffAlerts().slice(before.sms)).toEqual([{ kind: 'staff_alert', phone: PHONE, reason: '新派单', number }]);
    const rows = await deliveriesOf(t, id);
    expect(rows.map((r) => [r.channel, r.status, r.attempts]).sort()).toEqual([
      ['browser', 'sent', 0],
      ['sms', 'sent', 1],
      ['wecom', 'sent', 1],
    ]);
    // The browser channel is the officer's own live stream: the console turns it into a notification.
    expect(await stream.waitFor((es) => es.some((e) => e.event === 'notify.alert' && e.data.number === number))).toBe(
      true,
    );
    const alert = stream.events.find((e) => e.event === 'notify.alert');
    expect(alert?.data).toMatchObject({ matterId: id, reason: 'dispatched', kind: 'consult', urgent: false });
    await stream.close();

    // Each send is on the record, with ids and codes only: no phone number, no text.
    await t.app.sealer.flush();
    const trail = rowsOf<{ action: string; details: Record<string, unknown> }>(
      await t.deps.database.db.execute(
        sql`SELECT action, details FROM audit_log WHERE action LIKE 'notify.%' AND details->>'matterId' = ${id}`,
      ),
    );
    expect(trail.map((a) => a.action)).toEqual(['notify.sent', 'notify.sent', 'notify.sent']);
    for (const entry of trail) {
      const text = JSON.stringify(entry.details);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('138****');
      expect(text).not.toContain('回执号');
      expect(text).not.toContain(WX);
    }
  });

  it('answers the dispatch while WeCom is down, and sends the message once WeCom is back', async () => {
    await choose(t, 'a.officer', ['wecom']);
    wecom.down = true;
    const { id, number } = await dispatchedMatter(t, 'a.officer', 'consult', '小区门口的井盖松了');
    await deliver(t);
    const [waiting] = await deliveriesOf(t, id);
    expect(waiting).toMatchObject({ channel: 'wecom', status: 'pending', attempts: 1, lastError: 'NetworkError' });

    wecom.down = false;
    t.clock.advance(61_000);
    await deliver(t);
    expect((await deliveriesOf(t, id))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(toOfficer().filter((m) => m.content.includes(number))).toHaveLength(1);
  });

  it('tries a rate-limited message (45009) again after its backoff, not before', async () => {
    await choose(t, 'a.officer', ['wecom']);
    wecom.sendAnswers.push(45009);
    const { id, number } = await dispatchedMatter(t, 'a.officer', 'service', '想咨询户口迁移');
    await deliver(t);
    expect((await deliveriesOf(t, id))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: '45009' });
    const calls = wecom.sendCalls;
    await deliver(t);
    expect(wecom.sendCalls).toBe(calls);

    t.clock.advance(61_000);
    await deliver(t);
    expect((await deliveriesOf(t, id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(toOfficer().filter((m) => m.content.includes(number))).toHaveLength(1);
    await t.app.sealer.flush();
    const actions = rowsOf<{ action: string }>(
      await t.deps.database.db.execute(
        sql`SELECT action FROM audit_log WHERE action LIKE 'notify.%' AND details->>'matterId' = ${id} ORDER BY id`,
      ),
    ).map((a) => a.action);
    expect(actions).toEqual(['notify.retry', 'notify.sent']);
  });

  it('marks a member WeCom does not know (81013) as failed and never tries again', async () => {
    await choose(t, 'a.officer', ['wecom', 'sms']);
    wecom.members.delete(WX);
    const { id, number } = await dispatchedMatter(t, 'a.officer', 'consult', '想了解电动车上牌');
    await deliver(t);
    const calls = wecom.sendCalls;
    t.clock.advance(60 * 60_000);
    await deliver(t);
    wecom.members.add(WX);

    const rows = await deliveriesOf(t, id);
    expect(rows.find((r) => r.channel === 'wecom')).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '81013',
    });
    expect(wecom.sendCalls).toBe(calls);
    // The other channel is not held back by WeCom's answer.
    expect(rows.find((r) => r.channel === 'sms')).toMatchObject({ status: 'sent' });
    expect(staffAlerts().filter((m) => m.kind === 'staff_alert' && m.number === number)).toHaveLength(1);
  });

  it('fetches a new token when WeCom says the cached one expired, and sends the message on it', async () => {
    await choose(t, 'a.officer', ['wecom']);
    wecom.expireTokens();
    const tokens = wecom.tokenCalls;
    const { id } = await dispatchedMatter(t, 'a.officer', 'consult', '请问暂住登记在哪里办');
    await deliver(t);
    expect((await deliveriesOf(t, id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(wecom.tokenCalls).toBe(tokens + 1);
  });
});

describe('quiet hours', () => {
  it('hold a normal matter until they end; a help request comes through at once', async () => {
    // 免打扰 22:00–07:00 Beijing time.
    await choose(t, 'a.officer', ['wecom'], { startMinute: 22 * 60, endMinute: 7 * 60 });
    advanceToBeijing(t, 23, 0);
    const calm = await dispatchedMatter(t, 'a.officer', 'consult', '想问问护照怎么办');
    const help = await dispatchedMatter(t, 'a.officer', 'help', '家里老人摔倒了起不来');
    await deliver(t);

    const [held] = await deliveriesOf(t, calm.id);
    expect(held).toMatchObject({ status: 'pending', attempts: 0 });
    // 07:00 Beijing is 23:00 UTC.
    expect(held?.nextAttemptAt.toISOString().slice(11, 16)).toBe('23:00');
    expect((await deliveriesOf(t, help.id))[0]).toMatchObject({ status: 'sent', urgent: true });
    expect(toOfficer().some((m) => m.content.includes(help.number) && m.content.includes('求助，紧急'))).toBe(true);
    expect(toOfficer().some((m) => m.content.includes(calm.number))).toBe(false);

    advanceToBeijing(t, 7, 0);
    await deliver(t);
    expect((await deliveriesOf(t, calm.id))[0]).toMatchObject({ status: 'sent' });
    expect(toOfficer().filter((m) => m.content.includes(calm.number))).toHaveLength(1);
    await choose(t, 'a.officer', ['wecom'], null);
  });
});
