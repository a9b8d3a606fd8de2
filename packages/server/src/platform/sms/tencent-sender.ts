/**
 * Tencent Cloud SMS, API 3.0 `SendSms` (version 2021-01-11), signed with TC3-HMAC-SHA256.
 * Signing follows https://cloud.tencent.com/document/api/213/30654 (Signature v3); the request and
 * answer follow https://cloud.tencent.com/document/api/382/55981. No SDK: two HMACs and a fetch.
 */
import { createHash, createHmac } from 'node:crypto';
import { maskPhone } from '../crypto.js';
import { SmsError, type SmsLog, type SmsMessage, type SmsOptions, type SmsSender, smsParams } from './types.js';

const SERVICE = 'sms';
const ACTION = 'SendSms';
const VERSION = '2021-01-11';
const ALGORITHM = 'TC3-HMAC-SHA256';
const CONTENT_TYPE = 'application/json; charset=utf-8';

/** What a TC3 signature covers. POST with a JSON body only: that is all SendSms needs. */
export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** Product, e.g. `sms`; must match the endpoint's product. */
  service: string;
  /** The Host header exactly as sent (with `:port` when not the default). */
  host: string;
  /** Unix seconds, also sent as X-TC-Timestamp. */
  timestamp: number;
  /** The exact body bytes that will be sent. */
  payload: string;
  contentType?: string;
}

/** Every intermediate of the signature, so a test can compare each against the documentation. */
export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  authorization: string;
}

const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** Signs a POST request with TC3-HMAC-SHA256, signing the `content-type` and `host` headers. */
export function signTc3(input: Tc3Input): Tc3Signature {
  const contentType = input.contentType ?? CONTENT_TYPE;
  // The date comes from the timestamp in UTC: a local-time date fails every night from 00:00 to 08:00.
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalHeaders = `content-type:${contentType.toLowerCase()}\nhost:${input.host.toLowerCase()}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256Hex(input.payload)].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [ALGORITHM, String(input.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
  const authorization =
    `${ALGORITHM} Credential=${input.secretId}/${scope}, ` + `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

/**
 * Whether trying again later can succeed. Tencent-side faults and API rate limits pass (the SMS
 * error list says to retry `InternalError.Timeout`); a bad key, template, signature, number or a
 * per-phone limit (`LimitExceeded.*`, which resets only after hours) fails the same way again.
 */
export function isRetryableTencentCode(code: string): boolean {
  return (
    code === 'InternalError' ||
    code === 'InternalError.Timeout' ||
    code === 'InternalError.SendAndRecvFail' ||
    code.startsWith('RequestLimitExceeded')
  );
}

type TencentOptions = Extract<SmsOptions, { provider: 'tencent' }>;

/** The parts of a SendSms answer we read; everything is optional until checked. */
interface SendSmsAnswer {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: Array<{ Code?: string; Message?: string; SerialNo?: string }>;
    RequestId?: string;
  };
}

/** A sender that calls Tencent Cloud SMS `SendSms` for each message. */
export function createTencentSender(options: TencentOptions, log: SmsLog): SmsSender {
  const url = new URL(options.endpoint);
  return {
    name: 'tencent',
    async send(msg: SmsMessage): Promise<void> {
      try {
        const { requestId, serialNo } = await sendSms(options, url, msg);
        log.info(
          { phone: maskPhone(msg.phone), kind: msg.kind, requestId, serialNo },
          '短信已提交 (SMS accepted by Tencent)',
        );
      } catch (err) {
        const e =
          err instanceof SmsError ? err : new SmsError('Unexpected', String(err), { retryable: false, cause: err });
        log.warn(
          { phone: maskPhone(msg.phone), kind: msg.kind, code: e.code, retryable: e.retryable, requestId: e.requestId },
          '短信发送失败 (SMS failed)',
        );
        throw e;
      }
    },
  };
}

async function sendSms(options: TencentOptions, url: URL, msg: SmsMessage) {
  // Guard here too: '+86' + anything else would be billed and bounce, or reach a stranger.
  if (!/^1\d{10}$/.test(msg.phone)) {
    throw new SmsError('InvalidPhoneNumber', 'not an 11-digit mainland mobile number', { retryable: false });
  }
  const templateId = options.templates[msg.kind];
  if (!templateId) {
    throw new SmsError('TemplateNotConfigured', `no approved template for ${msg.kind}`, { retryable: false });
  }
  const payload = JSON.stringify({
    PhoneNumberSet: [`+86${msg.phone}`],
    SmsSdkAppId: options.sdkAppId,
    SignName: options.signName,
    TemplateId: templateId,
    TemplateParamSet: smsParams(msg),
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const { authorization } = signTc3({ ...options, service: SERVICE, host: url.host, timestamp, payload });
  const answer = await post(url, options.timeoutMs, payload, {
    Authorization: authorization,
    'Content-Type': CONTENT_TYPE,
    'X-TC-Action': ACTION,
    'X-TC-Version': VERSION,
    'X-TC-Timestamp': String(timestamp),
    'X-TC-Region': options.region,
  });
  return readAnswer(answer);
}

async function post(url: URL, timeoutMs: number, body: string, headers: Record<string, string>) {
  let res: Response;
  let text: string;
  try {
    // The signal covers reading the body too, so a server that stalls mid-answer also times out.
    res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (err) {
    // The message may or may not have gone out; a second code is harmless, a lost one is not.
    const timedOut = err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const code = timedOut ? 'Timeout' : 'NetworkError';
    const detail = timedOut ? `no answer within ${timeoutMs} ms` : String(err);
    throw new SmsError(code, detail, { retryable: true, cause: err });
  }
  try {
    return { status: res.status, answer: JSON.parse(text) as SendSmsAnswer };
  } catch {
    throw new SmsError(`Http${res.status}`, 'answer is not JSON', {
      retryable: res.status >= 500 || res.status === 429,
    });
  }
}

function readAnswer({ status, answer }: { status: number; answer: SendSmsAnswer }) {
  const response = answer.Response;
  const requestId = response?.RequestId;
  if (response?.Error) {
    const code = response.Error.Code ?? 'UnknownError';
    throw new SmsError(code, response.Error.Message ?? '', { retryable: isRetryableTencentCode(code), requestId });
  }
  const sent = response?.SendStatusSet?.[0];
  if (!sent) {
    throw new SmsError(`Http${status}`, 'answer has neither Error nor SendStatusSet', {
      retryable: status >= 500,
      requestId,
    });
  }
  if (sent.Code !== 'Ok') {
    const code = sent.Code ?? 'UnknownError';
    throw new SmsError(code, sent.Message ?? '', { retryable: isRetryableTencentCode(code), requestId });
  }
  return { requestId, serialNo: sent.SerialNo };
}
