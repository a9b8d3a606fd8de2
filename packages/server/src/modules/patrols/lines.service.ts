/**
 * 必巡线: a station's patrol routes, each an ordered list of its active 必到点 (called "lines" here so as not to
 * be mistaken for HTTP routes). A route is never deleted: it is retired, and its patrols keep naming it.
 */
import type { PatrolRoute, PatrolRouteInput, PatrolRouteList, PatrolRouteUpdate } from '@jingmin/shared';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { patrolPoints, patrolRoutePoints, patrolRoutes, units } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { notFound, refuse, seesStation, stationToChange, stationToRead } from './patrols.access.js';

type Line = typeof patrolRoutes.$inferSelect;

export async function listLines(ctx: Ctx, stationId: string): Promise<PatrolRouteList> {
  await stationToRead(ctx, stationId);
  const rows = await ctx.db
    .select()
    .from(patrolRoutes)
    .where(eq(patrolRoutes.stationId, stationId))
    .orderBy(sql`${patrolRoutes.active} DESC`, asc(patrolRoutes.name));
  return { items: await presentLines(ctx.db, rows) };
}

export async function getLine(ctx: Ctx, id: string): Promise<PatrolRoute> {
  const line = await lineInSight(ctx, id);
  const [view] = await presentLines(ctx.db, [line]);
  if (!view) throw notFound(ctx, '该必巡线', 'Patrol route');
  return view;
}

export async function createLine(ctx: Ctx, stationId: string, input: PatrolRouteInput): Promise<PatrolRoute> {
  await stationToChange(ctx, stationId);
  await assertPlan(ctx, stationId, input, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patrolRoutes)
      .values({ stationId, name: input.name, note: input.note || null, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning({ id: patrolRoutes.id });
    const lineId = row?.id ?? '';
    await writePoints(tx, lineId, input.pointIds);
    await audit(ctx, tx, lineAudit('patrol.route_create', lineId, stationId, input));
    return lineId;
  });
  return getLine(ctx, id);
}

export async function updateLine(ctx: Ctx, id: string, input: PatrolRouteUpdate): Promise<PatrolRoute> {
  const line = await lineInSight(ctx, id);
  await stationToChange(ctx, line.stationId);
  await assertPlan(ctx, line.stationId, input, id);
  await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(patrolRoutes)
      .set({
        name: input.name,
        note: input.note || null,
        active: true,
        updatedAt: ctx.now(),
        version: sql`${patrolRoutes.version} + 1`,
      })
      .where(and(eq(patrolRoutes.id, id), eq(patrolRoutes.version, input.version)))
      .returning({ id: patrolRoutes.id });
    if (!changed) throw new AppError('CONFLICT');
    await tx.delete(patrolRoutePoints).where(eq(patrolRoutePoints.routeId, id));
    await writePoints(tx, id, input.pointIds);
    await audit(ctx, tx, lineAudit('patrol.route_update', id, line.stationId, input));
  });
  return getLine(ctx, id);
}

export async function deactivateLine(ctx: Ctx, id: string) {
  const line = await lineInSight(ctx, id);
  await stationToChange(ctx, line.stationId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(patrolRoutes)
      .set({ active: false, updatedAt: ctx.now(), version: sql`${patrolRoutes.version} + 1` })
      .where(eq(patrolRoutes.id, id));
    await audit(ctx, tx, {
      action: 'patrol.route_deactivate',
      result: 'ok',
      targetType: 'patrol_route',
      targetId: id,
      details: { stationId: line.stationId, name: line.name },
    });
  });
}

export async function lineInSight(ctx: Ctx, id: string): Promise<Line> {
  const [row] = await ctx.db
    .select({ line: patrolRoutes, path: units.path })
    .from(patrolRoutes)
    .innerJoin(units, eq(units.id, patrolRoutes.stationId))
    .where(eq(patrolRoutes.id, id));
  if (!row || !seesStation(ctx, row.path)) throw notFound(ctx, '该必巡线', 'Patrol route');
  return row.line;
}

/** The active points of a route in order (a retired point leaves the walk). */
export async function pointsOfLine(db: Queryable, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  return db
    .select({
      routeId: patrolRoutePoints.routeId,
      id: patrolPoints.id,
      name: patrolPoints.name,
      code: patrolPoints.code,
    })
    .from(patrolRoutePoints)
    .innerJoin(patrolPoints, eq(patrolPoints.id, patrolRoutePoints.pointId))
    .where(and(inArray(patrolRoutePoints.routeId, lineIds), eq(patrolPoints.active, true)))
    .orderBy(asc(patrolRoutePoints.seq));
}

function lineAudit(action: string, id: string, stationId: string, input: PatrolRouteInput) {
  return {
    action,
    result: 'ok' as const,
    targetType: 'patrol_route',
    targetId: id,
    details: { stationId, name: input.name, pointIds: input.pointIds },
  };
}

async function assertPlan(ctx: Ctx, stationId: string, input: PatrolRouteInput, self: string | null) {
  if (new Set(input.pointIds).size !== input.pointIds.length)
    throw invalid(ctx, 'pointIds', '同一必到点在线路中只能出现一次', 'a point appears once in a route');
  const found = await ctx.db
    .select({ id: patrolPoints.id })
    .from(patrolPoints)
    .where(
      and(
        inArray(patrolPoints.id, input.pointIds),
        eq(patrolPoints.stationId, stationId),
        eq(patrolPoints.active, true),
      ),
    );
  if (found.length !== input.pointIds.length)
    throw invalid(ctx, 'pointIds', '应为本所启用中的必到点', "must be the station's active patrol points");
  const [taken] = await ctx.db
    .select({ id: patrolRoutes.id })
    .from(patrolRoutes)
    .where(
      and(
        eq(patrolRoutes.stationId, stationId),
        eq(patrolRoutes.name, input.name),
        self ? ne(patrolRoutes.id, self) : undefined,
      ),
    );
  if (taken) throw refuse(ctx, 'PATROL_ROUTE_NAME_TAKEN', { name: input.name });
}

async function writePoints(tx: Tx, routeId: string, pointIds: string[]) {
  await tx.insert(patrolRoutePoints).values(pointIds.map((pointId, seq) => ({ routeId, seq: seq + 1, pointId })));
}

async function presentLines(db: Queryable, lines: Line[]): Promise<PatrolRoute[]> {
  const points = await pointsOfLine(
    db,
    lines.map((l) => l.id),
  );
  return lines.map((l) => ({
    id: l.id,
    stationId: l.stationId,
    name: l.name,
    note: l.note,
    active: l.active,
    points: points.filter((p) => p.routeId === l.id).map(({ id, name, code }) => ({ id, name, code })),
    updatedAt: l.updatedAt.toISOString(),
    version: l.version,
  }));
}
