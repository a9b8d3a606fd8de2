/**
 * Sends queued deliveries whose time has come. Each attempt is claimed first
 * (attempts + 1 and a lease on `next_attempt_at`, under SKIP LOCKED), then
 * sent outside any transaction, then recorded with its audit entry: a sender
 * that dies mid-send leaves a claim that runs out and is tried again (at
 * least once; WeCom's duplicate check drops the same text within 30 minutes).
 * Passing trouble (a rate limit, a timeout) waits with backoff; anything that
 * would fail again is marked failed with its code.
 */
import { and, asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { disputeCases, matters, notifyDeliveries } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { type Alert, CHANNELS, ChannelError } from './channels.js';
import { type Delivery, deliveryAudit } from './deliver.js';
import { fraudOfEvents } from './fraud-alerts.js';
import { hazardsOfEvents } from './hazard-alerts.js';
import { ATTEMPT_LEASE_MS, MAX_ATTEMPTS, notBefore, retryDelayMs } from './notify.policy.js';
import { type Recipient, recipientsByIds } from './notify.queries.js';
import { roomMentionsOfEvents } from './room-alerts.js';

const BATCH = 50;
/** Sends in flight at once: enough to drain a burst, few enough for WeCom's per-app limits. */
const PARALLEL = 4;

const d = notifyDeliveries;

/** Claims pending deliveries matching `where` that are due now. */
export async function claimDeliveries(ctx: Ctx, where: SQL | undefined, limit = BATCH): Promise<Delivery[]> {
  const now = ctx.now();
  const due = ctx.db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now), where))
    .orderBy(asc(d.nextAttemptAt), asc(d.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return ctx.db
    .update(d)
    .set({
      attempts: sql`${d.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS),
      updatedAt: now,
    })
    .where(inArray(d.id, due))
    .returning();
}

type Outcome = { status: 'sent' } | { status: 'pending'; code: string; at: Date } | { status: 'failed'; code: string };

async function attempt(ctx: Ctx, delivery: Delivery, to: Recipient | undefined, alert: Alert): Promise<Outcome> {
  try {
    if (!to) throw new ChannelError('no_account', false);
    await CHANNELS[delivery.channel].send(ctx, to, alert);
    return { status: 'sent' };
  } catch (err) {
    const e = err instanceof ChannelError ? err : new ChannelError('Unexpected', true);
    if (!e.retryable || delivery.attempts >= MAX_ATTEMPTS) return { status: 'failed', code: e.code };
    const later = new Date(ctx.now().getTime() + retryDelayMs(delivery.attempts));
    return {
      status: 'pending',
      code: e.code,
      at: notBefore(delivery.channel, to?.quiet ?? null, delivery.urgent, later),
    };
  }
}

/** Writes an attempt's outcome and its audit entry together. */
async function record(ctx: Ctx, delivery: Delivery, outcome: Outcome) {
  const now = ctx.now();
  const change =
    outcome.status === 'sent'
      ? { status: 'sent' as const, sentAt: now, lastError: null }
      : outcome.status === 'pending'
        ? { status: 'pending' as const, lastError: outcome.code, nextAttemptAt: outcome.at }
        : { status: 'failed' as const, lastError: outcome.code };
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(d)
      .set({ ...change, updatedAt: now })
      .where(eq(d.id, delivery.id))
      .returning();
    if (!row) return;
    const action =
      outcome.status === 'sent' ? 'notify.sent' : outcome.status === 'pending' ? 'notify.retry' : 'notify.failed';
    await audit(ctx, tx, deliveryAudit(row, action, outcome.status === 'sent' ? 'ok' : 'failed'));
  });
}

/** Sends claimed deliveries, a few at a time, and records each outcome. */
export async function sendClaimed(ctx: Ctx, claimed: Delivery[]) {
  if (claimed.length === 0) return;
  const people = new Map(
    (await recipientsByIds(ctx.db, [...new Set(claimed.map((c) => c.staffId))])).map((r) => [r.staffId, r]),
  );
  const matterIds = [...new Set(claimed.flatMap((c) => (c.matterId ? [c.matterId] : [])))];
  const facts = new Map(
    matterIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: matters.id, number: matters.number, kind: matters.kind })
            .from(matters)
            .where(inArray(matters.id, matterIds))
        ).map((m) => [m.id, m]),
  );
  const disputeIds = [...new Set(claimed.flatMap((c) => (c.disputeId ? [c.disputeId] : [])))];
  const cases = new Map(
    disputeIds.length === 0
      ? []
      : (
          await ctx.db
            .select({ id: disputeCases.id, number: disputeCases.number })
            .from(disputeCases)
            .where(inArray(disputeCases.id, disputeIds))
        ).map((c) => [c.id, c.number]),
  );
  // A delivery with neither matter nor case comes from a hazard's, a room's or an anti-fraud outbox event.
  const eventSeqs = claimed.flatMap((c) => (!c.matterId && !c.disputeId && c.eventSeq !== null ? [c.eventSeq] : []));
  const hazardsBySeq = await hazardsOfEvents(ctx.db, eventSeqs);
  const mentionsBySeq = await roomMentionsOfEvents(ctx.db, eventSeqs);
  const fraudBySeq = await fraudOfEvents(ctx.db, eventSeqs);
  for (let i = 0; i < claimed.length; i += PARALLEL) {
    await Promise.all(
      claimed.slice(i, i + PARALLEL).map(async (delivery) => {
        const m = delivery.matterId ? facts.get(delivery.matterId) : undefined;
        const fraud = delivery.eventSeq === null ? null : (fraudBySeq.get(delivery.eventSeq) ?? null);
        const alert: Alert = {
          reason: delivery.reason,
          matterId: delivery.matterId,
          disputeId: delivery.disputeId,
          hazard: delivery.eventSeq === null ? null : (hazardsBySeq.get(delivery.eventSeq) ?? null),
          roomMention: delivery.eventSeq === null ? null : (mentionsBySeq.get(delivery.eventSeq) ?? null),
          fraud,
          number: m?.number ?? (delivery.disputeId ? (cases.get(delivery.disputeId) ?? null) : (fraud?.number ?? null)),
          kind: m?.kind ?? null,
          urgent: delivery.urgent,
        };
        await record(ctx, delivery, await attempt(ctx, delivery, people.get(delivery.staffId), alert));
      }),
    );
  }
}

/** Sends every delivery due now; answers how many attempts were made. */
export async function sendDueDeliveries(ctx: Ctx): Promise<number> {
  let sent = 0;
  for (let pass = 0; pass < 20; pass++) {
    const claimed = await claimDeliveries(ctx, undefined);
    await sendClaimed(ctx, claimed);
    sent += claimed.length;
    if (claimed.length < BATCH) break;
  }
  return sent;
}
