/**
 * A notice as staff read it: its content, whom it targets, its media, who wrote and reviewed it, its reach totals
 * and the steps this account may take. Reach is read from `warning_reach` sums and a count of replies — for a
 * whole list page in one grouped statement, never one per row.
 */
import type { WarningMediaKind, WarningReachTotals, WarningView } from '@jingmin/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { mediaFiles, photos, rooms, staff, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { cachedWarningRules, categoryLabel } from './settings.js';
import { allowedWarningActions, type Warning } from './warnings.policy.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Where staff play a notice's audio or video (HTTP Range served by the media module). */
export const staffMediaUrl = (id: string) => `/api/v1/media/files/${id}`;

type Counted = Pick<Warning, 'id' | 'deliveredHouseholds' | 'smsSent'>;

/** The reach totals of each notice: one statement over the reach rows and the replies of all of them. */
export async function reachTotals(db: Queryable, rows: readonly Counted[]): Promise<Map<string, WarningReachTotals>> {
  const totals = new Map<string, WarningReachTotals>();
  if (rows.length === 0) return totals;
  const ids = `{${rows.map((r) => r.id).join(',')}}`;
  const counted = rowsOf<{
    id: string;
    opened: number;
    acknowledged: number;
    thanks: number;
    likes: number;
    replies: number;
  }>(
    await db.execute(sql`
      SELECT w.id::text AS id,
        COALESCE(r.opened, 0)::int AS opened, COALESCE(r.acknowledged, 0)::int AS acknowledged,
        COALESCE(r.thanks, 0)::int AS thanks, COALESCE(r.likes, 0)::int AS likes,
        COALESCE(p.replies, 0)::int AS replies
      FROM unnest(${ids}::uuid[]) AS w(id)
      LEFT JOIN (
        SELECT warning_id, sum(opened) AS opened, sum(acknowledged) AS acknowledged, sum(thanks) AS thanks,
          sum(likes) AS likes
        FROM warning_reach WHERE warning_id = ANY(${ids}::uuid[]) GROUP BY warning_id
      ) r ON r.warning_id = w.id
      LEFT JOIN (
        SELECT warning_id, count(*) AS replies FROM warning_replies WHERE warning_id = ANY(${ids}::uuid[])
        GROUP BY warning_id
      ) p ON p.warning_id = w.id`),
  );
  for (const row of rows) {
    const c = counted.find((x) => x.id === row.id);
    totals.set(row.id, {
      deliveredHouseholds: row.deliveredHouseholds,
      deliveredPhones: row.smsSent,
      opened: Number(c?.opened ?? 0),
      acknowledged: Number(c?.acknowledged ?? 0),
      thanks: Number(c?.thanks ?? 0),
      likes: Number(c?.likes ?? 0),
      replies: Number(c?.replies ?? 0),
    });
  }
  return totals;
}

async function namesOf(db: Queryable, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The units and rooms a notice targets, in the order chosen. */
async function targetsOf(db: Queryable, w: Warning) {
  const unitRows = w.targetUnitIds.length
    ? await db
        .select({ id: units.id, name: units.name, kind: units.kind })
        .from(units)
        .where(inArray(units.id, w.targetUnitIds))
    : [];
  const roomRows = w.targetRoomIds.length
    ? await db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(inArray(rooms.id, w.targetRoomIds))
    : [];
  return {
    units: w.targetUnitIds.flatMap((id) => unitRows.filter((u) => u.id === id)),
    rooms: w.targetRoomIds.flatMap((id) => roomRows.filter((r) => r.id === id)),
    subscribers: w.targetSubscribers,
  };
}

/** A notice's photos (in order) and audio/video. */
export async function mediaOf(db: Queryable, warningId: string) {
  const photoRows = await db
    .select({ id: photos.id })
    .from(photos)
    .where(and(eq(photos.ownerType, 'warning'), eq(photos.ownerId, warningId)))
    .orderBy(asc(photos.ordinal));
  const files = await db
    .select({ id: mediaFiles.id, kind: mediaFiles.kind, mime: mediaFiles.mime, bytes: mediaFiles.bytes })
    .from(mediaFiles)
    .where(and(eq(mediaFiles.ownerType, 'warning'), eq(mediaFiles.ownerId, warningId)))
    .orderBy(asc(mediaFiles.createdAt), asc(mediaFiles.id));
  return {
    photoIds: photoRows.map((p) => p.id),
    media: files.map((f) => ({ ...f, kind: f.kind as WarningMediaKind, url: staffMediaUrl(f.id) })),
  };
}

export async function presentWarning(ctx: Ctx, w: Warning): Promise<WarningView> {
  const actor = actorOf(ctx);
  const [station] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, w.stationId));
  const rules = await cachedWarningRules(ctx.db, w.stationId);
  const names = await namesOf(ctx.db, [w.authorId, w.reviewerId]);
  const { photoIds, media } = await mediaOf(ctx.db, w.id);
  const reach = (await reachTotals(ctx.db, [w])).get(w.id);
  return {
    id: w.id,
    stationId: w.stationId,
    stationName: station?.name ?? '',
    category: w.category,
    categoryLabel: categoryLabel(rules, w.category, ctx.locale),
    priority: w.priority,
    title: w.title,
    body: w.body,
    ackRequired: w.ackRequired,
    expiresAt: iso(w.expiresAt),
    status: w.status,
    scheduledAt: iso(w.scheduledAt),
    sentAt: iso(w.sentAt),
    withdrawnAt: iso(w.withdrawnAt),
    correction: w.correction,
    target: await targetsOf(ctx.db, w),
    sms: w.sms,
    smsText: w.smsText,
    photoIds,
    media,
    author: { id: w.authorId, name: names.get(w.authorId) ?? '' },
    reviewer: w.reviewerId ? { id: w.reviewerId, name: names.get(w.reviewerId) ?? '' } : null,
    reviewedAt: w.reviewedAt?.toISOString() ?? null,
    reviewNote: w.reviewNote,
    reach: reach ?? emptyReach(w),
    actions: allowedWarningActions(actor, w),
    createdAt: w.createdAt.toISOString(),
    version: w.version,
  };
}

const emptyReach = (w: Counted): WarningReachTotals => ({
  deliveredHouseholds: w.deliveredHouseholds,
  deliveredPhones: w.smsSent,
  opened: 0,
  acknowledged: 0,
  thanks: 0,
  likes: 0,
  replies: 0,
});
