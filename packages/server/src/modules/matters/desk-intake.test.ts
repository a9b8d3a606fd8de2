/**
 * 值班台登记: a call to the 24-hour line, a resident at the counter, a matter handed down by 110 or a
 * 12345 work order is recorded by the desk and then runs the same loop — timed, handled, followed and
 * rated by the resident through "my matters" — with a receipt SMS that carries no link.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, matters } from '../../db/schema/index.js';
import { smsText } from '../../platform/sms/sms.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let desk: Client;
beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
});
afterAll(() => t.close());

type Receipt = { id: string; number: string; channel: string; status: string; receiptSms: string | null };
type View = {
  id: string;
  number: string;
  channel: string;
  externalNo: string | null;
  address: string;
  householdId: string | null;
  status: string;
  contactPhone: string | null;
  receiptSms: string | null;
  firstResponseDueAt: string | null;
  resolveDueAt: string | null;
  figures: { firstResponseSeconds: number | null };
  timeline: { type: string; actor: string | null; note: string | null; visibility: string }[];
};
type ErrorBody = { error: { code: string; message: string } };

let seq = 0;
/** A fresh 110 警情编号 or 12345 工单编号 per test, as the other system would print it. */
const externalNo = (prefix: string) => `${prefix}${String(++seq).padStart(4, '0')}`;

function record(client: Client, body: Record<string, unknown>, key: string = randomUUID()) {
  return client.post(
    '/api/v1/matters/desk',
    { kind: 'dispute', body: '邻居装修噪音到晚上十一点，来电要求派人协调', householdId: t.fx.households.a[0], ...body },
    { 'idempotency-key': key },
  );
}

async function recorded(body: Record<string, unknown>): Promise<Receipt> {
  const res = await record(desk, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Receipt;
}

const detail = async (id: string) => (await desk.get(`/api/v1/matters/${id}`)).body as View;
const list = async (query: string) => (await desk.get(`/api/v1/matters?${query}`)).body as { items: View[] };

describe('the desk records a matter on a resident’s behalf', () => {
  it('records one from each channel: accepted at once, timed, listed with its channel, the desk named first', async () => {
    const channels = [
      { channel: 'phone', answered: true, note: '渠道：电话' },
      { channel: 'counter', answered: true, note: '渠道：窗口/来所' },
      { channel: 'police_110', externalNo: externalNo('2026112300'), answered: false, note: '渠道：110' },
      { channel: 'hotline_12345', externalNo: externalNo('GD2026112300'), answered: false, note: '渠道：12345' },
    ];
    for (const c of channels) {
      const receipt = await recorded({ channel: c.channel, externalNo: c.externalNo, urgency: 'normal' });
      expect(receipt).toMatchObject({ channel: c.channel, status: 'accepted', receiptSms: null });
      expect(receipt.number).toMatch(/^JM\d{8}-\d{6}$/);
      const listed = await list(`channel=${c.channel}&open=1`);
      expect(listed.items.map((m) => m.number)).toContain(receipt.number);
      expect(listed.items.every((m) => m.channel === c.channel)).toBe(true);
      const m = await detail(receipt.id);
      expect(m).toMatchObject({ channel: c.channel, externalNo: c.externalNo ?? null, address: 'A村1组1号' });
      expect(m.firstResponseDueAt).not.toBeNull();
      expect(Date.parse(m.resolveDueAt ?? '')).toBe(t.clock.now().getTime() + 24 * 3_600_000);
      // On the phone or at the counter the resident spoke to the station; 110 and 12345 callers wait for it.
      expect(m.figures.firstResponseSeconds).toBe(c.answered ? 0 : null);
      expect(m.timeline[0]).toMatchObject({ type: 'matter.recorded', actor: 'a.duty', note: c.note });
    }
    const summary = (await desk.get('/api/v1/matters/summary')).body as {
      byChannel: { channel: string; today: number; open: number; total: number }[];
    };
    expect(summary.byChannel.map((c) => c.channel)).toEqual([
      'doorplate',
      'phone',
      'counter',
      'police_110',
      'hotline_12345',
      'visit',
      'grid',
      'patrol',
      'room',
    ]);
    // The desk's four channels each have today's recording; 走访发现, 网格上报, 巡逻发现 and 议事厅 are others' and
    // stay at zero.
    for (const c of summary.byChannel.filter(
      (x) => !['doorplate', 'visit', 'grid', 'patrol', 'room'].includes(x.channel),
    ))
      expect(c.today).toBeGreaterThanOrEqual(1);
    expect(summary.byChannel.filter((x) => x.channel === 'visit' || x.channel === 'grid').map((x) => x.total)).toEqual([
      0, 0,
    ]);
  });

  it('records where no household is known in a village or grid, and every list and the board show it', async () => {
    const receipt = await recorded({
      channel: 'phone',
      householdId: undefined,
      unitId: t.fx.units.villageA,
      placeNote: '村口小卖部旁',
      kind: 'help',
      urgency: 'urgent',
      body: '村口有位老人摔倒了，路人打电话求助',
    });
    const m = await detail(receipt.id);
    expect(m).toMatchObject({ householdId: null, address: 'A村 村口小卖部旁' });
    expect((await list(`q=${receipt.number}`)).items[0]?.address).toBe('A村 村口小卖部旁');
    const board = (await desk.get('/api/v1/matters/board')).body as {
      columns: { tasks: { number: string; address: string }[] }[];
    };
    const task = board.columns.flatMap((c) => c.tasks).find((x) => x.number === receipt.number);
    expect(task?.address).toBe('A村 村口小卖部旁');
  });

  it('sends the caller a receipt SMS with the number and the station’s name, and no link', async () => {
    const receipt = await recorded({ channel: 'phone', callerPhone: '13600136000', smsConsent: true });
    expect(receipt.receiptSms).toBe('sent');
    const sms = t.sms.sent.findLast((s) => s.phone === '13600136000');
    expect(sms).toEqual({
      kind: 'matter_receipt',
      phone: '13600136000',
      stationName: 'A派出所',
      number: receipt.number,
    });
    const text = smsText(sms!);
    expect(text).toContain(receipt.number);
    expect(text).toContain('A派出所');
    expect(text).not.toMatch(/http|www\.|\/m\//i);
    const m = await detail(receipt.id);
    expect(m).toMatchObject({ contactPhone: '136****6000', receiptSms: 'sent' });
    expect(m.timeline.map((e) => e.type)).toEqual(['matter.recorded', 'matter.receipt_sent']);
  });

  it('sends nothing when the caller did not agree, yet keeps the phone for "my matters"', async () => {
    const before = t.sms.sent.length;
    const receipt = await recorded({ channel: 'counter', callerPhone: '13600136001' });
    expect(receipt.receiptSms).toBe(null);
    expect(t.sms.sent.length).toBe(before);
    const [row] = await t.deps.database.db.select().from(matters).where(eq(matters.id, receipt.id));
    expect(row).toMatchObject({ contactPhoneMasked: '136****6001', smsConsentAt: null, receiptSms: null });
    // Sealed like a resident's own: no plaintext number in the row.
    expect(JSON.stringify(row)).not.toContain('13600136001');
  });

  it('keeps the matter when the SMS fails, and tells the desk, the staff timeline and the audit trail', async () => {
    t.sms.failing = true;
    try {
      const receipt = await recorded({ channel: 'phone', callerPhone: '13600136002', smsConsent: true });
      expect(receipt.receiptSms).toBe('failed');
      expect((await list(`q=${receipt.number}`)).items).toHaveLength(1);
      const m = await detail(receipt.id);
      expect(m.receiptSms).toBe('failed');
      expect(m.timeline.at(-1)).toMatchObject({ type: 'matter.receipt_failed', visibility: 'internal' });
      const audited = await t.deps.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'matter.receipt_failed'));
      expect(audited.map((a) => a.targetId)).toContain(receipt.id);
    } finally {
      t.sms.failing = false;
    }
  });

  it('still records the eleventh matter of a caller in a day, and only skips its receipt SMS', async () => {
    const phone = '13600136009';
    for (let i = 0; i < 10; i++) {
      expect((await recorded({ channel: 'phone', callerPhone: phone, smsConsent: true })).receiptSms).toBe('sent');
    }
    const sent = t.sms.sent.filter((s) => s.phone === phone).length;
    const eleventh = await recorded({ channel: 'phone', callerPhone: phone, smsConsent: true });
    expect(eleventh.receiptSms).toBe('failed');
    expect(t.sms.sent.filter((s) => s.phone === phone)).toHaveLength(sent);
    expect((await detail(eleventh.id)).timeline.at(-1)).toMatchObject({ type: 'matter.receipt_failed' });
  });

  it('records once on a double click with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { channel: 'phone', body: '来电反映楼道灯坏了，晚上很黑', kind: 'suggestion' };
    const [a, b] = await Promise.all([record(desk, body, key), record(desk, body, key)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((a.body as Receipt).number).toBe((b.body as Receipt).number);
    const again = await record(desk, body, key);
    expect((again.body as Receipt).number).toBe((a.body as Receipt).number);
    expect((await list('q=楼道灯坏了')).items).toHaveLength(1);
    // The same key with other content is a mistake, not a retry.
    expect((await record(desk, { ...body, body: '另一件事情' }, key)).status).toBe(422);
    // A double click on a 110 handover is a retry too, not a second matter with the same number.
    const handover = { channel: 'police_110', externalNo: externalNo('2026112377') };
    const twice = randomUUID();
    const [c, d] = await Promise.all([record(desk, handover, twice), record(desk, handover, twice)]);
    expect([c.status, d.status]).toEqual([200, 200]);
    expect((c.body as Receipt).number).toBe((d.body as Receipt).number);
  });
});

describe('110 and 12345 numbers', () => {
  it('refuses a second matter with the same number, naming the first one’s 回执号 to whoever may see it', async () => {
    const no = externalNo('2026112317');
    const first = await recorded({ channel: 'police_110', externalNo: no });
    const again = await record(desk, { channel: 'police_110', externalNo: no.toLowerCase() });
    expect(again.status).toBe(409);
    expect((again.body as ErrorBody).error).toEqual({
      code: 'EXTERNAL_NO_TAKEN',
      message: `警情编号 ${no} 已经登记过，回执号 ${first.number}，请勿重复登记`,
    });
    // Another station's desk learns only that it exists.
    const other = await t.as('b.chief');
    const theirs = await record(other, { channel: 'police_110', externalNo: no, householdId: t.fx.households.b[0] });
    expect(theirs.status).toBe(409);
    expect((theirs.body as ErrorBody).error.message).not.toContain(first.number);
    expect((theirs.body as ErrorBody).error.message).toContain('由其他辖区登记');
    // The same digits on the other channel are another system's number.
    expect((await record(desk, { channel: 'hotline_12345', externalNo: no })).status).toBe(200);
  });

  it('lets only one of two desks recording the same number at once through', async () => {
    const chief = await t.as('a.chief');
    for (const channel of ['police_110', 'hotline_12345']) {
      const no = externalNo('2026112399');
      const results = await Promise.all([
        record(desk, { channel, externalNo: no }),
        record(chief, { channel, externalNo: no }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const rows = await t.deps.database.db.select().from(matters).where(eq(matters.externalNo, no));
      expect(rows).toHaveLength(1);
    }
  });

  it('finds a matter by its 110 or 12345 number through the list’s search box', async () => {
    const no = externalNo('GD20261123');
    const receipt = await recorded({ channel: 'hotline_12345', externalNo: no, kind: 'suggestion' });
    const found = await list(`q=${no.slice(-8)}`);
    expect(found.items.map((m) => m.number)).toEqual([receipt.number]);
    expect(found.items[0]).toMatchObject({ channel: 'hotline_12345', externalNo: no });
  });

  it('refuses a 110 matter without its number, and other bad input, in Chinese', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const res = await record(desk, body);
      expect(res.status).toBe(400);
      return (res.body as ErrorBody).error.message;
    };
    expect(await bad({ channel: 'police_110' })).toBe('输入有误：externalNo 必填：110 转来的事项须填写警情编号');
    expect(await bad({ channel: 'hotline_12345' })).toContain('须填写工单编号');
    expect(await bad({ channel: 'phone', externalNo: '20261123001' })).toContain('只有 110、12345');
    expect(await bad({ channel: 'phone', householdId: undefined })).toContain('二选一');
    expect(await bad({ channel: 'phone', unitId: t.fx.units.gridA1 })).toContain('二选一');
    expect(await bad({ channel: 'phone', smsConsent: true })).toContain('同意接收回执短信须留手机号');
    expect(await bad({ channel: 'phone', householdId: undefined, unitId: t.fx.units.stationA })).toContain(
      '村（社区）或网格',
    );
    expect(await bad({ channel: 'doorplate' })).toContain('channel');
    expect(await bad({ channel: 'phone', callerPhone: '0999-1234567' })).toContain('callerPhone');
  });
});

describe('the caller afterwards', () => {
  it('verifies the phone by one-time code, finds it in "my matters", follows it and rates it when resolved', async () => {
    const phone = '13500135000';
    const receipt = await recorded({
      channel: 'police_110',
      externalNo: externalNo('2026112308'),
      householdId: undefined,
      unitId: t.fx.units.gridA1,
      placeNote: '村委会门口',
      callerPhone: phone,
      smsConsent: true,
    });
    const resident = t.anonymous();
    expect((await resident.post('/api/v1/public/phone/codes', { phone })).status).toBe(200);
    const code = t.sms.lastCode(phone)!;
    const session = (await resident.post('/api/v1/public/phone/verify', { phone, code })).body as {
      phoneToken: string;
    };
    const mine = await resident.request('GET', '/api/v1/public/phone/matters', undefined, {
      'x-phone-token': session.phoneToken,
    });
    expect(mine.status).toBe(200);
    const item = (mine.body as { items: { number: string; address: string; trackingToken: string }[] }).items.find(
      (i) => i.number === receipt.number,
    );
    expect(item?.address).toBe('A村第1网格 村委会门口');
    const page = async () =>
      (await resident.get(`/api/v1/public/matters/${item!.trackingToken}`)).body as {
        number: string;
        status: string;
        stationName: string;
        canRate: boolean;
        timeline: { type: string; actor: string | null; note: string | null }[];
      };
    const seen = await page();
    expect(seen).toMatchObject({ number: receipt.number, status: 'accepted', stationName: 'A派出所' });
    expect(seen.timeline[0]).toMatchObject({ type: 'matter.recorded', actor: '派出所', note: '渠道：110' });
    // Staff-only entries (the receipt SMS) and the 110 number stay with the station.
    expect(seen.timeline.map((e) => e.type)).not.toContain('matter.receipt_sent');
    expect(JSON.stringify(seen)).not.toContain('2026112308');

    const officer = await t.as('a.officer');
    const step = async (c: Client, action: string, body: Record<string, unknown> = {}) =>
      expect((await c.post(`/api/v1/matters/${receipt.id}/${action}`, body)).status).toBe(200);
    await step(desk, 'dispatch', { assigneeStaffId: t.fx.staffIds['a.officer'] });
    await step(officer, 'take');
    await step(officer, 'resolve', { outcome: '民警到场协调，双方约定晚上八点后停工。' });
    expect((await page()).canRate).toBe(true);
    const rated = await resident.post(`/api/v1/public/matters/${item!.trackingToken}/rating`, {
      rating: 'satisfied',
      comment: '处理很及时',
    });
    expect(rated.status).toBe(200);
    expect((rated.body as { status: string }).status).toBe('rated');
  });
});

describe('who may record', () => {
  it('refuses an officer without desk duty, anonymous callers, and a desk recording outside its own station', async () => {
    expect((await record(await t.as('a.officer'), { channel: 'phone' })).status).toBe(403);
    expect((await record(t.anonymous(), { channel: 'phone' })).status).toBe(401);
    const other = await t.as('b.chief');
    expect((await record(other, { channel: 'phone' })).status).toBe(403);
    expect((await record(other, { channel: 'phone', householdId: undefined, unitId: t.fx.units.gridA1 })).status).toBe(
      403,
    );
    // Within its own station the same desk may.
    expect((await record(other, { channel: 'phone', householdId: t.fx.households.b[0] })).status).toBe(200);
    const rows = await t.deps.database.db.select().from(matters).where(eq(matters.stationId, t.fx.units.stationA));
    expect(rows.every((m) => m.recordedByStaffId !== t.fx.staffIds['b.chief'])).toBe(true);
  });
});
