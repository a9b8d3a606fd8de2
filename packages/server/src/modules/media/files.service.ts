/**
 * Audio and video of a notice (宣传与预警): uploaded one file at a time by staff, checked by content against the
 * whitelist (WARNING_MEDIA_RULES: no transcoding, so only what browsers play), counted while it streams in and
 * refused past its kind's limit, stored as uploaded. A file stays pending (no owner) until the notice that names it
 * is saved (attachMediaFiles); pending files go after a day (sweepPendingFiles).
 */
import { WARNING_MAX_MEDIA, WARNING_MEDIA_RULES, type WarningMedia } from '@jingmin/shared';
import { and, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../db/client.js';
import { idempotencyKeys, mediaFiles } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { claimKey, replayOf, requireKey, storeAnswer } from '../../platform/idempotency.js';
import { SNIFF_BYTES, type SniffedMedia, sniffMedia } from './files.sniff.js';

const MB = 1024 * 1024;
/** The largest kind's limit: the multipart parser stops there; the kind's own limit is applied while reading. */
export const MEDIA_MAX_BYTES = Math.max(...Object.values(WARNING_MEDIA_RULES).map((r) => r.maxBytes));
/** Room for the multipart envelope (boundaries, part headers) around the file. */
const ENVELOPE_BYTES = 64 * 1024;
const WHITELIST = 'MP3, M4A, WAV, MP4, WebM';
const IDEMPOTENCY_SCOPE = 'media.upload';

/** An uploaded file, read and recognised. */
export interface MediaUpload {
  data: Buffer;
  media: SniffedMedia;
}

const tooLarge = (bytes: number) => new AppError('PAYLOAD_TOO_LARGE', { limit: `${bytes / MB} MB` });
function sniffOrThrow(head: Buffer) {
  const media = sniffMedia(head);
  if (!media) throw new AppError('UNSUPPORTED_MEDIA', { detail: WHITELIST });
  return media;
}

/**
 * Reads the one `file` part of a multipart request. The type is decided by the first bytes; from then on the bytes
 * are counted against that kind's limit and the upload is refused as soon as it passes it, so no more than the limit
 * is ever held.
 */
export async function readMediaPart(req: FastifyRequest): Promise<MediaUpload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', { detail: 'multipart/form-data, field "file"' });
  if (Number(req.headers['content-length'] ?? 0) > MEDIA_MAX_BYTES + ENVELOPE_BYTES) throw tooLarge(MEDIA_MAX_BYTES);
  try {
    const part = await req.file({
      limits: { fileSize: MEDIA_MAX_BYTES, files: 1, fields: 0, parts: 1 },
      throwFileSizeLimit: true,
    });
    if (part?.fieldname !== 'file') throw new AppError('VALIDATION', { detail: 'file' });
    const chunks: Buffer[] = [];
    let total = 0;
    let media: SniffedMedia | null = null;
    for await (const chunk of part.file as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      // Decided on the first bytes: a PNG named .mp4 is refused before the rest of it is read.
      if (!media && total >= SNIFF_BYTES) media = sniffOrThrow(Buffer.concat(chunks));
      if (media && total > WARNING_MEDIA_RULES[media.kind].maxBytes)
        throw tooLarge(WARNING_MEDIA_RULES[media.kind].maxBytes);
    }
    if (part.file.truncated) throw tooLarge(MEDIA_MAX_BYTES);
    const data = Buffer.concat(chunks, total);
    const sniffed = media ?? sniffOrThrow(data);
    return { data, media: sniffed };
  } catch (err) {
    throw multipartError(err);
  }
}

function multipartError(err: unknown) {
  if (err instanceof AppError) return err;
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(MEDIA_MAX_BYTES);
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('VALIDATION', { detail: 'file: one file, nothing else' });
    default:
      // Anything else while parsing is a body the client broke (a cut-off upload, a wrong boundary).
      return new AppError('BAD_REQUEST', { detail: 'multipart/form-data' });
  }
}

/** Where staff play a file. */
export const staffMediaUrl = (id: string) => `/api/v1/media/files/${id}`;
/** Where residents play a file of a sent notice. */
export const publicMediaUrl = (id: string) => `/api/v1/public/media/${id}`;

/** The answer for a stored file, with the URL of the audience that reads it. */
export function mediaView(
  row: Pick<typeof mediaFiles.$inferSelect, 'id' | 'kind' | 'mime' | 'bytes'>,
  audience: 'staff' | 'public' = 'staff',
): WarningMedia {
  const url = audience === 'staff' ? staffMediaUrl(row.id) : publicMediaUrl(row.id);
  return { id: row.id, kind: row.kind, mime: row.mime, bytes: row.bytes, url };
}

/**
 * Stores an uploaded file as pending, the uploader's. With an Idempotency-Key a retry of the same file answers the
 * same row (another file under the same key: 422).
 */
export async function storeMediaFile(ctx: Ctx, idempotencyKey: string | undefined, upload: MediaUpload) {
  const actor = actorOf(ctx);
  const key = idempotencyKey === undefined ? null : requireKey(idempotencyKey);
  const digest = sm3(upload.data);
  const requestHash = sm3(JSON.stringify([IDEMPOTENCY_SCOPE, actor.id, digest]));
  if (key) {
    const replay = await replayOf<WarningMedia>(ctx.db, key, requestHash);
    if (replay) return replay;
  }
  const now = ctx.now();
  const stored = await ctx.db.transaction(async (tx) => {
    if (key && !(await claimKey(tx, key, IDEMPOTENCY_SCOPE, requestHash, now))) return null;
    const [row] = await tx
      .insert(mediaFiles)
      .values({
        kind: upload.media.kind,
        mime: upload.media.mime,
        bytes: upload.data.length,
        digest,
        // As base64 text decoded by the database: PGlite turns a bytea parameter into hex one byte at a time.
        data: sql`decode(${upload.data.toString('base64')}, 'base64')`,
        uploaderStaffId: actor.id,
        createdAt: now,
      })
      .returning({ id: mediaFiles.id, kind: mediaFiles.kind, mime: mediaFiles.mime, bytes: mediaFiles.bytes });
    if (!row) throw new AppError('CONFLICT');
    const view = mediaView(row);
    if (key) await storeAnswer(tx, key, view);
    await audit(ctx, tx, {
      action: 'media.upload',
      result: 'ok',
      targetType: 'media',
      targetId: view.id,
      details: { kind: view.kind, mime: view.mime, bytes: view.bytes },
    });
    return view;
  });
  // Not stored: a concurrent retry under the same key claimed it first; its answer is this one's.
  const answer = stored ?? (key ? await replayOf<WarningMedia>(ctx.db, key, requestHash) : null);
  if (!answer) throw new AppError('CONFLICT');
  return answer;
}

/**
 * Makes `ids` the notice's files, inside the transaction that saves the notice: each must be pending and this staff
 * member's upload, or already the notice's; the notice's files not named any more are deleted. Answers them in the
 * order named.
 */
export async function attachMediaFiles(tx: Tx, staffId: string, warningId: string, ids: string[]) {
  if (new Set(ids).size !== ids.length || ids.length > WARNING_MAX_MEDIA)
    throw new AppError('VALIDATION', { detail: 'mediaIds' });
  const mine = and(eq(mediaFiles.ownerType, 'warning'), eq(mediaFiles.ownerId, warningId));
  const pending = and(isNull(mediaFiles.ownerId), eq(mediaFiles.uploaderStaffId, staffId));
  await tx.delete(mediaFiles).where(ids.length ? and(mine, notInArray(mediaFiles.id, ids)) : mine);
  if (ids.length === 0) return [];
  const rows = await tx
    .update(mediaFiles)
    .set({ ownerType: 'warning', ownerId: warningId })
    .where(and(inArray(mediaFiles.id, ids), or(mine, pending)))
    .returning({ id: mediaFiles.id, kind: mediaFiles.kind, mime: mediaFiles.mime, bytes: mediaFiles.bytes });
  const byId = new Map(rows.map((r) => [r.id, mediaView(r)]));
  const views = ids.flatMap((id) => byId.get(id) ?? []);
  // A file gone (swept after a day) or someone else's: the notice is not saved with a hole in it.
  if (views.length !== ids.length) throw new AppError('VALIDATION', { detail: 'mediaIds' });
  return views;
}

/**
 * Drops files no notice took within a day (an abandoned draft keeps nothing), and their upload keys with them, so a
 * retry of that upload stores the file anew instead of answering an id that is gone.
 */
export async function sweepPendingFiles(ctx: Ctx) {
  const cutoff = new Date(ctx.now().getTime() - 24 * 3_600_000);
  return ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(mediaFiles)
      .where(and(isNull(mediaFiles.ownerId), lt(mediaFiles.createdAt, cutoff)))
      .returning({ id: mediaFiles.id });
    const ids = gone.map((g) => g.id);
    if (ids.length > 0)
      await tx.delete(idempotencyKeys).where(
        and(
          eq(idempotencyKeys.scope, IDEMPOTENCY_SCOPE),
          sql`${idempotencyKeys.response}->>'id' IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ),
      );
    return gone.length;
  });
}
