import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Session = { phoneToken: string; phoneMasked: string };

async function verify(client: Client, phone: string): Promise<Session> {
  const sent = await client.post('/api/v1/public/phone/codes', { phone });
  expect(sent.status).toBe(200);
  const code = t.sms.lastCode(phone.replace(/^\+86/, ''))!;
  const res = await client.post('/api/v1/public/phone/verify', { phone, code });
  expect(res.status).toBe(200);
  return res.body as Session;
}

function submit(plate: string, body: string, phoneToken?: string) {
  return t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${plate}/matters`,
      { kind: 'consult', body, noticeVersion: '2026-11', ...(phoneToken ? { phoneToken } : {}) },
      { 'idempotency-key': randomUUID() },
    );
}

describe('a phone verified by one-time code', () => {
  it('sends a code, verifies it once, and shows the station only the masked number', async () => {
    const resident = t.anonymous();
    const sent = await resident.post('/api/v1/public/phone/codes', { phone: '+86 138-0013-8000' });
    expect(sent.body).toMatchObject({ phoneMasked: '138****8000', ttlMinutes: 10, resendAfterSeconds: 60 });
    const code = t.sms.lastCode('13800138000')!;
    expect(code).toMatch(/^\d{6}$/);
    const session = (await resident.post('/api/v1/public/phone/verify', { phone: '13800138000', code }))
      .body as Session;
    expect(session.phoneMasked).toBe('138****8000');
    // The code works once.
    expect((await resident.post('/api/v1/public/phone/verify', { phone: '13800138000', code })).status).toBe(400);

    const receipt = (await submit(t.fx.doorplateTokens.a[0]!, '想咨询一下户口迁移需要什么材料', session.phoneToken))
      .body as { number: string };
    const desk = await t.as('a.duty');
    const list = (await desk.get(`/api/v1/matters?q=${receipt.number}`)).body as {
      items: { id: string; contactPhone: string }[];
    };
    expect(list.items[0]!.contactPhone).toBe('138****8000');
    // To call back, the desk reveals the whole number; the reveal is audited, and an auxiliary who does
    // not hold the matter cannot.
    const id = list.items[0]!.id;
    expect((await desk.get(`/api/v1/matters/${id}/contact-phone`)).body).toEqual({ phone: '13800138000' });
    expect((await (await t.as('a.aux')).get(`/api/v1/matters/${id}/contact-phone`)).status).toBe(403);
    const reads = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'matter.contact_phone_read'));
    expect(reads.map((r) => r.targetId)).toContain(id);
  });

  it('refuses a wrong code, and stops after five wrong guesses even for the right one', async () => {
    const phone = '13900139000';
    const resident = t.anonymous();
    await resident.post('/api/v1/public/phone/codes', { phone });
    const code = t.sms.lastCode(phone)!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await resident.post('/api/v1/public/phone/verify', { phone, code: wrong });
      expect(res.status).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toBe('验证码不正确或已过期，请重新获取');
    }
    expect((await resident.post('/api/v1/public/phone/verify', { phone, code })).status).toBe(400);
  });

  it('lets a code expire after ten minutes', async () => {
    const phone = '13700137000';
    await t.anonymous().post('/api/v1/public/phone/codes', { phone });
    const code = t.sms.lastCode(phone)!;
    t.clock.advance(11 * 60_000);
    expect((await t.anonymous().post('/api/v1/public/phone/verify', { phone, code })).status).toBe(400);
  });

  it('asks a minute between codes and at most five an hour, with a friendly message', async () => {
    const phone = '13600136000';
    const resident = t.anonymous({ locale: 'en' });
    expect((await resident.post('/api/v1/public/phone/codes', { phone })).status).toBe(200);
    const soon = await resident.post('/api/v1/public/phone/codes', { phone });
    expect(soon.status).toBe(429);
    expect(soon.headers['retry-after']).toBeDefined();
    for (let i = 0; i < 4; i++) {
      t.clock.advance(61_000);
      expect((await resident.post('/api/v1/public/phone/codes', { phone })).status).toBe(200);
    }
    t.clock.advance(61_000);
    const sixth = await resident.post('/api/v1/public/phone/codes', { phone });
    expect(sixth.status).toBe(429);
    expect((sixth.body as { error: { message: string } }).error.message).toContain('110');
  });

  it('says so when the text message cannot be sent, and the resident can still submit without it', async () => {
    t.sms.failing = true;
    try {
      const res = await t.anonymous().post('/api/v1/public/phone/codes', { phone: '13500135000' });
      expect(res.status).toBe(503);
      expect((res.body as { error: { code: string } }).error.code).toBe('SMS_UNAVAILABLE');
    } finally {
      t.sms.failing = false;
    }
    expect((await submit(t.fx.doorplateTokens.a[1]!, '没有手机号也能提交吗')).status).toBe(200);
  });

  it('refuses a number that is not a mainland mobile, in the caller’s language', async () => {
    const res = await t.anonymous({ locale: 'en' }).post('/api/v1/public/phone/codes', { phone: '12345' });
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain('11-digit mobile number');
  });
});

describe('my matters by verified phone', () => {
  it('lists every matter submitted with the number, from any device, and nothing else', async () => {
    const phone = '13400134000';
    const onePhone = await verify(t.anonymous(), phone);
    const a = (await submit(t.fx.doorplateTokens.a[0]!, '电动车充电桩什么时候能装好', onePhone.phoneToken)).body as {
      number: string;
    };
    const b = (await submit(t.fx.doorplateTokens.b[0]!, '母亲家门口路灯不亮', onePhone.phoneToken)).body as {
      number: string;
    };
    await submit(t.fx.doorplateTokens.a[0]!, '别人的事项，没有留电话');
    // A second device verifies the same number a while later and sees both, each openable by its tracking link.
    t.clock.advance(61_000);
    const other = await verify(t.anonymous(), phone);
    const mine = (
      await t.anonymous().request('GET', '/api/v1/public/phone/matters', undefined, {
        'x-phone-token': other.phoneToken,
      })
    ).body as { items: { number: string; trackingToken: string }[] };
    expect(mine.items.map((i) => i.number).sort()).toEqual([a.number, b.number].sort());
    const opened = await t.anonymous().get(`/api/v1/public/matters/${mine.items[0]!.trackingToken}`);
    expect(opened.status).toBe(200);
    expect(JSON.stringify(mine)).not.toContain('别人的事项');
  });

  it('opens nothing without a valid phone token, and a forged token cannot attach a phone', async () => {
    expect((await t.anonymous().get('/api/v1/public/phone/matters')).status).toBe(401);
    const forged = await t
      .anonymous()
      .request('GET', '/api/v1/public/phone/matters', undefined, { 'x-phone-token': 'x'.repeat(32) });
    expect(forged.status).toBe(401);
    const res = await submit(t.fx.doorplateTokens.a[2]!, '留个电话方便联系', 'y'.repeat(32));
    expect(res.status).toBe(401);
    expect((res.body as { error: { code: string } }).error.code).toBe('PHONE_SESSION_REQUIRED');
  });
});
