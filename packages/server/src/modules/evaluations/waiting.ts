/**
 * 待评价: the open evaluations a resident reaches without the first link — on the household's
 * doorplate page, or in "my matters" for a verified phone — and a fresh link to one of them.
 * What a list shows is what the work was and when, never a person, a phone or a note: whoever
 * scans the doorplate is at that door, but may be a visitor.
 */
import { type EvaluationType, toCalendarDate, type WaitingEvaluation } from '@jingmin/shared';
import { and, desc, eq, gt, isNull, or, type SQL } from 'drizzle-orm';
import {
  disputeParties,
  disputeSatisfaction,
  evaluationRequests,
  matters,
  units,
  visits,
} from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { consume, type Limit } from '../../platform/ratelimit.js';
import { evaluationPath, reissueRequest } from './evaluations.service.js';

/** More than a household could have open at once; a list is never a dump. */
const MAX_LISTED = 20;

/** How each type reads on a resident's page, shortest first: the matter kind's own word for a matter. */
const TITLE: Record<EvaluationType, { zh: string; en: string }> = {
  matter: { zh: '码上办', en: 'Matter' },
  answer: { zh: '意见反馈', en: 'Answer to a suggestion' },
  visit: { zh: '走访入户', en: 'Household visit' },
  reception: { zh: '接待来访', en: 'Reception' },
  meeting: { zh: '召开会议', en: 'Meeting' },
};

/** A dispute party's satisfaction asked at a follow-up (a `matter` request whose subject is the party's answer). */
const SATISFACTION = 'dispute_satisfaction';
const SATISFACTION_TITLE = { zh: '矛盾纠纷回访', en: 'Dispute follow-up' };

/** The party a satisfaction request asks, joined after the satisfaction row (for the party's phone). */
const satisfactionJoin = and(
  eq(evaluationRequests.subjectType, SATISFACTION),
  eq(disputeSatisfaction.id, evaluationRequests.subjectId),
);

/**
 * Open (unanswered, unexpired) requests matching `where`, newest first. A matter's 回执号 is shown only
 * to its own verified phone (`withNumbers`): on the doorplate, which any visitor may scan, a date.
 */
export async function waitingEvaluations(
  ctx: Ctx,
  where: SQL,
  { withNumbers }: { withNumbers: boolean },
): Promise<WaitingEvaluation[]> {
  const rows = await ctx.db
    .select({
      id: evaluationRequests.id,
      type: evaluationRequests.type,
      createdAt: evaluationRequests.createdAt,
      expiresAt: evaluationRequests.expiresAt,
      stationName: units.name,
      matterNumber: matters.number,
      visitedAt: visits.visitedAt,
      subjectType: evaluationRequests.subjectType,
    })
    .from(evaluationRequests)
    .innerJoin(units, eq(units.id, evaluationRequests.stationId))
    .leftJoin(matters, and(eq(evaluationRequests.subjectType, 'matter'), eq(matters.id, evaluationRequests.subjectId)))
    .leftJoin(visits, and(eq(evaluationRequests.subjectType, 'visit'), eq(visits.id, evaluationRequests.subjectId)))
    .leftJoin(disputeSatisfaction, satisfactionJoin)
    .leftJoin(disputeParties, eq(disputeParties.id, disputeSatisfaction.partyId))
    .where(and(where, isNull(evaluationRequests.answeredAt), gt(evaluationRequests.expiresAt, ctx.now())))
    .orderBy(desc(evaluationRequests.createdAt))
    .limit(MAX_LISTED);
  return rows.map((r) => {
    const label = (r.subjectType === SATISFACTION ? SATISFACTION_TITLE : TITLE[r.type])[
      ctx.locale === 'en' ? 'en' : 'zh'
    ];
    const number = withNumbers ? r.matterNumber : null;
    const detail = number ?? toCalendarDate(r.visitedAt ?? r.createdAt).slice(5);
    return {
      id: r.id,
      type: r.type,
      title: `${label} · ${detail}`,
      matterNumber: number,
      stationName: r.stationName,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
    };
  });
}

/** The household's open requests (its matters' and its visits'). */
export const ofHousehold = (householdId: string) => eq(evaluationRequests.householdId, householdId);

/**
 * The requests of the matters submitted with this phone, found through the matter, and those asking a
 * dispute party with this phone, found through the party (joined in both queries here): the phone is
 * never copied onto the request.
 */
export const ofPhone = (phoneIndex: string) =>
  or(
    and(eq(evaluationRequests.subjectType, 'matter'), eq(matters.contactPhoneIndex, phoneIndex)),
    and(eq(evaluationRequests.subjectType, SATISFACTION), eq(disputeParties.phoneIndex, phoneIndex)),
  ) as SQL;

/**
 * A fresh link to one request, if `where` (the household, the phone) holds it; counted against
 * `limits` first, so a scanned doorplate cannot be used to churn links. 404 when it is not theirs.
 */
export async function reissueWaiting(ctx: Ctx, requestId: string, where: SQL, limits: Limit[]) {
  await consume(ctx.db, ctx.now(), limits);
  const [mine] = await ctx.db
    .select({ id: evaluationRequests.id })
    .from(evaluationRequests)
    .leftJoin(matters, and(eq(evaluationRequests.subjectType, 'matter'), eq(matters.id, evaluationRequests.subjectId)))
    .leftJoin(disputeSatisfaction, satisfactionJoin)
    .leftJoin(disputeParties, eq(disputeParties.id, disputeSatisfaction.partyId))
    .where(and(eq(evaluationRequests.id, requestId), where));
  if (!mine) throw new AppError('NOT_FOUND', { what: 'evaluation' });
  const { token, expiresAt } = await reissueRequest(ctx, requestId);
  return { path: evaluationPath(token), expiresAt: expiresAt.toISOString() };
}
