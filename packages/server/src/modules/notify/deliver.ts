/**
 * The outbox consumer: reads the outbox by `seq` after its stored cursor and
 * queues one delivery per (event, member, channel) for the events that notify
 * whoever holds a matter — dispatched or transferred to them, chased, about
 * to breach or breached, reopened — and for a matter escalated to the bureau
 * (提级督办: its supervisors and the station's chiefs). The action that wrote
 * the event has long committed: nothing here can slow it down or make it fail.
 *
 * The cursor row is locked while a batch is read and its deliveries written,
 * in one transaction: two processes never read the same rows, and a crash
 * leaves the cursor where it was. The sealer numbers outbox rows in commit
 * order (platform/audit-seal.ts), so no row is ever skipped.
 */
import {
  type DeliveryChannel,
  HAZARD_OVERDUE_EVENT,
  isMatterEventType,
  isUrgentMatter,
  NOTIFY_ALERT_EVENT,
  NOTIFY_EVENT_REASONS,
  type NotifyAlert,
  type NotifyReason,
} from '@jingmin/shared';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { matterEvents, matters, notifyCursors, notifyDeliveries, outbox } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { publish } from '../../platform/outbox.js';
import { staffTopic } from '../../platform/topics.js';
import { SUPERVISED_EVENT } from '../matters/escalation.js';
import { type Alert, unreachableReason } from './channels.js';
import { isFraudEvent, queueForFraud } from './fraud-alerts.js';
import { queueForHazard } from './hazard-alerts.js';
import { notBefore } from './notify.policy.js';
import {
  bureauSupervisors,
  type Holder,
  holderStaffIds,
  type Recipient,
  recipientsByIds,
  stationChiefs,
} from './notify.queries.js';
import { isRoomMentionEvent, queueForRoomMention } from './room-alerts.js';

const CURSOR = 'outbox';
const BATCH = 200;

export type Delivery = typeof notifyDeliveries.$inferSelect;

/**
 * Starts the cursor at the end of the outbox the first time the app runs with notifications, so an
 * upgrade does not alert anyone about last week's events; later starts leave it where it is.
 */
export async function initNotifyCursor(db: Queryable) {
  await db.execute(sql`INSERT INTO notify_cursors (name, seq)
    SELECT ${CURSOR}, coalesce(max(seq), 0) FROM outbox ON CONFLICT (name) DO NOTHING`);
}

/** The audit entry of a delivery's outcome: ids, channel and code only, never a phone number or a text. */
export function deliveryAudit(d: Delivery, action: string, result: 'ok' | 'failed') {
  return {
    action,
    result,
    targetType: 'staff',
    targetId: d.staffId,
    details: {
      deliveryId: d.id,
      channel: d.channel,
      reason: d.reason,
      matterId: d.matterId,
      attempts: d.attempts,
      code: d.lastError,
    },
  } as const;
}

/**
 * Queues `alert` for each recipient on each channel they chose (the log when none): pending for WeCom,
 * SMS and the log (not before their quiet hours end, unless urgent), delivered at once for the browser
 * (published on the member's own stream), skipped where the channel cannot reach them. A second call
 * for the same event queues nothing more.
 */
export async function queueDeliveries(
  tx: Tx,
  ctx: Ctx,
  eventSeq: number | null,
  alert: Alert,
  recipients: Recipient[],
): Promise<Delivery[]> {
  const now = ctx.now();
  const values = recipients.flatMap((r) =>
    (r.channels.length > 0 ? r.channels : (['log'] as DeliveryChannel[])).map((channel) => {
      const why = unreachableReason(ctx.deps, channel, r);
      const live = channel === 'browser' && !why;
      return {
        eventSeq,
        reason: alert.reason,
        matterId: alert.matterId,
        disputeId: alert.disputeId ?? null,
        staffId: r.staffId,
        channel,
        urgent: alert.urgent,
        status: why ? ('skipped' as const) : live ? ('sent' as const) : ('pending' as const),
        lastError: why,
        sentAt: live ? now : null,
        nextAttemptAt: notBefore(channel, r.quiet, alert.urgent, now),
        createdAt: now,
        updatedAt: now,
      };
    }),
  );
  if (values.length === 0) return [];
  const inserted = await tx.insert(notifyDeliveries).values(values).onConflictDoNothing().returning();
  for (const d of inserted) {
    if (d.status === 'sent') {
      const payload: NotifyAlert & { deliveryId: number } = { ...alert, deliveryId: d.id };
      await publish(tx, now, [staffTopic(d.staffId)], NOTIFY_ALERT_EVENT, { ...payload });
      await audit(ctx, tx, deliveryAudit(d, 'notify.sent', 'ok'));
    } else if (d.status === 'skipped') {
      await audit(ctx, tx, deliveryAudit(d, 'notify.skipped', 'failed'));
    }
  }
  return inserted;
}

type OutboxRow = { seq: number | null; type: string; payload: unknown };

/** The deliveries one outbox row calls for: its matter's holder (from the event, else the matter), minus whoever acted. */
async function queueForEvent(tx: Tx, ctx: Ctx, row: OutboxRow, reason: NotifyReason): Promise<number> {
  const p = row.payload as { matterId?: string; eventId?: number };
  if (!p.matterId || !p.eventId || row.seq === null) return 0;
  const [event] = await tx
    .select({ actorId: matterEvents.actorId, payload: matterEvents.payload })
    .from(matterEvents)
    .where(eq(matterEvents.id, p.eventId));
  const [m] = await tx
    .select({
      id: matters.id,
      number: matters.number,
      kind: matters.kind,
      urgency: matters.urgency,
      assigneeStaffId: matters.assigneeStaffId,
      assigneeTeamId: matters.assigneeTeamId,
      assigneeDepartmentId: matters.assigneeDepartmentId,
    })
    .from(matters)
    .where(eq(matters.id, p.matterId));
  if (!event || !m) return 0;
  const named = (event.payload ?? {}) as Holder;
  const holder = 'assigneeStaffId' in named || 'assigneeTeamId' in named || 'assigneeDepartmentId' in named ? named : m;
  const ids = (await holderStaffIds(tx, holder)).filter((id) => id !== event.actorId);
  const alert: Alert = { reason, matterId: m.id, number: m.number, kind: m.kind, urgent: isUrgentMatter(m) };
  return (await queueDeliveries(tx, ctx, row.seq, alert, await recipientsByIds(tx, ids))).length;
}

/**
 * 提级督办: a matter escalated to the bureau reaches the bureau's supervisors above its station and the station's
 * chiefs — each once, the member whose step reached the count included (the rule escalated, not they).
 */
async function queueForSupervised(tx: Tx, ctx: Ctx, row: OutboxRow): Promise<number> {
  const p = row.payload as { matterId?: string };
  if (!p.matterId || row.seq === null) return 0;
  const [m] = await tx
    .select({
      id: matters.id,
      number: matters.number,
      kind: matters.kind,
      urgency: matters.urgency,
      stationId: matters.stationId,
    })
    .from(matters)
    .where(eq(matters.id, p.matterId));
  if (!m) return 0;
  const recipients = new Map<string, Recipient>();
  for (const r of [...(await bureauSupervisors(tx, m.stationId)), ...(await stationChiefs(tx, m.stationId))])
    recipients.set(r.staffId, r);
  const alert: Alert = {
    reason: 'supervised',
    matterId: m.id,
    number: m.number,
    kind: m.kind,
    urgent: isUrgentMatter(m),
  };
  return (await queueDeliveries(tx, ctx, row.seq, alert, [...recipients.values()])).length;
}

/** One batch of the outbox after the cursor; answers how many rows it read and how many deliveries it queued. */
async function collectBatch(ctx: Ctx): Promise<{ read: number; queued: number }> {
  return ctx.db.transaction(async (tx) => {
    const [cursor] = await tx.select().from(notifyCursors).where(eq(notifyCursors.name, CURSOR)).for('update');
    if (!cursor) {
      await initNotifyCursor(tx);
      return { read: 0, queued: 0 };
    }
    const rows = await tx
      .select({ seq: outbox.seq, type: outbox.type, payload: outbox.payload })
      .from(outbox)
      .where(gt(outbox.seq, cursor.seq))
      .orderBy(asc(outbox.seq))
      .limit(BATCH);
    let queued = 0;
    for (const row of rows) {
      if (row.type === HAZARD_OVERDUE_EVENT) {
        queued += await queueForHazard(tx, ctx, row);
        continue;
      }
      if (isRoomMentionEvent(row.type)) {
        queued += await queueForRoomMention(tx, ctx, row);
        continue;
      }
      if (row.type === SUPERVISED_EVENT) {
        queued += await queueForSupervised(tx, ctx, row);
        continue;
      }
      if (isFraudEvent(row.type)) {
        queued += await queueForFraud(tx, ctx, row);
        continue;
      }
      const reason = isMatterEventType(row.type) ? NOTIFY_EVENT_REASONS[row.type] : undefined;
      if (reason) queued += await queueForEvent(tx, ctx, row, reason);
    }
    const last = rows.at(-1)?.seq;
    if (last) {
      await tx.update(notifyCursors).set({ seq: last, updatedAt: ctx.now() }).where(eq(notifyCursors.name, CURSOR));
    }
    return { read: rows.length, queued };
  });
}

/** Reads everything the outbox holds after the cursor; answers how many deliveries it queued. */
export async function collectDeliveries(ctx: Ctx): Promise<number> {
  let queued = 0;
  for (let pass = 0; pass < 50; pass++) {
    const batch = await collectBatch(ctx);
    queued += batch.queued;
    if (batch.read < BATCH) break;
  }
  return queued;
}
