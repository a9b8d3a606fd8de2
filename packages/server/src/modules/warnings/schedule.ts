/** Scheduled notices go out at their time (helper A implements). */
import type { JobRegistry } from '../../platform/jobs.js';

export function registerScheduleJobs(_jobs: JobRegistry) {}
