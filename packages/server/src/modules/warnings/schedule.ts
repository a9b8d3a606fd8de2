/**
 * Scheduled notices go out at their time: every 30 s the job claims the due ones one at a time
 * (`FOR UPDATE SKIP LOCKED`, then the send's own guard on status and version), so two processes — or a doubled
 * tick — send each exactly once. A notice whose send fails is passed over for this run and tried at the next.
 */
import { and, asc, eq, lte, notInArray } from 'drizzle-orm';
import { warnings } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { countDelivered, sendInTx } from './send.js';
import type { Warning } from './warnings.policy.js';

/** At most this many notices a run; the next tick takes the rest. */
const MAX_PER_RUN = 100;

/** Sends every scheduled notice that is due; answers how many this run sent. */
export async function sendDueWarnings(ctx: Ctx): Promise<number> {
  const failed: string[] = [];
  let sent = 0;
  while (sent + failed.length < MAX_PER_RUN) {
    const now = ctx.now();
    // The claimed notice's id, kept outside the transaction so a failed send can be named and passed over.
    const claim: { id: string | null; row?: Warning } = { id: null };
    try {
      await ctx.db.transaction(async (tx) => {
        const [due] = await tx
          .select()
          .from(warnings)
          .where(
            and(
              eq(warnings.status, 'scheduled'),
              lte(warnings.scheduledAt, now),
              failed.length ? notInArray(warnings.id, failed) : undefined,
            ),
          )
          .orderBy(asc(warnings.scheduledAt))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!due) return;
        claim.id = due.id;
        claim.row = await sendInTx(tx, ctx, due);
      });
      if (claim.row) await countDelivered(ctx.db, claim.row);
    } catch (err) {
      if (!claim.id) throw err;
      ctx.log.error({ err, warningId: claim.id }, 'a scheduled warning could not be sent');
      failed.push(claim.id);
      continue;
    }
    if (!claim.id) break;
    sent += 1;
  }
  return sent;
}

export function registerScheduleJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'warnings.send-scheduled',
    everySeconds: 30,
    handler: async (ctx) => {
      const sent = await sendDueWarnings(ctx);
      if (sent > 0) ctx.log.info({ sent }, 'scheduled warnings sent');
    },
  });
}
