/**
 * Who may read and link a member's notification settings, and when a delivery
 * may go out: quiet hours, the retry backoff, and when to give up.
 */
import { type DeliveryChannel, type QuietHours, quietEnds } from '@jingmin/shared';
import type { Actor } from '../../platform/context.js';

/** A member's settings are read by whoever reads the account (the chief, the administrators), inside their scope. */
export const canReadMemberSettings = (actor: Actor) => actor.capabilities.includes('staff.read');

/**
 * The WeCom UserID is part of the account, like its phone: the system administrator (staff.write) links
 * it, so a member cannot point their alerts at someone else's WeCom.
 */
export const canLinkWecom = (actor: Actor) => actor.capabilities.includes('staff.write');

/** Channels that reach a phone wait out quiet hours; the open console and the log do not disturb anyone. */
const QUIET_CHANNELS: readonly DeliveryChannel[] = ['wecom', 'sms'];

/** When a delivery may go out: now, or when the member's quiet hours end (never later for an urgent matter). */
export function notBefore(channel: DeliveryChannel, quiet: QuietHours | null, urgent: boolean, at: Date): Date {
  if (urgent || !QUIET_CHANNELS.includes(channel)) return at;
  return quietEnds(quiet, at);
}

/** Attempts before a delivery that keeps failing with passing trouble is given up (about 90 minutes in all). */
export const MAX_ATTEMPTS = 8;
/** How long a claimed attempt holds its row: a sender that died mid-send releases it after this. */
export const ATTEMPT_LEASE_MS = 5 * 60_000;

/** After attempt n failed with passing trouble: 1, 2, 4, 8, 16, then 30 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 30) * 60_000;
}

/** A member may send themselves a test notification once a minute (an SMS costs money). */
export const TEST_INTERVAL_MS = 60_000;
