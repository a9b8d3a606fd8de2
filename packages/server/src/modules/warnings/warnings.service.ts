/**
 * 编辑预警: a draft in a station of the author's scope — its category one of the station's, its audience inside the
 * station and the author's scope, its photos and audio/video the author's own uploads — edited and deleted by its
 * author while it is a draft. Each change is version-checked and audited with ids and counts, never its words.
 */
import type { WarningInput, WarningUpdateInput, WarningView } from '@jingmin/shared';
import { and, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { firstOrThrow } from '../../db/rows.js';
import { mediaFiles, photos, units, warnings } from '../../db/schema/index.js';
import { type Actor, actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { attachPhotos, deleteOwnerPhotos } from '../media/photos.service.js';
import { stationInScope } from '../settings/settings.service.js';
import { assertCategory, warningRules } from './settings.js';
import { resolveTarget, type Station } from './targets.js';
import { assertWarningAction, type Warning, warningForStaff } from './warnings.policy.js';
import { presentWarning } from './warnings.view.js';

/** A notice has no timeline: its photos are attached to it as one event once its draft is saved. */
const WARNING_PHOTO_EVENT = 1;

type Content = Omit<WarningInput, 'stationId'>;

/** The station (in the caller's scope: the station, above it, or working below it), with its name. */
export async function stationOf(ctx: Ctx, stationId: string): Promise<Station> {
  const { id, path } = await stationInScope(ctx, stationId);
  const [row] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, id));
  return { id, path, name: row?.name ?? '' };
}

/** The category is the station's, the expiry ahead, the audience the station's and the author's. */
async function checkedContent(ctx: Ctx, actor: Actor, station: Station, input: Content) {
  const rules = await warningRules(ctx.db, station.id);
  assertCategory(ctx, rules, input.category);
  if (input.expiresAt && Date.parse(input.expiresAt) <= ctx.now().getTime())
    throw invalid(ctx, 'expiresAt', '过期时间须晚于现在', 'must be in the future');
  const target = await resolveTarget(ctx, actor, station, input.target);
  return {
    category: input.category,
    priority: input.priority,
    title: input.title,
    body: input.body,
    ackRequired: input.ackRequired,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    targetUnitIds: target.units.map((u) => u.id),
    targetPaths: target.units.map((u) => u.path),
    targetRoomIds: target.rooms.map((r) => r.id),
    targetSubscribers: target.subscribers,
    sms: input.sms,
  };
}

/** The notice's photos become exactly `ids`, in that order: new ones are the author's pending uploads. */
async function setPhotos(tx: Tx, w: Pick<Warning, 'id' | 'authorId'>, ids: string[]) {
  const owner = { type: 'warning' as const, id: w.id };
  const current = await tx
    .select({ id: photos.id })
    .from(photos)
    .where(and(eq(photos.ownerType, 'warning'), eq(photos.ownerId, w.id)));
  const dropped = current.map((c) => c.id).filter((id) => !ids.includes(id));
  if (dropped.length) await tx.delete(photos).where(inArray(photos.id, dropped));
  const added = ids.filter((id) => !current.some((c) => c.id === id));
  const sender = { owner: { type: 'staff' as const, id: w.authorId }, staffId: w.authorId };
  await attachPhotos(tx, sender, added, { owner, eventId: WARNING_PHOTO_EVENT });
  for (const [ordinal, id] of ids.entries())
    await tx
      .update(photos)
      .set({ ordinal })
      .where(and(eq(photos.id, id), eq(photos.ownerType, 'warning'), eq(photos.ownerId, w.id)));
}

/** The notice's audio/video become exactly `ids`: new ones are the author's pending files; dropped ones go. */
async function setMedia(ctx: Ctx, tx: Tx, w: Pick<Warning, 'id' | 'authorId'>, ids: string[]) {
  const mine = and(eq(mediaFiles.ownerType, 'warning'), eq(mediaFiles.ownerId, w.id));
  await tx.delete(mediaFiles).where(ids.length ? and(mine, notInArray(mediaFiles.id, ids)) : mine);
  const current = await tx.select({ id: mediaFiles.id }).from(mediaFiles).where(mine);
  const added = ids.filter((id) => !current.some((c) => c.id === id));
  if (added.length === 0) return;
  const taken = await tx
    .update(mediaFiles)
    .set({ ownerType: 'warning', ownerId: w.id })
    .where(and(inArray(mediaFiles.id, added), eq(mediaFiles.uploaderStaffId, w.authorId), isNull(mediaFiles.ownerId)))
    .returning({ id: mediaFiles.id });
  const missing = added.filter((id) => !taken.some((t) => t.id === id));
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      { detail: ctx.locale === 'en' ? 'mediaIds: not your pending uploads' : 'mediaIds：不是您上传且未使用的音视频' },
      { mediaIds: missing },
    );
}

/** 新建预警: a draft of the author's. */
export async function createWarning(ctx: Ctx, input: WarningInput): Promise<WarningView> {
  const actor = actorOf(ctx);
  const station = await stationOf(ctx, input.stationId);
  const content = await checkedContent(ctx, actor, station, input);
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const w = firstOrThrow(
      await tx
        .insert(warnings)
        .values({
          ...content,
          stationId: station.id,
          stationPath: station.path,
          authorId: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning(),
    );
    await setPhotos(tx, w, input.photoIds);
    await setMedia(ctx, tx, w, input.mediaIds);
    await audit(ctx, tx, {
      action: 'warning.create',
      result: 'ok',
      targetType: 'warning',
      targetId: w.id,
      details: contentDetails(w, input),
    });
    return w;
  });
  return presentWarning(ctx, row);
}

function contentDetails(w: Warning, input: Content) {
  return {
    stationId: w.stationId,
    category: w.category,
    priority: w.priority,
    unitIds: w.targetUnitIds,
    roomIds: w.targetRoomIds,
    subscribers: w.targetSubscribers,
    sms: w.sms,
    photos: input.photoIds.length,
    media: input.mediaIds.length,
  };
}

export function assertVersion(w: Warning, version: number) {
  if (w.version !== version) throw new AppError('CONFLICT');
}

/** 修改草稿: the author's draft, at the version read. */
export async function updateWarning(ctx: Ctx, id: string, input: WarningUpdateInput): Promise<WarningView> {
  const actor = actorOf(ctx);
  const w = await warningForStaff(ctx, id);
  assertWarningAction(actor, w, 'edit');
  assertVersion(w, input.version);
  const station = await stationOf(ctx, w.stationId);
  const content = await checkedContent(ctx, actor, station, input);
  const row = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(warnings)
      .set({ ...content, version: w.version + 1, updatedAt: ctx.now() })
      .where(and(eq(warnings.id, id), eq(warnings.version, w.version), eq(warnings.status, 'draft')))
      .returning();
    if (!updated) throw new AppError('CONFLICT');
    await setPhotos(tx, updated, input.photoIds);
    await setMedia(ctx, tx, updated, input.mediaIds);
    await audit(ctx, tx, {
      action: 'warning.update',
      result: 'ok',
      targetType: 'warning',
      targetId: id,
      details: { ...contentDetails(updated, input), version: updated.version },
    });
    return updated;
  });
  return presentWarning(ctx, row);
}

/** 删除草稿: the draft goes with its photos and audio/video. */
export async function deleteWarning(ctx: Ctx, id: string, version: number): Promise<void> {
  const actor = actorOf(ctx);
  const w = await warningForStaff(ctx, id);
  assertWarningAction(actor, w, 'delete');
  assertVersion(w, version);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(warnings)
      .where(and(eq(warnings.id, id), eq(warnings.version, version), eq(warnings.status, 'draft')))
      .returning({ id: warnings.id });
    if (!gone) throw new AppError('CONFLICT');
    const photoCount = await deleteOwnerPhotos(tx, { type: 'warning', id });
    const media = await tx
      .delete(mediaFiles)
      .where(and(eq(mediaFiles.ownerType, 'warning'), eq(mediaFiles.ownerId, id)))
      .returning({ id: mediaFiles.id });
    await audit(ctx, tx, {
      action: 'warning.delete',
      result: 'ok',
      targetType: 'warning',
      targetId: id,
      details: { stationId: w.stationId, photos: photoCount, media: media.length },
    });
  });
}
