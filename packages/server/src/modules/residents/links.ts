/**
 * A resident's tracking link: the secret that opens one matter (and only it)
 * from the submitting device. It is derived from the submission's
 * Idempotency-Key with the data key, never stored: a retry recomputes the
 * same link, and a database dump reveals none (only its SM3 hash is kept).
 */
import { eq } from 'drizzle-orm';
import { households, matters, units } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { hmacSm3, sm3 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { householdOfMatter, matterAddress, placeUnitOfMatter, placeUnits } from '../matters/place.js';

export function trackingTokenFor(ctx: Ctx, idempotencyKey: string) {
  return hmacSm3(ctx.deps.keys.data, `track:${idempotencyKey}`).subarray(0, 24).toString('base64url');
}

/** What is stored of a link, and what it is looked up by. */
export const trackingHashOf = (tracking: string) => sm3(tracking);

/** The matter a link opens, with its address and station; an unknown link is a plain 404. */
export async function matterByTracking(ctx: Ctx, tracking: string) {
  const [row] = await ctx.db
    .select({ matter: matters, address: matterAddress, stationName: units.name })
    .from(matters)
    .leftJoin(households, householdOfMatter)
    .leftJoin(placeUnits, placeUnitOfMatter)
    .innerJoin(units, eq(units.id, matters.stationId))
    .where(eq(matters.trackingHash, trackingHashOf(tracking)));
  if (!row) throw new AppError('NOT_FOUND', { what: 'matter' });
  return row;
}
