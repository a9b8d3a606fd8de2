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
import { evaluationRequests, matterEvents } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { recordAnswer, requestEvaluation } from '../evaluations/evaluations.service.js';
import { type TemplateVersion, templateInForce } from '../evaluations/templates.service.js';
import type { Matter } from './transition.js';

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
  opts: { deviceHash: string | null; callbackHours: number },
) {
  await recordAnswer(tx, ctx, {
    request: evaluation.request,
    template: evaluation.template,
    answers: ratingAnswers(evaluation.template, input),
    deviceHash: opts.deviceHash,
    callbackHours: opts.callbackHours,
  });
}
