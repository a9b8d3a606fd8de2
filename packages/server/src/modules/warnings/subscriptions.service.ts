/**
 * A verified phone's subscription to a station's notices: the area of a doorplate, the categories, and SMS only on
 * an explicit opt-in. One row per station and phone; 退订 (SMS off, from the page or by replying TD to a message)
 * keeps the categories, deleting removes the rows. Audited by ids and field names, never the number.
 */
import {
  DEFAULT_WARNING_RULES,
  type SubscriptionInput,
  type SubscriptionView,
  type WarningRules,
  warningCategories,
} from '@jingmin/shared';
import { and, desc, eq } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { units, warningSubscriptions } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { phoneSessionOrThrow } from '../residents/phone.service.js';
import { householdByToken } from './notices.queries.js';
import { warningRules } from './settings.js';

type Subscription = typeof warningSubscriptions.$inferSelect;
const lastUnitId = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';

async function unitName(ctx: Ctx, id: string) {
  const [u] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, id));
  return u?.name ?? null;
}

function view(rules: WarningRules, station: string | null, area: string | null, row?: Subscription): SubscriptionView {
  return {
    subscribed: Boolean(row),
    stationName: station,
    area,
    categories: row?.categories ?? [],
    sms: row?.sms ?? false,
    available: warningCategories(rules).map((c) => ({ key: c.key, label: { zh: c.label.zh, en: c.label.en } })),
    smsSignature: station ? rules.smsSignature || station : null,
  };
}

/** No subscription and no station named: the categories every station offers. */
const nothing = () => view(DEFAULT_WARNING_RULES, null, null);

async function present(ctx: Ctx, stationId: string, row?: Subscription): Promise<SubscriptionView> {
  const [rules, station, area] = await Promise.all([
    warningRules(ctx.db, stationId),
    unitName(ctx, stationId),
    row ? unitName(ctx, lastUnitId(row.unitPath)) : null,
  ]);
  return view(rules, station, area, row);
}

async function stationOfDoorplate(ctx: Ctx, doorplate: string) {
  const household = await householdByToken(ctx.db, doorplate);
  if (!household) throw new AppError('NOT_FOUND', { what: 'doorplate' });
  return household;
}

/** The phone's subscription at a doorplate's station, or its latest one; the station's categories to choose from. */
export async function readSubscription(ctx: Ctx, token: string | undefined, doorplate?: string) {
  const session = await phoneSessionOrThrow(ctx, token);
  const stationId = doorplate ? (await stationOfDoorplate(ctx, doorplate)).stationId : undefined;
  const [row] = await ctx.db
    .select()
    .from(warningSubscriptions)
    .where(
      and(
        eq(warningSubscriptions.phoneIndex, session.phoneIndex),
        stationId ? eq(warningSubscriptions.stationId, stationId) : undefined,
      ),
    )
    .orderBy(desc(warningSubscriptions.updatedAt))
    .limit(1);
  const at = stationId ?? row?.stationId;
  if (!at) return nothing();
  return present(ctx, at, row);
}

/** 订阅: the area of the doorplate, the station's categories chosen, SMS on or off (off is 退订). */
export async function saveSubscription(ctx: Ctx, input: SubscriptionInput, token: string | undefined) {
  const session = await phoneSessionOrThrow(ctx, token);
  const household = await stationOfDoorplate(ctx, input.doorplate);
  const rules = await warningRules(ctx.db, household.stationId);
  const offered = new Set(warningCategories(rules).map((c) => c.key));
  const foreign = input.categories.filter((c) => !offered.has(c));
  if (foreign.length > 0) {
    throw invalid(
      ctx,
      'categories',
      `本所没有这些类别：${foreign.join('、')}`,
      `not this station's: ${foreign.join(', ')}`,
    );
  }
  const now = ctx.now();
  const categories = [...new Set(input.categories)];
  const [before] = await ctx.db
    .select()
    .from(warningSubscriptions)
    .where(
      and(
        eq(warningSubscriptions.stationId, household.stationId),
        eq(warningSubscriptions.phoneIndex, session.phoneIndex),
      ),
    );
  const smsChange = before?.sms === input.sms ? {} : input.sms ? { smsOptedAt: now } : { smsStoppedAt: now };
  const row = await ctx.db.transaction(async (tx) => {
    const saved = firstOrThrow(
      await tx
        .insert(warningSubscriptions)
        .values({
          stationId: household.stationId,
          phoneIndex: session.phoneIndex,
          phoneEnc: session.phoneEnc,
          householdId: household.id,
          unitPath: household.unitPath,
          categories,
          sms: input.sms,
          ...(input.sms ? { smsOptedAt: now } : {}),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [warningSubscriptions.stationId, warningSubscriptions.phoneIndex],
          set: {
            phoneEnc: session.phoneEnc,
            householdId: household.id,
            unitPath: household.unitPath,
            categories,
            sms: input.sms,
            ...smsChange,
            updatedAt: now,
          },
        })
        .returning(),
    );
    await audit(ctx, tx, {
      action: 'warning_subscription.save',
      targetType: 'warning_subscription',
      targetId: saved.id,
      result: 'ok',
      details: { stationId: household.stationId, categories, sms: input.sms, created: !before },
    });
    return saved;
  });
  return present(ctx, household.stationId, row);
}

/** 全部退订: every subscription of the phone is deleted (nothing of it is kept), SMS stops at once. */
export async function deleteSubscriptions(ctx: Ctx, token: string | undefined): Promise<SubscriptionView> {
  const session = await phoneSessionOrThrow(ctx, token);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .delete(warningSubscriptions)
      .where(eq(warningSubscriptions.phoneIndex, session.phoneIndex))
      .returning({ id: warningSubscriptions.id });
    await audit(ctx, tx, {
      action: 'warning_subscription.delete',
      targetType: 'warning_subscription',
      targetId: rows[0]?.id ?? null,
      result: 'ok',
      details: { subscriptions: rows.map((r) => r.id) },
    });
  });
  return nothing();
}

/** The words a resident replies to stop SMS (退订), compared trimmed and case-insensitively. */
export const STOP_WORDS = ['td', 't', '退订', 'n'];
export const isStopReply = (text: string) => STOP_WORDS.includes(text.trim().toLowerCase());

/** SMS stops for every subscription of the phone (by its index); answers how many were on. */
export async function stopSmsOfPhone(ctx: Ctx, phoneIndex: string, via: 'sms_reply' | 'page'): Promise<number> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(warningSubscriptions)
      .set({ sms: false, smsStoppedAt: now, updatedAt: now })
      .where(and(eq(warningSubscriptions.phoneIndex, phoneIndex), eq(warningSubscriptions.sms, true)))
      .returning({ id: warningSubscriptions.id });
    if (rows.length > 0) {
      await audit(ctx, tx, {
        action: 'warning_subscription.sms_stop',
        targetType: 'warning_subscription',
        targetId: rows[0]?.id ?? null,
        result: 'ok',
        details: { subscriptions: rows.map((r) => r.id), via },
      });
    }
    return rows.length;
  });
}
