/**
 * 快反: the result goes back upstream. Webhook mode: POST the FraudFeedback body, signed
 * (`X-Jingmin-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`), 10 s to answer; 2xx is sent,
 * anything else waits (30 s, 2 min, 10 min, 30 min, … at most 6 h) and is tried again. Each attempt is claimed
 * first (attempts + 1 and a lease, under SKIP LOCKED), so two processes never send one at the same time. Pull mode:
 * the upstream reads the results in `feedback_seq` order and each counts as sent once it pulls past it.
 */
import { createHmac } from 'node:crypto';
import type { FeedbackPullPage, FraudContactMethod, FraudFeedback, FraudFollowUp, FraudOutcome } from '@jingmin/shared';
import { contactedInTime } from '@jingmin/shared';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { fraudInstructions, fraudUpstreams } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { enqueue } from '../../platform/jobs.js';
import { FEEDBACK_LEASE_MS, FEEDBACK_TIMEOUT_MS, feedbackBackoffMs } from './constants.js';
import type { Instruction } from './instructions.service.js';
import type { Upstream } from './upstream-auth.js';
import { webhookSecretOf } from './upstreams.service.js';

const f = fraudInstructions;
export const FEEDBACK_JOB = 'fraud.feedback';
const BATCH = 20;
/**
 * A result verified this recently waits for the next pull: its place in the order is taken before its transaction
 * commits, so one committing a moment late must not fall behind a cursor that has already moved past it.
 */
const PULL_SETTLE_MS = 10_000;

export function feedbackOf(i: Instruction): FraudFeedback {
  const contacted = i.contactedAt ?? i.verifiedAt ?? i.receivedAt;
  return {
    externalId: i.externalId ?? '',
    number: i.number,
    outcome: i.outcome as FraudOutcome,
    method: i.method as FraudContactMethod,
    contactedAt: contacted.toISOString(),
    withinDeadline: contactedInTime(i.contactedAt, i.deadlineAt),
    amountPrevented: i.amountPrevented ?? 0,
    amountLost: i.amountLost ?? 0,
    attempts: i.attempts ?? 0,
    followUps: i.followUps as FraudFollowUp[],
    verifiedAt: (i.verifiedAt ?? contacted).toISOString(),
  };
}

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export const signFeedback = (secret: string, timestamp: string, body: string) =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * Queues an attempt right after the transaction commits, when this deployment runs the jobs (the queue exists);
 * otherwise the sweep sends it within 30 s. Checked first, so a missing queue never aborts the transaction.
 */
export async function queueFeedback(tx: Tx, instructionId: string) {
  const [q] = rowsOf<{ ok: boolean }>(await tx.execute(sql`SELECT to_regclass('pgboss.queue') IS NOT NULL AS ok`));
  if (!q?.ok) return;
  const [found] = rowsOf<{ n: number }>(
    await tx.execute(sql`SELECT 1 AS n FROM pgboss.queue WHERE name = ${FEEDBACK_JOB}`),
  );
  if (found) await enqueue(tx, FEEDBACK_JOB, { instructionId });
}

/** Claims due webhook attempts (one instruction, or any due): attempts + 1 and a lease. */
async function claimDue(ctx: Ctx, only?: string) {
  const now = ctx.now();
  const due = ctx.db
    .select({ id: f.id })
    .from(f)
    .innerJoin(fraudUpstreams, eq(fraudUpstreams.id, f.upstreamId))
    .where(
      and(
        eq(f.status, 'verified'),
        inArray(f.feedbackStatus, ['pending', 'failed']),
        sql`${f.feedbackNextAt} <= ${now.toISOString()}::timestamptz`,
        eq(fraudUpstreams.feedback, 'webhook'),
        only ? eq(f.id, only) : undefined,
      ),
    )
    .orderBy(asc(f.feedbackNextAt))
    .limit(BATCH)
    .for('update', { of: f, skipLocked: true });
  return ctx.db
    .update(f)
    .set({
      feedbackAttempts: sql`${f.feedbackAttempts} + 1`,
      feedbackNextAt: new Date(now.getTime() + FEEDBACK_LEASE_MS),
    })
    .where(inArray(f.id, due))
    .returning();
}

type Outcome = { ok: true } | { ok: false; error: string };

async function post(ctx: Ctx, up: Upstream, i: Instruction): Promise<Outcome> {
  if (!up.webhookUrl) return { ok: false, error: 'no webhook URL' };
  const body = JSON.stringify(feedbackOf(i));
  const timestamp = String(Math.floor(ctx.now().getTime() / 1000));
  try {
    const res = await fetch(up.webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-jingmin-event': 'fraud.feedback',
        'x-jingmin-timestamp': timestamp,
        'x-jingmin-signature': signFeedback(webhookSecretOf(ctx, up), timestamp, body),
        'idempotency-key': i.id,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(FEEDBACK_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => undefined);
    return res.ok ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    const error = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name ?? 'error');
    return { ok: false, error: error.slice(0, 60) };
  }
}

async function record(ctx: Ctx, i: Instruction, outcome: Outcome) {
  const now = ctx.now();
  const change = outcome.ok
    ? { feedbackStatus: 'sent' as const, feedbackSentAt: now, feedbackNextAt: null, feedbackError: null }
    : {
        feedbackStatus: 'failed' as const,
        feedbackNextAt: new Date(now.getTime() + feedbackBackoffMs(i.feedbackAttempts)),
        feedbackError: outcome.error,
      };
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(f)
      .set(change)
      .where(and(eq(f.id, i.id), sql`${f.feedbackStatus} <> 'sent'`))
      .returning({ id: f.id });
    if (!row) return;
    await audit(ctx, tx, {
      action: outcome.ok ? 'fraud.feedback.sent' : 'fraud.feedback.failed',
      result: outcome.ok ? 'ok' : 'failed',
      targetType: 'fraud_instruction',
      targetId: i.id,
      details: { upstreamId: i.upstreamId, attempts: i.feedbackAttempts, error: outcome.ok ? null : outcome.error },
    });
  });
}

/** Sends what is due (or just `only`); answers how many attempts were made and how many went through. */
export async function sendDueFeedback(ctx: Ctx, only?: string): Promise<{ tried: number; sent: number }> {
  let tried = 0;
  let sent = 0;
  for (let pass = 0; pass < 10; pass++) {
    const claimed = await claimDue(ctx, only);
    if (claimed.length === 0) break;
    const ups = await ctx.db
      .select()
      .from(fraudUpstreams)
      .where(inArray(fraudUpstreams.id, [...new Set(claimed.map((c) => c.upstreamId ?? ''))]));
    const byId = new Map(ups.map((u) => [u.id, u]));
    await Promise.all(
      claimed.map(async (i) => {
        const up = byId.get(i.upstreamId ?? '');
        const outcome = up ? await post(ctx, up, i) : { ok: false as const, error: 'no upstream' };
        await record(ctx, i, outcome);
        tried++;
        if (outcome.ok) sent++;
      }),
    );
    if (only || claimed.length < BATCH) break;
  }
  return { tried, sent };
}

/**
 * The pull list: results after `after` in `feedback_seq` order. Pulling with `after = n` acknowledges everything up
 * to n, which then counts as sent.
 */
export async function pullFeedback(
  ctx: Ctx,
  up: Upstream,
  q: { after?: string | undefined; limit: number },
): Promise<FeedbackPullPage> {
  const after = q.after ? Number(q.after) : 0;
  const now = ctx.now();
  if (after > 0)
    await ctx.db
      .update(f)
      .set({ feedbackStatus: 'sent', feedbackSentAt: now, feedbackNextAt: null })
      .where(
        and(
          eq(f.upstreamId, up.id),
          sql`${f.feedbackSeq} <= ${after}`,
          inArray(f.feedbackStatus, ['pending', 'failed']),
          eq(f.status, 'verified'),
        ),
      );
  const rows = await ctx.db
    .select()
    .from(f)
    .where(
      and(
        eq(f.upstreamId, up.id),
        gt(f.feedbackSeq, after),
        eq(f.status, 'verified'),
        sql`${f.verifiedAt} <= ${new Date(now.getTime() - PULL_SETTLE_MS).toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(f.feedbackSeq))
    .limit(q.limit);
  const last = rows.at(-1)?.feedbackSeq ?? after;
  return { items: rows.map(feedbackOf), next: String(last) };
}
