/**
 * 三个不放: a case closes only when resolved (its latest agreement performed in full, or its latest transfer done
 * and resolved), the hazard is cleared (the latest follow-up done says so) and every party is satisfied (each
 * party but a guardian, by their latest answer). The chief (`dispute.override`) may close anyway with a written
 * reason, audited with what was missing.
 */
import {
  CLOSE_CONDITION_LABELS,
  CLOSE_CONDITIONS,
  type CloseCondition,
  type CloseInput,
  type CloseReadiness,
  disputeStepTo,
} from '@jingmin/shared';
import { and, count, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { disputeAgreements, disputeDuties, disputeFollowUps, disputeTransfers, staff } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type DisputeCase, getCaseOrThrow } from './disputes.queries.js';
import { stepCase } from './disputes.service.js';
import { satisfactionOf } from './follow-ups.js';
import { partiesOf } from './parties.js';

/** 矛盾已化解: the latest agreement has no duty left unperformed, or the latest transfer came back done and resolved. */
async function isResolved(db: Queryable, caseId: string): Promise<boolean> {
  const [agreement] = await db
    .select({ id: disputeAgreements.id })
    .from(disputeAgreements)
    .where(eq(disputeAgreements.caseId, caseId))
    .orderBy(desc(disputeAgreements.createdAt))
    .limit(1);
  if (agreement) {
    const [open] = await db
      .select({ n: count() })
      .from(disputeDuties)
      .where(and(eq(disputeDuties.agreementId, agreement.id), isNull(disputeDuties.performedAt)));
    if (Number(open?.n ?? 0) === 0) return true;
  }
  const [transfer] = await db
    .select({ status: disputeTransfers.status, resolved: disputeTransfers.resolved })
    .from(disputeTransfers)
    .where(eq(disputeTransfers.caseId, caseId))
    .orderBy(desc(disputeTransfers.sentAt))
    .limit(1);
  return transfer?.status === 'done' && transfer.resolved === true;
}

/** 隐患已消除: the latest follow-up done says the hazard is cleared. */
async function isHazardCleared(db: Queryable, caseId: string): Promise<boolean> {
  const [latest] = await db
    .select({ hazardCleared: disputeFollowUps.hazardCleared })
    .from(disputeFollowUps)
    .where(and(eq(disputeFollowUps.caseId, caseId), isNotNull(disputeFollowUps.doneAt)))
    .orderBy(desc(disputeFollowUps.doneAt))
    .limit(1);
  return latest?.hazardCleared === true;
}

/** 当事人均满意: every party who is not a guardian said satisfied last time asked (and there is one at least). */
async function allSatisfied(db: Queryable, caseId: string): Promise<boolean> {
  const asked = (await partiesOf(db, caseId)).filter((p) => !p.guardianOfId);
  if (asked.length === 0) return false;
  const latest = new Map((await satisfactionOf(db, caseId)).map((s) => [s.partyId, s.satisfied]));
  return asked.every((p) => latest.get(p.id) === true);
}

/** The three conditions as the case stands now. */
export async function closeReadiness(db: Queryable, c: DisputeCase): Promise<CloseReadiness> {
  const met: Record<CloseCondition, boolean> = {
    resolved: await isResolved(db, c.id),
    hazard_cleared: await isHazardCleared(db, c.id),
    parties_satisfied: await allSatisfied(db, c.id),
  };
  const [closer] = c.closedBy
    ? await db.select({ name: staff.displayName }).from(staff).where(eq(staff.id, c.closedBy))
    : [];
  return {
    conditions: CLOSE_CONDITIONS.map((condition) => ({ condition, met: met[condition] })),
    closedAt: c.closedAt?.toISOString() ?? null,
    closedBy: closer?.name ?? null,
    overrideReason: c.closeOverrideReason,
  };
}

/**
 * 结案: when the three hold; otherwise refused naming what is missing — unless the chief gives a written reason
 * (特批结案), which closes it audited as an override with the missing conditions. Anyone else's reason: 403.
 */
export async function closeCase(ctx: Ctx, id: string, input: CloseInput) {
  const c = await getCaseOrThrow(ctx, id);
  if (!disputeStepTo(c.status, 'close'))
    throw new AppError('DISPUTE_STEP_NOT_ALLOWED', { status: c.status, step: 'close' });
  const missing = (await closeReadiness(ctx.db, c)).conditions.filter((x) => !x.met).map((x) => x.condition);
  const closed = { closedAt: ctx.now(), closedBy: actorOf(ctx).id };
  if (missing.length === 0)
    return ctx.db.transaction((tx) => stepCase(ctx, tx, c, 'close', closed, 'dispute.close', {}));
  if (!input.overrideReason) {
    const en = ctx.locale === 'en';
    const names = missing.map((m) => CLOSE_CONDITION_LABELS[m][en ? 'en' : 'zh']).join(en ? ', ' : '、');
    throw new AppError('DISPUTE_CLOSE_REFUSED', { missing: names }, { missing });
  }
  if (!actorOf(ctx).capabilities.includes('dispute.override')) throw new AppError('FORBIDDEN');
  const set = { ...closed, closeOverrideReason: input.overrideReason };
  return ctx.db.transaction((tx) => stepCase(ctx, tx, c, 'close', set, 'dispute.close_override', { missing }));
}
