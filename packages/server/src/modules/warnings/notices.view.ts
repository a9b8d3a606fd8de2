/**
 * Notices as residents read them: the text (a withdrawn one: its correction, never its body), photos and media,
 * the reactions' totals, what this device already told (by the receipts' keyed hash, never the device id) and this
 * phone's own replies with their answers. One read for the notices' extras, one for the device's receipts, the
 * station's rules kept in the process: a page of at most 20 notices costs the same few round trips.
 */
import { DEFAULT_WARNING_RULES, type PublicNotice, type WarningMedia, type WarningReplyView } from '@jingmin/shared';
import { and, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { mediaFiles, photos, warningReach, warningReceipts } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import type { NoticeRow } from './notices.queries.js';
import { deviceReceiptHash } from './receipt-key.js';
import { phoneReplies } from './replies.service.js';
import { categoryLabel, stationsRules } from './settings.js';

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

interface Extras {
  photoIds: string[];
  media: WarningMedia[];
  thanks: number;
  likes: number;
}

/**
 * The notices' photos, media and reactions' totals, in ONE statement: residents' pages are the hottest read of a
 * notice (a station's households open it within minutes), so a page costs few round trips to the database.
 */
async function extrasOf(ctx: Ctx, ids: string[]): Promise<Map<string, Extras>> {
  const rows = rowsOf<{
    id: string;
    photo_ids: string[];
    media: Omit<WarningMedia, 'url'>[];
    thanks: number;
    likes: number;
  }>(
    await ctx.db.execute(sql`
      SELECT w.id,
             coalesce((SELECT json_agg(p.id ORDER BY p.created_at, p.ordinal) FROM ${photos} p
                        WHERE p.owner_type = 'warning' AND p.owner_id = w.id), '[]') AS photo_ids,
             coalesce((SELECT json_agg(json_build_object('id', m.id, 'kind', m.kind, 'mime', m.mime, 'bytes', m.bytes)
                                       ORDER BY m.created_at) FROM ${mediaFiles} m
                        WHERE m.owner_type = 'warning' AND m.owner_id = w.id), '[]') AS media,
             (SELECT coalesce(sum(r.thanks), 0)::int FROM ${warningReach} r WHERE r.warning_id = w.id) AS thanks,
             (SELECT coalesce(sum(r.likes), 0)::int FROM ${warningReach} r WHERE r.warning_id = w.id) AS likes
        FROM unnest(${sql.param(ids)}::uuid[]) AS w(id)`),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        photoIds: r.photo_ids,
        media: r.media.map((m) => ({ ...m, url: `/api/v1/public/media/${m.id}` })),
        thanks: Number(r.thanks),
        likes: Number(r.likes),
      },
    ]),
  );
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

/** The notices in their order, as the reader may see them. */
export async function presentNotices(ctx: Ctx, rows: NoticeRow[], reader: NoticeReader): Promise<PublicNotice[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [extras, own, rules, replies] = await Promise.all([
    extrasOf(ctx, ids),
    mine(ctx, ids, reader.device),
    stationsRules(
      ctx.db,
      rows.map((r) => r.stationId),
    ),
    reader.phoneIndex ? phoneReplies(ctx, reader.phoneIndex, ids) : new Map<string, WarningReplyView[]>(),
  ]);
  return rows.map((r) => {
    const withdrawn = r.status === 'withdrawn';
    const extra = extras.get(r.id);
    return {
      id: r.id,
      stationName: r.stationName,
      category: r.category,
      categoryLabel: categoryLabel(rules.get(r.stationId) ?? DEFAULT_WARNING_RULES, r.category, ctx.locale),
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
      photoUrls: withdrawn ? [] : (extra?.photoIds ?? []).map((id) => warningPhotoUrl(r.id, id)),
      media: withdrawn ? [] : (extra?.media ?? []),
      mine: own.get(r.id) ?? NOTHING,
      thanks: extra?.thanks ?? 0,
      likes: extra?.likes ?? 0,
      myReplies: replies.get(r.id) ?? [],
    };
  });
}
