/**
 * 反诈预警's jobs: the deadline clock every 30 s (the desk warned, then the desk and the chief, each once), the
 * feedback sweep every 30 s (webhooks due or failed, retried with backoff), one feedback attempt queued at
 * verification (sent within seconds when the jobs run), and the daily deletion of old personal data.
 */
import type { JobRegistry } from '../../platform/jobs.js';
import { sweepFraudDeadlines } from './escalation.js';
import { FEEDBACK_JOB, sendDueFeedback } from './feedback.js';
import { purgeOldInstructions } from './retention.js';

export function registerFraudJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'fraud.deadlines',
    // The stamps are the claims: a doubled tick or a second process alerts nobody twice.
    everySeconds: 30,
    handler: async (ctx) => {
      const swept = await sweepFraudDeadlines(ctx);
      if (swept.escalated + swept.warned > 0) ctx.log.info(swept, 'anti-fraud instructions warned or escalated');
    },
  });
  jobs.register({
    name: 'fraud.feedback-sweep',
    everySeconds: 30,
    handler: async (ctx) => {
      const done = await sendDueFeedback(ctx);
      if (done.tried > 0) ctx.log.info(done, 'anti-fraud feedback attempted');
    },
  });
  jobs.register<{ instructionId?: string }>({
    name: FEEDBACK_JOB,
    handler: async (ctx, data) => {
      if (data.instructionId) await sendDueFeedback(ctx, data.instructionId);
    },
  });
  jobs.register({
    name: 'fraud.retention',
    cron: '47 3 * * *',
    handler: async (ctx) => {
      const done = await purgeOldInstructions(ctx);
      if (done.purged > 0) ctx.log.info(done, 'retention: anti-fraud personal data deleted');
    },
  });
}
