/**
 * A station's rules for its warnings as one settings row `warnings:<stationId>`: its own categories after the
 * defaults, the SMS signature, the provider's rate and daily cap, how long receipts are kept. Unset,
 * `DEFAULT_WARNING_RULES` (shared/domain/warnings.ts).
 */
import {
  DEFAULT_WARNING_CATEGORIES,
  DEFAULT_WARNING_RULES,
  labelOf,
  type WarningCategory,
  type WarningRules,
  type WarningSettings,
  warningCategories,
} from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { KeptSettings, saveSetting } from '../../platform/settings.js';
import { stationInScope } from '../settings/settings.service.js';

export const warningSettingsKey = (stationId: string) => `warnings:${stationId}`;

const copyOf = (rules: WarningRules): WarningRules => ({
  ...rules,
  extraCategories: rules.extraCategories.map((c) => ({ key: c.key, label: { ...c.label } })),
});

/** The station's rules as saved, over the defaults; always fresh (the settings page, the send step). */
export async function warningRules(db: Queryable, stationId: string): Promise<WarningRules> {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, warningSettingsKey(stationId)));
  return copyOf({ ...DEFAULT_WARNING_RULES, ...(row?.value as Partial<WarningRules>) });
}

/**
 * How long a process keeps a station's rules for reads that happen often (lists, residents' pages). A save in
 * this process drops them at once; another process is seen after at most this long.
 */
export const WARNING_RULES_TTL_MS = 5_000;

const kept = new KeptSettings(warningRules, WARNING_RULES_TTL_MS, copyOf);

/** The station's rules, kept for `WARNING_RULES_TTL_MS` (categories' labels on lists and residents' pages). */
export const cachedWarningRules = (db: Db, stationId: string): Promise<WarningRules> => kept.get(db, stationId);

/** The kept rules of each station among `stationIds` (a list's or a page's notices), by station. */
export async function stationsRules(db: Db, stationIds: readonly string[]): Promise<Map<string, WarningRules>> {
  const unique = [...new Set(stationIds)];
  return new Map(await Promise.all(unique.map(async (id) => [id, await kept.get(db, id)] as const)));
}

/** The category of `key` among the station's, or null. */
export function categoryOf(rules: WarningRules, key: string): WarningCategory | null {
  return warningCategories(rules).find((c) => c.key === key) ?? null;
}

/** The station's category of `key`; else 400 naming it. */
export function assertCategory(ctx: Ctx, rules: WarningRules, key: string): WarningCategory {
  const category = categoryOf(rules, key);
  if (!category) throw invalid(ctx, 'category', `本所没有“${key}”这个类别`, `"${key}" is not a category here`);
  return category;
}

/** A category's words in the caller's language (the key itself when the station has since dropped it). */
export function categoryLabel(rules: WarningRules, key: string, locale: Ctx['locale']): string {
  const category = categoryOf(rules, key);
  return category ? labelOf(category.label, locale) : key;
}

export async function readWarningSettings(ctx: Ctx, stationId: string): Promise<WarningSettings> {
  await stationInScope(ctx, stationId);
  return warningRules(ctx.db, stationId);
}

/** The station's own category keys: each once, none of the defaults' (a notice stores the key). */
function assertCategories(ctx: Ctx, extra: WarningRules['extraCategories']) {
  const seen = new Set(DEFAULT_WARNING_CATEGORIES.map((c) => c.key));
  for (const [i, c] of extra.entries()) {
    if (seen.has(c.key))
      throw invalid(
        ctx,
        `extraCategories.${i}.key`,
        `类别代码“${c.key}”已被占用（默认类别或重复）`,
        `the key "${c.key}" is taken (a default category or a repeat)`,
      );
    seen.add(c.key);
  }
}

/** The chief sets the station's rules (warning.review, station or above); audited with figures, never words. */
export async function saveWarningSettings(
  ctx: Ctx,
  stationId: string,
  input: WarningSettings,
): Promise<WarningSettings> {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  assertCategories(ctx, input.extraCategories);
  const value: WarningRules = { ...input, smsSignature: input.smsSignature.trim() };
  await ctx.db.transaction(async (tx) => {
    await saveSetting(tx, warningSettingsKey(stationId), value, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'warning.settings.save',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: {
        extraCategories: value.extraCategories.map((c) => c.key),
        signature: value.smsSignature !== '',
        smsPerSecond: value.smsPerSecond,
        smsDailyCap: value.smsDailyCap,
        receiptDays: value.receiptDays,
      },
    });
  });
  kept.forget(ctx.db, stationId);
  return value;
}
