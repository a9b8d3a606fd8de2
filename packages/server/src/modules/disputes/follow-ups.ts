/**
 * 跟踪回访 and the parties' satisfaction; 三个不放 reads them. `scheduleFollowUp` and `failCase` are the one way
 * the other parts of a case (an agreement, a session that failed, a department's result) plan a follow-up or
 * record 调解未成 with its next attempt. A party's satisfaction is asked in person, or through an evaluation
 * link (五必评's own requests: answered on the public page or in "my matters", then filled in by the hook).
 */
import { randomUUID } from 'node:crypto';
import {
  type FailInput,
  type FollowUpKind,
  type FollowUpPlanInput,
  type FollowUpRecorded,
  type FollowUpRecordInput,
  type FollowUpView,
  isSatisfiedAnswer,
  type SatisfactionView,
  toCalendarDate,
} from '@jingmin/shared';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { disputeFollowUps, disputeSatisfaction, staff, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { isUnder } from '../../platform/scope.js';
import { evaluationPath, requestEvaluation, type SubjectAnswered } from '../evaluations/evaluations.service.js';
import { matterSettings } from '../settings/settings.service.js';
import { type DisputeCase, getCaseOrThrow } from './disputes.queries.js';
import { changeCase, stepCase } from './disputes.service.js';
import { partiesOf } from './parties.js';

/** The subject type of a party's satisfaction asked through an evaluation link. */
export const SATISFACTION_SUBJECT = 'dispute_satisfaction';

/** A follow-up due on a Beijing date, for the case's handler (or whoever plans it). */
export async function scheduleFollowUp(
  tx: Tx,
  ctx: Ctx,
  c: DisputeCase,
  plan: { kind: FollowUpKind; dueOn: string; agreementId?: string | null; responsibleId?: string | null },
) {
  const [row] = await tx
    .insert(disputeFollowUps)
    .values({
      caseId: c.id,
      agreementId: plan.agreementId ?? null,
      kind: plan.kind,
      dueOn: plan.dueOn,
      responsibleId: plan.responsibleId ?? c.handlerId ?? actorOf(ctx).id,
      createdAt: ctx.now(),
    })
    .returning({ id: disputeFollowUps.id });
  return row?.id;
}

/** 调解未成: the case is not settled now; the next attempt is planned as a follow-up on its date (分案处理). */
export async function failCase(tx: Tx, ctx: Ctx, c: DisputeCase, input: FailInput, action = 'dispute.fail') {
  await stepCase(
    ctx,
    tx,
    c,
    'fail',
    {
      failedAt: ctx.now(),
      failReason: input.reason,
      nextAttemptOn: input.nextAttemptOn,
      sessionDueAt: null,
      sessionEscalatedAt: null,
    },
    action,
    { nextAttemptOn: input.nextAttemptOn },
  );
  await scheduleFollowUp(tx, ctx, c, { kind: 'next_attempt', dueOn: input.nextAttemptOn });
}

/** A date a person picks for what is still to come: today (Beijing) or later, a 400 naming the field otherwise. */
function assertNotPast(ctx: Ctx, field: string, day: string, zh: string, en: string) {
  if (day < toCalendarDate(ctx.now())) throw invalid(ctx, field, zh, en);
}

async function openCaseOrThrow(ctx: Ctx, id: string) {
  const c = await getCaseOrThrow(ctx, id);
  if (c.status === 'closed') throw new AppError('DISPUTE_CLOSED');
  return c;
}

/** 安排回访: on a day to come, for an active member of the case's station. */
export async function planFollowUp(ctx: Ctx, id: string, input: FollowUpPlanInput) {
  const c = await openCaseOrThrow(ctx, id);
  assertNotPast(ctx, 'dueOn', input.dueOn, '回访日期不能早于今天', 'the follow-up date cannot be before today');
  if (input.responsibleId) await assertStationMember(ctx, c, input.responsibleId);
  await ctx.db.transaction(async (tx) => {
    const followUpId = await scheduleFollowUp(tx, ctx, c, input);
    await changeCase(ctx, tx, c, {}, 'dispute.follow_up_plan', {
      followUpId,
      kind: input.kind,
      dueOn: input.dueOn,
      responsibleId: input.responsibleId ?? null,
    });
  });
}

async function assertStationMember(ctx: Ctx, c: DisputeCase, staffId: string) {
  const [station] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, c.stationId));
  const [s] = await ctx.db
    .select({ path: units.path, status: staff.status })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(staff.id, staffId));
  if (!station || s?.status !== 'active' || !isUnder(s.path, station.path))
    throw invalid(ctx, 'responsibleId', '应为本所的在岗人员', 'must be an active member of the station');
}

/** 调解未成 with the date of the next attempt (today or later). */
export async function recordFailure(ctx: Ctx, id: string, input: FailInput) {
  const c = await getCaseOrThrow(ctx, id);
  assertNotPast(ctx, 'nextAttemptOn', input.nextAttemptOn, '再次调解日期不能早于今天', 'cannot be before today');
  await ctx.db.transaction((tx) => failCase(tx, ctx, c, input));
}

/** The follow-up and its case, in the actor's sight (404 otherwise, as for the case). */
async function followUpOrThrow(ctx: Ctx, followUpId: string) {
  const [f] = await ctx.db.select().from(disputeFollowUps).where(eq(disputeFollowUps.id, followUpId));
  if (!f) throw new AppError('NOT_FOUND', { what: 'dispute_follow_up' });
  const c = await getCaseOrThrow(ctx, f.caseId).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND'
      ? new AppError('NOT_FOUND', { what: 'dispute_follow_up' })
      : err;
  });
  if (c.status === 'closed') throw new AppError('DISPUTE_CLOSED');
  if (f.doneAt) throw new AppError('DISPUTE_FOLLOW_UP_DONE');
  return { f, c };
}

/** Each party asked must be a party of the case and not a guardian (a guardian speaks for the minor, not for themself). */
async function askedParties(ctx: Ctx, c: DisputeCase, input: FollowUpRecordInput) {
  const parties = new Map((await partiesOf(ctx.db, c.id)).map((p) => [p.id, p]));
  const seen = new Set<string>();
  for (const entry of input.parties) {
    const p = parties.get(entry.partyId);
    if (!p) throw invalid(ctx, 'parties', '只能询问本案的当事人', 'must be parties of the case');
    if (p.guardianOfId) throw invalid(ctx, 'parties', '监护人不单独评价满意度', 'a guardian is not asked');
    if (seen.has(p.id)) throw invalid(ctx, 'parties', '同一当事人只能登记一次', 'a party is listed twice');
    seen.add(p.id);
  }
  return parties;
}

/**
 * 登记回访: what it found, and each party's satisfaction — told in person, or asked through an evaluation link
 * the officer shows as a QR (the party's verified phone also finds it in "my matters"). The links are shown once.
 */
export async function recordFollowUp(
  ctx: Ctx,
  followUpId: string,
  input: FollowUpRecordInput,
): Promise<FollowUpRecorded> {
  const { f, c } = await followUpOrThrow(ctx, followUpId);
  const parties = await askedParties(ctx, c, input);
  const { evaluation } = await matterSettings(ctx.db, c.stationId);
  const actor = actorOf(ctx);
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(disputeFollowUps)
      .set({
        doneAt: now,
        performed: input.performed ?? null,
        hazardCleared: input.hazardCleared,
        note: input.note ?? null,
        recordedBy: actor.id,
      })
      .where(and(eq(disputeFollowUps.id, f.id), isNull(disputeFollowUps.doneAt)))
      .returning({ id: disputeFollowUps.id });
    if (!done) throw new AppError('DISPUTE_FOLLOW_UP_DONE');
    const links: FollowUpRecorded['links'] = [];
    for (const entry of input.parties) {
      const base = { caseId: c.id, followUpId: f.id, partyId: entry.partyId, recordedAt: now, recordedBy: actor.id };
      if (entry.via === 'in_person') {
        await tx.insert(disputeSatisfaction).values({ ...base, via: 'in_person', satisfied: entry.satisfied });
        continue;
      }
      const id = randomUUID();
      const request = await requestEvaluation(tx, ctx, {
        type: 'matter',
        subject: { type: SATISFACTION_SUBJECT, id },
        stationId: c.stationId,
        unitPath: c.unitPath,
        householdId: parties.get(entry.partyId)?.householdId ?? null,
        ratedStaffId: c.handlerId,
        expiresInDays: evaluation.expiresDays,
      });
      await tx
        .insert(disputeSatisfaction)
        .values({ ...base, id, via: 'evaluation', evaluationRequestId: request.id, satisfied: null });
      links.push({
        partyId: entry.partyId,
        url: `${ctx.deps.config.http.publicUrl}${evaluationPath(request.token)}`,
        expiresAt: request.expiresAt.toISOString(),
      });
    }
    await changeCase(ctx, tx, c, {}, 'dispute.follow_up', {
      followUpId: f.id,
      performed: input.performed ?? null,
      hazardCleared: input.hazardCleared,
      note: Boolean(input.note),
      parties: input.parties.map((p) => ({
        partyId: p.partyId,
        via: p.via,
        satisfied: 'satisfied' in p ? p.satisfied : null,
      })),
    });
    return { links };
  });
}

/**
 * A party's evaluation answered (on the link, or from "my matters"): the satisfaction row takes the answer's
 * verdict, decided as every evaluation's is (the scale option's `satisfied` flag). Registered in app.ts.
 */
export const satisfactionAnswered: SubjectAnswered = async (tx, _ctx, { request, template, answers }) => {
  await tx
    .update(disputeSatisfaction)
    .set({ satisfied: isSatisfiedAnswer(template, answers) })
    .where(eq(disputeSatisfaction.id, request.subjectId));
};

/**
 * A case's follow-ups by due date, overdue when not done and past its date (Beijing) — on a case still open: one
 * left undone when the case closed is no longer due (the sweeps skip it too).
 */
export async function followUpsOf(
  db: Queryable,
  caseId: string,
  now: Date,
  caseClosed: boolean,
): Promise<FollowUpView[]> {
  const today = toCalendarDate(now);
  const rows = await db
    .select({ f: disputeFollowUps, name: staff.displayName })
    .from(disputeFollowUps)
    .innerJoin(staff, eq(staff.id, disputeFollowUps.responsibleId))
    .where(eq(disputeFollowUps.caseId, caseId))
    .orderBy(asc(disputeFollowUps.dueOn), asc(disputeFollowUps.createdAt));
  return rows.map(({ f, name }) => ({
    id: f.id,
    kind: f.kind,
    agreementId: f.agreementId,
    dueOn: f.dueOn,
    responsibleId: f.responsibleId,
    responsibleName: name,
    doneAt: f.doneAt?.toISOString() ?? null,
    performed: f.performed,
    hazardCleared: f.hazardCleared,
    note: f.note,
    overdue: !caseClosed && !f.doneAt && f.dueOn < today,
    escalatedAt: f.escalatedAt?.toISOString() ?? null,
  }));
}

/** Each party's latest satisfaction (a party never asked has none). */
export async function satisfactionOf(db: Queryable, caseId: string): Promise<SatisfactionView[]> {
  const rows = await db
    .selectDistinctOn([disputeSatisfaction.partyId])
    .from(disputeSatisfaction)
    .where(eq(disputeSatisfaction.caseId, caseId))
    .orderBy(disputeSatisfaction.partyId, desc(disputeSatisfaction.recordedAt), desc(disputeSatisfaction.id));
  return rows.map((s) => ({
    partyId: s.partyId,
    via: s.via,
    satisfied: s.satisfied,
    recordedAt: s.recordedAt.toISOString(),
  }));
}
