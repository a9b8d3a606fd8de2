/**
 * Photos of a timeline event (a submission, a chat message), for any owner.
 * Checked by content (JPEG, PNG, WebP), re-encoded so no metadata survives
 * (EXIF location included; it is kept as data only when the resident chose to
 * share location), and stored in the database so every server process serves
 * them. Uploads are idempotent like submissions: a retry with the same key
 * returns the same photos. A photo stays pending until the event that carries
 * it commits; pending photos are swept after a day. Nothing here knows a
 * domain: callers name the owner (see `PHOTO_OWNER_TYPES`).
 */
import { PHOTO_LIMITS, type PhotoReceipt, type UploadPhotosResult } from '@jingmin/shared';
import { and, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import exifr from 'exifr';
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../db/client.js';
import { idempotencyKeys, type PhotoOwnerType, photos } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { claimKey, replayOf, requireKey, storeAnswer } from '../../platform/idempotency.js';

type Mime = PhotoReceipt['mime'];
const FORMATS: Record<string, Mime> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const MB = 1024 * 1024;
/** A 50-megapixel image is already bigger than any phone camera's; beyond that is a decompression bomb. */
const MAX_INPUT_PIXELS = 50_000_000;

/** What a photo belongs to: a household (a doorplate upload before its matter exists), a matter … */
export interface PhotoOwner {
  type: PhotoOwnerType;
  id: string;
}

/** Who sends photos: the owner they are uploaded under, and the staff member sending (null: a resident). */
export interface PhotoSender {
  owner: PhotoOwner;
  staffId: string | null;
}

/** Where photos are attached: their owner from then on, and the owner's timeline event that carries them. */
export interface PhotoTarget {
  owner: PhotoOwner;
  eventId: number;
}

/**
 * Reads the `photo` parts of a multipart request into memory, refusing early:
 * a declared length over the cap, more than nine files, a file over 8 MB, or a
 * sum over the cap while streaming (the plugin limits each file, not the sum).
 */
export async function readPhotoParts(req: FastifyRequest): Promise<Buffer[]> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', { detail: 'multipart/form-data, field "photo"' });
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', { limit: `${PHOTO_LIMITS.maxRequestBytes / MB} MB` });
  if (Number(req.headers['content-length'] ?? 0) > PHOTO_LIMITS.maxRequestBytes) throw tooLarge();
  const files: Buffer[] = [];
  let total = 0;
  try {
    const parts = req.parts({
      limits: { fileSize: PHOTO_LIMITS.maxFileBytes, files: PHOTO_LIMITS.perItem, fields: 0, parts: 10 },
    });
    for await (const part of parts) {
      if (part.type !== 'file' || part.fieldname !== 'photo') throw new AppError('VALIDATION', { detail: 'photo' });
      const buffer = await part.toBuffer();
      total += buffer.length;
      if (total > PHOTO_LIMITS.maxRequestBytes) throw tooLarge();
      files.push(buffer);
    }
  } catch (err) {
    throw multipartError(err);
  }
  if (files.length === 0) throw new AppError('VALIDATION', { detail: 'photo' });
  return files;
}

function multipartError(err: unknown) {
  if (err instanceof AppError) return err;
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: `${PHOTO_LIMITS.maxFileBytes / MB} MB` });
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('VALIDATION', { detail: `photo: ${PHOTO_LIMITS.perItem} files at most, nothing else` });
    default:
      // Anything else while parsing is a body the client broke (a cut-off upload, a wrong boundary).
      return new AppError('BAD_REQUEST', { detail: 'multipart/form-data' });
  }
}

interface Processed {
  data: Buffer;
  thumb: Buffer;
  mime: Mime;
  width: number;
  height: number;
  location: { lat: number; lng: number } | null;
}

/** Decodes by content, re-encodes without metadata, upright and at most 2048 px on the longer side. */
export async function processPhoto(input: Buffer, keepLocation: boolean): Promise<Processed> {
  // Loaded on the first photo: libvips costs memory that a server without photos need not hold.
  const { default: sharp } = await import('sharp');
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .metadata()
    .catch(() => null);
  const mime = meta?.format ? FORMATS[meta.format] : undefined;
  if (!meta || !mime) throw new AppError('PHOTO_UNREADABLE');
  const gps = keepLocation && meta.exif ? await exifr.gps(input).catch(() => null) : null;
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate() // applies the EXIF orientation before the metadata is dropped
    .resize({ width: PHOTO_LIMITS.maxSide, height: PHOTO_LIMITS.maxSide, fit: 'inside', withoutEnlargement: true });
  const encoded =
    mime === 'image/png'
      ? image.png({ compressionLevel: 9 })
      : mime === 'image/webp'
        ? image.webp({ quality: 82 })
        : image.jpeg({ quality: 82, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true }).catch(() => {
    throw new AppError('PHOTO_UNREADABLE');
  });
  const thumb = await sharp(data)
    .resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 70, mozjpeg: true })
    .toBuffer();
  const location =
    gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude)
      ? { lat: gps.latitude, lng: gps.longitude }
      : null;
  return { data, thumb, mime, width: info.width, height: info.height, location };
}

/** Stores the uploaded photos once per Idempotency-Key; a retry returns the stored receipt. */
export async function storePhotos(
  ctx: Ctx,
  sender: PhotoSender,
  idempotencyKey: string | undefined,
  files: Buffer[],
  keepLocation: boolean,
): Promise<UploadPhotosResult> {
  const key = requireKey(idempotencyKey);
  const { owner, staffId } = sender;
  const requestHash = sm3(JSON.stringify([owner.type, owner.id, keepLocation, files.map((f) => sm3(f))]));
  const replay = await replayOf<UploadPhotosResult>(ctx.db, key, requestHash);
  if (replay) return replay;
  const processed: Processed[] = [];
  for (const file of files) processed.push(await processPhoto(file, keepLocation));
  const now = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    if (!(await claimKey(tx, key, 'photo.upload', requestHash, now))) return null;
    const rows = await tx
      .insert(photos)
      .values(
        processed.map((p, ordinal) => ({
          ownerType: owner.type,
          ownerId: owner.id,
          uploaderType: staffId ? ('staff' as const) : ('resident' as const),
          uploaderStaffId: staffId,
          uploadKey: key,
          ordinal,
          mime: p.mime,
          width: p.width,
          height: p.height,
          bytes: p.data.length,
          digest: sm3(p.data),
          data: p.data,
          thumb: p.thumb,
          location: p.location,
          createdAt: now,
        })),
      )
      .returning({
        id: photos.id,
        width: photos.width,
        height: photos.height,
        bytes: photos.bytes,
        mime: photos.mime,
      });
    const stored = { photos: rows.map((r) => ({ ...r, mime: r.mime as Mime })) };
    await storeAnswer(tx, key, stored);
    // Last, so the audit chain's lock is held only until the commit right after it.
    await audit(ctx, tx, {
      action: 'photo.upload',
      result: 'ok',
      targetType: owner.type,
      targetId: owner.id,
      details: { photos: rows.length, bytes: rows.reduce((n, r) => n + r.bytes, 0) },
    });
    return stored;
  });
  return (
    result ?? (await replayOf<UploadPhotosResult>(ctx.db, key, requestHash)) ?? Promise.reject(new AppError('CONFLICT'))
  );
}

/**
 * Attaches pending photos to the event that carries them, inside that
 * event's transaction, in the order the sender chose them; from then on they
 * belong to the target's owner (a doorplate's photos go to the new matter).
 * Every id must be pending and this sender's; otherwise nothing is attached
 * and the request is refused. `keepLocation: false` drops any GPS position
 * kept at upload: the resident took the location back before sending.
 */
export async function attachPhotos(
  tx: Tx,
  sender: PhotoSender,
  ids: string[],
  target: PhotoTarget,
  keepLocation = true,
) {
  if (ids.length === 0) return [];
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION', { detail: 'photoIds' });
  const sendable = sendableBy(sender);
  // Name every photo that is gone (or never was this sender's), so the page can drop them and keep the rest.
  const usable = await tx
    .select({ id: photos.id })
    .from(photos)
    .where(and(inArray(photos.id, ids), sendable));
  const missing = ids.filter((id) => !usable.some((u) => u.id === id));
  if (missing.length) throw new AppError('PHOTOS_UNAVAILABLE', {}, { photoIds: missing });
  const attached = [];
  for (const [position, id] of ids.entries()) {
    const [row] = await tx
      .update(photos)
      .set({
        ownerType: target.owner.type,
        ownerId: target.owner.id,
        eventId: target.eventId,
        ordinal: position,
        ...(keepLocation ? {} : { location: null }),
      })
      .where(and(eq(photos.id, id), sendable))
      .returning({ id: photos.id });
    if (!row) throw new AppError('PHOTOS_UNAVAILABLE', {}, { photoIds: [id] });
    attached.push(row);
  }
  return attached;
}

/** Pending photos this sender may attach: uploaded under this owner, by this staff member or by a resident. */
function sendableBy({ owner, staffId }: PhotoSender): SQL {
  // The uploader must match: a resident never attaches a photo staff uploaded for an internal note.
  const uploader = staffId ? eq(photos.uploaderStaffId, staffId) : eq(photos.uploaderType, 'resident');
  return (
    and(eq(photos.ownerType, owner.type), eq(photos.ownerId, owner.id), isNull(photos.eventId), uploader) ?? sql`false`
  );
}

/**
 * Deletes every photo of an owner, attached or pending, in the caller's
 * transaction (a resident's deletion request); answers how many went.
 */
export async function deleteOwnerPhotos(tx: Tx, owner: PhotoOwner): Promise<number> {
  const gone = await tx
    .delete(photos)
    .where(and(eq(photos.ownerType, owner.type), eq(photos.ownerId, owner.id)))
    .returning({ uploadKey: photos.uploadKey });
  // Their upload keys go too (their request hashes digest the files), unless another owner's photos share one.
  const keys = [...new Set(gone.map((g) => g.uploadKey))];
  if (keys.length > 0)
    await tx
      .delete(idempotencyKeys)
      .where(
        and(
          inArray(idempotencyKeys.key, keys),
          sql`NOT EXISTS (SELECT 1 FROM ${photos} WHERE ${photos.uploadKey} = ${idempotencyKeys.key})`,
        ),
      );
  return gone.length;
}

/**
 * Drops photos never attached within a day (an abandoned draft keeps
 * nothing), and their upload keys with them, so a retry of that upload stores
 * the photos anew instead of answering ids that are gone.
 */
export async function sweepPendingPhotos(ctx: Ctx) {
  const cutoff = new Date(ctx.now().getTime() - 24 * 3_600_000);
  return ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(photos)
      .where(and(isNull(photos.eventId), lt(photos.createdAt, cutoff)))
      .returning({ uploadKey: photos.uploadKey });
    const keys = [...new Set(gone.map((g) => g.uploadKey))];
    // An upload whose other photos were attached keeps its key: those ids are still good.
    for (const key of keys) {
      const [left] = await tx.select({ id: photos.id }).from(photos).where(eq(photos.uploadKey, key)).limit(1);
      if (!left) await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    }
    return gone.length;
  });
}
