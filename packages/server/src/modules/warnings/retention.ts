/**
 * Receipts are kept only while they dedupe: a daily pass deletes the receipts of a notice once it has expired, was
 * withdrawn, or was sent more than the station's `receiptDays` ago (settings `warnings:<stationId>`), and marks it
 * `receipts_purged_at`. The per-grid counts stay. After that a device can no longer be told apart, so the receipts
 * route refuses the notice (it is expired or withdrawn anyway, or long past). One audit entry per notice purged:
 * how many receipts and why, never whose.
 */
import { DEFAULT_WARNING_RULES, type WarningRules } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { JobRegistry } from '../../platform/jobs.js';

/** A station's receipt days (its warning rules, else the default). */
async function receiptDays(db: Queryable, stationId: string): Promise<number> {
  const rows = rowsOf<{ value: Partial<WarningRules> }>(
    await db.execute(sql`SELECT value FROM settings WHERE key = ${`warnings:${stationId}`}`),
  );
  return rows[0]?.value?.receiptDays ?? DEFAULT_WARNING_RULES.receiptDays;
}

type Candidate = {
  id: string;
  station_id: string;
  status: string;
  sent_at: Date | string;
  expires_at: Date | string | null;
};

/** Why a notice's receipts go now, or null while they still dedupe. */
function purgeReason(w: Candidate, now: number, days: number): string | null {
  if (w.status === 'withdrawn') return 'withdrawn';
  if (w.expires_at && new Date(w.expires_at).getTime() <= now) return 'expired';
  if (new Date(w.sent_at).getTime() + days * 86_400_000 <= now) return 'receipt_days';
  return null;
}

async function purgeOne(ctx: Ctx, id: string, reason: string): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = rowsOf<{ n: number }>(
      await tx.execute(sql`
        WITH gone AS (DELETE FROM warning_receipts WHERE warning_id = ${id} RETURNING 1),
        marked AS (UPDATE warnings SET receipts_purged_at = ${ctx.now().toISOString()}::timestamptz
                    WHERE id = ${id} AND receipts_purged_at IS NULL RETURNING 1)
        SELECT (SELECT count(*) FROM gone)::int AS n`),
    );
    const n = Number(rows[0]?.n ?? 0);
    await audit(ctx, tx, {
      action: 'warning.receipts_purged',
      result: 'ok',
      targetType: 'warning',
      targetId: id,
      details: { receipts: n, reason },
    });
    return n;
  });
}

/** One pass: answers how many notices had their receipts purged, and how many receipts went. */
export async function purgeReceipts(ctx: Ctx): Promise<{ warnings: number; receipts: number }> {
  const now = ctx.now().getTime();
  const candidates = rowsOf<Candidate>(
    await ctx.db.execute(sql`
      SELECT id, station_id, status, sent_at, expires_at FROM warnings
       WHERE receipts_purged_at IS NULL AND status IN ('sent', 'withdrawn') AND sent_at IS NOT NULL`),
  );
  const days = new Map<string, number>();
  let purged = 0;
  let receipts = 0;
  for (const w of candidates) {
    const stationDays = days.get(w.station_id) ?? (await receiptDays(ctx.db, w.station_id));
    days.set(w.station_id, stationDays);
    const reason = purgeReason(w, now, stationDays);
    if (!reason) continue;
    receipts += await purgeOne(ctx, w.id, reason);
    purged += 1;
  }
  // A receipt batch that read a notice just before its withdrawal may have written after the purge: swept here.
  const stragglers = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`
      WITH gone AS (DELETE FROM warning_receipts r USING warnings w
                     WHERE w.id = r.warning_id AND w.receipts_purged_at IS NOT NULL RETURNING 1)
      SELECT count(*)::int AS n FROM gone`),
  );
  return { warnings: purged, receipts: receipts + Number(stragglers[0]?.n ?? 0) };
}

export function registerReceiptJobs(jobs: JobRegistry) {
  jobs.register({
    name: 'warnings.receipts-retention',
    cron: '57 3 * * *',
    handler: async (ctx) => {
      ctx.log.info(await purgeReceipts(ctx), 'retention: receipts of expired, withdrawn or old notices purged');
    },
  });
}
