/**
 * 打卡: a patrol checks in at a 必到点 by scanning the code printed there. Only the time and the point are kept —
 * where the patrol was, never where a person is. Phones queue scans offline, so each carries an Idempotency-Key:
 * a retry gets the first answer and never makes a second row. Refused, each in words the phone shows: an unknown
 * or rotated code, a point of another station, a point already checked in this patrol, an ended patrol, a scan
 * time in the future or before the patrol began, and a scan with no patrol under way.
 */
import { PATROL_CLOCK_SKEW_MS, type PatrolCheckinInput, type PatrolCheckinView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { patrolCheckins, patrolPoints, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { claimKey, replayOf, requireKey, storeAnswer } from '../../platform/idempotency.js';
import { notFound, refuse } from './patrols.access.js';
import { isMember, joinsOnly, openSessionOf, sessionInSight } from './sessions.service.js';

export async function checkIn(
  ctx: Ctx,
  key: string | undefined,
  input: PatrolCheckinInput,
): Promise<PatrolCheckinView> {
  const actor = actorOf(ctx);
  const idempotencyKey = requireKey(key);
  const hash = sm3(
    JSON.stringify(['patrol.checkin', actor.id, input.token, input.sessionId ?? null, input.scannedAt ?? null]),
  );
  const earlier = await replayOf<PatrolCheckinView>(ctx.db, idempotencyKey, hash);
  if (earlier) return earlier;
  const [found] = await ctx.db
    .select({ point: patrolPoints, stationName: units.name })
    .from(patrolPoints)
    .innerJoin(units, eq(units.id, patrolPoints.stationId))
    .where(and(eq(patrolPoints.token, input.token), eq(patrolPoints.active, true)));
  // An unknown, rotated or retired code: the same plain answer for each.
  if (!found)
    throw notFound(ctx, '该必到点二维码（可能已更换或停用）', 'Patrol point code (it may have been replaced)');
  const session = await sessionOf(ctx, input.sessionId);
  if (session.endedAt) throw refuse(ctx, 'PATROL_SESSION_ENDED');
  if (found.point.stationId !== session.stationId)
    throw refuse(ctx, 'PATROL_POINT_FOREIGN', { station: found.stationName });
  const scannedAt = scanTime(ctx, input.scannedAt, session.startedAt);
  const view = await ctx.db.transaction(async (tx) => {
    if (!(await claimKey(tx, idempotencyKey, 'patrol.checkin', hash, ctx.now()))) return null;
    // The unique (session, point) index settles two phones scanning the same point at once.
    const [row] = await tx
      .insert(patrolCheckins)
      .values({ sessionId: session.id, pointId: found.point.id, scannedAt, recordedBy: actor.id, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: patrolCheckins.id });
    if (!row) throw refuse(ctx, 'PATROL_ALREADY_CHECKED');
    const answer: PatrolCheckinView = {
      id: row.id,
      sessionId: session.id,
      point: { id: found.point.id, name: found.point.name, code: found.point.code },
      scannedAt: scannedAt.toISOString(),
      recordedBy: { id: actor.id, name: actor.displayName },
    };
    await audit(ctx, tx, {
      action: 'patrol.checkin',
      result: 'ok',
      targetType: 'patrol_session',
      targetId: session.id,
      details: { pointId: found.point.id, code: found.point.code, scannedAt: answer.scannedAt },
    });
    await storeAnswer(tx, idempotencyKey, answer);
    return answer;
  });
  if (view) return view;
  // A concurrent retry with the same key claimed it first: its answer is this one's.
  const replay = await replayOf<PatrolCheckinView>(ctx.db, idempotencyKey, hash);
  if (!replay) throw new AppError('CONFLICT');
  return replay;
}

/** The named session (in the actor's sight), or the actor's patrol under way. */
async function sessionOf(ctx: Ctx, sessionId: string | undefined) {
  if (sessionId) {
    const { session } = await sessionInSight(ctx, sessionId);
    // A volunteer checks in on its own patrol, or on one of a team it is a member of.
    const own = session.startedBy === actorOf(ctx).id;
    if (joinsOnly(ctx) && !own && !(session.teamId && (await isMember(ctx.db, session.teamId, actorOf(ctx).id))))
      throw refuse(ctx, 'PATROL_NOT_MEMBER');
    return session;
  }
  const open = await openSessionOf(ctx.db, actorOf(ctx).id);
  if (!open) throw refuse(ctx, 'PATROL_NO_SESSION');
  return open;
}

/** The phone's scan time, if it gave one: not in the future (beyond clock skew), not before the patrol began. */
function scanTime(ctx: Ctx, given: string | undefined, startedAt: Date): Date {
  const now = ctx.now();
  if (!given) return now;
  const at = new Date(given);
  const en = ctx.locale === 'en';
  if (at.getTime() > now.getTime() + PATROL_CLOCK_SKEW_MS)
    throw refuse(ctx, 'PATROL_SCAN_TIME', { reason: en ? 'is in the future' : '晚于现在，请检查手机时间' });
  if (at < startedAt)
    throw refuse(ctx, 'PATROL_SCAN_TIME', { reason: en ? 'is before the patrol began' : '早于本次巡逻开始的时间' });
  return at;
}
