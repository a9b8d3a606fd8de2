/** 反诈预警's jobs: escalation as deadlines near and pass, feedback upstream with retries, retention. (helper D) */
import type { JobRegistry } from '../../platform/jobs.js';

export function registerFraudJobs(_jobs: JobRegistry) {}
