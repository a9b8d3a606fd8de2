/** Hazards swept by the jobs registry (being built). */
import type { JobRegistry } from '../../platform/jobs.js';

export function registerHazardJobs(_jobs: JobRegistry) {}
