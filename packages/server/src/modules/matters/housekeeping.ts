/**
 * What residents leave behind and nobody needs for long: photos never
 * attached (an abandoned draft), spent one-time codes, expired phone
 * sessions, old rate-limit windows and idempotency keys past any retry.
 */
import { lt } from 'drizzle-orm';
import { idempotencyKeys, rateLimits } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { sweepPhoneRecords } from './phone.service.js';
import { sweepPendingPhotos } from './photos.service.js';

const DAY = 86_400_000;

export async function sweepResidentLeftovers(ctx: Ctx) {
  const now = ctx.now().getTime();
  const photos = await sweepPendingPhotos(ctx);
  await sweepPhoneRecords(ctx);
  await ctx.db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now - DAY)));
  // A week is far beyond any phone's retry; the tracking link is derived from the key kept on the matter.
  await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now - 7 * DAY)));
  return { photos };
}
