/**
 * What every SMS provider and its callers share: the messages, the sender, its options and its error.
 *
 * Mainland SMS goes out only through templates the provider approved beforehand, so a message is a
 * kind plus the values its template takes, never free text. No template carries a link: anti-fraud
 * teaching tells residents never to tap one in an SMS, and a mistyped number would hand a stranger
 * the matter.
 */

/** Mainland mobile number, 11 digits without country code, e.g. `13800138000`. */
type Phone = { phone: string };

/** A one-time code for one resident's phone. */
export type OtpMessage = Phone & {
  kind: 'otp';
  /** The code itself, 6 digits. */
  code: string;
  /** How long the code stays valid, shown to the resident in the message. */
  ttlMinutes: number;
};

/** Tells a resident whose matter the desk recorded (a call, the counter, 110, 12345) its receipt number. */
export type ReceiptMessage = Phone & {
  kind: 'matter_receipt';
  /** The station that holds the matter, e.g. `柳塘派出所`. */
  stationName: string;
  /** The receipt number (回执号), e.g. `JM20261201-002002`. */
  number: string;
};

/** Tells a staff member that a matter waits for them; the reason is a short label (新派单, 催办 …). */
export type StaffAlertMessage = Phone & {
  kind: 'staff_alert';
  /** What happened, at most a few characters: `新派单`, `催办`, `即将超期`, `已超期`, `重新办理`. */
  reason: string;
  number: string;
};

/** Tells a resident that the matter submitted with this phone was resolved and may be rated (五必评); no link. */
export type EvaluationWaitingMessage = Phone & {
  kind: 'evaluation_waiting';
  /** The station that resolved it, e.g. `柳塘派出所`. */
  stationName: string;
};

/** Tells a dispute's party when and where its mediation session is (调解会); no link, no other party's name. */
export type MediationSessionMessage = Phone & {
  kind: 'mediation_session';
  /** The station that mediates, e.g. `柳塘派出所`. */
  stationName: string;
  /** When, in Beijing time as people read it, e.g. `2026-12-03 10:00`. */
  when: string;
  /** Where, e.g. `柳塘派出所调解室`. */
  place: string;
};

/**
 * A station's notice (宣传与预警) to a verified phone that opted in to its category; no link, and the way to stop
 * (回复TD 退订) in every message.
 */
export type WarningMessage = Phone & {
  kind: 'warning';
  /** Who warns, e.g. `柳塘派出所`. */
  sender: string;
  /** The notice's SMS text as frozen when it was sent (category and title, at most 60 characters). */
  text: string;
};

export type SmsMessage =
  | OtpMessage
  | ReceiptMessage
  | StaffAlertMessage
  | EvaluationWaitingMessage
  | MediationSessionMessage
  | WarningMessage;
export type SmsKind = SmsMessage['kind'];
export const SMS_KINDS = [
  'otp',
  'matter_receipt',
  'staff_alert',
  'evaluation_waiting',
  'mediation_session',
  'warning',
] as const satisfies readonly SmsKind[];

/** A template value of a notice's SMS is cut to this many characters (the provider's variable limit). */
const WARNING_VALUE_MAX = 60;

/**
 * Each kind's template: the values in the order the provider's template numbers them ({1}, {2}),
 * and the text the template is approved with. The log sender writes this text; an operator applying
 * for templates at the provider copies it.
 */
export const SMS_TEMPLATES: {
  [K in SmsKind]: { text: string; params(msg: Extract<SmsMessage, { kind: K }>): string[] };
} = {
  otp: {
    text: '您的验证码为{1}，{2}分钟内有效。如非本人操作，请忽略本短信。',
    params: (m) => [m.code, String(m.ttlMinutes)],
  },
  matter_receipt: {
    text: '您反映的事项已由{1}受理，回执号{2}。请在派出所门牌二维码页面的“我的事项”中凭本机号码查看进度。',
    params: (m) => [m.stationName, m.number],
  },
  staff_alert: {
    text: '警民工作台：{1}，回执号{2}，请登录工作台处理。',
    params: (m) => [m.reason, m.number],
  },
  evaluation_waiting: {
    text: '您在{1}的事项已办结，欢迎评价。请打开“我的事项”或扫描门牌二维码评价。',
    params: (m) => [m.stationName],
  },
  mediation_session: {
    text: '{1}定于{2}在{3}调解您的纠纷，请准时参加。如需改期，请联系承办民警。',
    params: (m) => [m.stationName, m.when, m.place],
  },
  warning: {
    text: '{1}提醒：{2}。退订回复TD',
    params: (m) => [m.sender.slice(0, WARNING_VALUE_MAX), m.text.slice(0, WARNING_VALUE_MAX)],
  },
};

/** The values a message fills into its template. */
export function smsParams(msg: SmsMessage): string[] {
  const template = SMS_TEMPLATES[msg.kind] as { params(m: SmsMessage): string[] };
  return template.params(msg);
}

/** The whole text a recipient reads (without the provider's signature prefix). */
export function smsText(msg: SmsMessage): string {
  const params = smsParams(msg);
  return SMS_TEMPLATES[msg.kind].text.replace(/\{(\d)\}/g, (_, n: string) => params[Number(n) - 1] ?? '');
}

/** Sends templated messages; every provider behaves the same to its caller. */
export interface SmsSender {
  /** Provider name for logs and health output (`log`, `tencent`). */
  readonly name: string;
  /** Resolves once the provider accepted the message; throws {@link SmsError} otherwise. */
  send(msg: SmsMessage): Promise<void>;
}

/** Provider settings, already validated by config. */
export type SmsOptions =
  | {
      provider: 'log';
      /** Also append each text, one JSON line, to this file (demos and end-to-end tests read codes from it). */
      file?: string;
    }
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
      /**
       * Approved template id per kind (see {@link SMS_TEMPLATES} for each one's text and values). The
       * one-time code's is required; a kind without one fails with `TemplateNotConfigured`.
       */
      templates: { otp: string } & Partial<Record<SmsKind, string>>;
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
