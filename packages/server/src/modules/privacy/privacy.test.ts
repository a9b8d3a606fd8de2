/**
 * 个人信息权利 through the API: a resident corrects or withdraws the phone and
 * asks for deletion from the tracking link; the desk or the chief answers
 * within the station's working days; a deletion keeps the record that the
 * matter existed and the audit trail, and removes everything else.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { matterEvents, matters, photos, privacyRequests } from '../../db/schema/index.js';
import { verifyChain } from '../../platform/audit.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf } from '../../test/matters.js';

let t: TestApp;
let desk: Client;
beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
});
afterAll(() => t.close());

const db = () => t.deps.database.db;
const plate = () => t.fx.doorplateTokens.a[1]!;
type Privacy = {
  contactPhone: string | null;
  contentDeletedAt: string | null;
  answerWorkingDays: number;
  requests: {
    id: string;
    kind: string;
    status: string;
    dueOn: string | null;
    overdue: boolean;
    answer: string | null;
  }[];
  allowedActions: string[];
};
type Queue = {
  items: { id: string; matterNumber: string; dueOn: string; overdue: boolean; allowedActions: string[] }[];
  overdue: number;
};

/** Proves a phone by one-time code as a resident does; answers the device's phone token. */
async function verifiedPhone(phone: string) {
  const resident = t.anonymous();
  expect((await resident.post('/api/v1/public/phone/codes', { phone })).status).toBe(200);
  const res = await resident.post('/api/v1/public/phone/verify', { phone, code: t.sms.lastCode(phone) });
  expect(res.status).toBe(200);
  return (res.body as { phoneToken: string }).phoneToken;
}

async function photoUpload() {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
    .jpeg()
    .toBuffer();
  const boundary = `----jm${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.anonymous().post(`/api/v1/public/doorplates/${plate()}/photos?shareLocation=1`, payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'idempotency-key': randomUUID(),
  });
  expect(res.status).toBe(200);
  return (res.body as { photos: { id: string }[] }).photos.map((p) => p.id);
}

/** A resident's submission with a verified phone, a location and (optionally) a photo. */
async function submit(body: string, phoneToken?: string, withPhoto = false) {
  const photoIds = withPhoto ? await photoUpload() : [];
  const res = await t.anonymous().post(
    `/api/v1/public/doorplates/${plate()}/matters`,
    {
      kind: 'dispute',
      body,
      noticeVersion: '2026-12',
      location: { lat: 30.25, lng: 120.16 },
      photoIds,
      ...(phoneToken ? { phoneToken } : {}),
    },
    { 'idempotency-key': randomUUID() },
  );
  expect(res.status).toBe(200);
  const receipt = res.body as { number: string; trackingToken: string };
  return {
    ...receipt,
    id: await matterIdOf(desk, receipt.number),
    url: `/api/v1/public/matters/${receipt.trackingToken}`,
  };
}

const myNumbers = async (phoneToken: string) =>
  (
    (await t.anonymous().request('GET', '/api/v1/public/phone/matters', undefined, { 'x-phone-token': phoneToken }))
      .body as { items: { number: string }[] }
  ).items.map((i) => i.number);

const privacyOf = async (url: string) => (await t.anonymous().get(`${url}/privacy`)).body as Privacy;

async function finish(id: string) {
  for (const [step, body] of [
    ['accept', { urgency: 'normal' }],
    ['reply', { text: '您好，明天上午民警上门了解楼上漏水的情况' }],
    ['note', { text: '楼上住户王某某，电话已核实' }],
    ['resolve', { outcome: '已协调楼上住户王某某修好水管' }],
    ['close', {}],
  ] as const)
    expect((await desk.post(`/api/v1/matters/${id}/${step}`, body)).status, step).toBe(200);
}

describe('correcting and withdrawing the contact phone', () => {
  it('takes a corrected number only once verified, and moves the matter to that number’s "my matters"', async () => {
    const oldToken = await verifiedPhone('13700137001');
    const m = await submit('楼上漏水到我家厨房', oldToken);
    expect(await myNumbers(oldToken)).toContain(m.number);
    // A number the resident has not proved is not taken: it would put the matter in a stranger's list.
    const unproved = await t.anonymous().put(`${m.url}/contact-phone`, { phoneToken: 'x'.repeat(32) });
    expect(unproved.status).toBe(401);
    expect((unproved.body as { error: { code: string } }).error.code).toBe('PHONE_SESSION_REQUIRED');

    const newToken = await verifiedPhone('13700137002');
    const res = await t.anonymous().put(`${m.url}/contact-phone`, { phoneToken: newToken });
    expect(res.status).toBe(200);
    expect((res.body as Privacy).contactPhone).toBe('137****7002');
    expect((res.body as Privacy).requests[0]).toMatchObject({ kind: 'correct_phone', status: 'done' });
    expect(await myNumbers(newToken)).toContain(m.number);
    expect(await myNumbers(oldToken)).not.toContain(m.number);
    expect((await desk.get(`/api/v1/matters/${m.id}/contact-phone`)).body).toEqual({ phone: '13700137002' });
    const timeline = ((await t.anonymous().get(m.url)).body as { timeline: { type: string }[] }).timeline;
    expect(timeline.map((e) => e.type)).toContain('matter.phone_corrected');
  });

  it('withdraws the number at once: the matter leaves "my matters" and staff can no longer reveal it', async () => {
    const token = await verifiedPhone('13700137003');
    const m = await submit('小区门口有人占道摆摊', token);
    const res = await t.anonymous().delete(`${m.url}/contact-phone`);
    expect(res.status).toBe(200);
    expect((res.body as Privacy).contactPhone).toBeNull();
    expect((res.body as Privacy).allowedActions).not.toContain('withdraw_phone');
    expect(await myNumbers(token)).not.toContain(m.number);
    const reveal = await desk.get(`/api/v1/matters/${m.id}/contact-phone`);
    expect(reveal.status).toBe(404);
    const [row] = await db().select().from(matters).where(eq(matters.id, m.id));
    expect([row?.contactPhoneEnc, row?.contactPhoneMasked, row?.contactPhoneIndex]).toEqual([null, null, null]);
    // Nothing left to withdraw.
    expect((await t.anonymous().delete(`${m.url}/contact-phone`)).status).toBe(404);
    const staffTimeline = ((await desk.get(`/api/v1/matters/${m.id}`)).body as { timeline: { type: string }[] })
      .timeline;
    expect(staffTimeline.map((e) => e.type)).toContain('matter.phone_withdrawn');
  });
});

describe('asking for deletion', () => {
  it('is due N working days later on the bureau’s calendar, one open request at a time, overdue first', async () => {
    const chief = await t.as('a.chief');
    const settings = (await chief.get(`/api/v1/stations/${t.fx.units.stationA}/matter-settings`)).body as {
      privacy: { answerWorkingDays: number };
    };
    settings.privacy.answerWorkingDays = 3;
    expect((await chief.put(`/api/v1/stations/${t.fx.units.stationA}/matter-settings`, settings)).status).toBe(200);
    // Monday 30 November is made a day off; the request comes on Friday 27 November.
    const admin = await t.as('sysadmin');
    const year = (await admin.get('/api/v1/calendar/2026')).body as { days: Record<string, unknown>[] };
    const days = year.days.map(({ date, kind, name, note }) => ({ date, kind, name, note }));
    days.push({ date: '2026-11-30', kind: 'holiday', name: '测试调休', note: '' });
    expect((await admin.put('/api/v1/calendar/2026', { days })).status).toBe(200);
    t.clock.advance(4 * 86_400_000);
    desk = await t.as('a.duty'); // sessions end with the days that passed

    const first = await submit('对门装修每天早上七点就开始电钻');
    const res = await t.anonymous().post(`${first.url}/deletion-requests`, {});
    expect(res.status).toBe(200);
    const request = (res.body as Privacy).requests[0];
    // Sat, Sun and the Monday off do not count: Tue 1, Wed 2, Thu 3 December.
    expect(request).toMatchObject({ kind: 'delete', status: 'open', dueOn: '2026-12-03', overdue: false });
    expect((res.body as Privacy).allowedActions).not.toContain('delete');
    const again = await t.anonymous().post(`${first.url}/deletion-requests`, {});
    expect(again.status).toBe(409);
    expect((again.body as { error: { code: string } }).error.code).toBe('PRIVACY_REQUEST_OPEN');

    // A week on, a second matter's request is due later; the first is overdue and leads the queue.
    t.clock.advance(7 * 86_400_000);
    desk = await t.as('a.duty');
    const second = await submit('楼道里堆放杂物挡住消防通道');
    expect((await t.anonymous().post(`${second.url}/deletion-requests`, {})).status).toBe(200);
    const queue = (await desk.get('/api/v1/privacy/requests')).body as Queue;
    const mine = queue.items.filter((i) => [first.number, second.number].includes(i.matterNumber));
    expect(mine.map((i) => [i.matterNumber, i.overdue])).toEqual([
      [first.number, true],
      [second.number, false],
    ]);
    expect(queue.overdue).toBeGreaterThanOrEqual(1);
    // An open matter can only be refused until it is finished.
    expect(mine[0]?.allowedActions).toEqual(['refuse']);
  });

  it('refused with a reason: the resident reads it, and may ask again later', async () => {
    const m = await submit('邻居家狗半夜一直叫');
    await t.anonymous().post(`${m.url}/deletion-requests`, {});
    const queue = (await desk.get('/api/v1/privacy/requests')).body as Queue;
    const item = queue.items.find((i) => i.matterNumber === m.number)!;
    const reason = '事项仍在办理中，办结后可再次申请删除';
    const res = await desk.post(`/api/v1/privacy/requests/${item.id}/refuse`, { reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'refused', answer: reason, answeredBy: 'a.duty', allowedActions: [] });
    const mine = await privacyOf(m.url);
    expect(mine.requests[0]).toMatchObject({ status: 'refused', answer: reason });
    expect(mine.allowedActions).toContain('delete');
    const timeline = ((await t.anonymous().get(m.url)).body as { timeline: { type: string; note: string | null }[] })
      .timeline;
    expect(timeline.find((e) => e.type === 'matter.deletion_refused')?.note).toBe(reason);
    // Answered once: a second answer is a conflict.
    expect((await desk.post(`/api/v1/privacy/requests/${item.id}/refuse`, { reason })).status).toBe(409);
  });
});

describe('a deletion carried out', () => {
  it('removes the content everywhere and keeps the record, the timeline’s steps and the audit trail', async () => {
    const token = await verifiedPhone('13700137004');
    const words = '楼上漏水到我家卧室，墙皮都泡掉了';
    const m = await submit(words, token, true);
    const message = await t
      .anonymous()
      .post(
        `${m.url}/messages`,
        { text: '我家电话白天没人接，请晚上打', photoIds: [] },
        { 'idempotency-key': randomUUID() },
      );
    expect(message.status).toBe(200);
    const photoId = ((await t.anonymous().get(m.url)).body as { photoIds: string[] }).photoIds[0]!;
    expect((await t.anonymous().get(`${m.url}/photos/${photoId}`)).status).toBe(200);
    await t.anonymous().post(`${m.url}/deletion-requests`, {});
    const item = ((await desk.get('/api/v1/privacy/requests')).body as Queue).items.find(
      (i) => i.matterNumber === m.number,
    )!;
    // Not while the matter is handled.
    const early = await desk.post(`/api/v1/privacy/requests/${item.id}/approve`, {});
    expect((early.body as { error: { code: string } }).error.code).toBe('PRIVACY_MATTER_OPEN');
    await finish(m.id);

    const res = await desk.post(`/api/v1/privacy/requests/${item.id}/approve`, { answer: '已按您的要求删除' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', matterStatus: 'closed', allowedActions: [] });

    // Staff see the record and the steps, not the words, photos, place or phone.
    const staff = (await desk.get(`/api/v1/matters/${m.id}`)).body as {
      number: string;
      status: string;
      body: string;
      photoIds: string[];
      location: unknown;
      contactPhone: unknown;
      timeline: { type: string; note: string | null; photoIds: string[] }[];
    };
    expect(staff).toMatchObject({
      number: m.number,
      status: 'closed',
      photoIds: [],
      location: null,
      contactPhone: null,
    });
    expect(staff.body).toBe('（内容已应群众要求删除）');
    expect(staff.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining(['matter.submitted', 'matter.message', 'matter.reply', 'matter.resolve']),
    );
    expect(staff.timeline.filter((e) => e.note !== null).map((e) => e.type)).toEqual(['matter.deletion_done']);
    expect(staff.timeline.flatMap((e) => e.photoIds)).toEqual([]);

    // The resident sees the same, and the answer.
    const view = (await t.anonymous().get(m.url)).body as { body: string; timeline: { type: string; note: string }[] };
    expect(view.body).toBe('（内容已应群众要求删除）');
    expect(view.timeline.find((e) => e.type === 'matter.deletion_done')?.note).toBe('已按您的要求删除');
    expect((await t.anonymous().get(`${m.url}/photos/${photoId}`)).status).toBe(404);
    expect(await myNumbers(token)).not.toContain(m.number);
    const mine = await privacyOf(m.url);
    expect(mine.contentDeletedAt).not.toBeNull();
    expect(mine.allowedActions).toEqual([]);
    expect((await t.anonymous().put(`${m.url}/contact-phone`, { phoneToken: token })).status).toBe(409);

    // The database keeps no trace of the content.
    const [row] = await db().select().from(matters).where(eq(matters.id, m.id));
    expect(row).toMatchObject({ body: '', location: null, outcome: null, ratingComment: null, contactPhoneEnc: null });
    const notes = await db()
      .select({ note: matterEvents.note })
      .from(matterEvents)
      .where(eq(matterEvents.matterId, m.id));
    expect(notes.filter((n) => n.note !== null)).toEqual([{ note: '已按您的要求删除' }]);
    expect(await db().select().from(photos).where(eq(photos.ownerId, m.id))).toEqual([]);
    const keys = await db().execute(
      sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = (SELECT intake_key FROM matters WHERE id = ${m.id})`,
    );
    expect(rowsOf<{ n: number }>(keys)[0]?.n).toBe(0);
    const dump = JSON.stringify(await db().select().from(matterEvents).where(eq(matterEvents.matterId, m.id)));
    for (const text of [words, '白天没人接', '王某某']) expect(dump).not.toContain(text);

    // The audit trail still names every step, carries none of the words, and its chain verifies.
    await t.app.sealer.flush();
    const audit = rowsOf<{ action: string; details: unknown }>(
      await db().execute(sql`SELECT action, details FROM audit_log WHERE target_id = ${m.id} ORDER BY id`),
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['matter.submitted', 'matter.deletion_requested', 'matter.deletion_done']),
    );
    const done = audit.find((a) => a.action === 'matter.deletion_done')?.details as Record<string, unknown>;
    expect(done).toMatchObject({ requestId: item.id, photosDeleted: 1 });
    expect(done.fields).toEqual(expect.arrayContaining(['body', 'photos', 'contactPhone']));
    for (const text of [words, '13700137004', '137****7004', '王某某'])
      expect(JSON.stringify(audit)).not.toContain(text);
    expect(await verifyChain(db(), t.deps.keys.audit)).toMatchObject({ ok: true });
  });
});

describe('who may see and answer', () => {
  it('keeps the queue to the desk and the chief of the matter’s station; a wrong link opens nothing', async () => {
    const m = await submit('路灯坏了一个星期');
    await t.anonymous().post(`${m.url}/deletion-requests`, {});
    const [request] = await db().select().from(privacyRequests).where(eq(privacyRequests.matterId, m.id));
    const id = request!.id;
    // Another station's chief neither sees it nor answers it.
    const other = await t.as('b.chief');
    const theirs = (await other.get('/api/v1/privacy/requests?status=all')).body as Queue;
    expect(theirs.items.map((i) => i.id)).not.toContain(id);
    expect((await other.post(`/api/v1/privacy/requests/${id}/refuse`, { reason: '不是本所事项' })).status).toBe(403);
    // Handlers without the desk do not answer; nobody answers without signing in; an unknown request is a 404.
    const officer = await t.as('a.officer');
    expect((await officer.get('/api/v1/privacy/requests')).status).toBe(403);
    expect((await officer.post(`/api/v1/privacy/requests/${id}/refuse`, { reason: '试试看' })).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/privacy/requests')).status).toBe(401);
    expect((await desk.post(`/api/v1/privacy/requests/${randomUUID()}/refuse`, { reason: '没有这个' })).status).toBe(
      404,
    );
    // The chief of the station may answer.
    const chief = await t.as('a.chief');
    expect((await chief.post(`/api/v1/privacy/requests/${id}/refuse`, { reason: '依法需保存至办结' })).status).toBe(
      200,
    );
    // A link that is not a matter's opens nothing, and changes nothing.
    const wrong = `/api/v1/public/matters/${'A'.repeat(32)}`;
    const anon = t.anonymous();
    const answers = [
      await anon.get(`${wrong}/privacy`),
      await anon.put(`${wrong}/contact-phone`, { phoneToken: 'x'.repeat(32) }),
      await anon.delete(`${wrong}/contact-phone`),
      await anon.post(`${wrong}/deletion-requests`, {}),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
  });
});

describe('the API documents', () => {
  it('each privacy route in Chinese', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body as {
      paths: Record<string, Record<string, { summary?: string; description?: string; tags?: string[] }>>;
    };
    const ops = Object.values(doc.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((op) => op.tags?.[0]?.startsWith('个人信息'));
    expect(ops).toHaveLength(7);
    for (const op of ops) {
      expect(op.summary).toMatch(/[\u4e00-\u9fa5]/);
      expect(op.description).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
