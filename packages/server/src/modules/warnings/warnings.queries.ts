/**
 * Reads of notices for staff: the list in the account's sight (newest first, paged by the creation time), and how
 * far a target reaches before sending — households and scanned households of its areas (each once, however the
 * areas overlap), subscribed phones and those opted in to SMS, rooms, and the SMS as it would read.
 */
import {
  DEFAULT_WARNING_RULES,
  labelOf,
  type WarningListQuery,
  type WarningPage,
  type WarningPreviewInput,
  type WarningReachPreview,
  warningSmsSummary,
} from '@jingmin/shared';
import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import { households, staff, units, warningSubscriptions, warnings } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { isHome } from './coverage.js';
import { warningListWhere } from './list-filter.js';
import { assertCategory, categoryLabel, stationsRules, warningRules } from './settings.js';
import { resolveTarget, smsTextOf, underAny } from './targets.js';
import { stationOf } from './warnings.service.js';
import { reachTotals } from './warnings.view.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** 预警列表: the notices in sight, filtered, newest first; `before` is the last item's `createdAt`. */
export async function listWarnings(ctx: Ctx, q: WarningListQuery): Promise<WarningPage> {
  const { before, limit, ...filters } = q;
  const where = await warningListWhere(ctx, filters);
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({ w: warnings, stationName: units.name, authorName: staff.displayName })
      .from(warnings)
      .innerJoin(units, eq(units.id, warnings.stationId))
      .innerJoin(staff, eq(staff.id, warnings.authorId))
      .where(and(where, before ? lt(warnings.createdAt, new Date(before)) : undefined))
      .orderBy(desc(warnings.createdAt), desc(warnings.id))
      .limit(limit + 1),
    ctx.db.select({ n: count() }).from(warnings).where(where),
  ]);
  const page = rows.slice(0, q.limit);
  const reach = await reachTotals(
    ctx.db,
    page.map((r) => r.w),
  );
  const rules = await stationsRules(
    ctx.db,
    page.map((r) => r.w.stationId),
  );
  return {
    items: page.map(({ w, stationName, authorName }) => ({
      id: w.id,
      stationName,
      category: w.category,
      categoryLabel: categoryLabel(rules.get(w.stationId) ?? DEFAULT_WARNING_RULES, w.category, ctx.locale),
      priority: w.priority,
      title: w.title,
      status: w.status,
      scheduledAt: iso(w.scheduledAt),
      sentAt: iso(w.sentAt),
      expiresAt: iso(w.expiresAt),
      reach: reach.get(w.id) ?? {
        deliveredHouseholds: w.deliveredHouseholds,
        deliveredPhones: w.smsSent,
        opened: 0,
        acknowledged: 0,
        thanks: 0,
        likes: 0,
        replies: 0,
      },
      createdAt: w.createdAt.toISOString(),
      authorName,
    })),
    hasMore: rows.length > q.limit,
    total: Number(counted?.n ?? 0),
  };
}

/** 发布前预览: the same checks as composing (category, audience in the station and the author's scope). */
export async function previewReach(ctx: Ctx, input: WarningPreviewInput): Promise<WarningReachPreview> {
  const actor = actorOf(ctx);
  const station = await stationOf(ctx, input.stationId);
  const rules = await warningRules(ctx.db, station.id);
  const category = assertCategory(ctx, rules, input.category);
  const target = await resolveTarget(ctx, actor, station, input.target);
  const paths = target.units.map((u) => u.path);
  const [homes] = await ctx.db
    .select({
      households: sql<number>`count(*)::int`,
      scanned: sql<number>`count(${households.firstScannedAt})::int`,
    })
    .from(households)
    .where(and(isHome, underAny(households.unitPath, paths)));
  const area = target.subscribers ? undefined : underAny(warningSubscriptions.unitPath, paths);
  const [subs] = await ctx.db
    .select({
      devices: sql<number>`count(*)::int`,
      sms: sql<number>`(count(*) FILTER (WHERE ${warningSubscriptions.sms}))::int`,
    })
    .from(warningSubscriptions)
    .where(
      and(
        eq(warningSubscriptions.stationId, station.id),
        sql`${input.category} = ANY(${warningSubscriptions.categories})`,
        area,
      ),
    );
  const summary = warningSmsSummary(labelOf(category.label, 'zh-CN'), input.title);
  return {
    households: Number(homes?.households ?? 0),
    scannedHouseholds: Number(homes?.scanned ?? 0),
    subscribedDevices: Number(subs?.devices ?? 0),
    smsPhones: Number(subs?.sms ?? 0),
    rooms: target.rooms.length,
    smsText: input.sms ? smsTextOf(rules, station.name, summary) : null,
  };
}
