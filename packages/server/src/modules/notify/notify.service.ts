/**
 * Notification settings: a member chooses channels and quiet hours; the
 * system administrator links the member's WeCom account; the chief reads
 * them. And a test notification, sent through the same delivery path.
 */
import type {
  NotifyPreferencesView,
  NotifyTestResult,
  SetWecomUserInput,
  UpdateNotifyPreferencesInput,
} from '@jingmin/shared';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { notifyDeliveries, notifyPreferences, staff, units } from '../../db/schema/index.js';
import { type Actor, actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertCanSeePath } from '../../platform/scope.js';
import { channelConfigured, unreachableReason } from './channels.js';
import { queueDeliveries } from './deliver.js';
import { canLinkWecom, canReadMemberSettings, TEST_INTERVAL_MS } from './notify.policy.js';
import { type Recipient, recipientById } from './notify.queries.js';
import { claimDeliveries, sendClaimed } from './send.js';

function present(ctx: Ctx, r: Recipient): NotifyPreferencesView {
  return {
    channels: r.channels,
    quietHours: r.quiet,
    wecomUserId: r.wecomUserId,
    reachable: {
      wecom: unreachableReason(ctx.deps, 'wecom', r) === null,
      sms: unreachableReason(ctx.deps, 'sms', r) === null,
      browser: true,
    },
    wecomConfigured: channelConfigured(ctx.deps, 'wecom'),
  };
}

async function recipientOrThrow(ctx: Ctx, staffId: string): Promise<Recipient> {
  const r = await recipientById(ctx.db, staffId);
  if (!r) throw new AppError('NOT_FOUND', { what: 'account' });
  return r;
}

/** Another member's account, only inside the actor's scope (refused outside it, as the staff module refuses). */
async function memberInScope(ctx: Ctx, actor: Actor, id: string) {
  const [row] = await ctx.db
    .select({ path: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(staff.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'account' });
  assertCanSeePath(actor, row.path);
}

export async function myPreferences(ctx: Ctx): Promise<NotifyPreferencesView> {
  return present(ctx, await recipientOrThrow(ctx, actorOf(ctx).id));
}

export async function updateMyPreferences(
  ctx: Ctx,
  input: UpdateNotifyPreferencesInput,
): Promise<NotifyPreferencesView> {
  const actor = actorOf(ctx);
  const now = ctx.now();
  const values = {
    channels: input.channels,
    quietStartMinute: input.quietHours?.startMinute ?? null,
    quietEndMinute: input.quietHours?.endMinute ?? null,
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(notifyPreferences)
      .values({ staffId: actor.id, ...values, createdAt: now })
      .onConflictDoUpdate({ target: notifyPreferences.staffId, set: values });
    await audit(ctx, tx, {
      action: 'notify.preferences',
      result: 'ok',
      targetType: 'staff',
      targetId: actor.id,
      details: { channels: input.channels, quietHours: input.quietHours !== null },
    });
  });
  return myPreferences(ctx);
}

/** A member's settings as the chief or an administrator reads them. */
export async function memberPreferences(ctx: Ctx, id: string): Promise<NotifyPreferencesView> {
  const actor = actorOf(ctx);
  if (!canReadMemberSettings(actor)) throw new AppError('FORBIDDEN');
  await memberInScope(ctx, actor, id);
  return present(ctx, await recipientOrThrow(ctx, id));
}

/** Links (or unlinks) a member's WeCom UserID; audited without the UserID itself. */
export async function linkWecomUser(ctx: Ctx, id: string, input: SetWecomUserInput): Promise<NotifyPreferencesView> {
  const actor = actorOf(ctx);
  if (!canLinkWecom(actor)) throw new AppError('FORBIDDEN');
  await memberInScope(ctx, actor, id);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(notifyPreferences)
      .values({ staffId: id, wecomUserId: input.wecomUserId, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: notifyPreferences.staffId,
        set: { wecomUserId: input.wecomUserId, updatedAt: now },
      });
    await audit(ctx, tx, {
      action: 'notify.wecom_link',
      result: 'ok',
      targetType: 'staff',
      targetId: id,
      details: { linked: input.wecomUserId !== null },
    });
  });
  return present(ctx, await recipientOrThrow(ctx, id));
}

/** Sends a test notification on each chosen channel now (quiet hours aside), once a minute at most. */
export async function sendTestNotification(ctx: Ctx): Promise<NotifyTestResult> {
  const actor = actorOf(ctx);
  const now = ctx.now();
  const [last] = await ctx.db
    .select({ at: notifyDeliveries.createdAt })
    .from(notifyDeliveries)
    .where(and(eq(notifyDeliveries.staffId, actor.id), eq(notifyDeliveries.reason, 'test')))
    .orderBy(desc(notifyDeliveries.createdAt))
    .limit(1);
  if (last && now.getTime() - last.at.getTime() < TEST_INTERVAL_MS) throw new AppError('TOO_FREQUENT');
  const me = await recipientOrThrow(ctx, actor.id);
  const alert = { reason: 'test' as const, matterId: null, number: null, kind: null, urgent: true };
  const queued = await ctx.db.transaction((tx) => queueDeliveries(tx, ctx, null, alert, [me]));
  const ids = queued.filter((q) => q.status === 'pending').map((q) => q.id);
  if (ids.length > 0) {
    await sendClaimed(ctx, await claimDeliveries(ctx, inArray(notifyDeliveries.id, ids)));
  }
  if (queued.length === 0) return { deliveries: [] };
  const rows = await ctx.db
    .select()
    .from(notifyDeliveries)
    .where(
      inArray(
        notifyDeliveries.id,
        queued.map((q) => q.id),
      ),
    )
    .orderBy(notifyDeliveries.id);
  return { deliveries: rows.map((r) => ({ channel: r.channel, status: r.status, error: r.lastError })) };
}
