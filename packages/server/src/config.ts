/**
 * The only reader of process.env. Parsed once at boot; a bad variable stops
 * the server with a message that names every problem.
 */
import path from 'node:path';
import { z } from 'zod';
import type { SmsOptions } from './platform/sms/sms.js';
import type { WecomOptions } from './platform/wecom/wecom.js';

const bool = z.enum(['0', '1', 'true', 'false', 'yes', 'no']).transform((v) => ['1', 'true', 'yes'].includes(v));
const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, { message: 'must be 64 hex characters (32 bytes)' });

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  JINGMIN_DATA_DIR: z.string().default('./data'),
  JINGMIN_DEMO: bool.default(true),
  JINGMIN_SECRETS_FILE: z.string().optional(),
  JINGMIN_AUDIT_KEY: hexKey.optional(),
  JINGMIN_DATA_KEY: hexKey.optional(),
  JINGMIN_AUDIT_HEAD_FILE: z.string().optional(),
  JINGMIN_COOKIE_SECURE: bool.optional(),
  JINGMIN_TRUST_PROXY: z.string().optional(),
  JINGMIN_ADMIN_CIDRS: z.string().optional(),
  JINGMIN_ARGON2_MEMORY_KIB: z.coerce.number().int().min(1024).max(1048576).default(65536),
  JINGMIN_WEB_DIST: z.string().optional(),
  JINGMIN_CJK_FONT: z.string().default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
  JINGMIN_JOBS: bool.optional(),
  JINGMIN_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  JINGMIN_BENCH_ROUTES: bool.default(false),
  JINGMIN_SEAL_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  JINGMIN_AUDIT_MAX_UNSEALED_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  JINGMIN_OUTBOX_KEEP_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  JINGMIN_IDEMPOTENCY_KEEP_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  JINGMIN_RATE_LIMIT_KEEP_HOURS: z.coerce
    .number()
    .int()
    .min(2)
    .max(24 * 30)
    .default(48),
  JINGMIN_SMS_PROVIDER: z.enum(['log', 'tencent']).default('log'),
  JINGMIN_SMS_LOG_FILE: z.string().optional(),
  JINGMIN_SMS_TENCENT_SECRET_ID: z.string().optional(),
  JINGMIN_SMS_TENCENT_SECRET_KEY: z.string().optional(),
  JINGMIN_SMS_TENCENT_SDK_APP_ID: z.string().optional(),
  JINGMIN_SMS_TENCENT_SIGN_NAME: z.string().optional(),
  JINGMIN_SMS_TENCENT_TEMPLATE_ID: z.string().optional(),
  JINGMIN_SMS_TENCENT_TEMPLATE_RECEIPT: z.string().optional(),
  JINGMIN_SMS_TENCENT_TEMPLATE_STAFF_ALERT: z.string().optional(),
  JINGMIN_SMS_TENCENT_TEMPLATE_EVALUATION: z.string().optional(),
  JINGMIN_SMS_TENCENT_TEMPLATE_MEDIATION: z.string().optional(),
  JINGMIN_SMS_TENCENT_TEMPLATE_WARNING: z.string().optional(),
  /** The secret in the SMS reply callback's URL (`?token=`); unset, the callback refuses every call. */
  JINGMIN_SMS_REPLY_TOKEN: z.string().min(16).max(200).optional(),
  JINGMIN_SMS_TENCENT_REGION: z.string().default('ap-guangzhou'),
  JINGMIN_SMS_TENCENT_ENDPOINT: z.url().default('https://sms.tencentcloudapi.com'),
  JINGMIN_WECOM_CORP_ID: z.string().optional(),
  JINGMIN_WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
  JINGMIN_WECOM_SECRET: z.string().optional(),
  JINGMIN_WECOM_ENDPOINT: z.url().default('https://qyapi.weixin.qq.com'),
  JINGMIN_NOTIFY_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  JINGMIN_KPI_ROLLUP_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(src: Record<string, string | undefined> = process.env, argv: string[] = process.argv) {
  const parsed = Env.safeParse(src);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const sms = smsOptions(e);
  const dataDir = path.resolve(e.JINGMIN_DATA_DIR);
  const production = e.NODE_ENV === 'production';
  const demo = argv.includes('--no-demo') ? false : e.JINGMIN_DEMO;
  return {
    env: e.NODE_ENV,
    demo,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
      trustProxy: e.JINGMIN_TRUST_PROXY ?? false,
      bodyLimit: 1024 * 1024,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
    },
    db: e.DATABASE_URL
      ? ({ kind: 'server', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } as const)
      : ({ kind: 'embedded', dir: path.join(dataDir, 'pglite') } as const),
    dataDir,
    secrets: {
      file: path.resolve(e.JINGMIN_SECRETS_FILE ?? path.join(dataDir, 'secrets', 'keys.json')),
      auditKey: e.JINGMIN_AUDIT_KEY,
      dataKey: e.JINGMIN_DATA_KEY,
    },
    audit: {
      headFile: path.resolve(e.JINGMIN_AUDIT_HEAD_FILE ?? path.join(dataDir, 'audit-head.json')),
      /** The sealer runs after every local commit, and on this poll for what other processes left. */
      sealPollMs: e.JINGMIN_SEAL_POLL_MS,
      /** `audit:verify` reports an entry left unsealed longer than this. */
      maxUnsealedSeconds: e.JINGMIN_AUDIT_MAX_UNSEALED_SECONDS,
    },
    security: {
      cookieSecure: e.JINGMIN_COOKIE_SECURE ?? production,
      adminCidrs: e.JINGMIN_ADMIN_CIDRS ? e.JINGMIN_ADMIN_CIDRS.split(',').map((s) => s.trim()) : [],
      argon2MemoryKib: e.JINGMIN_ARGON2_MEMORY_KIB,
    },
    jobs: {
      /** Scheduled and queued work (pg-boss); off under test unless a test turns it on, so test files stay fast. */
      enabled: e.JINGMIN_JOBS ?? e.NODE_ENV !== 'test',
      sweepSeconds: e.JINGMIN_SWEEP_SECONDS,
      /** How often the 考核指标 rollups read the outbox (the most a past day's figure lags); 0 turns them off. */
      kpiRollupSeconds: e.JINGMIN_KPI_ROLLUP_SECONDS,
    },
    /** `npm run bench` only: the bare-INSERT baseline route. */
    bench: { routes: e.JINGMIN_BENCH_ROUTES },
    /** How long delivery records are kept: an idempotency key outlives a phone holding an unsent entry. */
    retention: {
      outboxDays: e.JINGMIN_OUTBOX_KEEP_DAYS,
      idempotencyDays: e.JINGMIN_IDEMPOTENCY_KEEP_DAYS,
      rateLimitHours: e.JINGMIN_RATE_LIMIT_KEEP_HOURS,
    },
    sms,
    /** The SMS provider's reply callback (回复短信, e.g. TD to stop warnings): its URL secret; null refuses every call. */
    smsReplies: { token: e.JINGMIN_SMS_REPLY_TOKEN ?? null },
    /** Staff notifications: the delivery job's interval (0 turns it off) and WeCom, off unless configured. */
    notify: { everySeconds: e.JINGMIN_NOTIFY_SECONDS, wecom: wecomOptions(e) },
    pdf: { cjkFont: e.JINGMIN_CJK_FONT },
    web: { dist: path.resolve(e.JINGMIN_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')) },
    log: { level: e.LOG_LEVEL, pretty: !production && e.NODE_ENV !== 'test' },
  };
}

/** The SMS provider; Tencent Cloud needs its keys and the one-time code's template, other templates are optional. */
function smsOptions(e: z.infer<typeof Env>): SmsOptions {
  if (e.JINGMIN_SMS_PROVIDER === 'log') return { provider: 'log', file: e.JINGMIN_SMS_LOG_FILE };
  const required = {
    JINGMIN_SMS_TENCENT_SECRET_ID: e.JINGMIN_SMS_TENCENT_SECRET_ID,
    JINGMIN_SMS_TENCENT_SECRET_KEY: e.JINGMIN_SMS_TENCENT_SECRET_KEY,
    JINGMIN_SMS_TENCENT_SDK_APP_ID: e.JINGMIN_SMS_TENCENT_SDK_APP_ID,
    JINGMIN_SMS_TENCENT_SIGN_NAME: e.JINGMIN_SMS_TENCENT_SIGN_NAME,
    JINGMIN_SMS_TENCENT_TEMPLATE_ID: e.JINGMIN_SMS_TENCENT_TEMPLATE_ID,
  };
  if (!allSet(required)) {
    const missing = Object.entries(required).filter(([, v]) => !v);
    const lines = missing.map(([k]) => `  ${k}: required when JINGMIN_SMS_PROVIDER=tencent`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    provider: 'tencent',
    secretId: required.JINGMIN_SMS_TENCENT_SECRET_ID,
    secretKey: required.JINGMIN_SMS_TENCENT_SECRET_KEY,
    sdkAppId: required.JINGMIN_SMS_TENCENT_SDK_APP_ID,
    signName: required.JINGMIN_SMS_TENCENT_SIGN_NAME,
    templates: {
      otp: required.JINGMIN_SMS_TENCENT_TEMPLATE_ID,
      ...(e.JINGMIN_SMS_TENCENT_TEMPLATE_RECEIPT ? { matter_receipt: e.JINGMIN_SMS_TENCENT_TEMPLATE_RECEIPT } : {}),
      ...(e.JINGMIN_SMS_TENCENT_TEMPLATE_STAFF_ALERT
        ? { staff_alert: e.JINGMIN_SMS_TENCENT_TEMPLATE_STAFF_ALERT }
        : {}),
      ...(e.JINGMIN_SMS_TENCENT_TEMPLATE_EVALUATION
        ? { evaluation_waiting: e.JINGMIN_SMS_TENCENT_TEMPLATE_EVALUATION }
        : {}),
      ...(e.JINGMIN_SMS_TENCENT_TEMPLATE_MEDIATION
        ? { mediation_session: e.JINGMIN_SMS_TENCENT_TEMPLATE_MEDIATION }
        : {}),
      ...(e.JINGMIN_SMS_TENCENT_TEMPLATE_WARNING ? { warning: e.JINGMIN_SMS_TENCENT_TEMPLATE_WARNING } : {}),
    },
    region: e.JINGMIN_SMS_TENCENT_REGION,
    endpoint: e.JINGMIN_SMS_TENCENT_ENDPOINT,
    timeoutMs: 10_000,
  };
}

/** WeCom application messages: all three settings, or none (the channel is off). */
function wecomOptions(e: z.infer<typeof Env>): WecomOptions | null {
  const required = {
    JINGMIN_WECOM_CORP_ID: e.JINGMIN_WECOM_CORP_ID,
    JINGMIN_WECOM_AGENT_ID: e.JINGMIN_WECOM_AGENT_ID?.toString(),
    JINGMIN_WECOM_SECRET: e.JINGMIN_WECOM_SECRET,
  };
  if (Object.values(required).every((v) => !v)) return null;
  if (!allSet(required)) {
    const missing = Object.entries(required).filter(([, v]) => !v);
    const lines = missing.map(([k]) => `  ${k}: required when any JINGMIN_WECOM_* setting is given`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    corpId: required.JINGMIN_WECOM_CORP_ID,
    agentId: Number(required.JINGMIN_WECOM_AGENT_ID),
    secret: required.JINGMIN_WECOM_SECRET,
    endpoint: e.JINGMIN_WECOM_ENDPOINT,
    timeoutMs: 10_000,
  };
}

/** Whether every setting in `group` is present and non-empty. */
function allSet<K extends string>(group: Record<K, string | undefined>): group is Record<K, string> {
  return Object.values(group).every(Boolean);
}
