/**
 * The offline default: the code goes to the server log, so development, demos and a fresh install
 * can sign residents in before an SMS contract exists.
 */
import { maskPhone } from '../crypto.js';
import type { OtpMessage, SmsLog, SmsSender } from './types.js';

/** Message of the log line that carries the code; operators grep for it. */
export const LOG_SENDER_MESSAGE = '一次性验证码 (SMS not configured; code written to log)';

/** A sender that writes each code to the log instead of sending it. */
export function createLogSender(log: SmsLog): SmsSender {
  // Said once at boot: on a production box this setting leaks codes to whoever reads the logs.
  log.warn(
    { provider: 'log' },
    '短信未配置，验证码将写入日志 (SMS provider is "log": one-time codes go to the server log)',
  );
  return {
    name: 'log',
    async sendOtp(msg: OtpMessage): Promise<void> {
      // The code must be here (that is the point); the full phone number must not.
      log.info({ phone: maskPhone(msg.phone), code: msg.code, ttlMinutes: msg.ttlMinutes }, LOG_SENDER_MESSAGE);
    },
  };
}
