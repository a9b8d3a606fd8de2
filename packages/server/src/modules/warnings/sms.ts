/**
 * SMS of a notice to the verified phones that opted in to its category in its area (or anywhere in the station,
 * for the subscribers): queued by the send step in its transaction, then paged through the subscriptions in id
 * order after `sms_cursor`, at most the station's `smsPerSecond` a second and `smsDailyCap` a day (counted in
 * `warning_sms_days` across the station's notices; past the cap the job comes back the next day).
 *
 * At most once per phone: a batch is claimed — cursor, `sms_sent` and the day's count moved — in one transaction
 * under the notice's row lock, and sent after it commits. A crash between the commit and the sends loses that
 * batch (at most `smsPerSecond` phones) rather than ever texting anyone twice; two runners never share a batch.
 * A send the provider refused is taken off `sms_sent` (not off the day's count: the cap errs on the safe side).
 * A withdrawn or expired notice stops sending at its next batch.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { warningSmsSummary } from '@jingmin/shared';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { units, warningSmsDays, warningSubscriptions, warnings } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { openField } from '../../platform/crypto.js';
import { enqueue, type JobRegistry } from '../../platform/jobs.js';
import { categoryLabel, warningRules } from './settings.js';
import { smsSenderOf, smsSummaryOf } from './targets.js';

export const SMS_JOB = 'warnings.send-sms';
/** One run sends for about this long, then queues the next run (a job never outlives pg-boss's expiry). */
const RUN_MS = 5 * 60_000;
/** After a batch the provider refused entirely, the next run waits this long. */
const BACKOFF_MS = 60_000;
const BEIJING_MS = 8 * 3600_000;

/** A text[] of values, one parameter each (a JS array as one parameter is not read alike by every driver). */
const textArray = (items: string[]) =>
  items.length > 0
    ? sql`ARRAY[${sql.join(
        items.map((i) => sql`${i}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;

/** The station's day in Beijing time (the provider's daily cap is counted by it). */
export const beijingDay = (at: Date) => new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);
/** Midnight of the next Beijing day. */
const nextBeijingDay = (at: Date) => new Date(Date.parse(`${beijingDay(at)}T00:00:00+08:00`) + 24 * 3600_000);

/** Called by the send step in its transaction when the notice asks for SMS: queues the sending job. */
export async function startWarningSms(tx: Tx, ctx: Ctx, warningId: string): Promise<void> {
  await queueRun(tx, ctx, warningId);
}

/**
 * Queues a run in `tx` under a savepoint: a process without the job queue (jobs off, as in tests) still sends the
 * notice, and the SMS waits for a process that has it (the log says so).
 */
async function queueRun(tx: Tx, ctx: Ctx, warningId: string, startAfter?: Date) {
  try {
    await tx.transaction((sp) => enqueue(sp, SMS_JOB, { warningId }, startAfter ? { startAfter } : {}));
  } catch (err) {
    ctx.log.error({ err, warningId }, '预警短信任务未能排队 (warning SMS job not queued)');
  }
}

/** The summary in the text the send step froze as residents read it (the template filled in). */
const summaryOf = (frozen: string | null, sender: string): string | null =>
  frozen ? smsSummaryOf(frozen, sender) : null;

type Claim =
  | { kind: 'done' }
  | { kind: 'capped' }
  | { kind: 'batch'; sender: string; text: string; phones: { id: string; phoneEnc: string }[]; full: boolean };

/** Claims the next batch under the notice's row lock; stops a withdrawn or expired notice; waits out the cap. */
async function claimBatch(ctx: Ctx, warningId: string): Promise<Claim> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const [w] = await tx.select().from(warnings).where(eq(warnings.id, warningId)).for('update');
    if (!w?.sms || w.smsDoneAt || w.status === 'draft' || w.status === 'in_review' || w.status === 'scheduled')
      return { kind: 'done' };
    const finish = async () => {
      await tx.update(warnings).set({ smsDoneAt: now }).where(eq(warnings.id, warningId));
      return { kind: 'done' } as const;
    };
    if (w.status === 'withdrawn' || (w.expiresAt && w.expiresAt <= now)) return finish();
    const rules = await warningRules(tx, w.stationId);
    const day = beijingDay(now);
    const [today] = await tx
      .select({ sent: warningSmsDays.sent })
      .from(warningSmsDays)
      .where(and(eq(warningSmsDays.stationId, w.stationId), eq(warningSmsDays.day, day)));
    const room = rules.smsDailyCap - (today?.sent ?? 0);
    if (room <= 0) {
      await queueRun(tx, ctx, warningId, nextBeijingDay(now));
      return { kind: 'capped' };
    }
    const size = Math.min(rules.smsPerSecond, room);
    const phones = await tx
      .select({ id: warningSubscriptions.id, phoneEnc: warningSubscriptions.phoneEnc })
      .from(warningSubscriptions)
      .where(
        and(
          eq(warningSubscriptions.stationId, w.stationId),
          eq(warningSubscriptions.sms, true),
          sql`${w.category} = ANY(${warningSubscriptions.categories})`,
          w.smsCursor ? gt(warningSubscriptions.id, w.smsCursor) : undefined,
          w.targetSubscribers
            ? undefined
            : sql`EXISTS (SELECT 1 FROM unnest(${textArray(w.targetPaths)}) AS tp WHERE starts_with(${warningSubscriptions.unitPath}, tp))`,
        ),
      )
      .orderBy(asc(warningSubscriptions.id))
      .limit(size);
    const last = phones.at(-1);
    if (!last) return finish();
    await tx
      .update(warnings)
      .set({ smsCursor: last.id, smsSent: sql`${warnings.smsSent} + ${phones.length}` })
      .where(eq(warnings.id, warningId));
    await tx
      .insert(warningSmsDays)
      .values({ stationId: w.stationId, day, sent: phones.length })
      .onConflictDoUpdate({
        target: [warningSmsDays.stationId, warningSmsDays.day],
        set: { sent: sql`${warningSmsDays.sent} + ${phones.length}` },
      });
    const [station] = await tx.select({ name: units.name }).from(units).where(eq(units.id, w.stationId));
    const sender = smsSenderOf(rules, station?.name ?? '');
    const text = summaryOf(w.smsText, sender) ?? warningSmsSummary(categoryLabel(rules, w.category, 'zh-CN'), w.title);
    return {
      kind: 'batch',
      sender,
      text,
      phones,
      full: phones.length === size,
    };
  });
}

/** Sends one claimed batch; the refused ones come off `sms_sent`. Answers how many were refused. */
async function sendBatch(ctx: Ctx, warningId: string, batch: Extract<Claim, { kind: 'batch' }>) {
  let refused = 0;
  for (const p of batch.phones) {
    try {
      const phone = openField(ctx.deps.keys.data, p.phoneEnc);
      await ctx.deps.sms.send({ kind: 'warning', phone, sender: batch.sender, text: batch.text });
    } catch (err) {
      refused += 1;
      ctx.log.warn({ err, warningId, subscriptionId: p.id }, '预警短信发送失败 (warning SMS refused)');
    }
  }
  if (refused > 0) {
    await ctx.db
      .update(warnings)
      .set({ smsSent: sql`greatest(${warnings.smsSent} - ${refused}, 0)` })
      .where(eq(warnings.id, warningId));
  }
  return refused;
}

/**
 * One run of a notice's SMS: batches of at most `smsPerSecond`, one a second, until every phone is done, the
 * day's cap is reached (the next run is queued for tomorrow), or the run's time is up (the next run is queued now).
 * Answers why it stopped.
 */
export async function sendWarningSms(ctx: Ctx, warningId: string): Promise<'done' | 'capped' | 'later'> {
  const started = Date.now();
  for (;;) {
    const batchStart = Date.now();
    const claim = await claimBatch(ctx, warningId);
    if (claim.kind !== 'batch') return claim.kind;
    const refused = await sendBatch(ctx, warningId, claim);
    if (refused === claim.phones.length || Date.now() - started > RUN_MS) {
      const after = refused === claim.phones.length ? new Date(ctx.now().getTime() + BACKOFF_MS) : undefined;
      await ctx.db.transaction((tx) => queueRun(tx, ctx, warningId, after));
      return 'later';
    }
    // A full batch is the second's share: the next waits for the second to end.
    if (claim.full) await sleep(Math.max(0, 1000 - (Date.now() - batchStart)));
  }
}

export function registerSmsJobs(jobs: JobRegistry) {
  jobs.register<{ warningId: string }>({
    name: SMS_JOB,
    handler: async (ctx, data) => void (await sendWarningSms(ctx, data.warningId)),
  });
}
