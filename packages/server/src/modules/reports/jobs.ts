/** 每月综合分析: on the 1st at 02:00 Beijing time, last month's drafts for every station and the bureau. */
import { shiftPeriod, toCalendarDate } from '@jingmin/shared';
import type { JobRegistry } from '../../platform/jobs.js';
import { reportKinds } from './kinds.js';
import { generateMonthlyDrafts } from './reports.service.js';

export function registerReportJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'reports.monthly',
    cron: '0 2 1 * *',
    handler: async (ctx) => {
      const period = shiftPeriod(toCalendarDate(ctx.now()).slice(0, 7), -1);
      const made = await generateMonthlyDrafts(ctx, reportKinds(), period);
      ctx.log.info({ period, made }, 'monthly report drafts generated');
    },
  });
}
