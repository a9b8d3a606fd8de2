/**
 * 五必评 requests and answers. Another module opens a request inside its own
 * transaction (`requestEvaluation`) and hands the secret to the resident; the
 * resident opens it and answers once, checked against the template version
 * shown. A staff session never answers: an evaluation is the resident's.
 */
import {
  type Answers,
  answerProblemText,
  type EvaluationAnswerInput,
  type EvaluationType,
  isSatisfiedAnswer,
  type PublicEvaluationView,
  validateAnswers,
} from '@jingmin/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { firstOrThrow } from '../../db/rows.js';
import { evaluationAnswers, evaluationRequests, units } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { randomToken, sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { matterSettings } from '../settings/settings.service.js';
import { requestChanged } from './changed.js';
import { type AnsweringDevice, isFlood } from './flood.js';
import { openReview } from './reviews.service.js';
import { type TemplateVersion, templateInForce, templateVersion } from './templates.service.js';

const DAY_MS = 86_400_000;

/** The resident's page of one evaluation. */
export const evaluationPath = (token: string) => `/e/${token}`;

/**
 * A printed QR's scan, for every module that prints one: a phone lands on the fresh evaluation, and
 * when the scan is refused (a retired code, too many scans) on a page that says so in Chinese —
 * never a JSON error. API callers (no HTML in Accept) keep the JSON answer.
 */
export async function redirectScan(
  req: { headers: { accept?: string } },
  reply: { redirect(url: string, code: 303): unknown },
  scan: () => Promise<string>,
) {
  try {
    return reply.redirect(evaluationPath(await scan()), 303);
  } catch (err) {
    if (err instanceof AppError && req.headers.accept?.includes('text/html'))
      return reply.redirect(`${evaluationPath('-')}?problem=${err.code}`, 303);
    throw err;
  }
}

export interface RequestEvaluationInput {
  type: EvaluationType;
  /** The work evaluated: its table's name (`matter`, `meeting` …) and id. */
  subject: { type: string; id: string };
  stationId: string;
  /** Unit path of the work, for scope. */
  unitPath: string;
  expiresInDays: number;
  /** The round of a subject handled more than once (a reopened matter). */
  round?: number;
  /** Whose work is rated: never the one who calls back after an unsatisfied answer. */
  ratedStaffId?: string | null;
  /** The household the work was for: its doorplate page offers the request (待评价). */
  householdId?: string | null;
}

/** What is stored of a request's secret, and what it is looked up by. */
const tokenHashOf = (token: string) => sm3(`evaluation:${token}`);

/**
 * Opens an evaluation request in the caller's transaction. Returns the secret for the
 * resident's link (shown once, never stored) and when it expires.
 */
export async function requestEvaluation(tx: Tx, ctx: Ctx, input: RequestEvaluationInput) {
  const token = randomToken(24);
  const expiresAt = new Date(ctx.now().getTime() + input.expiresInDays * DAY_MS);
  const row = firstOrThrow(
    await tx
      .insert(evaluationRequests)
      .values({
        type: input.type,
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        stationId: input.stationId,
        unitPath: input.unitPath,
        subjectRound: input.round ?? null,
        ratedStaffId: input.ratedStaffId ?? null,
        householdId: input.householdId ?? null,
        tokenHash: tokenHashOf(token),
        expiresAt,
        createdAt: ctx.now(),
      })
      .returning({ id: evaluationRequests.id }),
    'evaluation request',
  );
  await requestChanged(tx, ctx.now(), 'evaluation.request.open', row.id);
  return { id: row.id, token, expiresAt };
}

/** The request a secret opens, still open; a plain 404, 410 (expired) or 409 (already answered) otherwise. */
async function openRequestOf(ctx: Ctx, token: string) {
  const [row] = await ctx.db
    .select({ request: evaluationRequests, stationName: units.name })
    .from(evaluationRequests)
    .innerJoin(units, eq(units.id, evaluationRequests.stationId))
    .where(eq(evaluationRequests.tokenHash, tokenHashOf(token)));
  if (!row) throw new AppError('NOT_FOUND', { what: 'evaluation' });
  if (row.request.answeredAt) throw new AppError('EVALUATION_ANSWERED');
  if (row.request.expiresAt.getTime() <= ctx.now().getTime()) throw new AppError('EVALUATION_EXPIRED');
  return row;
}

/** What the resident sees: the station, the expiry and the questions in force. */
export async function openEvaluation(ctx: Ctx, token: string): Promise<PublicEvaluationView> {
  const { request, stationName } = await openRequestOf(ctx, token);
  const template = await templateInForce(ctx.db, request.stationId, request.type);
  return {
    type: request.type,
    stationName,
    expiresAt: request.expiresAt.toISOString(),
    template: { version: template.version, questions: template.questions },
  };
}

/**
 * What the subject's own module does, in the answer's transaction, when its evaluation is answered
 * through the generic link (doorplate, "my matters"): a matter is rated as on its tracking page.
 */
export type SubjectAnswered = (
  tx: Tx,
  ctx: Ctx,
  answered: { request: typeof evaluationRequests.$inferSelect; template: TemplateVersion; answers: Answers },
) => Promise<void>;

const subjectHooks = new Map<string, SubjectAnswered>();

/** Registered once at start by the module that owns the subject type. */
export function onSubjectAnswered(subjectType: string, hook: SubjectAnswered) {
  subjectHooks.set(subjectType, hook);
}

/** The resident answers once; the answer keeps the version it answered. */
export async function answerEvaluation(
  ctx: Ctx,
  token: string,
  input: EvaluationAnswerInput,
  device: AnsweringDevice & { staffCookie: boolean },
) {
  if (ctx.actor || device.staffCookie) throw new AppError('EVALUATION_BY_STAFF');
  const { request } = await openRequestOf(ctx, token);
  const template = await templateVersion(ctx.db, request.stationId, request.type, input.version);
  if (!template)
    throw new AppError('VALIDATION', { detail: `version: 该评价没有第 ${input.version} 版题目，请刷新后重新填写` });
  const answers = input.answers as Answers;
  const problem = validateAnswers(template, answers);
  if (problem) throw new AppError('VALIDATION', { detail: answerProblemText(template, problem, ctx.locale) });
  const { review } = await matterSettings(ctx.db, request.stationId);
  const answeredAt = await ctx.db.transaction(async (tx) => {
    const at = await recordAnswer(tx, ctx, {
      request,
      template,
      answers,
      device: { deviceHash: device.deviceHash, deviceKeyHash: device.deviceKeyHash },
      callbackHours: review.callbackHours,
    });
    await subjectHooks.get(request.subjectType)?.(tx, ctx, { request, template, answers });
    return at;
  });
  return { answeredAt: answeredAt.toISOString(), version: template.version };
}

/**
 * Stores the one answer to a request in the caller's transaction (the public link, or a
 * module's own form such as the matter's tracking link), flagged for the chief when it
 * follows too many from the same device (`isFlood`), and opens the chief's review when
 * it is unsatisfied. `callbackHours` is the station's `review.callbackHours`, read before.
 */
export async function recordAnswer(
  tx: Tx,
  ctx: Ctx,
  input: {
    request: typeof evaluationRequests.$inferSelect;
    template: TemplateVersion;
    answers: Answers;
    device: AnsweringDevice;
    callbackHours: number;
  },
) {
  const { request, template, answers, device } = input;
  const satisfied = isSatisfiedAnswer(template, answers);
  const answeredAt = ctx.now();
  const { evaluation } = await matterSettings(tx, request.stationId);
  const flagged = await isFlood(tx, request.stationId, device, answeredAt, evaluation);
  // Guarded on "not yet answered": two submissions at once give one answer and one 409.
  const [claimed] = await tx
    .update(evaluationRequests)
    .set({ answeredAt })
    .where(and(eq(evaluationRequests.id, request.id), isNull(evaluationRequests.answeredAt)))
    .returning({ id: evaluationRequests.id });
  if (!claimed) throw new AppError('EVALUATION_ANSWERED');
  const answer = firstOrThrow(
    await tx
      .insert(evaluationAnswers)
      .values({
        requestId: request.id,
        templateId: template.id,
        templateVersion: template.version,
        answers,
        satisfied,
        deviceHash: device.deviceHash,
        deviceKeyHash: device.deviceKeyHash,
        flagged,
        createdAt: answeredAt,
      })
      .returning({ id: evaluationAnswers.id }),
    'evaluation answer',
  );
  // Which request and version, never what the resident wrote.
  await audit(ctx, tx, {
    action: 'evaluation.answer',
    result: 'ok',
    targetType: 'evaluation_request',
    targetId: request.id,
    details: { type: request.type, version: template.version, ...(flagged ? { flagged } : {}) },
  });
  if (satisfied === false)
    await openReview(tx, ctx, { request, answerId: answer.id, callbackHours: input.callbackHours });
  await requestChanged(tx, answeredAt, 'evaluation.answer', request.id);
  return answeredAt;
}

/**
 * A fresh secret for an open request, from a place that vouches for the resident without the first
 * link (the household's doorplate page, a verified phone's "my matters"). Earlier links stop working;
 * the request stays single-use. 404, 409 (answered) or 410 (expired) as when it is opened.
 */
export async function reissueRequest(ctx: Ctx, requestId: string) {
  const [request] = await ctx.db.select().from(evaluationRequests).where(eq(evaluationRequests.id, requestId));
  if (!request) throw new AppError('NOT_FOUND', { what: 'evaluation' });
  if (request.answeredAt) throw new AppError('EVALUATION_ANSWERED');
  if (request.expiresAt.getTime() <= ctx.now().getTime()) throw new AppError('EVALUATION_EXPIRED');
  const token = randomToken(24);
  await ctx.db.transaction(async (tx) => {
    // Guarded on the secret read: two reissues at once leave one link working, never two.
    const [swapped] = await tx
      .update(evaluationRequests)
      .set({ tokenHash: tokenHashOf(token) })
      .where(
        and(
          eq(evaluationRequests.id, request.id),
          eq(evaluationRequests.tokenHash, request.tokenHash),
          isNull(evaluationRequests.answeredAt),
        ),
      )
      .returning({ id: evaluationRequests.id });
    if (!swapped) throw new AppError('CONFLICT');
    await audit(ctx, tx, {
      actor: null,
      action: 'evaluation.reissue',
      result: 'ok',
      targetType: 'evaluation_request',
      targetId: request.id,
      details: { type: request.type },
    });
  });
  return { id: request.id, token, expiresAt: request.expiresAt };
}
