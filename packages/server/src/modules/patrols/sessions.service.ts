/**
 * A patrol (巡逻): who started it, with which team along which route, and when it ended. A field worker has one
 * patrol under way at a time; starting one carries an Idempotency-Key, since phones retry.
 */
import {
  type MyPatrolSession,
  type PatrolSession,
  type PatrolSessionDetail,
  type PatrolSessionEnd,
  type PatrolSessionPage,
  type PatrolSessionQuery,
  type PatrolSessionStart,
  periodBounds,
} from '@jingmin/shared';
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import {
  patrolCheckins,
  patrolPoints,
  patrolRoutes,
  patrolSessions,
  patrolTeamMembers,
  patrolTeams,
  staff,
  units,
} from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { invalid } from '../../platform/errors.js';
import { claimKey, replayOf, requireKey, storeAnswer } from '../../platform/idempotency.js';
import { canSeePath } from '../../platform/scope.js';
import { listUnit } from '../visits/visit-filter.js';
import { findingsOf } from './found.queries.js';
import { pointsOfLine } from './lines.service.js';
import { patrolsSql } from './patrol-sets.js';
import { notFound, refuse, seesStation, stationToRead } from './patrols.access.js';

type Session = typeof patrolSessions.$inferSelect;

export async function startSession(
  ctx: Ctx,
  stationId: string,
  key: string | undefined,
  input: PatrolSessionStart,
): Promise<PatrolSessionDetail> {
  const actor = actorOf(ctx);
  const idempotencyKey = requireKey(key);
  await stationToRead(ctx, stationId);
  const hash = sm3(JSON.stringify(['patrol.start', actor.id, stationId, input.teamId ?? null, input.routeId ?? null]));
  const earlier = await replayOf<{ sessionId: string }>(ctx.db, idempotencyKey, hash);
  if (earlier) return getSession(ctx, earlier.sessionId);
  await assertSetUp(ctx, stationId, input);
  await assertMayStart(ctx, input);
  if (await openSessionOf(ctx.db, actor.id)) throw refuse(ctx, 'PATROL_SESSION_OPEN');
  const id = await ctx.db.transaction(async (tx) => {
    if (!(await claimKey(tx, idempotencyKey, 'patrol.start', hash, ctx.now()))) return null;
    const [row] = await tx
      .insert(patrolSessions)
      .values({
        stationId,
        teamId: input.teamId ?? null,
        routeId: input.routeId ?? null,
        startedBy: actor.id,
        startedAt: ctx.now(),
        note: input.note || null,
        createdAt: ctx.now(),
      })
      .returning({ id: patrolSessions.id });
    const sessionId = row?.id ?? '';
    await audit(ctx, tx, {
      action: 'patrol.start',
      result: 'ok',
      targetType: 'patrol_session',
      targetId: sessionId,
      details: { stationId, teamId: input.teamId ?? null, routeId: input.routeId ?? null },
    });
    await storeAnswer(tx, idempotencyKey, { sessionId });
    return sessionId;
  });
  // A concurrent retry claimed the key first: its answer is the one.
  const sessionId = id ?? (await replayOf<{ sessionId: string }>(ctx.db, idempotencyKey, hash))?.sessionId;
  if (!sessionId) throw refuse(ctx, 'PATROL_SESSION_OPEN');
  return getSession(ctx, sessionId);
}

/** Ends a patrol: its starter, or whoever manages the station's patrols. */
export async function endSession(ctx: Ctx, id: string, input: PatrolSessionEnd): Promise<PatrolSessionDetail> {
  const actor = actorOf(ctx);
  const { session, path } = await sessionInSight(ctx, id);
  const manages = actor.capabilities.includes('field.manage') && canSeePath(actor, path);
  if (session.startedBy !== actor.id && !manages)
    throw invalid(ctx, 'id', '只有发起人或所长可以结束这次巡逻', 'only who started the patrol, or the chief, ends it');
  await ctx.db.transaction(async (tx) => {
    const [ended] = await tx
      .update(patrolSessions)
      .set({ endedAt: ctx.now(), note: input.note || session.note })
      .where(and(eq(patrolSessions.id, id), isNull(patrolSessions.endedAt)))
      .returning({ id: patrolSessions.id });
    if (!ended) throw refuse(ctx, 'PATROL_SESSION_ENDED');
    await audit(ctx, tx, {
      action: 'patrol.end',
      result: 'ok',
      targetType: 'patrol_session',
      targetId: id,
      details: { stationId: session.stationId },
    });
  });
  return getSession(ctx, id);
}

export async function listSessions(ctx: Ctx, stationId: string, q: PatrolSessionQuery): Promise<PatrolSessionPage> {
  const station = await stationToRead(ctx, stationId);
  // From the dashboard: the patrols of the stations under `unitId` (a bureau) instead of this one.
  const unit = q.unitId ? await listUnit(ctx, q.unitId) : null;
  const bounds = q.from && q.to ? periodBounds({ from: q.from, to: q.to }, ctx.now()) : undefined;
  const where =
    unit || bounds ? patrolsSql(unit?.path ?? station.path, bounds) : eq(patrolSessions.stationId, stationId);
  const [total] = await ctx.db.select({ n: count() }).from(patrolSessions).where(where);
  const rows = await ctx.db
    .select()
    .from(patrolSessions)
    .where(where)
    .orderBy(desc(patrolSessions.startedAt), desc(patrolSessions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: await presentSessions(ctx.db, rows),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getSession(ctx: Ctx, id: string): Promise<PatrolSessionDetail> {
  const { session } = await sessionInSight(ctx, id);
  return detailOf(ctx.db, session);
}

/** The actor's patrol under way, or null. */
export async function mySession(ctx: Ctx): Promise<MyPatrolSession> {
  const open = await openSessionOf(ctx.db, actorOf(ctx).id);
  return { session: open ? await detailOf(ctx.db, open) : null };
}

export async function openSessionOf(db: Queryable, staffId: string): Promise<Session | undefined> {
  const [open] = await db
    .select()
    .from(patrolSessions)
    .where(and(eq(patrolSessions.startedBy, staffId), isNull(patrolSessions.endedAt)))
    .orderBy(desc(patrolSessions.startedAt))
    .limit(1);
  return open;
}

export async function sessionInSight(ctx: Ctx, id: string): Promise<{ session: Session; path: string }> {
  const [row] = await ctx.db
    .select({ session: patrolSessions, path: units.path })
    .from(patrolSessions)
    .innerJoin(units, eq(units.id, patrolSessions.stationId))
    .where(eq(patrolSessions.id, id));
  if (!row || !seesStation(ctx, row.path)) throw notFound(ctx, '该次巡逻', 'Patrol');
  return row;
}

/** Who joins without field.work (a volunteer): only a patrol of a team it is a member of. */
export function joinsOnly(ctx: Ctx): boolean {
  return !actorOf(ctx).capabilities.includes('field.work');
}

/** Whether the actor is on the team's list (as an account, not a name). */
export async function isMember(db: Queryable, teamId: string, staffId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: patrolTeamMembers.id })
    .from(patrolTeamMembers)
    .where(and(eq(patrolTeamMembers.teamId, teamId), eq(patrolTeamMembers.staffId, staffId)));
  return Boolean(row);
}

async function assertMayStart(ctx: Ctx, input: PatrolSessionStart) {
  if (!joinsOnly(ctx)) return;
  if (!input.teamId) throw invalid(ctx, 'teamId', '请选择您所在的巡逻队', 'choose the patrol team you are a member of');
  if (!(await isMember(ctx.db, input.teamId, actorOf(ctx).id))) throw refuse(ctx, 'PATROL_NOT_MEMBER');
}

/** A team and a route of the station still in use. */
async function assertSetUp(ctx: Ctx, stationId: string, input: PatrolSessionStart) {
  if (input.teamId) {
    const [team] = await ctx.db
      .select({ id: patrolTeams.id })
      .from(patrolTeams)
      .where(and(eq(patrolTeams.id, input.teamId), eq(patrolTeams.stationId, stationId), eq(patrolTeams.active, true)));
    if (!team) throw invalid(ctx, 'teamId', '应为本所在用的巡逻队', 'must be an active patrol team of the station');
  }
  if (input.routeId) {
    const [line] = await ctx.db
      .select({ id: patrolRoutes.id })
      .from(patrolRoutes)
      .where(
        and(eq(patrolRoutes.id, input.routeId), eq(patrolRoutes.stationId, stationId), eq(patrolRoutes.active, true)),
      );
    if (!line) throw invalid(ctx, 'routeId', '应为本所在用的必巡线', 'must be an active patrol route of the station');
  }
}

async function presentSessions(db: Queryable, rows: Session[]): Promise<PatrolSession[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((s) => s.id);
  const byId = (found: { id: string; name: string }[]) => new Map(found.map((f) => [f.id, f.name]));
  const people = byId(
    await db
      .select({ id: staff.id, name: staff.displayName })
      .from(staff)
      .where(
        inArray(
          staff.id,
          rows.map((s) => s.startedBy),
        ),
      ),
  );
  const teamIds = rows.flatMap((s) => (s.teamId ? [s.teamId] : []));
  const teams = byId(
    teamIds.length
      ? await db
          .select({ id: patrolTeams.id, name: patrolTeams.name })
          .from(patrolTeams)
          .where(inArray(patrolTeams.id, teamIds))
      : [],
  );
  const lineIds = [...new Set(rows.flatMap((s) => (s.routeId ? [s.routeId] : [])))];
  const lines = byId(
    lineIds.length
      ? await db
          .select({ id: patrolRoutes.id, name: patrolRoutes.name })
          .from(patrolRoutes)
          .where(inArray(patrolRoutes.id, lineIds))
      : [],
  );
  const checked = await db
    .select({ sessionId: patrolCheckins.sessionId, n: count() })
    .from(patrolCheckins)
    .where(inArray(patrolCheckins.sessionId, ids))
    .groupBy(patrolCheckins.sessionId);
  const linePoints = await pointsOfLine(db, lineIds);
  return rows.map((s) => ({
    id: s.id,
    stationId: s.stationId,
    startedBy: { id: s.startedBy, name: people.get(s.startedBy) ?? '' },
    team: s.teamId ? { id: s.teamId, name: teams.get(s.teamId) ?? '' } : null,
    route: s.routeId ? { id: s.routeId, name: lines.get(s.routeId) ?? '' } : null,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
    note: s.note,
    checked: Number(checked.find((c) => c.sessionId === s.id)?.n ?? 0),
    routeLength: s.routeId ? linePoints.filter((p) => p.routeId === s.routeId).length : 0,
  }));
}

async function detailOf(db: Queryable, session: Session): Promise<PatrolSessionDetail> {
  const [view] = await presentSessions(db, [session]);
  if (!view) throw new Error('a session without its view');
  const checkins = await db
    .select({
      id: patrolCheckins.id,
      pointId: patrolPoints.id,
      name: patrolPoints.name,
      code: patrolPoints.code,
      scannedAt: patrolCheckins.scannedAt,
      staffId: staff.id,
      staffName: staff.displayName,
    })
    .from(patrolCheckins)
    .innerJoin(patrolPoints, eq(patrolPoints.id, patrolCheckins.pointId))
    .innerJoin(staff, eq(staff.id, patrolCheckins.recordedBy))
    .where(eq(patrolCheckins.sessionId, session.id))
    .orderBy(asc(patrolCheckins.scannedAt), asc(patrolCheckins.id));
  const route = session.routeId ? await pointsOfLine(db, [session.routeId]) : [];
  const found = await findingsOf(db, session.id);
  return {
    ...view,
    checkins: checkins.map((c) => ({
      id: c.id,
      sessionId: session.id,
      point: { id: c.pointId, name: c.name, code: c.code },
      scannedAt: c.scannedAt.toISOString(),
      recordedBy: { id: c.staffId, name: c.staffName },
    })),
    routePoints: route.map((p) => ({
      id: p.id,
      name: p.name,
      code: p.code,
      checkedAt: checkins.find((c) => c.pointId === p.id)?.scannedAt.toISOString() ?? null,
    })),
    ...found,
  };
}
