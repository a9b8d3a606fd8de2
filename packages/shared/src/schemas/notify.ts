/** Staff notifications: a staff member's channels and quiet hours, and the WeCom account an administrator links. */
import { z } from 'zod';
import { DELIVERY_CHANNELS, DELIVERY_STATUSES, NOTIFY_CHANNELS } from '../domain/notify.js';
import { Shown, text } from './common.js';

const MinuteOfDay = z.number().int().min(0).max(1439);

/** 免打扰: minutes after Beijing midnight; a start after the end crosses midnight (22:00–07:00 is 1320–420). */
export const QuietHoursInput = z
  .object({
    /** Start, in minutes after 00:00 Beijing time. */ startMinute: MinuteOfDay,
    /** End (excluded), in minutes after 00:00 Beijing time. */ endMinute: MinuteOfDay,
  })
  .strict()
  .refine((q) => q.startMinute !== q.endMinute, { message: 'start and end must differ', path: ['endMinute'] });
export type QuietHoursInput = z.infer<typeof QuietHoursInput>;

/**
 * A member's UserID in the corp's WeCom directory (通讯录 → 成员 → 账号): 1–64 letters, digits and `_-@.`,
 * starting with a letter or a digit.
 */
export const WecomUserId = text(64, 1).regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, {
  message: 'must be a WeCom UserID (letters, digits, _ - @ .)',
});

export const NotifyPreferencesView = z.object({
  /** Chosen channels; none chosen: the server log only. */
  channels: z.array(z.enum(NOTIFY_CHANNELS)),
  quietHours: z.object({ startMinute: z.number().int(), endMinute: z.number().int() }).nullable(),
  /** Linked by an administrator with the account's staff rights; read-only to the member. */
  wecomUserId: Shown.nullable(),
  /** Whether each channel can reach this member now: WeCom configured and linked, a phone on file. */
  reachable: z.object({ wecom: z.boolean(), sms: z.boolean(), browser: z.boolean() }),
  /** Whether this deployment has WeCom configured at all. */
  wecomConfigured: z.boolean(),
});
export type NotifyPreferencesView = z.infer<typeof NotifyPreferencesView>;

export const UpdateNotifyPreferencesInput = z
  .object({
    /** 通知渠道: any of wecom, sms, browser, each once. */
    channels: z
      .array(z.enum(NOTIFY_CHANNELS))
      .max(NOTIFY_CHANNELS.length)
      .refine((c) => new Set(c).size === c.length, { message: 'must not repeat a channel' }),
    /** 免打扰时段; null: none. Urgent matters (紧急, 求助, 报警) come through anyway. */
    quietHours: QuietHoursInput.nullable(),
  })
  .strict();
export type UpdateNotifyPreferencesInput = z.infer<typeof UpdateNotifyPreferencesInput>;

export const SetWecomUserInput = z
  .object({ /** 企业微信账号 (UserID); null unlinks it. */ wecomUserId: WecomUserId.nullable() })
  .strict();
export type SetWecomUserInput = z.infer<typeof SetWecomUserInput>;

/** What a test notification did on each channel. */
export const NotifyTestResult = z.object({
  deliveries: z.array(
    z.object({
      channel: z.enum(DELIVERY_CHANNELS),
      status: z.enum(DELIVERY_STATUSES),
      /** Provider or channel code when not sent (e.g. `81013`, `no_phone`). */
      error: Shown.nullable(),
    }),
  ),
});
export type NotifyTestResult = z.infer<typeof NotifyTestResult>;
