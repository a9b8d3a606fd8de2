/**
 * Follow-ups swept by the jobs registry: the responsible person reminded on the due date (Beijing), the station's
 * chiefs told once when a follow-up is overdue and not recorded. Each mark lives on the follow-up and is set in
 * the statement that claims it, so a missed or doubled tick (or a second process) never tells anyone twice.
 * The texts name the case number, never a party.
 */
import { toCalendarDate } from '@jingmin/shared';
import { and, eq, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { disputeCases, disputeFollowUps } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { queueDeliveries } from '../notify/deliver.js';
import { recipientsByIds, stationChiefs } from '../notify/notify.queries.js';

/** Follow-ups looked at per pass; the next pass takes the rest. */
const BATCH = 200;

type Claimed = { id: string; caseId: string; responsibleId: string; dueOn: string };

/** Follow-ups of cases still open (not closed), not done, matching `where`: marked by `set`, in one statement. */
async function claim(tx: Tx, where: ReturnType<typeof and>, set: Partial<typeof disputeFollowUps.$inferInsert>) {
  const due = tx
    .select({ id: disputeFollowUps.id })
    .from(disputeFollowUps)
    .innerJoin(disputeCases, eq(disputeCases.id, disputeFollowUps.caseId))
    .where(and(isNull(disputeFollowUps.doneAt), ne(disputeCases.status, 'closed'), where))
    .orderBy(disputeFollowUps.dueOn)
    .limit(BATCH);
  return tx
    .update(disputeFollowUps)
    .set(set)
    .where(and(inArray(disputeFollowUps.id, due), isNull(disputeFollowUps.doneAt), where))
    .returning({
      id: disputeFollowUps.id,
      caseId: disputeFollowUps.caseId,
      responsibleId: disputeFollowUps.responsibleId,
      dueOn: disputeFollowUps.dueOn,
    });
}

async function caseOf(tx: Tx, caseId: string) {
  const [c] = await tx
    .select({ number: disputeCases.number, stationId: disputeCases.stationId })
    .from(disputeCases)
    .where(eq(disputeCases.id, caseId));
  return c;
}

async function tell(tx: Tx, ctx: Ctx, f: Claimed, to: 'responsible' | 'chiefs') {
  const c = await caseOf(tx, f.caseId);
  if (!c) return;
  const recipients =
    to === 'responsible' ? await recipientsByIds(tx, [f.responsibleId]) : await stationChiefs(tx, c.stationId);
  // 回访到期 to the responsible person, 回访逾期 to the chiefs: the case number only, never a party.
  const alert = {
    reason: to === 'responsible' ? 'follow_up_due' : 'follow_up_overdue',
    matterId: null,
    disputeId: f.caseId,
    number: c.number,
    kind: null,
    urgent: false,
  } as const;
  await queueDeliveries(tx, ctx, null, alert, recipients);
  await audit(ctx, tx, {
    action: to === 'responsible' ? 'dispute.follow_up_remind' : 'dispute.follow_up_escalate',
    result: 'ok',
    targetType: 'dispute',
    targetId: f.caseId,
    details: { followUpId: f.id, dueOn: f.dueOn, recipients: recipients.length },
  });
}

/** One pass: reminders for follow-ups due today (or missed on their day), then escalations of the overdue. */
export async function sweepFollowUps(ctx: Ctx): Promise<{ reminded: number; escalated: number }> {
  const now = ctx.now();
  const today = toCalendarDate(now);
  return ctx.db.transaction(async (tx) => {
    const due = await claim(tx, and(lte(disputeFollowUps.dueOn, today), isNull(disputeFollowUps.remindedAt)), {
      remindedAt: now,
    });
    for (const f of due) await tell(tx, ctx, f, 'responsible');
    const overdue = await claim(tx, and(lt(disputeFollowUps.dueOn, today), isNull(disputeFollowUps.escalatedAt)), {
      escalatedAt: now,
    });
    for (const f of overdue) await tell(tx, ctx, f, 'chiefs');
    return { reminded: due.length, escalated: overdue.length };
  });
}

export function registerFollowUpJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'disputes.sweep-follow-ups',
    everySeconds: 600,
    handler: async (ctx) => {
      const swept = await sweepFollowUps(ctx);
      if (swept.reminded + swept.escalated > 0) ctx.log.info(swept, 'dispute follow-ups swept');
    },
  });
}
