/**
 * Which dispute cases an account sees beyond its scope's units: a mediator only the cases given to it and
 * a partner department's liaison only the cases transferred to its department (`dispute.assigned_only`).
 * Like a department's matters (platform/scope.ts), such an account sees its cases by the assignment alone,
 * wherever they lie in the station: a village committee's liaison may be scoped to its village while the
 * case is in the next one.
 */
import { worksCasesForStation } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { anyOf } from '../../db/rows.js';
import { disputeCases, disputeSessions, disputeTransfers } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, visibleUnits } from '../../platform/scope.js';

/** The account sees only the cases given to it (a mediator, a partner department's liaison). */
export function isAssignedOnly(actor: Actor): boolean {
  return actor.capabilities.includes('dispute.assigned_only');
}

/**
 * The extra condition on `dispute_cases` for an account that sees only the cases given to it; none otherwise.
 * Given to it: it handles the case, it mediates one of its sessions, or the case was transferred to its
 * department and not returned (a department that finished a case still reads it).
 */
export function assignedCases(actor: Actor): SQL | undefined {
  if (!isAssignedOnly(actor)) return undefined;
  const handles = sql`${disputeCases.handlerId} = ${actor.id}`;
  const mediates = sql`EXISTS (SELECT 1 FROM ${disputeSessions} WHERE ${disputeSessions.caseId} = ${disputeCases.id}
    AND ${disputeSessions.mediatorIds} @> ${JSON.stringify([actor.id])}::jsonb)`;
  if (!actor.departmentId) return anyOf(handles, mediates);
  const transferred = sql`EXISTS (SELECT 1 FROM ${disputeTransfers} WHERE ${disputeTransfers.caseId} = ${disputeCases.id}
    AND ${disputeTransfers.departmentId} = ${actor.departmentId} AND ${disputeTransfers.status} <> 'returned')`;
  return anyOf(handles, mediates, transferred);
}

/** The cases of a list or a board the actor sees: those given to it, or those of its units (and grants). */
export function casesInSight(actor: Actor): SQL {
  return assignedCases(actor) ?? visibleUnits(actor, disputeCases.unitPath, 'dispute.read');
}

/**
 * Whether the actor sees a case that passed `assignedCases`: an assigned-only account by the assignment
 * alone, everyone else by the case's unit (a read may pass a scope grant for `dispute.read`).
 */
export function seesCase(actor: Actor, c: { unitPath: string }, read: boolean): boolean {
  return isAssignedOnly(actor) || canSeePath(actor, c.unitPath, read ? 'dispute.read' : undefined);
}

/**
 * A partner department's liaison reads the cases transferred to it and answers, reports on and finishes the
 * transfer (transfers.ts); every other change to a case is the station's: classification, assessment,
 * colour, parties and their particulars, sessions, agreements, follow-ups, close. A 403: it sees the case.
 */
export function assertStationSide(actor: Actor): void {
  if (!worksCasesForStation(actor.capabilities)) throw new AppError('FORBIDDEN');
}
