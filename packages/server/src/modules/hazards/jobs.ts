/**
 * Overdue hazards swept by the jobs registry: an open hazard past its deadline (a Beijing date) is escalated
 * once — `escalatedAt` is set in the statement that claims it, so a doubled tick or a second process never
 * tells anyone twice. The claim publishes `hazard.overdue` on the outbox in the same transaction; the notify
 * job turns it into alerts for the station's chiefs and the hazard's responsible person (naming its kind and
 * place, no personal data), once per event, person and channel.
 */
import { HAZARD_OVERDUE_EVENT, toCalendarDate } from '@jingmin/shared';
import { and, inArray, isNull } from 'drizzle-orm';
import { hazards } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { publish } from '../../platform/outbox.js';
import { overdueSql } from './hazard-sets.js';

/** Hazards looked at per pass; the next pass takes the rest. */
const BATCH = 200;

/** One pass: claims the open hazards past their deadline not yet escalated, and tells about each once. */
export async function sweepOverdueHazards(ctx: Ctx): Promise<{ escalated: number }> {
  const now = ctx.now();
  const today = toCalendarDate(now);
  return ctx.db.transaction(async (tx) => {
    const overdue = and(overdueSql(today), isNull(hazards.escalatedAt));
    const due = tx.select({ id: hazards.id }).from(hazards).where(overdue).orderBy(hazards.deadlineOn).limit(BATCH);
    const claimed = await tx
      .update(hazards)
      .set({ escalatedAt: now })
      .where(and(inArray(hazards.id, due), overdue))
      .returning({
        id: hazards.id,
        stationId: hazards.stationId,
        responsibleId: hazards.responsibleId,
        deadlineOn: hazards.deadlineOn,
      });
    for (const h of claimed) {
      await publish(tx, now, [], HAZARD_OVERDUE_EVENT, { hazardId: h.id, stationId: h.stationId });
      await audit(ctx, tx, {
        action: 'hazard.escalate',
        result: 'ok',
        targetType: 'hazard',
        targetId: h.id,
        details: { stationId: h.stationId, responsibleId: h.responsibleId, deadlineOn: h.deadlineOn },
      });
    }
    return { escalated: claimed.length };
  });
}

export function registerHazardJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'hazards.sweep-overdue',
    everySeconds: 600,
    handler: async (ctx) => {
      const swept = await sweepOverdueHazards(ctx);
      if (swept.escalated > 0) ctx.log.info(swept, 'overdue hazards escalated');
    },
  });
}
