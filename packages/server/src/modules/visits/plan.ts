/**
 * 走访计划: who is due a visit. Every household at least once in the station's interval (`visit:<stationId>`,
 * 12 months unless the chief sets another), and a household that asked for care visits (关爱走访) every so many
 * days from its request. An officer's own list covers the areas of the beats and grid duties they hold; the
 * oldest due first, and within a day by address, so neighbours follow each other on the way.
 */
import {
  type AddressKind,
  type CareRequestInput,
  type CareRequestView,
  DEFAULT_VISIT_SETTINGS,
  toCalendarDate,
  type VisitPlan,
  type VisitPlanQuery,
  type VisitSettings,
} from '@jingmin/shared';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { careVisitRequests, households, settings, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, under, visibleUnits } from '../../platform/scope.js';
import { saveSetting } from '../../platform/settings.js';
import { stationOfPath } from '../matters/place.js';
import { stationInScope } from '../settings/settings.service.js';

const keyOf = (stationId: string) => `visit:${stationId}`;

export async function visitSettings(db: Queryable, stationId: string): Promise<VisitSettings> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, keyOf(stationId)));
  return { ...DEFAULT_VISIT_SETTINGS, ...(row?.value as Partial<VisitSettings> | undefined) };
}

export async function readVisitSettings(ctx: Ctx, stationId: string) {
  await stationInScope(ctx, stationId);
  return visitSettings(ctx.db, stationId);
}

/** The station or above sets its interval (an office below it only reads it). */
export async function saveVisitSettings(ctx: Ctx, stationId: string, input: VisitSettings) {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const before = await visitSettings(ctx.db, stationId);
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, keyOf(stationId), input, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'visit.settings.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { from: before, to: input },
    });
  });
  return input;
}

/** A household in the actor's own sight (a grant, a read, opens no doors to record on it). */
async function householdToActOn(ctx: Ctx, householdId: string) {
  const [h] = await ctx.db
    .select({
      id: households.id,
      unitPath: households.unitPath,
      address: households.address,
      stationId: stationOfPath(households.unitPath),
    })
    .from(households)
    .where(eq(households.id, householdId));
  if (!h?.stationId || !canSeePath(actorOf(ctx), h.unitPath)) throw new AppError('NOT_FOUND', { what: 'household' });
  return { ...h, stationId: h.stationId };
}

/**
 * The household asked to be visited every `everyDays` days: written down by the visitor. One request stands
 * per household; a new one replaces it.
 */
export async function requestCareVisits(ctx: Ctx, householdId: string, input: CareRequestInput) {
  const actor = actorOf(ctx);
  const h = await householdToActOn(ctx, householdId);
  const now = ctx.now();
  const id = await ctx.db.transaction(async (tx) => {
    await tx
      .update(careVisitRequests)
      .set({ endedAt: now, endedBy: actor.id })
      .where(and(eq(careVisitRequests.householdId, h.id), isNull(careVisitRequests.endedAt)));
    const [row] = await tx
      .insert(careVisitRequests)
      .values({
        stationId: h.stationId,
        householdId: h.id,
        unitPath: h.unitPath,
        everyDays: input.everyDays,
        reason: input.reason ?? null,
        requestedAt: now,
        recordedBy: actor.id,
      })
      .returning({ id: careVisitRequests.id });
    await audit(ctx, tx, {
      action: 'visit.care.request',
      result: 'ok',
      targetType: 'household',
      targetId: h.id,
      details: { everyDays: input.everyDays },
    });
    return row?.id ?? '';
  });
  const [view] = await careRows(ctx, eq(careVisitRequests.id, id));
  if (!view) throw new AppError('NOT_FOUND', { what: 'care_request' });
  return view;
}

/** The household no longer wants care visits (or moved away). */
export async function endCareVisits(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const [row] = await ctx.db.select().from(careVisitRequests).where(eq(careVisitRequests.id, id));
  if (!row || !canSeePath(actor, row.unitPath)) throw new AppError('NOT_FOUND', { what: 'care_request' });
  if (row.endedAt) return { ok: true as const };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(careVisitRequests)
      .set({ endedAt: ctx.now(), endedBy: actor.id })
      .where(and(eq(careVisitRequests.id, id), isNull(careVisitRequests.endedAt)));
    await audit(ctx, tx, {
      action: 'visit.care.end',
      result: 'ok',
      targetType: 'household',
      targetId: row.householdId,
      details: { requestId: id },
    });
  });
  return { ok: true as const };
}

async function careRows(ctx: Ctx, where: SQL | undefined): Promise<CareRequestView[]> {
  const rows = await ctx.db
    .select({
      id: careVisitRequests.id,
      householdId: careVisitRequests.householdId,
      address: households.address,
      everyDays: careVisitRequests.everyDays,
      reason: careVisitRequests.reason,
      requestedAt: careVisitRequests.requestedAt,
      recordedByName: staff.displayName,
    })
    .from(careVisitRequests)
    .innerJoin(households, eq(households.id, careVisitRequests.householdId))
    .leftJoin(staff, eq(staff.id, careVisitRequests.recordedBy))
    .where(where)
    .orderBy(households.address);
  return rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() }));
}

/** The station's standing care-visit requests the actor sees. */
export async function listCareRequests(ctx: Ctx, stationId: string) {
  await stationInScope(ctx, stationId);
  return careRows(
    ctx,
    and(
      eq(careVisitRequests.stationId, stationId),
      isNull(careVisitRequests.endedAt),
      visibleUnits(actorOf(ctx), careVisitRequests.unitPath, 'household.read'),
    ),
  );
}

/** The areas the actor answers for: the grids and villages of its beats, and the units of its grid duties. */
const myAreas = (staffId: string) => sql`
  SELECT u.path FROM police_beat_staff bs
    JOIN police_beat_areas a ON a.beat_id = bs.beat_id JOIN units u ON u.id = a.unit_id
   WHERE bs.staff_id = ${staffId}
  UNION
  SELECT u.path FROM unit_duties d JOIN units u ON u.id = d.unit_id WHERE d.staff_id = ${staffId}`;

/** Households due a visit within `withinDays`, the oldest due first. */
export async function visitPlan(ctx: Ctx, stationId: string, q: VisitPlanQuery): Promise<VisitPlan> {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  let prefix = station.path;
  if (q.unitId) {
    const [u] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, q.unitId));
    if (!u?.path.startsWith(station.path)) throw new AppError('NOT_FOUND', { what: 'unit' });
    prefix = u.path;
  }
  const { everyMonths, enterpriseEveryMonths } = await visitSettings(ctx.db, stationId);
  const today = toCalendarDate(ctx.now());
  const mine =
    q.mine === '1'
      ? sql`AND EXISTS (SELECT 1 FROM (${myAreas(actor.id)}) m WHERE h.unit_path LIKE m.path || '%')`
      : sql``;
  const ofKind = q.kind ? sql`AND h.kind = ${q.kind}` : sql``;
  const rows = rowsOf<{
    id: string;
    address: string;
    kind: AddressKind;
    name: string | null;
    unit_name: string;
    last_at: Date | string | null;
    every_days: number | null;
    due_on: string | Date;
    overdue: number;
    total: number;
  }>(
    await ctx.db.execute(sql`
      WITH hh AS (
        SELECT h.id, h.address, h.kind::text AS kind, h.name, u.name AS unit_name
          FROM households h JOIN units u ON u.id = h.unit_id
         WHERE ${under(sql`h.unit_path`, prefix)} AND ${visibleUnits(actor, sql`h.unit_path`, 'household.read')} ${mine} ${ofKind}
      ), due AS (
        SELECT hh.*, l.last_at, c.every_days,
               LEAST(
                 CASE WHEN l.last_at IS NULL THEN ${today}::date
                      ELSE ((l.last_at AT TIME ZONE 'Asia/Shanghai') + make_interval(months =>
                        CASE WHEN hh.kind = 'enterprise' THEN ${enterpriseEveryMonths}::int ELSE ${everyMonths}::int END))::date END,
                 CASE WHEN c.every_days IS NULL THEN NULL
                      WHEN l.last_at IS NULL OR l.last_at < c.requested_at THEN (c.requested_at AT TIME ZONE 'Asia/Shanghai')::date
                      ELSE (l.last_at AT TIME ZONE 'Asia/Shanghai')::date + c.every_days END
               ) AS due_on
          FROM hh
          LEFT JOIN LATERAL (SELECT max(v.visited_at) AS last_at FROM visits v WHERE v.household_id = hh.id) l ON true
          LEFT JOIN LATERAL (SELECT c.every_days, c.requested_at FROM care_visit_requests c
                              WHERE c.household_id = hh.id AND c.ended_at IS NULL
                              ORDER BY c.requested_at DESC LIMIT 1) c ON true
      )
      SELECT id, address, kind, name, unit_name, last_at, every_days, to_char(due_on, 'YYYY-MM-DD') AS due_on,
             (${today}::date - due_on)::int AS overdue, count(*) OVER ()::int AS total
        FROM due
       WHERE due_on <= ${today}::date + ${q.withinDays}::int
       ORDER BY due_on, address
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  );
  return {
    items: rows.map((r) => ({
      householdId: r.id,
      address: r.address,
      kind: r.kind,
      name: r.name,
      unitName: r.unit_name,
      lastVisitedAt: r.last_at ? new Date(r.last_at).toISOString() : null,
      dueOn: String(r.due_on),
      overdueDays: Number(r.overdue),
      careEveryDays: r.every_days === null ? null : Number(r.every_days),
    })),
    total: Number(rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    everyMonths,
    enterpriseEveryMonths,
  };
}
