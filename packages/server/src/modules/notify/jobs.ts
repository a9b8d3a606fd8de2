/** The notify module's scheduled work: read the outbox into deliveries, send what is due, forget old records. */
import { and, lt, ne } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { notifyDeliveries } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { collectDeliveries } from './deliver.js';
import { sendDueDeliveries } from './send.js';

/** Finished deliveries are kept this long: enough to answer "did the officer get it?" about last quarter. */
const KEEP_DAYS = 90;

/**
 * One pass: queue deliveries for new outbox events, then send every delivery that is due (new ones,
 * retries whose backoff ran out, ones whose quiet hours ended). Tests call it directly (jobs are off there).
 */
export async function deliverNotifications(ctx: Ctx): Promise<{ queued: number; attempted: number }> {
  const queued = await collectDeliveries(ctx);
  const attempted = await sendDueDeliveries(ctx);
  return { queued, attempted };
}

/** Deletes finished deliveries older than {@link KEEP_DAYS}; the audit trail keeps that each was sent or failed. */
export async function forgetOldDeliveries(ctx: Ctx): Promise<number> {
  const before = new Date(ctx.now().getTime() - KEEP_DAYS * 86_400_000);
  const gone = await ctx.db
    .delete(notifyDeliveries)
    .where(and(ne(notifyDeliveries.status, 'pending'), lt(notifyDeliveries.createdAt, before)))
    .returning({ id: notifyDeliveries.id });
  return gone.length;
}

export function registerNotifyJobs(jobs: JobRegistry, config: Config) {
  jobs.register({
    name: 'notify.deliver',
    // The cursor and the claims live in the database: a missed or doubled tick sends nothing twice.
    everySeconds: config.notify.everySeconds,
    handler: async (ctx) => {
      const done = await deliverNotifications(ctx);
      if (done.queued + done.attempted > 0) ctx.log.info(done, 'notifications delivered');
    },
  });
  jobs.register({
    name: 'notify.retention',
    cron: '17 3 * * *',
    handler: async (ctx) => {
      ctx.log.info({ deleted: await forgetOldDeliveries(ctx) }, 'retention: old notification deliveries deleted');
    },
  });
}
