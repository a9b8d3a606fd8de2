/**
 * 通知设置: each member chooses their own channels and quiet hours; the system
 * administrator links a member's WeCom account; the chief reads them; nobody
 * reads or sets another member's settings outside those rights.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const ME = '/api/v1/me/notifications';
const member = (username: string) => `/api/v1/staff/${t.fx.staffIds[username]}/notifications`;

describe('my notification settings', () => {
  it('need a signed-in account', async () => {
    expect((await t.anonymous().get(ME)).status).toBe(401);
    expect((await t.anonymous().put(ME, { channels: [], quietHours: null })).status).toBe(401);
  });

  it('start with nothing chosen and say which channels could reach me', async () => {
    const officer = await t.as('a.officer');
    const res = await officer.get(ME);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      channels: [],
      quietHours: null,
      wecomUserId: null,
      // WeCom is not configured on this server, and the fixture officer has no phone on file.
      reachable: { wecom: false, sms: false, browser: true },
      wecomConfigured: false,
    });
  });

  it('keep the channels and quiet hours I choose, across midnight', async () => {
    const officer = await t.as('a.officer');
    const body = { channels: ['sms', 'browser'], quietHours: { startMinute: 1350, endMinute: 390 } };
    const res = await officer.put(ME, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(body);
    expect((await officer.get(ME)).body).toMatchObject(body);
    // Another member's choices are their own.
    expect(((await (await t.as('a.aux')).get(ME)).body as { channels: string[] }).channels).toEqual([]);
  });

  it('refuse a repeated or unknown channel, empty quiet hours, and my own WeCom account', async () => {
    const officer = await t.as('a.officer');
    const bad = [
      { channels: ['sms', 'sms'], quietHours: null },
      { channels: ['pager'], quietHours: null },
      { channels: [], quietHours: { startMinute: 600, endMinute: 600 } },
      { channels: [], quietHours: { startMinute: 0, endMinute: 1440 } },
      { channels: [], quietHours: null, wecomUserId: 'someone.else' },
    ];
    for (const body of bad) {
      const res = await officer.put(ME, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
    }
  });
});

describe('a member’s settings', () => {
  it('are not for other officers to read, nor for the chief to link', async () => {
    const aux = await t.as('a.aux');
    expect((await aux.get(member('a.officer'))).status).toBe(403);
    expect((await aux.put(`${member('a.officer')}/wecom`, { wecomUserId: 'aux.pretends' })).status).toBe(403);
    const officer = await t.as('a.officer');
    expect((await officer.put(`${member('a.officer')}/wecom`, { wecomUserId: 'me.myself' })).status).toBe(403);
    const chief = await t.as('a.chief');
    expect((await chief.put(`${member('a.officer')}/wecom`, { wecomUserId: 'chief.sets' })).status).toBe(403);
  });

  it('are read by the station chief inside the station, and by nobody outside it', async () => {
    const chief = await t.as('a.chief');
    const res = await chief.get(member('a.officer'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ channels: ['sms', 'browser'] });
    expect(JSON.stringify(res.body)).not.toMatch(/1[3-9]\d{9}|\*\*\*\*/);
    // Outside the chief's station: refused as the staff list refuses it.
    expect((await (await t.as('b.chief')).get(member('a.officer'))).status).toBe(403);
    expect((await (await t.as('a.chief')).get(`/api/v1/staff/${crypto.randomUUID()}/notifications`)).status).toBe(404);
  });

  it('get their WeCom account from the system administrator of their scope, audited without the account', async () => {
    const stationAdmin = await t.as('a.sysadmin');
    expect((await stationAdmin.put(`${member('b.officer')}/wecom`, { wecomUserId: 'b.officer' })).status).toBe(403);
    const linked = await stationAdmin.put(`${member('a.officer')}/wecom`, { wecomUserId: 'LiuWei_01' });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ wecomUserId: 'LiuWei_01', channels: ['sms', 'browser'] });
    // The member sees it, read-only.
    expect((await (await t.as('a.officer')).get(ME)).body).toMatchObject({ wecomUserId: 'LiuWei_01' });
    expect((await stationAdmin.put(`${member('a.officer')}/wecom`, { wecomUserId: '-bad id' })).status).toBe(400);
    await t.app.sealer.flush();
    const [entry] = rowsOf<{ details: unknown }>(
      await t.deps.database.db.execute(
        sql`SELECT details FROM audit_log WHERE action = 'notify.wecom_link' ORDER BY id DESC LIMIT 1`,
      ),
    );
    expect(entry?.details).toEqual({ linked: true });
    expect((await stationAdmin.put(`${member('a.officer')}/wecom`, { wecomUserId: null })).body).toMatchObject({
      wecomUserId: null,
    });
  });
});

describe('a test notification', () => {
  it('goes out on each chosen channel at once, and only once a minute', async () => {
    const admin = await t.as('a.sysadmin');
    await admin.patch(`/api/v1/staff/${t.fx.staffIds['a.mediator']}`, { phone: '13900139002' });
    const mediator = await t.as('a.mediator');
    await mediator.put(ME, { channels: ['sms', 'browser', 'wecom'], quietHours: { startMinute: 0, endMinute: 1439 } });

    const res = await mediator.post(`${ME}/test`);
    expect(res.status).toBe(200);
    const results = (res.body as { deliveries: { channel: string; status: string; error: string | null }[] })
      .deliveries;
    expect(results).toEqual([
      { channel: 'sms', status: 'sent', error: null },
      { channel: 'browser', status: 'sent', error: null },
      // WeCom is not configured here: said, not silently dropped.
      { channel: 'wecom', status: 'skipped', error: 'wecom_off' },
    ]);
    expect(t.sms.sent.at(-1)).toMatchObject({ kind: 'staff_alert', phone: '13900139002', reason: '测试通知' });

    const again = await mediator.post(`${ME}/test`);
    expect(again.status).toBe(429);
    // Worded for staff, not the residents' "call 110" line.
    expect((again.body as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'TOO_FREQUENT',
      message: '操作太频繁了，请稍后再试',
    });
    t.clock.advance(61_000);
    expect((await (await t.as('a.mediator')).post(`${ME}/test`)).status).toBe(200);
  });
});
