/**
 * 编辑预警 through the API: who may compose and read, what a draft may name (the station's categories, units in
 * the station and the author's scope, the station's open rooms, the author's own uploads), drafts edited at their
 * version and deleted, the station's rules, and the reach preview on crafted households and subscriptions.
 */
import { randomUUID } from 'node:crypto';
import type { WarningPage, WarningReachPreview, WarningSettings, WarningView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, households, mediaFiles, photos, units, warningSubscriptions } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeRoom } from '../rooms/rooms.testkit.js';
import { composeWarning, noticeInput } from './warnings.testkit.js';

let t: TestApp;
let officer: Client;
let chief: Client;
const codeOf = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;

beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
  chief = await t.as('a.chief');
}, 120_000);
afterAll(() => t.close());

describe('who composes and reads', () => {
  it('refuses the anonymous, a grid worker (read only) and the bureau (read only) a draft', async () => {
    expect((await t.anonymous().post('/api/v1/warnings', noticeInput(t))).status).toBe(401);
    const grid = await t.as('a.grid');
    expect(codeOf(await grid.post('/api/v1/warnings', noticeInput(t)))).toBe('FORBIDDEN');
    expect((await grid.get('/api/v1/warnings')).status).toBe(200);
    await addStaff(t, 'bureau.sup', ['bureau_supervisor'], t.fx.units.bureau);
    const bureau = await t.as('bureau.sup');
    expect(codeOf(await bureau.post('/api/v1/warnings', noticeInput(t)))).toBe('FORBIDDEN');
    const draft = await composeWarning(t, officer);
    const read = await bureau.get(`/api/v1/warnings/${draft.id}`);
    expect(read.status).toBe(200);
    expect((read.body as WarningView).actions).toEqual([]);
  });

  it("keeps station B's officer out of station A's notices", async () => {
    const draft = await composeWarning(t, officer);
    const other = await t.as('b.officer');
    expect(codeOf(await other.get(`/api/v1/warnings/${draft.id}`))).toBe('NOT_FOUND');
    const list = (await other.get('/api/v1/warnings')).body as WarningPage;
    expect(list.items.some((i) => i.id === draft.id)).toBe(false);
    expect(codeOf(await other.post('/api/v1/warnings', noticeInput(t)))).toBe('FORBIDDEN');
  });

  it("shows a grid worker the station's sent notices, not a colleague's draft", async () => {
    const draft = await composeWarning(t, officer, { title: '草稿不外传' });
    const grid = await t.as('a.grid');
    expect(codeOf(await grid.get(`/api/v1/warnings/${draft.id}`))).toBe('NOT_FOUND');
    const sent = await officer.post(`/api/v1/warnings/${draft.id}/send`, { version: draft.version });
    expect(sent.status).toBe(200);
    const read = await grid.get(`/api/v1/warnings/${draft.id}`);
    expect((read.body as WarningView).status).toBe('sent');
  });
});

describe('a draft', () => {
  it('stores the units and their paths, audited without its words', async () => {
    const w = await composeWarning(t, officer, { target: { unitIds: [t.fx.units.gridA1, t.fx.units.gridA2] } });
    expect(w).toMatchObject({ status: 'draft', categoryLabel: '反诈', stationName: 'A派出所', version: 1 });
    expect(w.target.units.map((u) => u.id)).toEqual([t.fx.units.gridA1, t.fx.units.gridA2]);
    expect(w.actions).toEqual(expect.arrayContaining(['edit', 'delete', 'send', 'schedule']));
    expect(w.actions).not.toContain('submit');
    const [entry] = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, w.id));
    expect(entry?.action).toBe('warning.create');
    expect(JSON.stringify(entry?.details)).not.toContain('客服');
  });

  it('refuses an audience outside the station or the author (422 naming it)', async () => {
    const res = await officer.post('/api/v1/warnings', noticeInput(t, { target: { unitIds: [t.fx.units.villageB] } }));
    expect(res.status).toBe(422);
    expect(codeOf(res)).toBe('WARNING_TARGET_FOREIGN');
    expect((res.body as { error: { message: string } }).error.message).toContain('B村');
    const grid = await officer.post('/api/v1/warnings', noticeInput(t, { target: { unitIds: [randomUUID()] } }));
    expect(codeOf(grid)).toBe('WARNING_TARGET_FOREIGN');
    // A unit above the station is not the station's to target.
    const bureau = await officer.post('/api/v1/warnings', noticeInput(t, { target: { unitIds: [t.fx.units.bureau] } }));
    expect(codeOf(bureau)).toBe('WARNING_TARGET_FOREIGN');
  });

  it("refuses the station's subscribers to an author who works in one village only", async () => {
    await addStaff(t, 'a.village.officer', ['community_officer'], t.fx.units.villageA);
    const villager = await t.as('a.village.officer');
    const own = await villager.post('/api/v1/warnings', noticeInput(t, { target: { unitIds: [t.fx.units.villageA] } }));
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const all = await villager.post(
      '/api/v1/warnings',
      noticeInput(t, { target: { unitIds: [], roomIds: [], subscribers: true }, sms: true }),
    );
    expect([all.status, codeOf(all)]).toEqual([422, 'WARNING_TARGET_FOREIGN']);
  });

  it("refuses another station's room and a closed one", async () => {
    const made = await (await t.as('b.chief')).post(`/api/v1/stations/${t.fx.units.stationB}/rooms`, {
      name: '平安B村',
      kind: 'area',
      unitId: t.fx.units.villageB,
      ownerId: t.fx.staffIds['b.officer'],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const bRoom = made.body as { id: string };
    const res = await officer.post('/api/v1/warnings', noticeInput(t, { target: { roomIds: [bRoom.id] } }));
    expect(codeOf(res)).toBe('WARNING_TARGET_FOREIGN');
    const room = await makeRoom(t, chief);
    expect((await chief.patch(`/api/v1/rooms/${room.id}`, { version: room.version, active: false })).status).toBe(200);
    const closed = await officer.post('/api/v1/warnings', noticeInput(t, { target: { roomIds: [room.id] } }));
    expect(codeOf(closed)).toBe('ROOM_CLOSED');
  });

  it("refuses a category the station lacks (400) and an expiry in the past, and accepts the station's own", async () => {
    const res = await officer.post('/api/v1/warnings', noticeInput(t, { category: 'flood' }));
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('VALIDATION');
    const past = await officer.post(
      '/api/v1/warnings',
      noticeInput(t, { expiresAt: new Date(t.clock.now().getTime() - 1000).toISOString() }),
    );
    expect(codeOf(past)).toBe('VALIDATION');
    const settings = (await chief.get(`/api/v1/stations/${t.fx.units.stationA}/warning-settings`))
      .body as WarningSettings;
    const saved = await chief.put(`/api/v1/stations/${t.fx.units.stationA}/warning-settings`, {
      ...settings,
      extraCategories: [{ key: 'flood', label: { zh: '防汛', en: 'Flood' } }],
    });
    expect(saved.status).toBe(200);
    const flood = await composeWarning(t, officer, { category: 'flood' });
    expect(flood.categoryLabel).toBe('防汛');
  });

  it('edits at its version (409 on a stale one) and deletes with its photos and media', async () => {
    const photo = await uploadPhoto(officer);
    const media = await pendingMedia('a.officer');
    const w = await composeWarning(t, officer, { photoIds: [photo], mediaIds: [media] });
    expect(w.photoIds).toEqual([photo]);
    expect(w.media.map((m) => m.id)).toEqual([media]);
    expect((await officer.get(`/api/v1/warnings/${w.id}/photos/${photo}`)).status).toBe(200);
    const edited = await officer.put(`/api/v1/warnings/${w.id}`, {
      ...noticeInput(t, { title: '改过的标题', photoIds: [photo], mediaIds: [] }),
      stationId: undefined,
      version: w.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((edited.body as WarningView).media).toEqual([]);
    const stale = await officer.put(`/api/v1/warnings/${w.id}`, {
      ...noticeInput(t, { title: '又改' }),
      stationId: undefined,
      version: w.version,
    });
    expect(stale.status).toBe(409);
    expect(codeOf(await (await t.as('a.duty')).delete(`/api/v1/warnings/${w.id}?version=2`))).toBe('FORBIDDEN');
    expect((await officer.delete(`/api/v1/warnings/${w.id}?version=2`)).status).toBe(200);
    expect(await t.deps.database.db.select().from(photos).where(eq(photos.id, photo))).toEqual([]);
    expect(await t.deps.database.db.select().from(mediaFiles).where(eq(mediaFiles.id, media))).toEqual([]);
  });

  it("refuses someone else's photos and media", async () => {
    const photo = await uploadPhoto(chief);
    const res = await officer.post('/api/v1/warnings', noticeInput(t, { photoIds: [photo] }));
    expect(codeOf(res)).toBe('PHOTOS_UNAVAILABLE');
    const media = await pendingMedia('a.chief');
    const other = await officer.post('/api/v1/warnings', noticeInput(t, { mediaIds: [media] }));
    expect(codeOf(other)).toBe('VALIDATION');
  });
});

describe('settings', () => {
  it('answers the defaults, saves for the chief only, and refuses a default key', async () => {
    const stationB = t.fx.units.stationB;
    const read = await officer.get(`/api/v1/stations/${stationB}/warning-settings`);
    expect(codeOf(read)).toBe('FORBIDDEN');
    const b = await t.as('b.chief');
    const defaults = (await b.get(`/api/v1/stations/${stationB}/warning-settings`)).body as WarningSettings;
    expect(defaults).toMatchObject({ extraCategories: [], smsDailyCap: 10_000 });
    expect(codeOf(await officer.put(`/api/v1/stations/${t.fx.units.stationA}/warning-settings`, defaults))).toBe(
      'FORBIDDEN',
    );
    const clash = await b.put(`/api/v1/stations/${stationB}/warning-settings`, {
      ...defaults,
      extraCategories: [{ key: 'antifraud', label: { zh: '反诈2', en: 'Fraud 2' } }],
    });
    expect(codeOf(clash)).toBe('VALIDATION');
    const ok = await b.put(`/api/v1/stations/${stationB}/warning-settings`, { ...defaults, smsSignature: '乙派出所' });
    expect((ok.body as WarningSettings).smsSignature).toBe('乙派出所');
  });
});

describe('the reach preview', () => {
  it('counts households once over overlapping areas, scanned ones, subscribed phones and SMS opt-ins', async () => {
    const db = t.deps.database.db;
    const gridA2Path = await unitPath(t.fx.units.gridA2);
    const scanned = t.clock.now();
    const extra = await db
      .insert(households)
      .values(
        [1, 2, 3, 4].map((n) => ({
          unitId: t.fx.units.gridA2,
          unitPath: gridA2Path,
          address: `A村2组${n}号`,
          doorplateCode: `PV-${randomUUID().slice(0, 8)}`,
          doorplateToken: randomUUID().replaceAll('-', ''),
          firstScannedAt: n <= 2 ? scanned : null,
        })),
      )
      .returning({ id: households.id });
    const sub = (householdId: string, path: string, categories: string[], sms: boolean) => ({
      stationId: t.fx.units.stationA,
      phoneIndex: randomUUID(),
      phoneEnc: 'sealed',
      householdId,
      unitPath: path,
      categories,
      sms,
      createdAt: scanned,
      updatedAt: scanned,
    });
    const gridA1Path = await unitPath(t.fx.units.gridA1);
    await db
      .insert(warningSubscriptions)
      .values([
        sub(extra[0]!.id, gridA2Path, ['antifraud', 'fire'], true),
        sub(extra[1]!.id, gridA2Path, ['antifraud'], false),
        sub(extra[2]!.id, gridA2Path, ['fire'], true),
        sub(t.fx.households.a[0]!, gridA1Path, ['antifraud'], true),
      ]);
    const preview = async (target: object, sms = true) => {
      const res = await officer.post('/api/v1/warnings/preview', {
        stationId: t.fx.units.stationA,
        category: 'antifraud',
        title: '警惕冒充客服退款诈骗',
        sms,
        target,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as WarningReachPreview;
    };
    const both = await preview({ unitIds: [t.fx.units.villageA, t.fx.units.gridA2] });
    expect(both).toMatchObject({ households: 7, scannedHouseholds: 2, subscribedDevices: 3, smsPhones: 2, rooms: 0 });
    expect(both.smsText).toBe('A派出所提醒：【反诈】警惕冒充客服退款诈骗。退订回复TD');
    const grid = await preview({ unitIds: [t.fx.units.gridA2] }, false);
    expect(grid).toMatchObject({ households: 4, scannedHouseholds: 2, subscribedDevices: 2, smsPhones: 1 });
    expect(grid.smsText).toBeNull();
    const subscribers = await preview({ subscribers: true });
    expect(subscribers).toMatchObject({ households: 0, subscribedDevices: 3, smsPhones: 2 });
    const foreign = await officer.post('/api/v1/warnings/preview', {
      stationId: t.fx.units.stationA,
      category: 'antifraud',
      title: '越界',
      target: { unitIds: [t.fx.units.gridB1] },
    });
    expect(codeOf(foreign)).toBe('WARNING_TARGET_FOREIGN');
  });
});

async function unitPath(id: string) {
  const [u] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, id));
  return u!.path;
}

async function uploadPhoto(client: Client) {
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
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
  const res = await client.post('/api/v1/warnings/photos', payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
    'idempotency-key': randomUUID(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { photos: { id: string }[] }).photos[0]!.id;
}

/** A pending audio file uploaded by `username` (the media module's upload is helper F's; the row is what counts). */
async function pendingMedia(username: string) {
  const [row] = await t.deps.database.db
    .insert(mediaFiles)
    .values({
      kind: 'audio',
      mime: 'audio/mpeg',
      bytes: 4,
      digest: 'x',
      data: Buffer.from('ID3\u0004'),
      uploaderStaffId: t.fx.staffIds[username] ?? '',
      createdAt: t.clock.now(),
    })
    .returning({ id: mediaFiles.id });
  return row!.id;
}
