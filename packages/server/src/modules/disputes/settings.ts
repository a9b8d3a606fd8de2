/**
 * A station's dispute rules as one settings row `dispute:<stationId>`: its colour scheme (one of
 * COLOUR_SCHEMES; new cases take it), its subcategories and its mediation rules (治安调解's deadlines,
 * the guardian age, the follow-up days). Unset, the defaults of domain/disputes.ts.
 */
import {
  COLOUR_SCHEMES,
  DEFAULT_COLOUR_SCHEME,
  DEFAULT_DISPUTE_SUBCATEGORIES,
  DEFAULT_MEDIATION_RULES,
  type DisputeSettings,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { saveSetting } from '../../platform/settings.js';
import { stationInScope } from '../settings/settings.service.js';

const keyOf = (stationId: string) => `dispute:${stationId}`;

export async function disputeSettings(db: Queryable, stationId: string): Promise<DisputeSettings> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, keyOf(stationId)));
  const value = row?.value as Partial<DisputeSettings> | undefined;
  return {
    colourScheme: value?.colourScheme ?? DEFAULT_COLOUR_SCHEME,
    subcategories: value?.subcategories ?? DEFAULT_DISPUTE_SUBCATEGORIES.map((s) => ({ ...s })),
    rules: { ...DEFAULT_MEDIATION_RULES, ...value?.rules },
  };
}

/** The subcategory of a case must be one of its station's (a 400 naming it otherwise). */
export async function assertSubcategory(ctx: Ctx, stationId: string, subcategory: string | undefined | null) {
  if (!subcategory) return;
  const { subcategories } = await disputeSettings(ctx.db, stationId);
  if (!subcategories.some((s) => s.name === subcategory))
    throw invalid(
      ctx,
      'subcategory',
      `“${subcategory}”不是本所的纠纷子类（可在纠纷设置中添加）`,
      `"${subcategory}" is not one of the station's subcategories`,
    );
}

export async function readDisputeSettings(ctx: Ctx, stationId: string): Promise<DisputeSettings> {
  await stationInScope(ctx, stationId);
  return disputeSettings(ctx.db, stationId);
}

/** The station or above sets its rules (staff of an office below it only read them). */
export async function saveDisputeSettings(ctx: Ctx, stationId: string, input: DisputeSettings) {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  if (!COLOUR_SCHEMES.some((s) => s.key === input.colourScheme)) {
    const keys = COLOUR_SCHEMES.map((s) => s.key).join(' / ');
    throw invalid(ctx, 'colourScheme', `应为 ${keys} 之一`, `must be one of ${keys}`);
  }
  const names = input.subcategories.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw invalid(ctx, 'subcategories', `“${twice}”重复了`, `"${twice}" is listed twice`);
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, keyOf(stationId), input, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'dispute.settings.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { colourScheme: input.colourScheme, subcategories: input.subcategories.length },
    });
  });
  return input;
}
