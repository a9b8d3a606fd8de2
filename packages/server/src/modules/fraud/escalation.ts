/**
 * 快推's clock. Every 30 s: an open instruction whose deadline is within the station's `warnBeforeMinutes` warns the
 * station's desk; one past its deadline goes to the desk and the chief. Each happens once: the UPDATE that stamps
 * `warned_at` / `escalated_at` only where it is still null is the claim, so a second process (or a doubled tick)
 * finds nothing left to stamp. The stamp, its audit entry and its outbox event (read by the staff alerts) commit
 * together.
 */
import { DEFAULT_FRAUD_RULES } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { audit, type Ctx } from '../../platform/context.js';
import { publish } from '../../platform/outbox.js';
import { unitTopic } from '../../platform/topics.js';
import { FRAUD_DEADLINE_NEAR_EVENT, FRAUD_ESCALATED_EVENT } from './constants.js';

type Claimed = { id: string; station_id: string; number: string };

/** The station's `warnBeforeMinutes` for the row `f`, the default when unset. */
const warnBefore = sql`make_interval(mins => COALESCE(
  (SELECT (s.value->>'warnBeforeMinutes')::int FROM settings s WHERE s.key = 'fraud:' || f.station_id::text), ${DEFAULT_FRAUD_RULES.warnBeforeMinutes}::int))`;

async function stamp(tx: Tx, ctx: Ctx, rows: Claimed[], type: string, action: string) {
  const now = ctx.now();
  for (const r of rows) {
    await audit(ctx, tx, {
      action,
      result: 'ok',
      targetType: 'fraud_instruction',
      targetId: r.id,
      details: { stationId: r.station_id },
    });
    await publish(tx, now, [unitTopic(r.station_id)], type, {
      instructionId: r.id,
      number: r.number,
      stationId: r.station_id,
    });
  }
}

/** One sweep; answers how many were escalated (past) and warned (near). */
export async function sweepFraudDeadlines(ctx: Ctx): Promise<{ escalated: number; warned: number }> {
  const now = sql`${ctx.now().toISOString()}::timestamptz`;
  return ctx.db.transaction(async (tx) => {
    const escalated = rowsOf<Claimed>(
      await tx.execute(sql`
        UPDATE fraud_instructions f SET escalated_at = ${now}, updated_at = ${now}
         WHERE f.status = 'open' AND f.escalated_at IS NULL AND f.deadline_at <= ${now}
        RETURNING f.id, f.station_id, f.number`),
    );
    await stamp(tx, ctx, escalated, FRAUD_ESCALATED_EVENT, 'fraud.instruction.escalate');
    const warned = rowsOf<Claimed>(
      await tx.execute(sql`
        UPDATE fraud_instructions f SET warned_at = ${now}, updated_at = ${now}
         WHERE f.status = 'open' AND f.warned_at IS NULL AND f.escalated_at IS NULL AND f.deadline_at > ${now}
           AND f.deadline_at - ${warnBefore} <= ${now}
        RETURNING f.id, f.station_id, f.number`),
    );
    await stamp(tx, ctx, warned, FRAUD_DEADLINE_NEAR_EVENT, 'fraud.instruction.warn');
    return { escalated: escalated.length, warned: warned.length };
  });
}
