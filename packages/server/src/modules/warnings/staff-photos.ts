/** A notice's photos for staff: uploaded by the author before the draft names them, read by staff who see it. */
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { photos } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendPhoto } from '../media/photos.queries.js';
import { readPhotoParts, storePhotos } from '../media/photos.service.js';
import { warningForStaff } from './warnings.policy.js';

/** 上传预警照片: pending under the author (as a room host's are) until a draft names them. */
export async function uploadWarningPhotos(req: FastifyRequest) {
  const files = await readPhotoParts(req);
  const me = actorOf(req.ctx).id;
  const key = req.headers['idempotency-key'] as string | undefined;
  return storePhotos(req.ctx, { owner: { type: 'staff', id: me }, staffId: me }, key, files, false);
}

export async function warningPhotoForStaff(
  ctx: Ctx,
  reply: FastifyReply,
  warningId: string,
  photoId: string,
  size: 'full' | 'thumb',
) {
  await warningForStaff(ctx, warningId);
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
