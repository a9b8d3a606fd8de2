/**
 * Serving audio and video of notices: who may read a file (staff: the uploader, or a reader of the notice that owns
 * it; residents: a file of a sent, unexpired notice), and the bytes with HTTP Range, read from the database a slice
 * at a time so a 30 MB video seeking about never sits whole in memory.
 */
import { Readable } from 'node:stream';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mediaFiles, warnings } from '../../db/schema/index.js';
import { type Actor, actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { mediaView } from './files.service.js';

/** Bytes per database read while streaming. */
const SLICE = 1024 * 1024;

/** What serving a file needs, and who it belongs to. */
export interface MediaMeta {
  id: string;
  mime: string;
  bytes: number;
  digest: string;
}

async function metaOf(db: Ctx['db'], id: string) {
  const [row] = await db
    .select({
      id: mediaFiles.id,
      mime: mediaFiles.mime,
      bytes: mediaFiles.bytes,
      digest: mediaFiles.digest,
      uploaderStaffId: mediaFiles.uploaderStaffId,
      stationPath: warnings.stationPath,
      status: warnings.status,
      expiresAt: warnings.expiresAt,
    })
    .from(mediaFiles)
    .leftJoin(warnings, and(eq(mediaFiles.ownerType, 'warning'), eq(warnings.id, mediaFiles.ownerId)))
    .where(eq(mediaFiles.id, id));
  return row ?? null;
}

/**
 * A notice is read by staff of its station and above (the station in their scope or granted), and by those working
 * inside it (a grid worker's village lies in the station).
 */
function readsNotice(actor: Actor, stationPath: string) {
  return canSeePath(actor, stationPath, 'warning.read') || isUnder(actor.scopePath, stationPath);
}

/** A file for staff: its uploader's (pending or not), or one of a notice the account reads; 404 otherwise. */
export async function staffFileOrThrow(ctx: Ctx, id: string): Promise<MediaMeta> {
  const actor = actorOf(ctx);
  const row = await metaOf(ctx.db, id);
  const visible = row && (row.uploaderStaffId === actor.id || (row.stationPath && readsNotice(actor, row.stationPath)));
  if (!visible) throw new AppError('NOT_FOUND', { what: 'media' });
  return row;
}

/** A file for residents: only one of a sent notice that has not expired (not a draft's, not a withdrawn one's). */
export async function publicFileOrThrow(ctx: Ctx, id: string): Promise<MediaMeta> {
  const row = await metaOf(ctx.db, id);
  const live = row?.status === 'sent' && (!row.expiresAt || row.expiresAt > ctx.now());
  if (!row || !live) throw new AppError('NOT_FOUND', { what: 'media' });
  return row;
}

/** A notice's files, oldest first, with the URLs of the audience that reads them. */
export async function mediaOfWarning(db: Ctx['db'], warningId: string, audience: 'staff' | 'public') {
  const rows = await db
    .select({ id: mediaFiles.id, kind: mediaFiles.kind, mime: mediaFiles.mime, bytes: mediaFiles.bytes })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.ownerType, 'warning'), eq(mediaFiles.ownerId, warningId)))
    .orderBy(asc(mediaFiles.createdAt), asc(mediaFiles.id));
  return rows.map((r) => mediaView(r, audience));
}

/** A byte range, both ends included. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The single range a `Range` header asks for (RFC 9110 §14): null to send the whole file (no header, a malformed
 * one, several ranges), 'unsatisfiable' when it starts past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}

async function slice(db: Ctx['db'], id: string, start: number, length: number): Promise<Buffer> {
  // Read as base64 text: PGlite parses a bytea result one byte at a time; Node decodes base64 natively.
  const [row] = await db
    .select({ part: sql<string>`encode(substring(${mediaFiles.data} from ${start + 1} for ${length}), 'base64')` })
    .from(mediaFiles)
    .where(eq(mediaFiles.id, id));
  const part = row ? Buffer.from(row.part, 'base64') : null;
  // Swept or deleted between the check and this read.
  if (!part || part.length !== length) throw new AppError('NOT_FOUND', { what: 'media' });
  return part;
}

/** The bytes of `range`, one slice per read; one slice is answered as a buffer. */
async function bytesOf(db: Ctx['db'], id: string, { start, end }: ByteRange): Promise<Buffer | Readable> {
  if (end - start + 1 <= SLICE) return slice(db, id, start, end - start + 1);
  let at = start;
  return new Readable({
    read() {
      if (at > end) return void this.push(null);
      const length = Math.min(SLICE, end - at + 1);
      slice(db, id, at, length).then(
        (part) => {
          at += length;
          this.push(part);
        },
        (err: Error) => this.destroy(err),
      );
    },
  });
}

/**
 * Sends a file with Range support: 206 with Content-Range for one range, 416 for one past the end, 200 otherwise;
 * 304 when the browser holds this very file (the ETag is its SM3). `cache`: private for staff, public for residents.
 */
export async function sendMedia(ctx: Ctx, req: FastifyRequest, reply: FastifyReply, file: MediaMeta, cache: string) {
  const etag = `"${file.digest}"`;
  reply
    .header('accept-ranges', 'bytes')
    .header('cache-control', cache)
    .header('etag', etag)
    .header('x-content-type-options', 'nosniff');
  if (req.headers['if-none-match'] === etag) return reply.code(304).send();
  // If-Range names the file the browser holds part of; another file (an etag that changed) gets the whole file.
  const ifRange = req.headers['if-range'];
  const asked = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, file.bytes);
  if (asked === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${file.bytes}`).send();
  const range = asked ?? { start: 0, end: file.bytes - 1 };
  reply
    .type(file.mime)
    .header('content-length', range.end - range.start + 1)
    .header('content-disposition', 'inline');
  if (asked) reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${file.bytes}`);
  return reply.send(await bytesOf(ctx.db, file.id, range));
}
