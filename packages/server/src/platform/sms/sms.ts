/**
 * SMS (one-time codes, receipts, staff alerts): one small interface, a provider chosen once from config.
 * `log` works offline and is the default; `tencent` talks to Tencent Cloud SMS (API 3.0).
 */
import { createLogSender } from './log-sender.js';
import { createTencentSender } from './tencent-sender.js';
import type { SmsLog, SmsOptions, SmsSender } from './types.js';

export * from './types.js';

/** Builds the sender configured for this deployment. */
export function createSmsSender(options: SmsOptions, log: SmsLog): SmsSender {
  switch (options.provider) {
    case 'log':
      return createLogSender(log, options.file);
    case 'tencent':
      return createTencentSender(options, log);
    default: {
      const unknown: never = options;
      throw new Error(`unknown SMS provider: ${JSON.stringify(unknown)}`);
    }
  }
}
