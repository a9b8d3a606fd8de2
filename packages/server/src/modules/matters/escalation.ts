/**
 * 提级督办: a matter reopened (发回重办) or transferred (转办) as many times as
 * its station's rules say (MatterSettings.escalation, 3 and 3 by default) is
 * escalated to the county bureau automatically — once, in the transaction of
 * the reopen or transfer that reached the count. The mark is set by a guarded
 * UPDATE (`escalated_at IS NULL`), so two processes stepping the same matter
 * never escalate it twice; the `matter.supervised` event, its audit entry and
 * outbox row go with it, and the notify job tells the bureau's supervisors
 * and the station's chiefs (notify/deliver.ts).
 */
import { ESCALATION_REASON_LABELS, type EscalationReason, type MatterEventType } from '@jingmin/shared';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { matterEvents, matters } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { matterSettings } from '../settings/settings.service.js';
import type { Matter } from './transition.js';

/** The event of an escalation to the bureau ('matter.escalated' is the deadline sweep's). */
export const SUPERVISED_EVENT = 'matter.supervised' satisfies MatterEventType;

/** The steps that count towards an escalation, and the reason each gives. */
const COUNTED = { reopen: 'reopened', transfer: 'transferred' } as const satisfies Record<string, EscalationReason>;
export type CountedAction = keyof typeof COUNTED;

export function isCountedAction(action: string): action is CountedAction {
  return action in COUNTED;
}

/**
 * Escalates `matter` (as the step just wrote it) when this step reached the station's count for its kind and
 * the matter was never escalated; answers the matter as it now stands. Runs in the step's transaction, after
 * its event is recorded, so the count includes this step.
 */
export async function escalateIfDue(tx: Tx, ctx: Ctx, matter: Matter, action: CountedAction): Promise<Matter> {
  if (matter.escalatedAt) return matter;
  const { escalation } = await matterSettings(tx, matter.stationId);
  if (!escalation) return matter;
  const [counts] = await tx
    .select({
      reopens: sql<number>`(count(*) FILTER (WHERE ${matterEvents.type} = 'matter.reopen'))::int`,
      transfers: sql<number>`(count(*) FILTER (WHERE ${matterEvents.type} = 'matter.transfer'))::int`,
    })
    .from(matterEvents)
    .where(and(eq(matterEvents.matterId, matter.id), inArray(matterEvents.type, ['matter.reopen', 'matter.transfer'])));
  const reopens = counts?.reopens ?? 0;
  const transfers = counts?.transfers ?? 0;
  const due = action === 'reopen' ? reopens >= escalation.reopens : transfers >= escalation.transfers;
  if (!due) return matter;
  const reason = COUNTED[action];
  // Another process may have escalated it since this step read the matter: then nothing is written here.
  const [escalated] = await tx
    .update(matters)
    .set({ escalatedAt: ctx.now(), escalationReason: reason })
    .where(and(eq(matters.id, matter.id), isNull(matters.escalatedAt)))
    .returning();
  if (!escalated) return matter;
  // The rule escalates, not the member whose step reached the count: the event names no actor (the audit
  // entry keeps the request's id, which ties it to that step's own entry).
  await recordEvent(tx, { ...ctx, actor: null }, matterSubject(escalated), {
    type: SUPERVISED_EVENT,
    system: true,
    note: `${ESCALATION_REASON_LABELS[reason].zh}（发回重办 ${reopens} 次，转办 ${transfers} 次），已自动提级县局督办`,
    payload: { reason, reopens, transfers },
  });
  return escalated;
}
