/**
 * A station's anti-fraud rules as one settings row `fraud:<stationId>`: the contact deadlines by level, when the desk
 * is warned, and how long the person's data is kept. Unset, `DEFAULT_FRAUD_RULES` (shared/domain/fraud.ts).
 */
import { DEFAULT_FRAUD_RULES, type FraudRules, type FraudSettings } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { saveSetting } from '../../platform/settings.js';
import { stationInScope } from '../settings/settings.service.js';

export const fraudSettingsKey = (stationId: string) => `fraud:${stationId}`;

/** The station's rules, read fresh (instructions are few; a deadline must follow a change at once). */
export async function fraudRules(db: Queryable, stationId: string): Promise<FraudRules> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, fraudSettingsKey(stationId)));
  return { ...DEFAULT_FRAUD_RULES, ...(row?.value as Partial<FraudRules> | undefined) };
}

export async function readFraudSettings(ctx: Ctx, stationId: string): Promise<FraudSettings> {
  await stationInScope(ctx, stationId);
  return fraudRules(ctx.db, stationId);
}

/** The station or above sets its rules (fraud.manage); audited with the old and new values (no person in them). */
export async function saveFraudSettings(ctx: Ctx, stationId: string, input: FraudSettings): Promise<FraudSettings> {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const before = await fraudRules(ctx.db, stationId);
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, fraudSettingsKey(stationId), input, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'fraud.settings.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { from: before, to: input },
    });
  });
  return input;
}
