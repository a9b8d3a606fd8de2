/** Sign-in, second factor, password change and the session view. */
import { z } from 'zod';
import { CAPABILITIES, ROLES } from '../domain/roles.js';
import { Shown, text } from './common.js';

export const Username = text(40, 3)
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: 'letters, digits, dot, dash and underscore only' });

/** A password exactly as typed (never trimmed): long passphrases allowed, NUL refused. */
export const Password = text(256, 1, { trim: false });

export const LoginInput = z
  .object({
    /** 用户名 */ username: Username,
    /** 密码 */ password: Password,
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

export const TotpCode = text(6).regex(/^\d{6}$/, { message: 'must be 6 digits' });

export const TotpInput = z.object({ /** 6-digit code from the authenticator */ code: TotpCode }).strict();
export type TotpInput = z.infer<typeof TotpInput>;

export const ChangePasswordInput = z
  .object({
    /** 当前密码 */ currentPassword: Password,
    /** 新密码, checked against the password policy. */ newPassword: Password,
  })
  .strict();
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/**
 * Where a signed-in account stands: `totp` needs the second factor, `totp_enrol`
 * must enrol one, `password_change` must set a new password, `full` may work.
 */
export const SESSION_STAGES = ['totp', 'totp_enrol', 'password_change', 'full'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export const SessionView = z.object({
  stage: z.enum(SESSION_STAGES),
  csrfToken: Shown,
  user: z.object({
    id: z.uuid(),
    username: Shown,
    displayName: Shown,
    roles: z.array(z.enum(ROLES)),
    scopeUnitId: z.uuid(),
    scopeUnitName: Shown,
    totpEnabled: z.boolean(),
  }),
  capabilities: z.array(z.enum(CAPABILITIES)),
  idleTimeoutSeconds: z.number().int(),
  expiresAt: z.iso.datetime(),
});
export type SessionView = z.infer<typeof SessionView>;

export const TotpEnrolment = z.object({
  /** otpauth:// URI for authenticator apps */ uri: Shown,
  /** Base32 secret for manual entry */ secret: Shown,
  /** QR code of the URI as an SVG document */ qrSvg: Shown,
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const SESSION_STAGE_LABELS: Record<SessionStage, { zh: string; en: string }> = {
  totp: { zh: '输入动态验证码', en: 'enter the one-time code' },
  totp_enrol: { zh: '绑定动态验证码（双因素认证）', en: 'enrol a second factor' },
  password_change: { zh: '修改初始或过期密码', en: 'change your initial or expired password' },
  full: { zh: '已登录', en: 'signed in' },
};

/** Public settings the web reads at start, never from build-time env. */
export const MetaView = z.object({
  demo: z.boolean(),
  /** Where printed doorplate codes point; a localhost address is unreachable from residents' phones. */
  publicUrl: Shown,
  version: Shown,
  passwordPolicy: z.object({ minLength: z.number(), minClasses: z.number(), maxLength: z.number() }),
});
export type MetaView = z.infer<typeof MetaView>;
