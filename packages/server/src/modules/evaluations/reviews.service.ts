/**
 * 不满意不放过, for every evaluation type: an unsatisfied answer opens a review
 * for the chief, due within the station's `review.callbackHours`; the chief
 * assigns the callback (回访) to a staff member of the station who is not the
 * person rated; the callback's outcome closes the review. For a matter the
 * resident reads on the timeline that the review happened.
 */
import {
  type AssignCallbackInput,
  addWorkingDays,
  type CallbackOutcomeInput,
  type EvaluationType,
  RECTIFICATION_WORKING_DAYS,
  type ReviewListQuery,
  type ReviewView,
  shanghaiDayEnd,
} from '@jingmin/shared';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import {
  evaluationAnswers,
  evaluationRequests,
  evaluationReviews,
  matters,
  staff,
  units,
} from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { assertCanSeePath, isUnder } from '../../platform/scope.js';
import { workingDays } from '../calendar/calendar.service.js';
import { stationInScope } from '../settings/settings.service.js';
import { requestChanged } from './changed.js';

const HOUR_MS = 3_600_000;

/** Opens the chief's review of an unsatisfied answer, in the answer's transaction. */
export async function openReview(
  tx: Tx,
  ctx: Ctx,
  input: {
    request: Pick<typeof evaluationRequests.$inferSelect, 'id' | 'type' | 'stationId' | 'unitPath'>;
    answerId: string;
    callbackHours: number;
  },
) {
  const now = ctx.now();
  await tx
    .insert(evaluationReviews)
    .values({
      requestId: input.request.id,
      answerId: input.answerId,
      stationId: input.request.stationId,
      unitPath: input.request.unitPath,
      dueAt: new Date(now.getTime() + input.callbackHours * HOUR_MS),
      createdAt: now,
    })
    .onConflictDoNothing();
}

const rated = alias(staff, 'rated_staff');
const caller = alias(staff, 'callback_staff');

function selectReviews(where: SQL | undefined) {
  return (db: Ctx['db']) =>
    db
      .select({
        review: evaluationReviews,
        request: evaluationRequests,
        answers: evaluationAnswers.answers,
        answeredAt: evaluationAnswers.createdAt,
        matterNumber: matters.number,
        ratedStaffName: rated.displayName,
        callbackStaffName: caller.displayName,
      })
      .from(evaluationReviews)
      .innerJoin(evaluationRequests, eq(evaluationRequests.id, evaluationReviews.requestId))
      .innerJoin(evaluationAnswers, eq(evaluationAnswers.id, evaluationReviews.answerId))
      .leftJoin(
        matters,
        and(eq(evaluationRequests.subjectType, 'matter'), eq(matters.id, evaluationRequests.subjectId)),
      )
      .leftJoin(rated, eq(rated.id, evaluationRequests.ratedStaffId))
      .leftJoin(caller, eq(caller.id, evaluationReviews.callbackStaffId))
      .where(where);
}

type ReviewRow = Awaited<ReturnType<ReturnType<typeof selectReviews>>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

function view(ctx: Ctx, r: ReviewRow): ReviewView {
  const { review, request } = r;
  return {
    id: review.id,
    type: request.type as EvaluationType,
    status: review.status,
    subjectType: request.subjectType,
    subjectId: request.subjectId,
    matterNumber: r.matterNumber,
    round: request.subjectRound,
    answers: r.answers as Record<string, unknown>,
    answeredAt: r.answeredAt.toISOString(),
    dueAt: review.dueAt.toISOString(),
    overdue: review.status !== 'closed' && review.dueAt.getTime() < ctx.now().getTime(),
    ratedStaffId: request.ratedStaffId,
    ratedStaffName: r.ratedStaffName,
    callbackStaffId: review.callbackStaffId,
    callbackStaffName: r.callbackStaffName,
    assignedAt: iso(review.assignedAt),
    outcome: review.outcome,
    outcomeNote: review.outcomeNote,
    rectificationDueAt: iso(review.rectificationDueAt),
    closedAt: iso(review.closedAt),
  };
}

/** The chief's queue: a station's reviews, the ones due first (closed ones newest first). */
export async function listReviews(ctx: Ctx, stationId: string, query: ReviewListQuery) {
  const station = await stationInScope(ctx, stationId);
  assertCanSeePath(actorOf(ctx), station.path);
  const where = and(
    eq(evaluationReviews.stationId, stationId),
    query.status ? eq(evaluationReviews.status, query.status) : undefined,
  );
  const rows = await selectReviews(where)(ctx.db).orderBy(evaluationReviews.dueAt, desc(evaluationReviews.createdAt));
  return { items: rows.map((r) => view(ctx, r)) };
}

/** 我的回访: the reviews assigned to the caller to call back, those still to do first (soonest due), then the done. */
export async function listMyReviews(ctx: Ctx) {
  const actor = actorOf(ctx);
  const rows = await selectReviews(eq(evaluationReviews.callbackStaffId, actor.id))(ctx.db)
    .orderBy(
      sql`${evaluationReviews.status} = 'closed'`,
      sql`CASE WHEN ${evaluationReviews.status} <> 'closed' THEN ${evaluationReviews.dueAt} END`,
      desc(evaluationReviews.closedAt),
    )
    .limit(200);
  return { items: rows.map((r) => view(ctx, r)) };
}

/** One review the actor's scope reaches; 404 when there is none, 403 for another station's. */
async function reviewOrThrow(ctx: Ctx, id: string) {
  const [row] = await selectReviews(eq(evaluationReviews.id, id))(ctx.db);
  if (!row) throw new AppError('NOT_FOUND', { what: 'evaluation_review' });
  assertCanSeePath(actorOf(ctx), row.review.unitPath);
  return row;
}

/** Whose work the answer is about: the request's rated person and, for a matter, who holds it now. */
async function ratedPeople(ctx: Ctx, row: ReviewRow): Promise<Set<string>> {
  const people = new Set<string>();
  if (row.request.ratedStaffId) people.add(row.request.ratedStaffId);
  if (row.request.subjectType === 'matter') {
    const [m] = await ctx.db
      .select({ assigneeStaffId: matters.assigneeStaffId })
      .from(matters)
      .where(eq(matters.id, row.request.subjectId));
    if (m?.assigneeStaffId) people.add(m.assigneeStaffId);
  }
  return people;
}

/** The chief names who calls back: an active staff member of the station, never the person rated. */
export async function assignCallback(ctx: Ctx, id: string, input: AssignCallbackInput) {
  const actor = actorOf(ctx);
  const row = await reviewOrThrow(ctx, id);
  if (row.review.status === 'closed') throw new AppError('REVIEW_CLOSED');
  const [member] = await ctx.db
    .select({ id: staff.id, status: staff.status, path: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(staff.id, input.staffId));
  const [station] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, row.review.stationId));
  if (member?.status !== 'active' || !station || !isUnder(member.path, station.path))
    throw new AppError('VALIDATION', { detail: 'staffId: 回访人须是本所在岗的工作人员' });
  if ((await ratedPeople(ctx, row)).has(member.id)) throw new AppError('REVIEW_CALLBACK_BY_RATED');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(evaluationReviews)
      .set({
        status: 'callback_assigned',
        callbackStaffId: member.id,
        assignedBy: actor.id,
        assignedAt: now,
        version: row.review.version + 1,
      })
      .where(and(eq(evaluationReviews.id, id), eq(evaluationReviews.version, row.review.version)))
      .returning({ id: evaluationReviews.id });
    if (!updated) throw new AppError('CONFLICT');
    await audit(ctx, tx, {
      action: 'evaluation.review.assign',
      result: 'ok',
      targetType: 'evaluation_review',
      targetId: id,
      details: { callbackStaffId: member.id },
    });
  });
  return reviewView(ctx, id);
}

/**
 * The callback's outcome closes the review; a matter's resident reads that the review happened.
 * The chief records it, or the staff member assigned to call back — for their own callbacks only.
 */
export async function recordCallbackOutcome(ctx: Ctx, id: string, input: CallbackOutcomeInput) {
  const actor = actorOf(ctx);
  const row = await reviewOrThrow(ctx, id);
  const chief = actor.capabilities.includes('matter.review');
  if (!chief && row.review.callbackStaffId !== actor.id) throw new AppError('FORBIDDEN');
  if (row.review.status === 'closed') throw new AppError('REVIEW_CLOSED');
  if (row.review.status !== 'callback_assigned') throw new AppError('REVIEW_NO_CALLBACK');
  const now = ctx.now();
  const rectificationDueAt =
    input.outcome === 'rectification'
      ? shanghaiDayEnd(addWorkingDays(await workingDays(ctx), now, input.workingDays ?? RECTIFICATION_WORKING_DAYS))
      : null;
  const [matter] =
    row.request.subjectType === 'matter'
      ? await ctx.db.select().from(matters).where(eq(matters.id, row.request.subjectId))
      : [];
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(evaluationReviews)
      .set({
        status: 'closed',
        outcome: input.outcome,
        outcomeNote: input.note ?? null,
        rectificationDueAt,
        closedBy: actor.id,
        closedAt: now,
        version: row.review.version + 1,
      })
      .where(and(eq(evaluationReviews.id, id), eq(evaluationReviews.version, row.review.version)))
      .returning({ id: evaluationReviews.id });
    if (!updated) throw new AppError('CONFLICT');
    if (matter) {
      // What the callback found stays with the station; the resident reads that it happened.
      await recordEvent(tx, ctx, matterSubject(matter), {
        type: 'matter.review_done',
        payload: {
          reviewId: id,
          outcome: input.outcome,
          rectificationDueAt: rectificationDueAt?.toISOString() ?? null,
        },
      });
    }
    await requestChanged(tx, now, 'evaluation.review.outcome', row.request.id);
    await audit(ctx, tx, {
      action: 'evaluation.review.outcome',
      result: 'ok',
      targetType: 'evaluation_review',
      targetId: id,
      details: { outcome: input.outcome },
    });
  });
  return reviewView(ctx, id);
}

async function reviewView(ctx: Ctx, id: string) {
  const [row] = await selectReviews(eq(evaluationReviews.id, id))(ctx.db);
  if (!row) throw new AppError('NOT_FOUND', { what: 'evaluation_review' });
  return view(ctx, row);
}
