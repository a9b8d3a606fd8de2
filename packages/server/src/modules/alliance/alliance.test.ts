/**
 * 平安联盟 through the API: a volunteer applies with a verified phone, waits for the station, signs in by
 * one-time code only, reports what it sees in its grid with a photo (a 网格上报 matter the desk lists), reads no
 * resident's data and nothing outside its duty, is counted for the month, and is suspended with its session
 * ended at once.
 */
import { randomUUID } from 'node:crypto';
import type { DeskReceipt, SessionView, VolunteerContributions, VolunteerView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matters } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
}, 60_000);
afterAll(() => t.close());

const PHONE = '13912345678';
const error = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

async function code(client: Client, url: string) {
  t.clock.advance(61_000);
  const res = await client.post(url, { phone: PHONE });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return t.sms.lastCode(PHONE);
}

async function signInVolunteer() {
  const v = t.anonymous();
  const sent = t.sms.sent.length;
  const c = await code(v, '/api/v1/auth/volunteer/code');
  expect(t.sms.sent.length).toBe(sent + 1);
  const res = await v.post('/api/v1/auth/volunteer/login', { phone: PHONE, code: c });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { client: v, session: res.body as SessionView };
}

async function multipart(data: Buffer) {
  const boundary = `----jm${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('a volunteer of the safety alliance', () => {
  let volunteerId = '';

  it('applies with a verified phone and cannot sign in until the station approves', async () => {
    const anon = t.anonymous();
    const places = await anon.get(`/api/v1/public/stations/${t.fx.units.stationA}/places`);
    expect((places.body as { places: { name: string }[] }).places.map((p) => p.name)).toContain('A村 · A村第1网格');
    const c = await code(anon, '/api/v1/public/phone/codes');
    const applied = await anon.post('/api/v1/public/volunteers', {
      phone: PHONE,
      code: c,
      name: '王建国',
      kind: '退伍老兵',
      unitId: t.fx.units.gridA1,
      duties: ['民情收集员', '安全巡查员'],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    // The same phone applying again is told so.
    const again = await anon.post('/api/v1/public/volunteers', {
      phone: PHONE,
      code: await code(anon, '/api/v1/public/phone/codes'),
      name: '王建国',
      kind: '退伍老兵',
      unitId: t.fx.units.gridA1,
    });
    expect(again.status).toBe(409);
    expect(error(again).message).toContain('已经申请过');
    // Not approved yet: the same answer as a stranger, and no text is sent.
    const sent = t.sms.sent.length;
    t.clock.advance(61_000);
    expect((await anon.post('/api/v1/auth/volunteer/code', { phone: PHONE })).status).toBe(200);
    expect(t.sms.sent.length).toBe(sent);
    const list = await chief.get(`/api/v1/stations/${t.fx.units.stationA}/volunteers?state=pending`);
    const pending = list.body as VolunteerView[];
    expect(pending).toEqual([
      expect.objectContaining({
        name: '王建国',
        kind: '退伍老兵',
        unitName: 'A村第1网格',
        state: 'pending',
        phoneMasked: PHONE,
      }),
    ]);
    volunteerId = pending[0]!.id;
    // Another station's chief does not see it; an officer may not approve.
    expect((await (await t.as('b.chief')).post(`/api/v1/volunteers/${volunteerId}/approve`)).status).toBe(404);
    expect((await (await t.as('a.officer')).post(`/api/v1/volunteers/${volunteerId}/approve`)).status).toBe(403);
    const approved = await chief.post(`/api/v1/volunteers/${volunteerId}/approve`);
    expect((approved.body as VolunteerView).state).toBe('active');
    expect((await chief.post(`/api/v1/volunteers/${volunteerId}/approve`)).status).toBe(409);
  });

  it('signs in by code, reports what it sees with a photo, and reads nothing else', async () => {
    const { client: v, session } = await signInVolunteer();
    expect(session).toMatchObject({ stage: 'full', user: { roles: ['volunteer'], displayName: '王建国' } });
    expect(session.capabilities).toEqual(['field.report', 'field.join', 'field.task']);
    // No password signs it in.
    const byPassword = await t
      .anonymous()
      .post('/api/v1/auth/login', { username: session.user.username, password: 'x' });
    expect(byPassword.status).toBe(401);
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const { payload, headers } = await multipart(photo);
    const up = await v.post('/api/v1/alliance/photos', payload, { ...headers, 'idempotency-key': randomUUID() });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const photoId = (up.body as { photos: { id: string }[] }).photos[0]!.id;
    const key = randomUUID();
    const body = {
      kind: 'report',
      body: '村口石桥护栏断了一截，晚上有人骑车经过很危险',
      place: '村口石桥',
      photoIds: [photoId],
    };
    const res = await v.post('/api/v1/alliance/reports', body, { 'idempotency-key': key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const receipt = res.body as DeskReceipt;
    expect(receipt.channel).toBe('grid');
    const again = await v.post('/api/v1/alliance/reports', body, { 'idempotency-key': key });
    expect((again.body as DeskReceipt).id).toBe(receipt.id);
    const [m] = await t.deps.database.db.select().from(matters).where(eq(matters.id, receipt.id));
    expect(m).toMatchObject({
      channel: 'grid',
      householdId: null,
      recordedByStaffId: volunteerId,
      placeNote: '村口石桥',
    });
    expect(m?.unitPath).toContain(t.fx.units.gridA1);
    // The desk sees it, with the photo and who reported it.
    const desk = await t.as('a.duty');
    const view = await desk.get(`/api/v1/matters/${receipt.id}`);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).toContain('王建国');
    expect(JSON.stringify(view.body)).toContain(photoId);
    // Only its duty: no matters, households, visits or patrols.
    for (const url of [
      '/api/v1/matters',
      `/api/v1/matters/${receipt.id}`,
      `/api/v1/households?unitId=${t.fx.units.gridA1}`,
      `/api/v1/stations/${t.fx.units.stationA}/visits`,
      `/api/v1/stations/${t.fx.units.stationA}/volunteers`,
    ])
      expect((await v.get(url)).status, url).toBe(403);
    // It joins visits in its own grid on the grid line only, never elsewhere.
    const joined = await v.post('/api/v1/visits', { householdId: t.fx.households.a[0], line: 'grid' });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect((await v.post('/api/v1/visits', { householdId: t.fx.households.a[1], line: 'police' })).status).toBe(400);
    expect((await v.post('/api/v1/visits', { householdId: t.fx.households.b[0], line: 'grid' })).status).toBe(404);
    // Counted for the month, for the station's thanks.
    const month = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const thanks = await chief.get(`/api/v1/stations/${t.fx.units.stationA}/volunteer-contributions?month=${month}`);
    expect((thanks.body as VolunteerContributions).items).toEqual([
      expect.objectContaining({ name: '王建国', reports: 1, checkins: 0, visits: 1, tasks: 0 }),
    ]);
  });

  it('is suspended: its session ends at once and no code is sent until it is reinstated', async () => {
    const { client: v } = await signInVolunteer();
    expect((await v.get('/api/v1/auth/session')).status).toBe(200);
    const bad = await chief.post(`/api/v1/volunteers/${volunteerId}/suspend`, {});
    expect(bad.status).toBe(400);
    const suspended = await chief.post(`/api/v1/volunteers/${volunteerId}/suspend`, { reason: '多次上报与事实不符' });
    expect((suspended.body as VolunteerView).state).toBe('suspended');
    expect((await v.get('/api/v1/auth/session')).status).toBe(401);
    const sent = t.sms.sent.length;
    t.clock.advance(61_000);
    await t.anonymous().post('/api/v1/auth/volunteer/code', { phone: PHONE });
    expect(t.sms.sent.length).toBe(sent);
    await chief.post(`/api/v1/volunteers/${volunteerId}/reinstate`);
    await signInVolunteer();
  });
});
