/**
 * What nobody needs for long: residents' leftovers (photos never attached,
 * spent one-time codes, expired phone sessions) and delivery records past
 * their use (sealed outbox rows, idempotency keys, rate-limit windows,
 * expired staff sessions). Run by the `housekeeping.retention` job.
 */
import { isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf } from '../../db/rows.js';
import { idempotencyKeys, outbox, rateLimits, sessions } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sweepPendingFiles } from '../media/files.service.js';
import { sweepPendingPhotos } from '../media/photos.service.js';
import { sweepPhoneRecords } from '../residents/phone.service.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Rows per DELETE: a large backlog goes in short statements, never one long lock. */
const BATCH = 5_000;

export async function sweepResidentLeftovers(ctx: Ctx) {
  const photos = await sweepPendingPhotos(ctx);
  const mediaFiles = await sweepPendingFiles(ctx);
  await sweepPhoneRecords(ctx);
  return { photos, mediaFiles };
}

/** Deletes the rows of `table` that match every condition, `BATCH` at a time; returns how many. */
async function deleteInBatches(ctx: Ctx, table: PgTable, ...conditions: SQL[]): Promise<number> {
  const where = sql.join(conditions, sql` AND `);
  let total = 0;
  for (;;) {
    const result = await ctx.db.execute(sql`WITH gone AS (
        DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${where} LIMIT ${BATCH}))
        RETURNING 1)
      SELECT count(*)::int AS n FROM gone`);
    const n = Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * Retention of delivery records (`config.retention`). An outbox row goes only
 * once sealed (it has its `seq`), and never the newest sealed one: the sealer
 * numbers on from the highest `seq`, and delivery would restart below what
 * every listener has seen. An idempotency key lives as long as a phone may hold
 * an unsent entry: offline field work resends days later.
 */
export async function sweepDeliveryRecords(ctx: Ctx) {
  const now = ctx.now().getTime();
  const { outboxDays, idempotencyDays, rateLimitHours } = ctx.deps.config.retention;
  const newestSeq = sql`(SELECT max(${outbox.seq}) FROM ${outbox})`;
  return {
    outbox: await deleteInBatches(
      ctx,
      outbox,
      isNotNull(outbox.seq),
      lt(outbox.createdAt, new Date(now - outboxDays * DAY)),
      lt(outbox.seq, newestSeq),
    ),
    idempotencyKeys: await deleteInBatches(
      ctx,
      idempotencyKeys,
      lt(idempotencyKeys.createdAt, new Date(now - idempotencyDays * DAY)),
    ),
    rateLimits: await deleteInBatches(
      ctx,
      rateLimits,
      lt(rateLimits.windowStart, new Date(now - rateLimitHours * HOUR)),
    ),
    sessions: await deleteInBatches(ctx, sessions, lt(sessions.expiresAt, new Date(now))),
  };
}
