/** The calendar module's scheduled work. */
import type { JobRegistry } from '../../platform/jobs.js';
import { calendarWarnings } from './calendar.service.js';

export function registerCalendarJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'calendar.warnings',
    // Every morning at 08:00 Beijing time: a missing calendar is noticed at the start of the working day.
    cron: '0 8 * * *',
    handler: async (ctx) => {
      await calendarWarnings(ctx, ctx.now());
    },
  });
}
