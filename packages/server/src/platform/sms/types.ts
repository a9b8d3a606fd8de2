/** What every SMS provider and its callers share: the message, the sender, its options and its error. */

/** A one-time code for one resident's phone. */
export interface OtpMessage {
  /** Mainland mobile number, 11 digits without country code, e.g. `13800138000`. */
  phone: string;
  /** The code itself, 6 digits. */
  code: string;
  /** How long the code stays valid, shown to the resident in the message. */
  ttlMinutes: number;
}

/** Sends one-time codes; every provider behaves the same to its caller. */
export interface SmsSender {
  /** Provider name for logs and health output (`log`, `tencent`). */
  readonly name: string;
  /** Resolves once the provider accepted the message; throws {@link SmsError} otherwise. */
  sendOtp(msg: OtpMessage): Promise<void>;
}

/** Provider settings, already validated by config. */
export type SmsOptions =
  | { provider: 'log' }
  | {
      provider: 'tencent';
      /** API key id (SecretId) of a CAM user allowed to call `sms:SendSms`. */
      secretId: string;
      /** API key secret (SecretKey); signs requests, never sent. */
      secretKey: string;
      /** SMS application id (SmsSdkAppId), e.g. `1400006666`. */
      sdkAppId: string;
      /** Approved signature (签名), e.g. `某某街道`. */
      signName: string;
      /** Approved template id whose parameters are {1} = code, {2} = minutes valid. */
      templateId: string;
      /** API region, e.g. `ap-guangzhou`. */
      region: string;
      /** API endpoint; `https://sms.tencentcloudapi.com` in production. */
      endpoint: string;
      /** Whole-request deadline in milliseconds. */
      timeoutMs: number;
    };

/** The two log levels a sender uses; a pino/Fastify logger fits as is. */
export interface SmsLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** A failed send. `retryable` tells the caller whether trying again later can help. */
export class SmsError extends Error {
  override readonly name = 'SmsError';
  /** Provider error code (e.g. `LimitExceeded.PhoneNumberDailyLimit`) or one of ours (`Timeout`, `NetworkError`). */
  readonly code: string;
  /** True for passing trouble (timeouts, provider overload); false for anything that will fail again. */
  readonly retryable: boolean;
  /** Provider request id, quoted in support tickets. */
  readonly requestId: string | undefined;

  constructor(
    code: string,
    message: string,
    opts: { retryable: boolean; requestId?: string | undefined; cause?: unknown } = { retryable: false },
  ) {
    super(`${code}: ${message}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.retryable = opts.retryable;
    this.requestId = opts.requestId;
  }
}
