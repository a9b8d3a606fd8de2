/** 宣传与预警's jobs: scheduled sending, SMS to opted-in phones, purging receipts of expired notices. */
import type { JobRegistry } from '../../platform/jobs.js';
import { registerReceiptJobs } from './retention.js';
import { registerScheduleJobs } from './schedule.js';
import { registerSmsJobs } from './sms.js';

export function registerWarningJobs(jobs: JobRegistry) {
  registerScheduleJobs(jobs);
  registerSmsJobs(jobs);
  registerReceiptJobs(jobs);
}
