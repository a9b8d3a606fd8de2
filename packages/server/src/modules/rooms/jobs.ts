/** 议事厅 sweeps: the "@" clock every minute (the asked staff's phones, then the desk, each once) and retention daily. */
import type { JobRegistry } from '../../platform/jobs.js';
import { sweepMentionClock } from './mentions.service.js';
import { removeOldPosts } from './retention.js';

export function registerRoomJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'rooms.mention-clock',
    // The stamps are set in the claiming statements: a doubled tick or a second process tells nobody twice.
    everySeconds: 60,
    handler: async (ctx) => {
      const swept = await sweepMentionClock(ctx);
      if (swept.reminded + swept.escalated > 0) ctx.log.info(swept, 'room "@" reminded or escalated');
    },
  });
  jobs.register({
    name: 'rooms.retention',
    cron: '37 3 * * *',
    handler: async (ctx) => {
      ctx.log.info(await removeOldPosts(ctx), 'retention: old room posts deleted');
    },
  });
}
