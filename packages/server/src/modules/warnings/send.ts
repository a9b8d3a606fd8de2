/**
 * Sending a notice, the one path used by 发布, by the chief's approval and by the scheduled job; and withdrawing
 * it. Both happen in one transaction with everything that follows from them: the status, the delivered figure,
 * the frozen SMS text, the rooms' announcements, the live event and the SMS job. Sending costs the same for 100 or
 * 1,000,000 households: the notice is visible to its target paths, and the only per-area cost is one COUNT.
 */
import { labelOf, type WarningStatus, warningSmsSummary } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { households, units, warnings } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isHome } from './coverage.js';
import { publishWarningLive } from './live.js';
import { announceWarning, correctWarning } from './rooms-channel.js';
import { categoryOf, warningRules } from './settings.js';
import { startWarningSms } from './sms.js';
import { smsTextOf, underAny } from './targets.js';
import type { Warning } from './warnings.policy.js';

const liveOf = (w: Warning) => ({
  id: w.id,
  stationId: w.stationId,
  priority: w.priority,
  targetPaths: w.targetPaths,
  targetSubscribers: w.targetSubscribers,
});

/** The SMS as it goes out (frozen at sending): the category and title, with the station's signature. */
export async function smsTextFor(tx: Tx, w: Pick<Warning, 'stationId' | 'category' | 'title'>) {
  const rules = await warningRules(tx, w.stationId);
  const [station] = await tx.select({ name: units.name }).from(units).where(eq(units.id, w.stationId));
  const category = categoryOf(rules, w.category);
  const label = category ? labelOf(category.label, 'zh-CN') : w.category;
  return { text: smsTextOf(rules, station?.name ?? '', warningSmsSummary(label, w.title)), label };
}

/**
 * Sends `w` (read in this transaction, at its version and status) now. `review` stamps the chief's approval in
 * the same update. Answers the sent row; a notice changed meanwhile is a CONFLICT.
 */
export async function sendInTx(
  tx: Tx,
  ctx: Ctx,
  w: Warning,
  review: { reviewerId: string; reviewedAt: Date } | null = null,
): Promise<Warning> {
  const now = ctx.now();
  const sms = await smsTextFor(tx, w);
  const [sent] = await tx
    .update(warnings)
    .set({
      status: 'sent',
      sentAt: now,
      // Counted after the commit (countDelivered): the notice is on residents' pages before the count is done.
      deliveredHouseholds: 0,
      smsText: w.sms ? sms.text : null,
      ...(review ?? {}),
      version: w.version + 1,
      updatedAt: now,
    })
    .where(and(eq(warnings.id, w.id), eq(warnings.version, w.version), eq(warnings.status, w.status)))
    .returning();
  if (!sent) throw new AppError('CONFLICT');
  const rooms = await announceWarning(tx, ctx, sent, sms.label);
  await publishWarningLive(tx, ctx, liveOf(sent), 'warning.sent');
  if (sent.sms) await startWarningSms(tx, ctx, sent.id);
  await audit(ctx, tx, {
    action: review ? 'warning.approve' : 'warning.send',
    result: 'ok',
    targetType: 'warning',
    targetId: sent.id,
    details: stepDetails(w.status, sent, { rooms, sms: sent.sms }),
  });
  return sent;
}

/**
 * 送达: the households under the notice's covering paths, counted once after its sending committed — one COUNT that
 * grows with the area, kept out of the sending transaction so a notice to a million households is visible (and its
 * banner live) without waiting for it. It reads the homes' path index alone (households_home_path_idx) on one
 * core: parallel workers would finish it a little sooner by taking every core from the residents' pages that are
 * opening the notice at that moment. Subscribers alone reach no doorplate page: their phones are counted by the
 * SMS job. Answers the row with its count.
 */
export async function countDelivered(db: Db, w: Warning): Promise<Warning> {
  const delivered = sql<number>`(SELECT count(*)::int FROM ${households} WHERE ${isHome} AND ${underAny(households.unitPath, w.targetPaths)})`;
  const counted = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    return tx.update(warnings).set({ deliveredHouseholds: delivered }).where(eq(warnings.id, w.id)).returning();
  });
  return counted[0] ?? w;
}

/** What a step's audit entry says: ids, statuses and figures, never the notice's words. */
export function stepDetails(from: WarningStatus, w: Warning, extra: Record<string, unknown> = {}) {
  return {
    stationId: w.stationId,
    from,
    to: w.status,
    version: w.version,
    scheduledAt: w.scheduledAt?.toISOString() ?? null,
    ...extra,
  };
}

/** 撤回 a sent notice: residents read the correction instead; its rooms' announcement is unpinned and corrected. */
export async function withdrawSentInTx(tx: Tx, ctx: Ctx, w: Warning, correction: string): Promise<Warning> {
  const now = ctx.now();
  const [withdrawn] = await tx
    .update(warnings)
    .set({ status: 'withdrawn', withdrawnAt: now, correction, version: w.version + 1, updatedAt: now })
    .where(and(eq(warnings.id, w.id), eq(warnings.version, w.version), eq(warnings.status, 'sent')))
    .returning();
  if (!withdrawn) throw new AppError('CONFLICT');
  await correctWarning(tx, ctx, withdrawn, correction, ctx.actor?.id ?? w.authorId);
  await publishWarningLive(tx, ctx, liveOf(withdrawn), 'warning.withdrawn');
  await audit(ctx, tx, {
    action: 'warning.withdraw',
    result: 'ok',
    targetType: 'warning',
    targetId: w.id,
    details: stepDetails(w.status, withdrawn, { rooms: w.targetRoomIds.length }),
  });
  return withdrawn;
}
