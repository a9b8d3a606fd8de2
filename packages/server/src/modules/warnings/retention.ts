/** Receipts of expired notices are purged, counts stay (helper C implements). */
import type { JobRegistry } from '../../platform/jobs.js';

export function registerReceiptJobs(_jobs: JobRegistry) {}
