/**
 * A notice's SMS: only to verified phones that opted in to its category in its area (or anywhere in the station
 * for the subscribers), with the frozen text and no link; at most once per phone; the station's daily cap stops it
 * until the next day; 退订 (deleting, or replying TD) and a withdrawal stop what comes next.
 */

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings, warnings } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { smsText } from '../../platform/sms/sms.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { otherVillage, sentNotice, subscribedPhone } from './notices.testkit.js';
import { sendWarningSms, startWarningSms } from './sms.js';

const SECRET = 'sms-reply-secret-4b7d1e0c55';
let t: TestApp;
let village2: Awaited<ReturnType<typeof otherVillage>>;

beforeAll(async () => {
  t = await buildTestApp({ JINGMIN_SMS_REPLY_TOKEN: SECRET });
  village2 = await otherVillage(t);
});
afterAll(() => t.close());

const a = (n = 0) => t.fx.doorplateTokens.a[n]!;
const run = (id: string) => sendWarningSms(systemCtx(t.deps, t.app.log), id);
const warningSms = () => t.sms.sent.filter((m) => m.kind === 'warning');
const textsTo = (phone: string) => warningSms().filter((m) => m.phone === phone);
const rowOf = async (id: string) => {
  const [row] = await t.deps.database.db.select().from(warnings).where(eq(warnings.id, id));
  return row!;
};
const smsNotice = (category: string, over: Parameters<typeof sentNotice>[1] = {}) =>
  sentNotice(t, { category, sms: true, smsText: 'A派出所提醒：【反诈】冒充客服退款诈骗提醒。退订回复TD', ...over });

describe("a notice's SMS", () => {
  it('goes only to the opted-in phones of its area and category, once, with the frozen text', async () => {
    const yes = await subscribedPhone(t, a(0), ['antifraud'], true);
    const quiet = await subscribedPhone(t, a(1), ['antifraud'], false);
    const elsewhere = await subscribedPhone(t, village2.token, ['antifraud'], true);
    const otherTopic = await subscribedPhone(t, a(2), ['antidrug'], true);
    const notice = await smsNotice('antifraud', { unitIds: [t.fx.units.villageA] });
    expect(await run(notice.id)).toBe('done');
    const sent = textsTo(yes.phone);
    expect(sent).toHaveLength(1);
    expect(smsText(sent[0]!)).toBe('A派出所提醒：【反诈】冒充客服退款诈骗提醒。退订回复TD');
    expect(smsText(sent[0]!)).not.toMatch(/https?:|\/h\//);
    for (const p of [quiet, elsewhere, otherTopic]) expect(textsTo(p.phone)).toEqual([]);
    const row = await rowOf(notice.id);
    expect(row.smsSent).toBe(1);
    expect(row.smsDoneAt).not.toBeNull();
    expect(await run(notice.id)).toBe('done');
    expect(textsTo(yes.phone)).toHaveLength(1);
  });

  it('reaches every opted-in subscriber of the category in the station when sent to the subscribers', async () => {
    const here = await subscribedPhone(t, a(0), ['case'], true);
    const there = await subscribedPhone(t, village2.token, ['case'], true);
    const otherStation = await subscribedPhone(t, t.fx.doorplateTokens.b[0]!, ['case'], true);
    const notice = await smsNotice('case', {
      unitIds: [],
      targetSubscribers: true,
      smsText: '【典型案例】刷单返利骗局',
    });
    await run(notice.id);
    expect(textsTo(here.phone)).toHaveLength(1);
    expect(textsTo(there.phone)).toHaveLength(1);
    expect(textsTo(otherStation.phone)).toEqual([]);
  });

  it('queues its job in the send transaction without failing it where no job queue runs', async () => {
    const notice = await smsNotice('policy', { status: 'draft', sentAt: null });
    await t.deps.database.db.transaction(async (tx) => {
      await tx.update(warnings).set({ status: 'sent', sentAt: t.clock.now() }).where(eq(warnings.id, notice.id));
      await startWarningSms(tx, systemCtx(t.deps, t.app.log), notice.id);
    });
    expect((await rowOf(notice.id)).status).toBe('sent');
  });

  it("stops at the station's daily cap and goes on the next day", async () => {
    await t.deps.database.db
      .insert(settings)
      .values({ key: `warnings:${t.fx.units.stationB}`, value: { smsDailyCap: 2, smsSignature: 'B派出所' } });
    const phones: { phone: string; token: string }[] = [];
    for (const token of t.fx.doorplateTokens.b) phones.push(await subscribedPhone(t, token, ['traffic'], true));
    const notice = await smsNotice('traffic', {
      stationId: t.fx.units.stationB,
      unitIds: [t.fx.units.villageB],
      smsText: '【交通安全】雨雾天气减速慢行',
    });
    expect(await run(notice.id)).toBe('capped');
    const got = () => phones.filter((p) => textsTo(p.phone).length > 0).length;
    expect(got()).toBe(2);
    expect(await run(notice.id)).toBe('capped');
    expect(got()).toBe(2);
    expect((await rowOf(notice.id)).smsDoneAt).toBeNull();
    t.clock.advance(24 * 3600_000);
    expect(await run(notice.id)).toBe('done');
    expect(got()).toBe(3);
    expect(phones.every((p) => textsTo(p.phone).length === 1)).toBe(true);
    expect((await rowOf(notice.id)).smsSent).toBe(3);
  });

  it('is not sent again to a phone that unsubscribed, by deleting or by replying TD', async () => {
    const deleting = await subscribedPhone(t, a(0), ['fire'], true);
    const replying = await subscribedPhone(t, a(1), ['fire'], true);
    const staying = await subscribedPhone(t, a(2), ['fire'], true);
    await run((await smsNotice('fire', { smsText: '【防火】冬季用火用电安全' })).id);
    for (const p of [deleting, replying, staying]) expect(textsTo(p.phone)).toHaveLength(1);
    const del = await t
      .anonymous()
      .request('DELETE', '/api/v1/public/phone/warning-subscription', undefined, { 'x-phone-token': deleting.token });
    expect(del.status).toBe(200);
    const td = await t.anonymous().post(`/api/v1/public/sms/replies?token=${SECRET}`, {
      mobile: replying.phone,
      nationcode: '86',
      sign: 'A派出所',
      text: 'TD',
      time: 1_795_000_000,
    });
    expect(td.body).toEqual({ result: 0, errmsg: 'OK' });
    await run((await smsNotice('fire', { smsText: '【防火】山林防火期严禁野外用火' })).id);
    expect(textsTo(deleting.phone)).toHaveLength(1);
    expect(textsTo(replying.phone)).toHaveLength(1);
    expect(textsTo(staying.phone)).toHaveLength(2);
  });

  it('stops for a withdrawn notice, and takes a refused send off the count', async () => {
    const p = await subscribedPhone(t, a(0), ['antidrug'], true);
    const withdrawn = await smsNotice('antidrug', { status: 'withdrawn', withdrawnAt: t.clock.now() });
    expect(await run(withdrawn.id)).toBe('done');
    expect(textsTo(p.phone)).toEqual([]);
    expect((await rowOf(withdrawn.id)).smsDoneAt).not.toBeNull();
    const refused = await smsNotice('antidrug', { smsText: '【禁毒】警惕新型毒品伪装' });
    t.sms.failing = true;
    try {
      expect(await run(refused.id)).toBe('later');
    } finally {
      t.sms.failing = false;
    }
    const row = await rowOf(refused.id);
    expect(row.smsSent).toBe(0);
    expect(row.smsCursor).not.toBeNull();
    // At most once: the refused phone is not retried.
    expect(await run(refused.id)).toBe('done');
    expect(textsTo(p.phone)).toEqual([]);
  });
});
