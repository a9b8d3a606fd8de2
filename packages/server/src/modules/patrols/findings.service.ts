/**
 * 巡逻发现 → 事项: what a patrol found (a broken street lamp, a missing manhole cover), recorded as a matter of the
 * channel 巡逻发现 in one action through the desk's own recording (回执号, deadlines, first event, the desk's live
 * alert, Idempotency-Key, photos) and kept with the patrol. Its starter records it, or whoever manages the station's
 * patrols; a phone that queued it offline may send it after the patrol ended, and a resend with the same key gets
 * the same matter. The place is a point of the station, a household, or words alone (then the patroller's own
 * village or grid, else the route's first point's).
 */
import { HOUSEHOLD_UNIT_KINDS, type PatrolFindingInput, type PatrolSessionMatter } from '@jingmin/shared';
import { and, asc, eq } from 'drizzle-orm';
import {
  matters,
  patrolPoints,
  patrolRoutePoints,
  patrolSessionMatters,
  type patrolSessions,
  units,
} from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { recordMatter } from '../matters/desk-intake.service.js';
import { notFound, refuse } from './patrols.access.js';
import { sessionInSight } from './sessions.service.js';

type Session = typeof patrolSessions.$inferSelect;
type Place = { unitId: string; placeNote: string | undefined } | { householdId: string; placeNote: undefined };

export async function recordFinding(
  ctx: Ctx,
  sessionId: string,
  key: string | undefined,
  input: PatrolFindingInput,
): Promise<PatrolSessionMatter> {
  const actor = actorOf(ctx);
  const { session, path } = await sessionInSight(ctx, sessionId);
  const manages = actor.capabilities.includes('field.manage') && canSeePath(actor, path);
  if (session.startedBy !== actor.id && !manages) throw refuse(ctx, 'PATROL_NOT_STARTER');
  const place = await placeOf(ctx, session, path, input);
  const receipt = await recordMatter(ctx, key, {
    channel: 'patrol',
    kind: input.kind,
    urgency: 'normal',
    body: input.body,
    ...place,
    smsConsent: false,
    photoIds: input.photoIds,
  });
  // recordMatter commits on its own: the link follows, and a resend (the same key, the same matter) completes it.
  await ctx.db.transaction(async (tx) => {
    const [linked] = await tx
      .insert(patrolSessionMatters)
      .values({ sessionId: session.id, matterId: receipt.id, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ matterId: patrolSessionMatters.matterId });
    if (linked)
      await audit(ctx, tx, {
        action: 'patrol.matter',
        result: 'ok',
        targetType: 'patrol_session',
        targetId: session.id,
        details: { matterId: receipt.id, number: receipt.number, kind: input.kind },
      });
  });
  const [row] = await ctx.db
    .select({
      id: matters.id,
      number: matters.number,
      kind: matters.kind,
      status: matters.status,
      createdAt: matters.createdAt,
      sessionId: patrolSessionMatters.sessionId,
    })
    .from(matters)
    .innerJoin(patrolSessionMatters, eq(patrolSessionMatters.matterId, matters.id))
    .where(eq(matters.id, receipt.id));
  // The key made a matter of another patrol: not a resend of this one.
  if (!row || row.sessionId !== session.id) throw new AppError('IDEMPOTENCY_MISMATCH');
  return { id: row.id, number: row.number, kind: row.kind, status: row.status, createdAt: row.createdAt.toISOString() };
}

/** Where it was found, as the desk's recording takes it: a village or grid with words, or a household. */
async function placeOf(ctx: Ctx, session: Session, stationPath: string, input: PatrolFindingInput): Promise<Place> {
  const words = input.place?.trim() || undefined;
  if (input.pointId && input.householdId)
    throw invalid(ctx, 'pointId', '必到点和住户只能选一个', 'choose a point or a household, not both');
  if (input.householdId) return { householdId: input.householdId, placeNote: undefined };
  const point = input.pointId ? await pointOf(ctx, session.stationId, input.pointId) : null;
  if (!point && !words)
    throw invalid(ctx, 'place', '请选择必到点，或写明在哪里', 'choose a point, or say where in words');
  const own = await ownUnit(ctx, stationPath);
  const note = (text: string | undefined) => [text, words].filter(Boolean).join(' · ') || undefined;
  if (point) {
    // A point outside the patroller's own area (a volunteer of another village on the route): its own unit, the
    // point named in the words, since the desk's recording keeps to the recorder's area.
    if (canSeePath(actorOf(ctx), point.unitPath) || !own)
      return { unitId: point.unitId, placeNote: note(`${point.name}（${point.code}）`) };
    return { unitId: own, placeNote: note(`${point.unitName} ${point.name}（${point.code}）`) };
  }
  if (own) return { unitId: own, placeNote: words };
  const first = session.routeId ? await firstPointOf(ctx, session.routeId) : null;
  if (!first) throw invalid(ctx, 'pointId', '请选择离发现地点最近的必到点', 'choose the nearest point');
  return { unitId: first, placeNote: words };
}

/** A point of the session's station (active or retired: a queued report may name one retired since). */
async function pointOf(ctx: Ctx, stationId: string, pointId: string) {
  const [row] = await ctx.db
    .select({
      name: patrolPoints.name,
      code: patrolPoints.code,
      unitId: patrolPoints.unitId,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(patrolPoints)
    .innerJoin(units, eq(units.id, patrolPoints.unitId))
    .where(and(eq(patrolPoints.id, pointId), eq(patrolPoints.stationId, stationId)));
  if (!row) throw notFound(ctx, '本所的该必到点', "Patrol point of the patrol's station");
  return row;
}

/** The patroller's own village or grid, when it works in one of the station's. */
async function ownUnit(ctx: Ctx, stationPath: string): Promise<string | null> {
  const actor = actorOf(ctx);
  if (!isUnder(actor.scopePath, stationPath)) return null;
  const [unit] = await ctx.db.select({ kind: units.kind }).from(units).where(eq(units.id, actor.scopeUnitId));
  return unit && HOUSEHOLD_UNIT_KINDS.includes(unit.kind) ? actor.scopeUnitId : null;
}

async function firstPointOf(ctx: Ctx, routeId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ unitId: patrolPoints.unitId })
    .from(patrolRoutePoints)
    .innerJoin(patrolPoints, eq(patrolPoints.id, patrolRoutePoints.pointId))
    .where(eq(patrolRoutePoints.routeId, routeId))
    .orderBy(asc(patrolRoutePoints.seq))
    .limit(1);
  return row?.unitId ?? null;
}
