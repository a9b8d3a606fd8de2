/**
 * Notices as residents read them: the text (a withdrawn one: its correction, never its body), photos and media,
 * the reactions' totals, what this device already told (by the receipts' keyed hash, never the device id) and this
 * phone's own replies with their answers. A handful of batched reads for a page of at most 20 notices.
 */
import type { PublicNotice, WarningMedia, WarningReplyView, WarningRules } from '@jingmin/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { mediaFiles, photos, warningReach, warningReceipts } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { categoryLabel, type NoticeRow, warningRules } from './notices.queries.js';
import { deviceReceiptHash } from './receipt-key.js';
import { phoneReplies } from './replies.service.js';

export interface NoticeReader {
  /** The device's own id (query `device`), for `mine`. */
  device?: string | undefined;
  /** The verified phone's index, for its replies. */
  phoneIndex?: string | null | undefined;
}

type Mine = PublicNotice['mine'];
const NOTHING: Mine = { acknowledged: false, thanks: false, like: false };
const CORRECTION_ZH = '该预警已撤回。';

export const warningPhotoUrl = (warningId: string, photoId: string) =>
  `/api/v1/public/warnings/${warningId}/photos/${photoId}`;

function groupBy<T, K extends keyof T>(rows: T[], key: K): Map<T[K], T[]> {
  const map = new Map<T[K], T[]>();
  for (const r of rows) map.set(r[key], [...(map.get(r[key]) ?? []), r]);
  return map;
}

async function attachments(ctx: Ctx, ids: string[]) {
  const [photoRows, mediaRows] = await Promise.all([
    ctx.db
      .select({ id: photos.id, ownerId: photos.ownerId })
      .from(photos)
      .where(and(eq(photos.ownerType, 'warning'), inArray(photos.ownerId, ids)))
      .orderBy(asc(photos.createdAt), asc(photos.ordinal)),
    ctx.db
      .select({
        id: mediaFiles.id,
        ownerId: mediaFiles.ownerId,
        kind: mediaFiles.kind,
        mime: mediaFiles.mime,
        bytes: mediaFiles.bytes,
      })
      .from(mediaFiles)
      .where(and(eq(mediaFiles.ownerType, 'warning'), inArray(mediaFiles.ownerId, ids)))
      .orderBy(asc(mediaFiles.createdAt)),
  ]);
  return { photos: groupBy(photoRows, 'ownerId'), media: groupBy(mediaRows, 'ownerId') };
}

async function reactions(ctx: Ctx, ids: string[]) {
  const rows = await ctx.db
    .select({
      warningId: warningReach.warningId,
      thanks: sql<number>`coalesce(sum(${warningReach.thanks}), 0)::int`,
      likes: sql<number>`coalesce(sum(${warningReach.likes}), 0)::int`,
    })
    .from(warningReach)
    .where(inArray(warningReach.warningId, ids))
    .groupBy(warningReach.warningId);
  return new Map(rows.map((r) => [r.warningId, { thanks: Number(r.thanks), likes: Number(r.likes) }]));
}

async function mine(ctx: Ctx, ids: string[], device: string | undefined): Promise<Map<string, Mine>> {
  if (!device) return new Map();
  const hashes = ids.map((id) => deviceReceiptHash(ctx, device, id));
  const rows = await ctx.db
    .select()
    .from(warningReceipts)
    .where(and(inArray(warningReceipts.warningId, ids), inArray(warningReceipts.deviceHash, hashes)));
  return new Map(
    rows.map((r) => [
      r.warningId,
      { acknowledged: r.ackedAt !== null, thanks: r.thankedAt !== null, like: r.likedAt !== null },
    ]),
  );
}

async function rulesOf(ctx: Ctx, stationIds: string[]) {
  const unique = [...new Set(stationIds)];
  return new Map<string, WarningRules>(
    await Promise.all(unique.map(async (id) => [id, await warningRules(ctx.db, id)] as const)),
  );
}

/** The notices in their order, as the reader may see them. */
export async function presentNotices(ctx: Ctx, rows: NoticeRow[], reader: NoticeReader): Promise<PublicNotice[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [files, totals, own, rules, replies] = await Promise.all([
    attachments(ctx, ids),
    reactions(ctx, ids),
    mine(ctx, ids, reader.device),
    rulesOf(
      ctx,
      rows.map((r) => r.stationId),
    ),
    reader.phoneIndex ? phoneReplies(ctx, reader.phoneIndex, ids) : new Map<string, WarningReplyView[]>(),
  ]);
  return rows.map((r) => {
    const withdrawn = r.status === 'withdrawn';
    const media: WarningMedia[] = withdrawn
      ? []
      : (files.media.get(r.id) ?? []).map((m) => ({
          id: m.id,
          kind: m.kind,
          mime: m.mime,
          bytes: m.bytes,
          url: `/api/v1/public/media/${m.id}`,
        }));
    return {
      id: r.id,
      stationName: r.stationName,
      category: r.category,
      categoryLabel: categoryLabel(rules.get(r.stationId) ?? { extraCategories: [] }, r.category, ctx.locale),
      priority: r.priority,
      title: r.title,
      // A withdrawn notice's body is no longer said: its correction is.
      body: withdrawn ? '' : r.body,
      ackRequired: r.ackRequired,
      sentAt: (r.sentAt ?? r.withdrawnAt ?? new Date(0)).toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      withdrawn,
      correction: withdrawn
        ? (r.correction ?? (ctx.locale === 'en' ? 'This notice was withdrawn.' : CORRECTION_ZH))
        : null,
      photoUrls: withdrawn ? [] : (files.photos.get(r.id) ?? []).map((p) => warningPhotoUrl(r.id, p.id)),
      media,
      mine: own.get(r.id) ?? NOTHING,
      thanks: totals.get(r.id)?.thanks ?? 0,
      likes: totals.get(r.id)?.likes ?? 0,
      myReplies: replies.get(r.id) ?? [],
    };
  });
}
