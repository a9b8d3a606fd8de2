/**
 * 必到点: the places a station's patrols must reach, each in one of its villages or grids, with a short code and a
 * QR code printed for the site. The code holds an unguessable token; rotating it makes a lost or copied sheet stop
 * working at once. A point is never deleted: it is retired, and its check-ins stay.
 */
import {
  HOUSEHOLD_UNIT_KINDS,
  type PatrolPoint,
  type PatrolPointInput,
  type PatrolPointList,
  type PatrolPointUpdate,
} from '@jingmin/shared';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { patrolPoints, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath, under } from '../../platform/scope.js';
import { notFound, refuse, type Station, seesStation, stationToChange, stationToRead } from './patrols.access.js';
import type { PointCard } from './point-sheet.js';

type Point = typeof patrolPoints.$inferSelect;

/** The address a point's QR code opens: short, since it is printed (the web app maps /pp/ to the check-in page). */
export const pointUrl = (ctx: Ctx, token: string) => `${ctx.deps.config.http.publicUrl}/pp/${token}`;

export async function listPoints(ctx: Ctx, stationId: string): Promise<PatrolPointList> {
  const station = await stationToRead(ctx, stationId);
  const rows = await ctx.db
    .select()
    .from(patrolPoints)
    .where(eq(patrolPoints.stationId, stationId))
    .orderBy(sql`${patrolPoints.active} DESC`, asc(patrolPoints.code));
  return { items: await presentPoints(ctx, rows, station) };
}

export async function createPoint(ctx: Ctx, stationId: string, input: PatrolPointInput): Promise<PatrolPoint> {
  const station = await stationToChange(ctx, stationId);
  const unit = await unitOfStation(ctx, station, input.unitId);
  await assertCodeFree(ctx, stationId, input.code, null);
  const row = await ctx.db.transaction(async (tx) => {
    const [point] = await tx
      .insert(patrolPoints)
      .values({
        stationId,
        unitId: unit.id,
        unitPath: unit.path,
        name: input.name,
        code: input.code,
        place: input.place || null,
        token: randomToken(16),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    if (!point) throw new AppError('INTERNAL');
    await audit(ctx, tx, pointAudit('patrol.point_create', point));
    return point;
  });
  return presentOne(ctx, row, station);
}

export async function updatePoint(ctx: Ctx, id: string, input: PatrolPointUpdate): Promise<PatrolPoint> {
  const { point } = await pointInSight(ctx, id);
  const station = await stationToChange(ctx, point.stationId);
  const unit = await unitOfStation(ctx, station, input.unitId);
  await assertCodeFree(ctx, point.stationId, input.code, id);
  const row = await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(patrolPoints)
      .set({
        unitId: unit.id,
        unitPath: unit.path,
        name: input.name,
        code: input.code,
        place: input.place || null,
        active: true,
        updatedAt: ctx.now(),
        version: sql`${patrolPoints.version} + 1`,
      })
      .where(and(eq(patrolPoints.id, id), eq(patrolPoints.version, input.version)))
      .returning();
    if (!changed) throw new AppError('CONFLICT');
    await audit(ctx, tx, pointAudit('patrol.point_update', changed));
    return changed;
  });
  return presentOne(ctx, row, station);
}

/** Retires a point: its code stops checking in, it leaves the routes' walk; its check-ins stay. */
export async function deactivatePoint(ctx: Ctx, id: string) {
  const { point } = await pointInSight(ctx, id);
  await stationToChange(ctx, point.stationId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(patrolPoints)
      .set({ active: false, updatedAt: ctx.now(), version: sql`${patrolPoints.version} + 1` })
      .where(eq(patrolPoints.id, id));
    await audit(ctx, tx, pointAudit('patrol.point_deactivate', point));
  });
}

/** A new token for the point's code: the old sheet stops working at once (a lost, copied or damaged one). */
export async function rotatePoint(ctx: Ctx, id: string): Promise<PatrolPoint> {
  const { point } = await pointInSight(ctx, id);
  const station = await stationToChange(ctx, point.stationId);
  const row = await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(patrolPoints)
      .set({ token: randomToken(16), updatedAt: ctx.now(), version: sql`${patrolPoints.version} + 1` })
      .where(eq(patrolPoints.id, id))
      .returning();
    if (!changed) throw new AppError('CONFLICT');
    await audit(ctx, tx, pointAudit('patrol.point_rotate', changed));
    return changed;
  });
  return presentOne(ctx, row, station);
}

/** The cards of a printable sheet: the station's active points, or those of `ids` (all of the station). */
export async function pointCards(ctx: Ctx, stationId: string, ids: string | undefined) {
  const station = await stationToChange(ctx, stationId);
  const wanted = ids ? [...new Set(ids.split(',').filter(Boolean))] : null;
  if (wanted?.some((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)))
    throw invalid(ctx, 'ids', '应为以逗号分隔的必到点编号', 'must be comma-separated point ids');
  const rows = await ctx.db
    .select({ point: patrolPoints, unitName: units.name })
    .from(patrolPoints)
    .innerJoin(units, eq(units.id, patrolPoints.unitId))
    .where(
      and(
        eq(patrolPoints.stationId, stationId),
        eq(patrolPoints.active, true),
        wanted ? inArray(patrolPoints.id, wanted) : undefined,
      ),
    )
    .orderBy(asc(patrolPoints.code));
  if (wanted && rows.length !== wanted.length)
    throw invalid(ctx, 'ids', '有必到点不属于本所或已停用', 'some points are not active points of the station');
  await ctx.db.transaction((tx) =>
    audit(ctx, tx, {
      action: 'patrol.point_sheet',
      result: 'ok',
      targetType: 'unit',
      targetId: stationId,
      details: { points: rows.map((r) => r.point.code) },
    }),
  );
  const cards: PointCard[] = rows.map(({ point, unitName }) => ({
    stationName: station.name,
    name: point.name,
    code: point.code,
    place: [unitName, point.place].filter(Boolean).join(' · '),
    url: pointUrl(ctx, point.token),
  }));
  return { title: `${station.name}巡逻必到点二维码`, cards };
}

export async function pointInSight(ctx: Ctx, id: string): Promise<{ point: Point; path: string }> {
  const [row] = await ctx.db
    .select({ point: patrolPoints, path: units.path })
    .from(patrolPoints)
    .innerJoin(units, eq(units.id, patrolPoints.stationId))
    .where(eq(patrolPoints.id, id));
  if (!row || !seesStation(ctx, row.path)) throw notFound(ctx, '该必到点', 'Patrol point');
  return row;
}

function pointAudit(action: string, p: Point) {
  return {
    action,
    result: 'ok' as const,
    targetType: 'patrol_point',
    targetId: p.id,
    details: { stationId: p.stationId, unitId: p.unitId, name: p.name, code: p.code },
  };
}

async function unitOfStation(ctx: Ctx, station: Station, unitId: string) {
  const [unit] = await ctx.db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.id, unitId), inArray(units.kind, [...HOUSEHOLD_UNIT_KINDS]), under(units.path, station.path)));
  if (!unit)
    throw invalid(ctx, 'unitId', '应为本所的村（社区）或网格', "must be one of the station's villages or grids");
  return unit;
}

async function assertCodeFree(ctx: Ctx, stationId: string, code: string, self: string | null) {
  const [taken] = await ctx.db
    .select({ id: patrolPoints.id })
    .from(patrolPoints)
    .where(
      and(
        eq(patrolPoints.stationId, stationId),
        eq(patrolPoints.code, code),
        self ? ne(patrolPoints.id, self) : undefined,
      ),
    );
  if (taken) throw refuse(ctx, 'PATROL_POINT_CODE_TAKEN', { code });
}

async function presentOne(ctx: Ctx, point: Point, station: Station) {
  const [view] = await presentPoints(ctx, [point], station);
  if (!view) throw notFound(ctx, '该必到点', 'Patrol point');
  return view;
}

/** Points as the API shows them; the QR address only to those who may print and rotate it. */
async function presentPoints(ctx: Ctx, points: Point[], station: Station): Promise<PatrolPoint[]> {
  if (points.length === 0) return [];
  const actor = actorOf(ctx);
  const manages = actor.capabilities.includes('field.manage') && canSeePath(actor, station.path);
  const unitIds = [...new Set(points.map((p) => p.unitId))];
  const names = new Map(
    (await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return points.map((p) => ({
    id: p.id,
    stationId: p.stationId,
    unit: { id: p.unitId, name: names.get(p.unitId) ?? '' },
    name: p.name,
    code: p.code,
    place: p.place,
    active: p.active,
    url: manages ? pointUrl(ctx, p.token) : null,
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  }));
}
