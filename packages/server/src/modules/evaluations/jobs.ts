/**
 * 五必评 by SMS: when a matter's round evaluation opens and the matter has a contact phone, one text
 * says an evaluation is waiting (never a link: the resident opens "my matters" or scans the doorplate);
 * a periodic job sends the one reminder after the station's `evaluation.reminderAfterDays`. An expired
 * request is simply not rated. The phone is read from the matter, never copied onto the request.
 */
import { and, asc, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { evaluationRequests, matters, units } from '../../db/schema/index.js';
import { auditAlone, type Ctx } from '../../platform/context.js';
import { openField } from '../../platform/crypto.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { withinLimit } from '../../platform/ratelimit.js';
import { SmsError } from '../../platform/sms/sms.js';
import { matterSettings } from '../settings/settings.service.js';

const DAY_MS = 86_400_000;
/** At most this many 待评价 texts (first and reminder together) per phone and day, like the desk's receipts. */
export const EVALUATION_SMS_PER_PHONE_PER_DAY = 10;
/** Requests looked at per reminder pass; the next pass takes the rest. */
const REMINDER_BATCH = 200;

interface Recipient {
  requestId: string;
  phoneEnc: string;
  phoneIndex: string;
  stationName: string;
}

/** Sends one 待评价 text; its outcome goes to the audit trail (without the number). Never throws. */
async function sendWaiting(ctx: Ctx, r: Recipient, why: 'opened' | 'reminder') {
  const limit = {
    key: `evaluation-sms:phone:${r.phoneIndex}`,
    max: EVALUATION_SMS_PER_PHONE_PER_DAY,
    windowSeconds: 86_400,
  };
  try {
    const overLimit = (await withinLimit(ctx.db, ctx.now(), limit)) ? null : 'DailyLimit';
    const failure =
      overLimit ??
      (await ctx.deps.sms
        .send({
          kind: 'evaluation_waiting',
          phone: openField(ctx.deps.keys.data, r.phoneEnc),
          stationName: r.stationName,
        })
        .then(() => null)
        .catch((err: unknown) => (err instanceof SmsError ? err.code : 'error')));
    if (failure) ctx.log.warn({ provider: failure, requestId: r.requestId }, 'evaluation SMS not sent');
    await auditAlone(ctx, {
      actor: null,
      action: 'evaluation.sms',
      result: failure ? 'failed' : 'ok',
      targetType: 'evaluation_request',
      targetId: r.requestId,
      details: { why, ...(failure ? { provider: failure } : {}) },
    });
  } catch (err) {
    ctx.log.error({ err, requestId: r.requestId }, 'evaluation SMS failed');
  }
}

/** The request's matter's phone and station, when it has a phone and is still open. */
function recipients(ctx: Ctx) {
  return ctx.db
    .select({
      requestId: evaluationRequests.id,
      stationId: evaluationRequests.stationId,
      createdAt: evaluationRequests.createdAt,
      phoneEnc: matters.contactPhoneEnc,
      phoneIndex: matters.contactPhoneIndex,
      stationName: units.name,
    })
    .from(evaluationRequests)
    .innerJoin(matters, and(eq(evaluationRequests.subjectType, 'matter'), eq(matters.id, evaluationRequests.subjectId)))
    .innerJoin(units, eq(units.id, evaluationRequests.stationId))
    .$dynamic();
}

/**
 * Still open, with a phone that may be texted: one the resident verified and attached to a submission
 * of their own, or a caller's number the desk recorded with the caller's SMS consent (PIPL: a number
 * given only for a call back is never texted).
 */
const open = (ctx: Ctx) =>
  and(
    isNull(evaluationRequests.answeredAt),
    gt(evaluationRequests.expiresAt, ctx.now()),
    isNotNull(matters.contactPhoneEnc),
    isNotNull(matters.contactPhoneIndex),
    or(isNull(matters.recordedByStaffId), isNotNull(matters.smsConsentAt)),
  );

/**
 * After the 办结 commits: tells the matter's contact phone that its evaluation waits. Called by
 * the resolve once its transaction committed; a matter without a phone gets nothing.
 */
export async function announceEvaluation(ctx: Ctx, requestId: string) {
  const [r] = await recipients(ctx).where(and(eq(evaluationRequests.id, requestId), open(ctx)));
  if (!r?.phoneEnc || !r.phoneIndex) return;
  await sendWaiting(ctx, { ...r, phoneEnc: r.phoneEnc, phoneIndex: r.phoneIndex }, 'opened');
}

/**
 * The one reminder: open requests with a phone (through their matter), older than their station's
 * `reminderAfterDays`, not yet reminded. Each is marked before its text goes out, so a doubled tick
 * or a second process never sends it twice. Returns how many were reminded.
 */
export async function remindEvaluations(ctx: Ctx): Promise<number> {
  const now = ctx.now();
  // The shortest reminder delay a station may set is a day: nothing younger can be due.
  const rows = await recipients(ctx)
    .where(
      and(
        open(ctx),
        isNull(evaluationRequests.remindedAt),
        lte(evaluationRequests.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    )
    .orderBy(asc(evaluationRequests.createdAt))
    .limit(REMINDER_BATCH);
  let reminded = 0;
  for (const r of rows) {
    if (!r.phoneEnc || !r.phoneIndex) continue;
    const { evaluation } = await matterSettings(ctx.db, r.stationId);
    if (r.createdAt.getTime() > now.getTime() - evaluation.reminderAfterDays * DAY_MS) continue;
    const [claimed] = await ctx.db
      .update(evaluationRequests)
      .set({ remindedAt: now })
      .where(and(eq(evaluationRequests.id, r.requestId), isNull(evaluationRequests.remindedAt)))
      .returning({ id: evaluationRequests.id });
    if (!claimed) continue;
    await sendWaiting(ctx, { ...r, phoneEnc: r.phoneEnc, phoneIndex: r.phoneIndex }, 'reminder');
    reminded++;
  }
  return reminded;
}

/** Reminders go out in the day only (Beijing time, 09:00–20:59): nobody is woken for a survey. */
export function reminderHour(at: Date) {
  const hour = (at.getUTCHours() + 8) % 24;
  return hour >= 9 && hour < 21;
}

export function registerEvaluationJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'evaluations.remind',
    // The mark lives on the request: a missed or doubled tick sends no reminder twice.
    everySeconds: 600,
    handler: async (ctx) => {
      if (!reminderHour(ctx.now())) return;
      const reminded = await remindEvaluations(ctx);
      if (reminded > 0) ctx.log.info({ reminded }, 'evaluation reminders sent');
    },
  });
}
