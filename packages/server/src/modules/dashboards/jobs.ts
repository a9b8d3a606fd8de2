/** The 考核指标 rollups' job: every few seconds it recounts the matters the committed events name (kpi-rollup.ts). */
import type { Config } from '../../config.js';
import type { JobRegistry } from '../../platform/jobs.js';
import { rollKpis } from './kpi-rollup.js';

export function registerDashboardJobs(jobs: JobRegistry, config: Config) {
  jobs.register({
    name: 'dashboards.kpi-rollup',
    // One process at a time holds the rollups' lock; a doubled tick finds nothing new.
    everySeconds: config.jobs.kpiRollupSeconds,
    handler: rollKpis,
  });
}
