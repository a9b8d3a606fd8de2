/** A hazard's photos, read back one at a time for whoever sees the hazard; reading a full-size one is audited. */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { photos } from '../../db/schema/index.js';
import { auditAlone, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { sendPhoto } from '../media/photos.queries.js';
import { hazardInSight } from './hazards.queries.js';

export async function readHazardPhoto(
  ctx: Ctx,
  reply: FastifyReply,
  hazardId: string,
  photoId: string,
  size: 'full' | 'thumb',
) {
  const h = await hazardInSight(ctx, hazardId);
  const [photo] = await ctx.db
    .select({ data: size === 'thumb' ? photos.thumb : photos.data, mime: photos.mime })
    .from(photos)
    .where(
      and(eq(photos.id, photoId), eq(photos.ownerType, 'hazard'), eq(photos.ownerId, h.id), isNotNull(photos.eventId)),
    );
  if (!photo) throw new AppError('NOT_FOUND', { what: 'photo' });
  if (size === 'full')
    await auditAlone(ctx, {
      action: 'hazard.photo_read',
      result: 'ok',
      targetType: 'hazard',
      targetId: h.id,
      details: { photoId },
    });
  return sendPhoto(reply, { data: photo.data, mime: size === 'thumb' ? 'image/jpeg' : photo.mime });
}
