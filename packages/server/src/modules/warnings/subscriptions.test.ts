/**
 * A verified phone's subscription: the station's categories only, SMS only on opt-in, one row per station and
 * phone, 退订 by sms=false, by deleting, and by replying TD to a message (the provider's callback, behind its
 * secret). Audited without the number.
 */
import type { SubscriptionView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, settings, warningSubscriptions } from '../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { phoneIndexOf } from '../residents/phone.service.js';
import { codeOf, subscribe, subscribedPhone, verifiedPhone } from './notices.testkit.js';

const SECRET = 'sms-reply-secret-9f3c2a71b8';
let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ JINGMIN_SMS_REPLY_TOKEN: SECRET });
});
afterAll(() => t.close());

const a = () => t.fx.doorplateTokens.a[0]!;
const url = '/api/v1/public/phone/warning-subscription';
const read = (token: string, query = '') =>
  t.anonymous().request('GET', `${url}${query}`, undefined, { 'x-phone-token': token });
const rowsOf = (phone: string) =>
  t.deps.database.db
    .select()
    .from(warningSubscriptions)
    .where(eq(warningSubscriptions.phoneIndex, phoneIndexOf(t.deps.keys.data, phone)));
const reply = (body: object, token: string | null = SECRET) =>
  t.anonymous().post(`/api/v1/public/sms/replies${token === null ? '' : `?token=${token}`}`, body);
const tencentReply = (mobile: string, text: string) => ({
  extend: '',
  mobile,
  nationcode: '86',
  sign: 'A派出所',
  text,
  time: 1_795_000_000,
});

describe('a phone subscription', () => {
  it('asks for a verified phone', async () => {
    const res = await t.anonymous().request('PUT', url, { doorplate: a(), categories: [], sms: false });
    expect([res.status, codeOf(res)]).toEqual([401, 'PHONE_SESSION_REQUIRED']);
    expect((await t.anonymous().delete(url)).status).toBe(401);
  });

  it("offers the station's categories, its own included, and refuses another's", async () => {
    await t.deps.database.db.insert(settings).values({
      key: `warnings:${t.fx.units.stationA}`,
      value: { extraCategories: [{ key: 'flood', label: { zh: '防汛', en: 'Flood' } }], smsSignature: '柳塘派出所' },
    });
    const p = await verifiedPhone(t);
    const before = (await read(p.token, `?doorplate=${a()}`)).body as SubscriptionView;
    expect(before).toMatchObject({ subscribed: false, stationName: 'A派出所', smsSignature: '柳塘派出所' });
    expect(before.available.map((c) => c.key)).toContain('flood');
    const bad = await subscribe(t, p.token, { doorplate: a(), categories: ['antifraud', 'lottery'], sms: false });
    expect([bad.status, codeOf(bad)]).toEqual([400, 'VALIDATION']);
    const ok = await subscribe(t, p.token, { doorplate: a(), categories: ['antifraud', 'flood'], sms: false });
    expect(ok.body).toMatchObject({
      subscribed: true,
      area: 'A村第1网格',
      categories: ['antifraud', 'flood'],
      sms: false,
    });
    const unknownPlate = await subscribe(t, p.token, { doorplate: 'unknown-plate', categories: [], sms: false });
    expect(unknownPlate.status).toBe(404);
  });

  it('keeps one row per station and phone, opts in and out of SMS, and audits without the number', async () => {
    const p = await subscribedPhone(t, a(), ['antifraud'], true);
    const [first] = await rowsOf(p.phone);
    expect(first).toMatchObject({ sms: true, categories: ['antifraud'] });
    expect(first?.smsOptedAt).not.toBeNull();
    t.clock.advance(60_000);
    const off = await subscribe(t, p.token, {
      doorplate: t.fx.doorplateTokens.a[1]!,
      categories: ['fire'],
      sms: false,
    });
    expect(off.body).toMatchObject({ sms: false, categories: ['fire'] });
    const rows = await rowsOf(p.phone);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.smsStoppedAt?.getTime()).toBe(t.clock.now().getTime());
    expect(rows[0]?.phoneEnc).not.toContain(p.phone);
    const entries = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, rows[0]!.id));
    expect(entries.map((e) => e.action)).toEqual(['warning_subscription.save', 'warning_subscription.save']);
    expect(JSON.stringify(entries)).not.toContain(p.phone.slice(-4));
    expect(((await read(p.token)).body as SubscriptionView).categories).toEqual(['fire']);
  });

  it('deletes every subscription of the phone', async () => {
    const p = await subscribedPhone(t, a(), ['antifraud'], true);
    await subscribe(t, p.token, { doorplate: t.fx.doorplateTokens.b[0]!, categories: ['traffic'], sms: true });
    expect(await rowsOf(p.phone)).toHaveLength(2);
    const res = await t.anonymous().request('DELETE', url, undefined, { 'x-phone-token': p.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subscribed: false, categories: [], sms: false });
    expect(await rowsOf(p.phone)).toHaveLength(0);
  });
});

describe('退订 by replying to a message', () => {
  it('refuses a call without the secret, or with another', async () => {
    for (const token of [null, 'wrong-secret-0000000000']) {
      const res = await reply(tencentReply('13900000001', 'TD'), token);
      expect([res.status, codeOf(res)]).toEqual([403, 'FORBIDDEN']);
    }
    const unset = await buildTestApp();
    try {
      const res = await unset.anonymous().post(`/api/v1/public/sms/replies?token=${SECRET}`, tencentReply('1', 'TD'));
      expect(res.status).toBe(403);
    } finally {
      await unset.close();
    }
  });

  it('stops SMS to every subscription of the phone on TD, T, N or 退订, and nothing else', async () => {
    const p = await subscribedPhone(t, a(), ['antifraud'], true);
    await subscribe(t, p.token, { doorplate: t.fx.doorplateTokens.b[0]!, categories: ['traffic'], sms: true });
    const chat = await reply(tencentReply(p.phone, '谢谢提醒'));
    expect(chat.body).toEqual({ result: 0, errmsg: 'OK' });
    expect((await rowsOf(p.phone)).every((r) => r.sms)).toBe(true);
    const stop = await reply(tencentReply(`+86${p.phone}`, ' td '));
    expect([stop.status, stop.body]).toEqual([200, { result: 0, errmsg: 'OK' }]);
    const rows = await rowsOf(p.phone);
    expect(rows.map((r) => r.sms)).toEqual([false, false]);
    expect(rows.every((r) => r.categories.length === 1)).toBe(true);
    for (const word of ['T', 'n', '退订']) {
      const q = await subscribedPhone(t, a(), ['antifraud'], true);
      await reply(tencentReply(q.phone, word));
      expect((await rowsOf(q.phone))[0]?.sms).toBe(false);
    }
  });
});
