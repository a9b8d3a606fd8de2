/**
 * What residents read of the station's notices: a doorplate's area, a verified phone's subscriptions, one notice by
 * its id (notices are public), and a sent notice's photos. A phone token is optional on the doorplate: with it the
 * page also lists what the phone subscribed to and its own replies.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { firstOrThrow } from '../../db/rows.js';
import { photos } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendPhoto } from '../media/photos.queries.js';
import { phoneSessionOrThrow } from '../residents/phone.service.js';
import { householdByToken, householdNotices, isCurrent, phoneNotices, publicNotice } from './notices.queries.js';
import { presentNotices } from './notices.view.js';

/** The phone behind an optional token: none (not an error) when absent or no longer valid. */
async function optionalPhone(ctx: Ctx, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  return phoneSessionOrThrow(ctx, token)
    .then((s) => s.phoneIndex)
    .catch(() => null);
}

export async function doorplateHousehold(ctx: Ctx, doorplate: string) {
  const household = await householdByToken(ctx.db, doorplate);
  if (!household) throw new AppError('NOT_FOUND', { what: 'doorplate' });
  return household;
}

/** 门牌页的预警: the household's area's current notices, urgent first, then newest. */
export async function doorplateNotices(ctx: Ctx, doorplate: string, device: string | undefined, token?: string) {
  const household = await doorplateHousehold(ctx, doorplate);
  const phoneIndex = await optionalPhone(ctx, token);
  const rows = await householdNotices(ctx.db, household, phoneIndex, ctx.now());
  return { items: await presentNotices(ctx, rows, { device, phoneIndex }) };
}

/** 我的预警: the areas and categories the verified phone subscribed to. */
export async function myNotices(ctx: Ctx, device: string | undefined, token: string | undefined) {
  const session = await phoneSessionOrThrow(ctx, token);
  const rows = await phoneNotices(ctx.db, session.phoneIndex, ctx.now());
  return { items: await presentNotices(ctx, rows, { device, phoneIndex: session.phoneIndex }) };
}

/** One notice by its id: sent or withdrawn, of any station. */
export async function oneNotice(ctx: Ctx, id: string, device: string | undefined, token?: string) {
  const row = await publicNotice(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', { what: 'warning' });
  const notices = await presentNotices(ctx, [row], { device, phoneIndex: await optionalPhone(ctx, token) });
  return firstOrThrow(notices, 'notice');
}

/** A photo of a sent, unexpired notice (none of a withdrawn or expired one). */
export async function noticePhoto(
  ctx: Ctx,
  reply: FastifyReply,
  warningId: string,
  photoId: string,
  size: 'full' | 'thumb',
) {
  const notice = await publicNotice(ctx.db, warningId);
  if (!notice || !isCurrent(notice, ctx.now())) throw new AppError('NOT_FOUND', { what: 'photo' });
  const [photo] = await ctx.db
    .select({
      data: size === 'thumb' ? photos.thumb : photos.data,
      mime: size === 'thumb' ? sql<string>`'image/jpeg'` : photos.mime,
    })
    .from(photos)
    .where(and(eq(photos.id, photoId), eq(photos.ownerType, 'warning'), eq(photos.ownerId, warningId)));
  if (!photo) throw new AppError('NOT_FOUND', { what: 'photo' });
  return sendPhoto(reply, photo);
}
