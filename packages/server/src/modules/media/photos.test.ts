import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photos } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { sweepPendingPhotos } from './photos.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A phone photo: JPEG with a camera make, a GPS position and a sideways orientation. */
async function phonePhoto(width = 64, height = 48) {
  return sharp({ create: { width, height, channels: 3, background: '#c33' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
    })
    .toBuffer();
}

/** A multipart body with the given files as `photo` parts (or another field name). */
function multipart(files: { data: Buffer; name?: string; type?: string; field?: string }[]) {
  const boundary = `----jm${randomUUID()}`;
  const parts = files.map((f, i) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'photo'}"; filename="${f.name ?? `p${i}.jpg`}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  const payload = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(client: Client, url: string, files: Parameters<typeof multipart>[0], key: string = randomUUID()) {
  const { payload, headers } = multipart(files);
  return client.post(url, payload, { ...headers, 'idempotency-key': key });
}

const plate = () => t.fx.doorplateTokens.a[0]!;
const small = () =>
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
type Photos = { photos: { id: string; width: number; height: number; mime: string }[] };

async function submitWith(photoIds: string[], extra: Record<string, unknown> = {}) {
  const res = await t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${plate()}/matters`,
      { kind: 'report', body: '小区门口有人乱停车挡住消防通道', noticeVersion: '2026-11', photoIds, ...extra },
      { 'idempotency-key': randomUUID() },
    );
  return res;
}

describe('photos on a submission', () => {
  it('re-encodes upright without metadata, and attaches to the matter the resident submits', async () => {
    const res = await upload(t.anonymous(), `/api/v1/public/doorplates/${plate()}/photos`, [
      { data: await phonePhoto() },
    ]);
    expect(res.status).toBe(200);
    const [photo] = (res.body as Photos).photos;
    // Orientation 6 is applied before the metadata goes: the stored image stands upright.
    expect(photo).toMatchObject({ width: 48, height: 64, mime: 'image/jpeg' });
    const sub = await submitWith([photo!.id]);
    expect(sub.status).toBe(200);
    const tracking = (sub.body as { trackingToken: string }).trackingToken;
    const view = (await t.anonymous().get(`/api/v1/public/matters/${tracking}`)).body as {
      photoIds: string[];
      location: unknown;
    };
    expect(view.photoIds).toEqual([photo!.id]);
    expect(view.location).toBeNull(); // the resident did not share location: the GPS in the photo is dropped
    const img = await t.anonymous().get(`/api/v1/public/matters/${tracking}/photos/${photo!.id}`);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');
    const stored = img.raw.rawPayload;
    expect(await exifr.gps(stored).catch(() => undefined)).toBeUndefined();
    expect(await exifr.parse(stored).catch(() => undefined)).toBeUndefined();
  });

  it('keeps a photo’s GPS only when the resident sends a location with the matter', async () => {
    const url = `/api/v1/public/doorplates/${plate()}/photos?shareLocation=1`;
    const shared = (await upload(t.anonymous(), url, [{ data: await phonePhoto() }])).body as Photos;
    const withdrawn = (await upload(t.anonymous(), url, [{ data: await phonePhoto() }])).body as Photos;
    const here = { lat: 30.2501, lng: 120.1668, accuracy: 20 };
    const sub = await submitWith([shared.photos[0]!.id], { location: here });
    const tracking = (sub.body as { trackingToken: string }).trackingToken;
    const view = (await t.anonymous().get(`/api/v1/public/matters/${tracking}`)).body as { location: unknown };
    expect(view.location).toEqual(here);
    // The resident took the location back before sending: the position kept at upload goes too.
    expect((await submitWith([withdrawn.photos[0]!.id])).status).toBe(200);
    const stored = await t.deps.database.db
      .select({ id: photos.id, location: photos.location, ownerType: photos.ownerType })
      .from(photos)
      .where(inArray(photos.id, [shared.photos[0]!.id, withdrawn.photos[0]!.id]));
    const byId = new Map(stored.map((r) => [r.id, r.location]));
    expect(byId.get(shared.photos[0]!.id)?.lat).toBeCloseTo(30.25, 4);
    expect(byId.get(withdrawn.photos[0]!.id)).toBeNull();
    // Attached, a doorplate's photos belong to the matter they were sent with.
    expect(stored.map((r) => r.ownerType)).toEqual(['matter', 'matter']);
  });

  it('keeps the order the resident chose, and serves a small copy for lists', async () => {
    const url = `/api/v1/public/doorplates/${plate()}/photos`;
    const first = ((await upload(t.anonymous(), url, [{ data: await phonePhoto(900, 600) }])).body as Photos)
      .photos[0]!;
    const second = ((await upload(t.anonymous(), url, [{ data: await phonePhoto() }])).body as Photos).photos[0]!;
    const sub = await submitWith([second.id, first.id]);
    const tracking = (sub.body as { trackingToken: string }).trackingToken;
    const view = (await t.anonymous().get(`/api/v1/public/matters/${tracking}`)).body as { photoIds: string[] };
    expect(view.photoIds).toEqual([second.id, first.id]);
    const thumb = await t.anonymous().get(`/api/v1/public/matters/${tracking}/photos/${first.id}?size=thumb`);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(thumb.raw.rawPayload).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(320);
  });

  it('answers a retried upload with the same photos, and refuses the key with other files', async () => {
    const key = randomUUID();
    const files = [{ data: await phonePhoto() }, { data: await phonePhoto(80, 60) }];
    const url = `/api/v1/public/doorplates/${plate()}/photos`;
    const first = await upload(t.anonymous(), url, files, key);
    const again = await upload(t.anonymous(), url, files, key);
    expect((first.body as Photos).photos).toHaveLength(2);
    expect(again.body).toEqual(first.body);
    const other = await upload(t.anonymous(), url, [{ data: await phonePhoto(30, 30) }], key);
    expect(other.status).toBe(422);
    expect((await upload(t.anonymous(), url, files, 'not-a-key')).status).toBe(400);
  });

  it('checks content, not names: a script called photo.jpg is refused with a clear message', async () => {
    const url = `/api/v1/public/doorplates/${plate()}/photos`;
    const fake = await upload(t.anonymous(), url, [{ data: Buffer.from('<script>alert(1)</script>'), name: 'a.jpg' }]);
    expect(fake.status).toBe(415);
    expect((fake.body as { error: { message: string } }).error.message).toBe(
      '无法识别这张照片：请选用手机拍的 JPEG、PNG 或 WebP 图片',
    );
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const refused = await upload(t.anonymous(), url, [{ data: gif, name: 'x.png', type: 'image/png' }], undefined);
    expect(refused.status).toBe(415);
    const en = await upload(t.anonymous({ locale: 'en' }), url, [{ data: gif }]);
    expect(en.status).toBe(415);
    expect((en.body as { error: { message: string } }).error.message).toBe(
      'This photo cannot be read: choose a JPEG, PNG or WebP picture',
    );
    // A body cut off mid-upload (its boundary never closes) is the client's fault, not the server's.
    const { payload, headers } = multipart([{ data: small() }]);
    const cut = await t
      .anonymous()
      .post(url, payload.subarray(0, payload.length - 30), { ...headers, 'idempotency-key': randomUUID() });
    expect(cut.status).toBe(400);
  });

  it('limits files to nine, each to 8 MB and the whole request to 24 MB', async () => {
    const url = `/api/v1/public/doorplates/${plate()}/photos`;
    const small = await phonePhoto(8, 8);
    const ten = await upload(
      t.anonymous(),
      url,
      Array.from({ length: 10 }, () => ({ data: small })),
    );
    expect(ten.status).toBe(400);
    const big = await upload(t.anonymous(), url, [{ data: Buffer.alloc(9 * 1024 * 1024, 1) }]);
    expect(big.status).toBe(413);
    const sum = await upload(
      t.anonymous(),
      url,
      Array.from({ length: 4 }, () => ({ data: Buffer.alloc(7 * 1024 * 1024, 1) })),
    );
    expect(sum.status).toBe(413);
    expect((sum.body as { error: { message: string } }).error.message).toContain('24 MB');
    expect((await upload(t.anonymous(), url, [{ data: small, field: 'file' }])).status).toBe(400);
  });

  it('never attaches another doorplate’s photo, nor one already attached', async () => {
    const other = await upload(t.anonymous(), `/api/v1/public/doorplates/${t.fx.doorplateTokens.b[0]}/photos`, [
      { data: await phonePhoto() },
    ]);
    const foreign = (other.body as Photos).photos[0]!.id;
    const refused = await submitWith([foreign]);
    expect(refused.status).toBe(400);
    const mine = (
      (await upload(t.anonymous(), `/api/v1/public/doorplates/${plate()}/photos`, [{ data: await phonePhoto() }]))
        .body as Photos
    ).photos[0]!.id;
    expect((await submitWith([mine])).status).toBe(200);
    expect((await submitWith([mine])).status).toBe(400);
  });
});

describe('photos in the chat', () => {
  it('carries photos both ways; a photo on an internal note never reaches the resident', async () => {
    const sub = await submitWith([]);
    const tracking = (sub.body as { trackingToken: string; number: string }).trackingToken;
    const number = (sub.body as { number: string }).number;
    const resident = t.anonymous();
    const mine = await upload(resident, `/api/v1/public/matters/${tracking}/photos`, [{ data: await phonePhoto() }]);
    const residentPhoto = (mine.body as Photos).photos[0]!.id;
    const message = { text: '车还停在这里，照片是刚拍的', photoIds: [residentPhoto] };
    const key = { 'idempotency-key': randomUUID() };
    const sent = await resident.post(`/api/v1/public/matters/${tracking}/messages`, message, key);
    expect(sent.status).toBe(200);
    // The answer was lost on the way; the phone sends again with the same key: still one message.
    const resent = await resident.post(`/api/v1/public/matters/${tracking}/messages`, message, key);
    expect(resent.body).toEqual(sent.body);
    const messages = (sent.body as { timeline: { type: string }[] }).timeline.filter(
      (e) => e.type === 'matter.message',
    );
    expect(messages).toHaveLength(1);

    const desk = await t.as('a.duty');
    const id = ((await desk.get(`/api/v1/matters?q=${number}`)).body as { items: { id: string }[] }).items[0]!.id;
    const detail = (await desk.get(`/api/v1/matters/${id}`)).body as {
      timeline: { type: string; note: string | null; photoIds: string[] }[];
    };
    expect(detail.timeline.find((e) => e.type === 'matter.message')).toMatchObject({
      note: '车还停在这里，照片是刚拍的',
      photoIds: [residentPhoto],
    });
    expect((await desk.get(`/api/v1/matters/${id}/photos/${residentPhoto}`)).status).toBe(200);

    const staffUpload = async () =>
      ((await upload(desk, `/api/v1/matters/${id}/photos`, [{ data: await phonePhoto() }])).body as Photos).photos[0]!
        .id;
    const replyPhoto = await staffUpload();
    const notePhoto = await staffUpload();
    expect((await desk.post(`/api/v1/matters/${id}/reply`, { text: '', photoIds: [replyPhoto] })).status).toBe(200);
    expect((await desk.post(`/api/v1/matters/${id}/note`, { text: '车主信息', photoIds: [notePhoto] })).status).toBe(
      200,
    );
    expect((await desk.post(`/api/v1/matters/${id}/reply`, { text: '', photoIds: [] })).status).toBe(400);

    const seen = (await resident.get(`/api/v1/public/matters/${tracking}`)).body as {
      timeline: { type: string; photoIds: string[] }[];
    };
    expect(seen.timeline.find((e) => e.type === 'matter.reply')?.photoIds).toEqual([replyPhoto]);
    expect(JSON.stringify(seen)).not.toContain(notePhoto);
    expect((await resident.get(`/api/v1/public/matters/${tracking}/photos/${replyPhoto}`)).status).toBe(200);
    expect((await resident.get(`/api/v1/public/matters/${tracking}/photos/${notePhoto}`)).status).toBe(404);
    // Another station's officer cannot read the matter's photos.
    expect((await (await t.as('b.officer')).get(`/api/v1/matters/${id}/photos/${replyPhoto}`)).status).toBe(403);
  });

  it('closes the chat when the matter is closed', async () => {
    const sub = await submitWith([]);
    const { trackingToken, number } = sub.body as { trackingToken: string; number: string };
    const desk = await t.as('a.duty');
    const id = ((await desk.get(`/api/v1/matters?q=${number}`)).body as { items: { id: string }[] }).items[0]!.id;
    await desk.post(`/api/v1/matters/${id}/invalidate`, { reason: '重复提交，已在另一事项中处理' });
    const view = (await t.anonymous().get(`/api/v1/public/matters/${trackingToken}`)).body as { canChat: boolean };
    expect(view.canChat).toBe(false);
    const late = await t
      .anonymous()
      .post(
        `/api/v1/public/matters/${trackingToken}/messages`,
        { text: '还在吗', photoIds: [] },
        { 'idempotency-key': randomUUID() },
      );
    expect(late.status).toBe(409);
    expect((late.body as { error: { code: string } }).error.code).toBe('MATTER_CLOSED');
  });
});

describe('housekeeping', () => {
  it('drops photos of an abandoned draft after a day, and keeps attached ones', async () => {
    const res = await upload(t.anonymous(), `/api/v1/public/doorplates/${plate()}/photos`, [{ data: small() }]);
    const abandoned = (res.body as Photos).photos[0]!.id;
    t.clock.advance(25 * 3_600_000);
    const ctx = systemCtx(t.deps, t.app.log);
    expect(await sweepPendingPhotos(ctx)).toBeGreaterThanOrEqual(1);
    expect((await submitWith([abandoned])).status).toBe(400);
    const before = await t.deps.database.db.select({ id: photos.id }).from(photos);
    expect(before.map((p) => p.id)).not.toContain(abandoned);
    expect(before.length).toBeGreaterThan(0); // the attached photos of the earlier tests remain
  });
});
