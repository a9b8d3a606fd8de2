/**
 * The offline default: the code goes to the server log, so development, demos and a fresh install
 * can sign residents in before an SMS contract exists.
 */
import { appendFile } from 'node:fs/promises';
import { maskPhone } from '../crypto.js';
import { type SmsLog, type SmsMessage, type SmsSender, smsText } from './types.js';

/** Message of the log line that carries the code; operators grep for it. */
export const LOG_SENDER_MESSAGE = '一次性验证码 (SMS not configured; code written to log)';
/** Message of the log line that carries any other text message. */
export const LOG_SENDER_TEXT = '短信 (SMS not configured; text written to log)';

/** A sender that writes each code to the log instead of sending it. */
export function createLogSender(log: SmsLog, file?: string): SmsSender {
  // Said once at boot: on a production box this setting leaks codes to whoever reads the logs.
  log.warn(
    { provider: 'log' },
    '短信未配置，验证码与短信内容将写入日志 (SMS provider is "log": one-time codes and texts go to the server log)',
  );
  return {
    name: 'log',
    async send(msg: SmsMessage): Promise<void> {
      // The code must be here (that is the point); the full phone number must not.
      if (msg.kind === 'otp') {
        log.info({ phone: maskPhone(msg.phone), code: msg.code, ttlMinutes: msg.ttlMinutes }, LOG_SENDER_MESSAGE);
      } else {
        log.info({ phone: maskPhone(msg.phone), kind: msg.kind, text: smsText(msg) }, LOG_SENDER_TEXT);
      }
      if (file) {
        const line = { at: new Date().toISOString(), phone: maskPhone(msg.phone), kind: msg.kind, text: smsText(msg) };
        await appendFile(file, `${JSON.stringify(msg.kind === 'otp' ? { ...line, code: msg.code } : line)}\n`);
      }
    },
  };
}
