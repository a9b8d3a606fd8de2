/**
 * The person's data is kept for the station's `retentionDays` after the instruction arrived (default 180), then
 * deleted: the sealed name, phone, address, details and note are nulled and the masked copies say `（已删除）`.
 * The row stays, so every count and sum in the figures stays the same.
 */
import { DEFAULT_FRAUD_RULES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { audit, type Ctx } from '../../platform/context.js';
import { PURGED_TEXT } from './constants.js';

export async function purgeOldInstructions(ctx: Ctx): Promise<{ purged: number }> {
  const now = ctx.now().toISOString();
  return ctx.db.transaction(async (tx) => {
    const rows = rowsOf<{ id: string }>(
      await tx.execute(sql`
        UPDATE fraud_instructions f
           SET name_enc = NULL, phone_enc = NULL, address_enc = NULL, detail_enc = NULL, note_enc = NULL,
               name_masked = ${PURGED_TEXT}, phone_masked = ${PURGED_TEXT},
               -- No link from a household to what it was warned about, and no digest of the person's data.
               household_id = NULL, content_digest = 'purged',
               purged_at = ${now}::timestamptz, updated_at = ${now}::timestamptz
         WHERE f.purged_at IS NULL
           AND f.received_at < ${now}::timestamptz - make_interval(days => COALESCE(
             (SELECT (s.value->>'retentionDays')::int FROM settings s WHERE s.key = 'fraud:' || f.station_id::text), ${DEFAULT_FRAUD_RULES.retentionDays}::int))
        RETURNING f.id`),
    );
    if (rows.length > 0)
      await audit(ctx, tx, {
        action: 'fraud.instruction.purge',
        result: 'ok',
        targetType: 'fraud_instruction',
        details: { count: rows.length, ids: rows.slice(0, 200).map((r) => r.id) },
      });
    return { purged: rows.length };
  });
}
