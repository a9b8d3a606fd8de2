/**
 * 待确认评价: answers the flood rule (`isFlood`) held out of the figures, and
 * the chief's acceptance that lets one count. An answer itself is never edited:
 * acceptance is written beside it (who, when), and audited.
 */
import type { EvaluationType, FlaggedAnswerList, FlaggedAnswerView } from '@jingmin/shared';
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { evaluationAnswers, evaluationRequests, matters, staff } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { publish } from '../../platform/outbox.js';
import { assertCanSeePath } from '../../platform/scope.js';
import { matterSettings, stationInScope } from '../settings/settings.service.js';
import { requestChanged } from './changed.js';

/** Answers to the same station from the same device in the window ending at the outer answer, itself included. */
function fromSameDevice(windowMinutes: number): SQL<number> {
  return sql<number>`(SELECT count(*)::int FROM evaluation_answers o
    JOIN evaluation_requests oq ON oq.id = o.request_id
    WHERE oq.station_id = ${evaluationRequests.stationId}
      AND o.created_at > ${evaluationAnswers.createdAt} - (${windowMinutes}::int * interval '1 minute')
      AND o.created_at <= ${evaluationAnswers.createdAt}
      AND (o.device_key_hash = ${evaluationAnswers.deviceKeyHash} OR o.device_hash = ${evaluationAnswers.deviceHash}))`;
}

function selectFlagged(db: Ctx['db'], windowMinutes: number, where: SQL | undefined) {
  return db
    .select({
      answer: evaluationAnswers,
      request: evaluationRequests,
      matterNumber: matters.number,
      acceptedByName: staff.displayName,
      fromSameDevice: fromSameDevice(windowMinutes),
    })
    .from(evaluationAnswers)
    .innerJoin(evaluationRequests, eq(evaluationRequests.id, evaluationAnswers.requestId))
    .leftJoin(matters, and(eq(evaluationRequests.subjectType, 'matter'), eq(matters.id, evaluationRequests.subjectId)))
    .leftJoin(staff, eq(staff.id, evaluationAnswers.acceptedBy))
    .where(and(eq(evaluationAnswers.flagged, true), where));
}

type FlaggedRow = Awaited<ReturnType<typeof selectFlagged>>[number];

function view(r: FlaggedRow): FlaggedAnswerView {
  return {
    id: r.answer.id,
    type: r.request.type as EvaluationType,
    subjectType: r.request.subjectType,
    subjectId: r.request.subjectId,
    matterNumber: r.matterNumber,
    round: r.request.subjectRound,
    answeredAt: r.answer.createdAt.toISOString(),
    satisfied: r.answer.satisfied,
    fromSameDevice: Number(r.fromSameDevice),
    acceptedAt: r.answer.acceptedAt?.toISOString() ?? null,
    acceptedByName: r.acceptedByName,
  };
}

/** The station's flagged answers: those waiting for the chief first, then the accepted, newest first. */
export async function listFlagged(ctx: Ctx, stationId: string): Promise<FlaggedAnswerList> {
  const station = await stationInScope(ctx, stationId);
  assertCanSeePath(actorOf(ctx), station.path);
  const { evaluation } = await matterSettings(ctx.db, stationId);
  const rows = await selectFlagged(ctx.db, evaluation.floodWindowMinutes, eq(evaluationRequests.stationId, stationId))
    .orderBy(sql`${evaluationAnswers.acceptedAt} IS NOT NULL`, desc(evaluationAnswers.createdAt))
    .limit(500);
  return { windowMinutes: evaluation.floodWindowMinutes, items: rows.map(view) };
}

/** 确认计入: the chief lets a flagged answer count; once only, and only within the chief's station. */
export async function acceptFlagged(ctx: Ctx, id: string): Promise<FlaggedAnswerView> {
  const actor = actorOf(ctx);
  const [row] = await ctx.db
    .select({
      answer: evaluationAnswers,
      unitPath: evaluationRequests.unitPath,
      stationId: evaluationRequests.stationId,
      subjectType: evaluationRequests.subjectType,
      subjectId: evaluationRequests.subjectId,
    })
    .from(evaluationAnswers)
    .innerJoin(evaluationRequests, eq(evaluationRequests.id, evaluationAnswers.requestId))
    .where(eq(evaluationAnswers.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'evaluation' });
  assertCanSeePath(actor, row.unitPath);
  if (!row.answer.flagged) throw new AppError('ANSWER_NOT_FLAGGED');
  if (row.answer.acceptedAt) throw new AppError('ANSWER_ACCEPTED');
  await ctx.db.transaction(async (tx) => {
    // Guarded on "not yet accepted": two chiefs at once give one acceptance and one 409.
    const [accepted] = await tx
      .update(evaluationAnswers)
      .set({ acceptedBy: actor.id, acceptedAt: ctx.now() })
      .where(and(eq(evaluationAnswers.id, id), isNull(evaluationAnswers.acceptedAt)))
      .returning({ id: evaluationAnswers.id });
    if (!accepted) throw new AppError('ANSWER_ACCEPTED');
    await audit(ctx, tx, {
      action: 'evaluation.answer.accept',
      result: 'ok',
      targetType: 'evaluation_answer',
      targetId: id,
    });
    // The answer now counts in the matter's 满意率: the 考核指标 rollups recount the matter from this committed event.
    if (row.subjectType === 'matter')
      await publish(tx, ctx.now(), [], 'evaluation.answer.accept', { matterId: row.subjectId });
    await requestChanged(tx, ctx.now(), 'evaluation.answer.accept', row.answer.requestId);
  });
  const { evaluation } = await matterSettings(ctx.db, row.stationId);
  const [done] = await selectFlagged(ctx.db, evaluation.floodWindowMinutes, eq(evaluationAnswers.id, id));
  if (!done) throw new AppError('NOT_FOUND', { what: 'evaluation' });
  return view(done);
}
