import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, mediaFiles, warnings } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { parseRange } from './files.queries.js';
import { attachMediaFiles, sweepPendingFiles } from './files.service.js';
import { sniffMedia } from './files.sniff.js';

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
});
afterAll(() => t.close());

const MB = 1024 * 1024;
const pad = (head: Buffer, size = 256) => Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 7)]);
const box = (type: string, brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`${type}${brand}\0\0\0\0${brand}isom`, 'latin1')]);
/** The first bytes of each accepted type, as real encoders write them. */
const samples = {
  id3: (size?: number) => pad(Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0x0a]), size),
  mp3Frame: () => pad(Buffer.from([0xff, 0xfb, 0x90, 0x64])),
  m4a: () => pad(box('ftyp', 'M4A ')),
  mp4: (size?: number) => pad(box('ftyp', 'isom'), size),
  wav: (size?: number) => {
    const head = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]);
    const body = Buffer.alloc((size ?? 256) - head.length);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) % 251;
    return Buffer.concat([head, body]);
  },
  webm: (doctype = 'webm') =>
    pad(
      Buffer.concat([
        Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01]),
        Buffer.from([0x42, 0x82, 0x80 | doctype.length]),
        Buffer.from(doctype),
      ]),
    ),
  png: () =>
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
};

/** A multipart body with one part (field `file` unless named otherwise). */
function multipart(data: Buffer, name = 'clip.mp4', type = 'video/mp4', field = 'file') {
  const boundary = `----jm${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Media = { id: string; kind: string; mime: string; bytes: number; url: string };
async function upload(client: Client, data: Buffer, opts: { name?: string; type?: string; key?: string } = {}) {
  const { payload, headers } = multipart(data, opts.name, opts.type);
  return client.post('/api/v1/media/files', payload, opts.key ? { ...headers, 'idempotency-key': opts.key } : headers);
}
async function uploaded(data: Buffer) {
  const res = await upload(officer, data);
  expect(res.status).toBe(200);
  return res.body as Media;
}
const get = (client: Client, url: string, headers: Record<string, string> = {}) =>
  client.request('GET', url, undefined, headers);
const rows = (id: string) => t.deps.database.db.select().from(mediaFiles).where(eq(mediaFiles.id, id));

/** A notice of station A in the given state, inserted directly (the warnings module is another's). */
async function notice(status: 'draft' | 'sent' | 'withdrawn', expiresAt: Date | null = null) {
  const [row] = await t.deps.database.db
    .insert(warnings)
    .values({
      stationId: t.fx.units.stationA,
      stationPath: `/${t.fx.units.bureau}/${t.fx.units.stationA}/`,
      category: 'anti_fraud',
      priority: 'advisory',
      title: '警惕冒充客服退款诈骗',
      body: '凡是自称客服要求下载会议软件、共享屏幕的都是诈骗。',
      status,
      expiresAt,
      sentAt: status === 'draft' ? null : t.clock.now(),
      authorId: t.fx.staffIds['a.officer']!,
    })
    .returning({ id: warnings.id });
  return row!.id;
}
async function attach(fileId: string, warningId: string, staff = 'a.officer') {
  return t.deps.database.db.transaction((tx) => attachMediaFiles(tx, t.fx.staffIds[staff]!, warningId, [fileId]));
}

describe('uploading audio and video (POST /media/files)', () => {
  it('is refused to anonymous callers and to accounts that do not write warnings', async () => {
    expect((await upload(t.anonymous(), samples.mp4())).status).toBe(401);
    expect((await upload(await t.as('a.grid'), samples.mp4())).status).toBe(403);
  });

  it.each([
    ['an MP3 with an ID3 tag', samples.id3(), 'audio', 'audio/mpeg'],
    ['an MP3 starting on a frame', samples.mp3Frame(), 'audio', 'audio/mpeg'],
    ['an M4A', samples.m4a(), 'audio', 'audio/mp4'],
    ['a WAV', samples.wav(), 'audio', 'audio/wav'],
    ['an MP4 video', samples.mp4(), 'video', 'video/mp4'],
    ['a WebM video', samples.webm(), 'video', 'video/webm'],
  ])('takes %s by its content, whatever it is called', async (_, data, kind, mime) => {
    const res = await upload(officer, data, { name: 'untitled.bin', type: 'application/octet-stream' });
    expect(res.status).toBe(200);
    const media = res.body as Media;
    expect(media).toMatchObject({ kind, mime, bytes: data.length, url: `/api/v1/media/files/${media.id}` });
    const [row] = await rows(media.id);
    expect(row).toMatchObject({ ownerId: null, uploaderStaffId: t.fx.staffIds['a.officer'], mime, bytes: data.length });
    expect(row!.data.equals(data)).toBe(true);
    expect(row!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['PNG bytes named .mp4', samples.png()],
    ['a QuickTime movie', pad(box('ftyp', 'qt  '))],
    ['a Matroska file that is not WebM', samples.webm('matroska')],
    ['AAC in ADTS frames', pad(Buffer.from([0xff, 0xf1, 0x50, 0x80]))],
    ['plain text', Buffer.from('这不是视频文件'.repeat(20))],
  ])('refuses %s with 415 and stores nothing', async (_, data) => {
    const before = (await t.deps.database.db.select({ id: mediaFiles.id }).from(mediaFiles)).length;
    const res = await upload(officer, data, { name: 'clip.mp4', type: 'video/mp4' });
    expect(res.status).toBe(415);
    expect((res.body as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA',
      message: expect.stringContaining('MP3'),
    });
    expect((await t.deps.database.db.select({ id: mediaFiles.id }).from(mediaFiles)).length).toBe(before);
  });

  // Large bodies: slow on a loaded machine, PGlite above all.
  it('applies each kind its own limit: 10 MB and one byte is a video that passes, audio that is 413', {
    timeout: 120_000,
  }, async () => {
    const size = 10 * MB + 1; // past the 5 MB that other uploads may send, and past audio's limit
    const video = await uploaded(samples.mp4(size));
    expect(video).toMatchObject({ kind: 'video', bytes: size });
    const before = (await t.deps.database.db.select({ id: mediaFiles.id }).from(mediaFiles)).length;
    const res = await upload(officer, samples.id3(size), { name: 'song.mp3', type: 'audio/mpeg' });
    expect(res.status).toBe(413);
    expect((res.body as { error: { code: string; message: string } }).error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '提交的内容太大（上限 10 MB）',
    });
    expect((await t.deps.database.db.select({ id: mediaFiles.id }).from(mediaFiles)).length).toBe(before);
  });

  it('refuses a video over 30 MB with 413', { timeout: 120_000 }, async () => {
    expect((await upload(officer, samples.mp4(30 * MB + 1))).status).toBe(413);
  });

  it('takes exactly one part named file', async () => {
    const { payload, headers } = multipart(samples.mp4(), 'clip.mp4', 'video/mp4', 'video');
    expect((await officer.post('/api/v1/media/files', payload, headers)).status).toBe(400);
    expect((await officer.post('/api/v1/media/files', { file: 'x' })).status).toBe(415);
  });

  it('answers a retry under the same Idempotency-Key with the same file, and another file under it with 422', async () => {
    const key = randomUUID();
    const first = await upload(officer, samples.m4a(), { key });
    const again = await upload(officer, samples.m4a(), { key });
    expect(again.status).toBe(200);
    expect((again.body as Media).id).toBe((first.body as Media).id);
    expect((await upload(officer, samples.wav(), { key })).status).toBe(422);
    expect((await upload(officer, samples.wav(), { key: 'not-a-uuid' })).status).toBe(400);
  });
});

describe('playing a file (GET /media/files/:id, GET /public/media/:id)', () => {
  const size = 2 * MB + 12_345;
  let wav: Buffer;
  let id: string;
  beforeAll(async () => {
    wav = samples.wav(size);
    id = (await uploaded(wav)).id;
  });

  it('sends the whole file with its type, Range support, a private cache and nosniff', async () => {
    const res = await get(officer, `/api/v1/media/files/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'audio/wav',
      'accept-ranges': 'bytes',
      'content-length': String(size),
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    });
    expect(res.raw.rawPayload.equals(wav)).toBe(true);
    const etag = String(res.headers.etag);
    expect((await get(officer, `/api/v1/media/files/${id}`, { 'if-none-match': etag })).status).toBe(304);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=1048000-2100000', 1_048_000, 2_100_000],
    ['bytes=2000000-', 2_000_000, size - 1],
    ['bytes=-10', size - 10, size - 1],
    ['bytes=5-999999999', 5, size - 1],
  ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
    const res = await get(officer, `/api/v1/media/files/${id}`, { range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.raw.rawPayload.equals(wav.subarray(start, end + 1))).toBe(true);
  });

  it('answers a range past the end with 416, and a malformed or multiple range with the whole file', async () => {
    const past = await get(officer, `/api/v1/media/files/${id}`, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${size}`);
    for (const range of ['bytes=0-1,5-9', 'items=0-5', 'bytes=9-3'])
      expect((await get(officer, `/api/v1/media/files/${id}`, { range })).status).toBe(200);
  });

  it('shows a pending file to its uploader only; an attached one to the staff who read that notice', async () => {
    const duty = await t.as('a.duty');
    const grid = await t.as('a.grid');
    const foreign = await t.as('b.officer');
    expect((await get(duty, `/api/v1/media/files/${id}`)).status).toBe(404);
    expect((await get(t.anonymous(), `/api/v1/media/files/${id}`)).status).toBe(401);
    await attach(id, await notice('draft'));
    expect((await get(duty, `/api/v1/media/files/${id}`)).status).toBe(200);
    // A grid worker's village lies in the station: the station's notices are theirs to read.
    expect((await get(grid, `/api/v1/media/files/${id}`, { range: 'bytes=0-9' })).status).toBe(206);
    const outside = await get(foreign, `/api/v1/media/files/${id}`);
    expect(outside.status).toBe(404);
    expect((outside.body as { error: { message: string } }).error.message).toBe('未找到该媒体文件');
  });

  it('serves residents only the files of a sent notice that has not expired', async () => {
    const anon = t.anonymous();
    const file = await uploaded(samples.mp4(4096));
    const url = `/api/v1/public/media/${file.id}`;
    expect((await get(anon, url)).status).toBe(404); // pending
    const draft = await notice('draft');
    await attach(file.id, draft);
    expect((await get(anon, url)).status).toBe(404);
    await t.deps.database.db.update(warnings).set({ status: 'sent' }).where(eq(warnings.id, draft));
    const res = await get(anon, url, { range: 'bytes=0-15' });
    expect(res.status).toBe(206);
    expect(res.headers).toMatchObject({
      'content-type': 'video/mp4',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    });
    expect(res.raw.rawPayload.equals(samples.mp4(4096).subarray(0, 16))).toBe(true);
    await t.deps.database.db.update(warnings).set({ status: 'withdrawn' }).where(eq(warnings.id, draft));
    expect((await get(anon, url)).status).toBe(404);
    const expired = await notice('sent', new Date(t.clock.now().getTime() - 60_000));
    const late = await uploaded(samples.m4a());
    await attach(late.id, expired);
    expect((await get(anon, `/api/v1/public/media/${late.id}`)).status).toBe(404);
    expect((await get(anon, `/api/v1/public/media/${randomUUID()}`)).status).toBe(404);
  });
});

describe('attaching and sweeping', () => {
  it('attaches only the staff member’s own pending files, and drops the notice’s files no longer named', async () => {
    const draft = await notice('draft');
    const first = await uploaded(samples.m4a());
    const second = await uploaded(samples.wav());
    await attach(first.id, draft);
    await expect(attach(second.id, draft, 'a.duty')).rejects.toMatchObject({ code: 'VALIDATION' });
    await attach(second.id, draft);
    expect(await rows(first.id)).toEqual([]);
    expect((await rows(second.id))[0]).toMatchObject({ ownerType: 'warning', ownerId: draft });
  });

  it('sweeps files left pending a day, with their upload keys, and keeps attached ones', async () => {
    const key = randomUUID();
    const abandoned = (await upload(officer, samples.mp3Frame(), { key })).body as Media;
    const kept = await uploaded(samples.webm());
    await attach(kept.id, await notice('sent'));
    t.clock.advance(25 * 3_600_000);
    expect(await sweepPendingFiles(systemCtx(t.deps, t.app.log))).toBeGreaterThanOrEqual(1);
    expect(await rows(abandoned.id)).toEqual([]);
    expect(await rows(kept.id)).toHaveLength(1);
    const keys = await t.deps.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(keys).toEqual([]);
  });
});

describe('the content check and the Range header, alone', () => {
  it('reads nothing from a name, and refuses headers too short to tell', () => {
    expect(sniffMedia(Buffer.from('ID3'))).toBeNull();
    expect(sniffMedia(Buffer.from([0xff, 0xfb]))).toBeNull();
    expect(sniffMedia(box('ftyp', 'M4B '))).toEqual({ kind: 'audio', mime: 'audio/mp4' });
  });

  it('parses one range, suffixes and open ends; ignores what it cannot read', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=-200', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-', 100)).toBeNull();
  });
});
