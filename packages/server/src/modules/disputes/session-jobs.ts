/** 治安调解's deadlines swept by the jobs registry: a session past its due date escalates to the chief once. */
import { and, isNull, lt, notInArray, sql } from 'drizzle-orm';
import { disputeCases } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { queueDeliveries } from '../notify/deliver.js';
import { stationChiefs } from '../notify/notify.queries.js';

/**
 * Marks every open case whose 治安调解 session is past due and not yet escalated, in one statement (so each due
 * date escalates once, however many processes sweep), and tells the station's chiefs. Answers how many.
 */
export async function sweepSessionDeadlines(ctx: Ctx): Promise<number> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const escalated = await tx
      .update(disputeCases)
      .set({ sessionEscalatedAt: now, updatedAt: now, version: sql`${disputeCases.version} + 1` })
      .where(
        and(
          lt(disputeCases.sessionDueAt, now),
          isNull(disputeCases.sessionEscalatedAt),
          notInArray(disputeCases.status, ['closed', 'failed']),
        ),
      )
      .returning({
        id: disputeCases.id,
        number: disputeCases.number,
        stationId: disputeCases.stationId,
        dueAt: disputeCases.sessionDueAt,
      });
    for (const c of escalated) {
      const chiefs = await stationChiefs(tx, c.stationId);
      // The chief reads the reason (调解超期) and the case number, never a party's name.
      const alert = {
        reason: 'session_overdue',
        matterId: null,
        disputeId: c.id,
        number: c.number,
        kind: null,
        urgent: false,
      } as const;
      await queueDeliveries(tx, ctx, null, alert, chiefs);
      await audit(ctx, tx, {
        action: 'dispute.session_escalate',
        result: 'ok',
        targetType: 'dispute',
        targetId: c.id,
        details: { dueAt: c.dueAt?.toISOString() ?? null, chiefs: chiefs.length },
      });
    }
    return escalated.length;
  });
}

export function registerSessionJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'disputes.sweep-session-deadlines',
    // The due date lives on the case: a missed or doubled tick is harmless, each due date escalates once.
    everySeconds: 300,
    handler: async (ctx) => {
      await sweepSessionDeadlines(ctx);
    },
  });
}
