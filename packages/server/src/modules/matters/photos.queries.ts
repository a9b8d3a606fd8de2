/** Reading photos back: per timeline event, per submission, one at a time to send. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { matterEvents, matterPhotos } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';

/** Photo ids per timeline event of a matter, in upload order. */
export async function photosByEvent(db: Ctx['db'], matterId: string): Promise<Map<number, string[]>> {
  const rows = await db
    .select({ id: matterPhotos.id, eventId: matterPhotos.eventId })
    .from(matterPhotos)
    .where(eq(matterPhotos.matterId, matterId))
    .orderBy(matterPhotos.ordinal);
  const byEvent = new Map<number, string[]>();
  for (const r of rows) {
    if (r.eventId === null) continue;
    byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r.id]);
  }
  return byEvent;
}

/** One attached photo of a matter (or its small copy), with the visibility of the event it belongs to. */
export async function readPhoto(db: Ctx['db'], matterId: string, photoId: string, size: 'full' | 'thumb' = 'full') {
  const [row] = await db
    .select({
      data: size === 'thumb' ? matterPhotos.thumb : matterPhotos.data,
      mime: size === 'thumb' ? sql<string>`'image/jpeg'` : matterPhotos.mime,
      visibility: matterEvents.visibility,
    })
    .from(matterPhotos)
    .innerJoin(matterEvents, eq(matterEvents.id, matterPhotos.eventId))
    .where(and(eq(matterPhotos.id, photoId), eq(matterPhotos.matterId, matterId)));
  return row ?? null;
}

/** The photos of each matter's submission, for lists and detail views. */
export async function submissionPhotoIds(db: Ctx['db'], matterIds: string[]): Promise<Map<string, string[]>> {
  const byMatter = new Map<string, string[]>();
  if (matterIds.length === 0) return byMatter;
  const rows = await db
    .select({ id: matterPhotos.id, matterId: matterPhotos.matterId })
    .from(matterPhotos)
    .innerJoin(matterEvents, eq(matterEvents.id, matterPhotos.eventId))
    .where(and(inArray(matterPhotos.matterId, matterIds), eq(matterEvents.type, 'matter.submitted')))
    .orderBy(matterPhotos.ordinal);
  for (const r of rows) byMatter.set(r.matterId!, [...(byMatter.get(r.matterId!) ?? []), r.id]);
  return byMatter;
}

/** Sends a photo; the browser may keep it a day (private: it is a resident's). */
export function sendPhoto(reply: FastifyReply, photo: { mime: string; data: Buffer }) {
  return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').send(photo.data);
}
