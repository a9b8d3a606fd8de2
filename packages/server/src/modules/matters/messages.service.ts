/**
 * Writing on a matter without moving it: replies to the resident, internal
 * notes, 催办 to whoever holds it, and revealing the resident's number to
 * call back. Each is allowed by `allowedActions` and written with its event.
 */
import { isFinished } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { matters } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { openField } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { attachPhotos } from '../media/photos.service.js';
import { allowedActions } from './matters.policy.js';
import { getMatterOrThrow, viewMatter } from './matters.service.js';

/** A reply to the resident (public) or an internal note, with photos; neither changes the status. */
export async function addMessage(
  ctx: Ctx,
  id: string,
  message: { text: string; photoIds: string[] },
  visibility: 'public' | 'internal',
) {
  const matter = await getMatterOrThrow(ctx, id);
  if (isFinished(matter.status)) throw new AppError('MATTER_CLOSED');
  if (!allowedActions(actorOf(ctx), matter).includes(visibility === 'public' ? 'reply' : 'note'))
    throw new AppError('FORBIDDEN');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (visibility === 'public' && !matter.firstResponseAt)
      await tx.update(matters).set({ firstResponseAt: now }).where(eq(matters.id, id));
    const eventId = await recordEvent(tx, ctx, matterSubject(matter), {
      type: visibility === 'public' ? 'matter.reply' : 'matter.note',
      note: message.text || null,
    });
    const owner = { type: 'matter' as const, id };
    await attachPhotos(tx, { owner, staffId: actorOf(ctx).id }, message.photoIds, { owner, eventId });
  });
  return viewMatter(ctx, id);
}

/** 催办: the desk chases whoever holds a dispatched or transferred matter; recorded, and live on their screen. */
export async function remindAssignee(ctx: Ctx, id: string, text: string) {
  const matter = await getMatterOrThrow(ctx, id);
  if (!allowedActions(actorOf(ctx), matter).includes('remind')) {
    // Nobody holds it yet (or it is done): there is no one to chase, which "cannot change status" would not say.
    if (!['dispatched', 'in_progress'].includes(matter.status)) throw new AppError('NOTHING_TO_CHASE');
    throw new AppError('FORBIDDEN');
  }
  await ctx.db.transaction(async (tx) => {
    await recordEvent(tx, ctx, matterSubject(matter), {
      type: 'matter.remind',
      note: text,
      payload: {
        assigneeStaffId: matter.assigneeStaffId,
        assigneeTeamId: matter.assigneeTeamId,
        assigneeDepartmentId: matter.assigneeDepartmentId,
      },
    });
  });
  return viewMatter(ctx, id);
}

/**
 * The resident's full number, for the desk or the handler to call back: only
 * for those who may write on the matter, and every reveal is on the record.
 */
export async function revealContactPhone(ctx: Ctx, id: string) {
  const matter = await getMatterOrThrow(ctx, id);
  if (!allowedActions(actorOf(ctx), matter).includes('reply')) throw new AppError('FORBIDDEN');
  if (!matter.contactPhoneEnc) throw new AppError('NOT_FOUND', { what: 'contact_phone' });
  await auditAlone(ctx, { action: 'matter.contact_phone_read', result: 'ok', targetType: 'matter', targetId: id });
  return { phone: openField(ctx.deps.keys.data, matter.contactPhoneEnc) };
}
