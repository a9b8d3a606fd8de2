/**
 * Reading photos back: per timeline event, per event type, one at a time to
 * send. The owner's timeline (whose events carry the photos, with their type
 * and visibility) is the caller's table: this module knows no domain.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyReply } from 'fastify';
import { type PhotoOwnerType, photos } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import type { PhotoOwner } from './photos.service.js';

/** An owner's timeline table (matter_events …): photos attach to its `id`; `type` and `visibility` are read. */
export type PhotoTimeline = PgTable & { id: AnyPgColumn; type: AnyPgColumn; visibility: AnyPgColumn };

/** Photo ids per timeline event of an owner, in the order they were attached. */
export async function photosByEvent(db: Ctx['db'], owner: PhotoOwner): Promise<Map<number, string[]>> {
  const rows = await db
    .select({ id: photos.id, eventId: photos.eventId })
    .from(photos)
    .where(and(eq(photos.ownerType, owner.type), eq(photos.ownerId, owner.id)))
    .orderBy(photos.ordinal);
  const byEvent = new Map<number, string[]>();
  for (const r of rows) {
    if (r.eventId === null) continue;
    byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r.id]);
  }
  return byEvent;
}

/**
 * One attached photo of an owner (or its small copy), with the visibility of
 * the timeline event it belongs to: the caller decides who may see it.
 */
export async function readPhoto(
  db: Ctx['db'],
  owner: PhotoOwner,
  timeline: PhotoTimeline,
  photoId: string,
  size: 'full' | 'thumb' = 'full',
) {
  const [row] = await db
    .select({
      data: size === 'thumb' ? photos.thumb : photos.data,
      mime: size === 'thumb' ? sql<string>`'image/jpeg'` : photos.mime,
      visibility: sql<string>`${timeline.visibility}`,
    })
    .from(photos)
    .innerJoin(timeline, eq(timeline.id, photos.eventId))
    .where(and(eq(photos.id, photoId), eq(photos.ownerType, owner.type), eq(photos.ownerId, owner.id)));
  return row ?? null;
}

/** The photos attached to each owner's events of one type (a matter's submission …), for lists and detail views. */
export async function photoIdsOfEventType(
  db: Ctx['db'],
  owners: { type: PhotoOwnerType; ids: string[] },
  timeline: PhotoTimeline,
  eventType: string,
): Promise<Map<string, string[]>> {
  const byOwner = new Map<string, string[]>();
  if (owners.ids.length === 0) return byOwner;
  const rows = await db
    .select({ id: photos.id, ownerId: photos.ownerId })
    .from(photos)
    .innerJoin(timeline, eq(timeline.id, photos.eventId))
    .where(and(eq(photos.ownerType, owners.type), inArray(photos.ownerId, owners.ids), eq(timeline.type, eventType)))
    .orderBy(photos.ordinal);
  for (const r of rows) byOwner.set(r.ownerId, [...(byOwner.get(r.ownerId) ?? []), r.id]);
  return byOwner;
}

/** Sends a photo; the browser may keep it a day (private: it is a resident's). */
export function sendPhoto(reply: FastifyReply, photo: { mime: string; data: Buffer }) {
  return reply.type(photo.mime).header('cache-control', 'private, max-age=86400').send(photo.data);
}
