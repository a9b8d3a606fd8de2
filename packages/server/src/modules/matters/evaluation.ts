/**
 * 接处警必评 through the evaluation framework: each 办结 opens the round's
 * evaluation request (type `matter`, subject the matter and its round), and
 * the resident's three-level rating on the tracking link is recorded as that
 * request's answer too. The matter's `rating` column stays the current round's
 * summary for lists, counters and figures. Ratings given before this existed
 * have no request and need none: the rounds view reads them from the timeline.
 */
import {
  ANSWER_TEXT_DEFAULT,
  type Answers,
  type EvaluationType,
  type RateMatterInput,
  type Rating,
} from '@jingmin/shared';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { evaluationRequests, matterEvents, matters } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { recordAnswer, requestEvaluation, type SubjectAnswered } from '../evaluations/evaluations.service.js';
import type { AnsweringDevice } from '../evaluations/flood.js';
import { type TemplateVersion, templateInForce } from '../evaluations/templates.service.js';
import { matterSettings } from '../settings/settings.service.js';
import { type Matter, transition } from './transition.js';

/** The round being resolved: one more than the reopenings so far. Read before the resolving transaction. */
export async function currentRound(db: Queryable, matterId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(matterEvents)
    .where(and(eq(matterEvents.matterId, matterId), eq(matterEvents.type, 'matter.reopen')));
  return 1 + Number(row?.n ?? 0);
}

/** 意见反馈必评: the answer to a suggestion is rated as an answer; every other matter as its handling. */
export const matterEvaluationType = (kind: Matter['kind']): EvaluationType =>
  kind === 'suggestion' ? 'answer' : 'matter';

/**
 * Opens the round's evaluation in the 办结's transaction; the person rated is the handler (or who
 * resolved it). `expiresInDays` (the station's `evaluation.expiresDays`) bounds the doorplate page,
 * "my matters" and the reminder; the tracking link takes a rating while the round is resolved.
 */
export async function openRoundEvaluation(tx: Tx, ctx: Ctx, matter: Matter, round: number, expiresInDays: number) {
  return requestEvaluation(tx, ctx, {
    type: matterEvaluationType(matter.kind),
    subject: { type: 'matter', id: matter.id },
    stationId: matter.stationId,
    unitPath: matter.unitPath,
    householdId: matter.householdId,
    expiresInDays,
    round,
    ratedStaffId: matter.assigneeStaffId ?? ctx.actor?.id ?? null,
  });
}

/** The current round's request and the template in force, read before the rating's transaction; null for older matters. */
export async function roundEvaluation(db: Queryable, matter: Matter) {
  const [request] = await db
    .select()
    .from(evaluationRequests)
    .where(and(eq(evaluationRequests.subjectType, 'matter'), eq(evaluationRequests.subjectId, matter.id)))
    .orderBy(desc(evaluationRequests.createdAt))
    .limit(1);
  if (!request || request.answeredAt) return null;
  return { request, template: await templateInForce(db, matter.stationId, request.type) };
}

/** 满意 / 基本满意 / 不满意 as the option of the template's scale, by value or by its satisfied mark. */
const SCALE_VALUE: Record<Rating, string> = {
  satisfied: 'satisfied',
  basically_satisfied: 'fairly_satisfied',
  unsatisfied: 'unsatisfied',
};

export function ratingAnswers(template: TemplateVersion, input: RateMatterInput): Answers {
  const answers: Answers = {};
  const scale = template.questions.find((q) => q.kind === 'scale');
  const options = scale?.options ?? [];
  if (scale && options.length) {
    const satisfied = options.filter((o) => o.satisfied);
    const unsatisfied = options.filter((o) => !o.satisfied);
    const picked =
      options.find((o) => o.value === SCALE_VALUE[input.rating]) ??
      (input.rating === 'satisfied'
        ? satisfied[0]
        : input.rating === 'basically_satisfied'
          ? satisfied[satisfied.length - 1]
          : unsatisfied[0]);
    if (picked) answers[scale.id] = picked.value;
  }
  const remark = template.questions.find((q) => q.kind === 'text');
  if (remark && input.comment) answers[remark.id] = input.comment.slice(0, remark.maxLength ?? ANSWER_TEXT_DEFAULT);
  return answers;
}

/** Records the rating as the round's answer, in the rating's transaction (a second answer is a 409). */
export async function answerRoundEvaluation(
  tx: Tx,
  ctx: Ctx,
  evaluation: NonNullable<Awaited<ReturnType<typeof roundEvaluation>>>,
  input: RateMatterInput,
  opts: { device: AnsweringDevice; callbackHours: number },
) {
  await recordAnswer(tx, ctx, {
    request: evaluation.request,
    template: evaluation.template,
    answers: ratingAnswers(evaluation.template, input),
    device: opts.device,
    callbackHours: opts.callbackHours,
  });
}

/**
 * 评单: the round's rating on the matter (the status flow allows one per round) and, when unsatisfied, the
 * promise of a callback on the resident's timeline (不满意不放过). In the caller's transaction.
 */
export async function applyRating(tx: Tx, ctx: Ctx, matter: Matter, input: RateMatterInput, callbackHours: number) {
  const now = ctx.now();
  const rated = await transition(
    ctx,
    matter,
    {
      action: 'rate',
      note: input.comment ?? null,
      payload: { rating: input.rating },
      patch: { rating: input.rating, ratingComment: input.comment ?? null, ratedAt: now },
    },
    { by: 'resident', tx },
  );
  if (input.rating === 'unsatisfied') {
    const dueAt = new Date(now.getTime() + callbackHours * 3_600_000);
    await recordEvent(tx, ctx, matterSubject(rated), {
      type: 'matter.review_requested',
      payload: { rating: input.rating, callbackHours, dueAt: dueAt.toISOString() },
    });
  }
}

/** The three-level rating an answer's scale gives: the first satisfied option, a later one, or not satisfied. */
export function ratingOf(template: TemplateVersion, answers: Answers): Rating | null {
  const scale = template.questions.find((q) => q.kind === 'scale');
  const picked = scale?.options?.find((o) => o.value === answers[scale.id]);
  if (!scale || !picked) return null;
  if (!picked.satisfied) return 'unsatisfied';
  return scale.options?.find((o) => o.satisfied)?.value === picked.value ? 'satisfied' : 'basically_satisfied';
}

/**
 * A matter's evaluation answered through the generic link (the doorplate's 待评价, "my matters"): the
 * matter is rated as on its tracking page, so its status, figures and review follow. A round that is no
 * longer resolved (reopened since) keeps the answer and leaves the matter alone.
 */
export const matterAnswered: SubjectAnswered = async (tx, ctx, { request, template, answers }) => {
  const rating = ratingOf(template, answers);
  const [matter] = await tx.select().from(matters).where(eq(matters.id, request.subjectId));
  if (!rating || !matter || matter.status !== 'resolved') return;
  const remark = template.questions.find((q) => q.kind === 'text');
  const comment = remark && typeof answers[remark.id] === 'string' ? (answers[remark.id] as string) : undefined;
  const { review } = await matterSettings(tx, matter.stationId);
  await applyRating(
    tx,
    ctx,
    matter,
    { rating, ...(comment ? { comment: comment.slice(0, 500) } : {}) },
    review.callbackHours,
  );
};
