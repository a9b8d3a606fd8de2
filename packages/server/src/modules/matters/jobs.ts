/** The matters module's scheduled work: the deadline sweep and the retention of what residents and delivery leave. */
import type { Config } from '../../config.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { sweepDeadlines } from './deadlines.service.js';
import { sweepDeliveryRecords, sweepResidentLeftovers } from './housekeeping.js';

export function registerMatterJobs(jobs: JobRegistry, config: Config) {
  jobs.register({
    name: 'matters.sweep-deadlines',
    // The deadlines live on the matters: a missed or doubled tick is harmless, the sweep fires each breach once.
    everySeconds: config.jobs.sweepSeconds,
    handler: async (ctx) => {
      await sweepDeadlines(ctx);
    },
  });
  jobs.register({
    name: 'housekeeping.retention',
    cron: '*/10 * * * *',
    handler: async (ctx) => {
      const leftovers = await sweepResidentLeftovers(ctx);
      const deleted = await sweepDeliveryRecords(ctx);
      ctx.log.info({ ...leftovers, ...deleted }, 'retention: old records deleted');
    },
  });
}
