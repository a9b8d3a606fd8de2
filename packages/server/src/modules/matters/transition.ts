/**
 * transition(): the only way a matter changes status. It takes the matter as
 * the request loaded it and a patch, applies the shared flow, checks who may
 * take the step, writes under the version read (a race is a 409, never a
 * double dispatch) and records the typed event with its audit entry and
 * outbox row — in one transaction, the caller's when it has one. A reopen or
 * transfer may escalate the matter to the bureau in that transaction too
 * (escalation.ts).
 */
import {
  canTransition,
  MATTER_ACTIONS,
  type MatterAction,
  type MatterEventType,
  NOTE_AUDIENCE_DEFAULT,
  type NoteAudience,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { matters } from '../../db/schema/index.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { matterSubject, recordEvent } from '../../platform/record-event.js';
import { escalateIfDue, isCountedAction } from './escalation.js';
import { allowedActions } from './matters.policy.js';

export type Matter = typeof matters.$inferSelect;
export type Patch = Partial<typeof matters.$inferInsert>;

export interface Change {
  action: MatterAction;
  patch?: Patch;
  /** Text on the timeline: a reason, an outcome. */
  note?: string | null;
  /** Ids and enums for the timeline and the audit entry. */
  payload?: Record<string, unknown>;
  /** The event to record when it is not `matter.<action>` (the sweep's `matter.take_overdue`). */
  event?: MatterEventType;
  /** Staff-only on the timeline. */
  internal?: boolean;
  /** Who reads the note; absent: the action's default (NOTE_AUDIENCE_DEFAULT in shared). */
  noteVisibility?: NoteAudience;
}

/** Who takes the step: staff by `allowedActions`, the resident by the tracking link, the system by a rule. */
export type Taker = 'staff' | 'resident' | 'system';

export async function transition(
  ctx: Ctx,
  matter: Matter,
  change: Change,
  opts: { by?: Taker; tx?: Tx } = {},
): Promise<Matter> {
  const by = opts.by ?? 'staff';
  const to = MATTER_ACTIONS[change.action];
  if (!canTransition(matter.status, change.action))
    throw new AppError('INVALID_TRANSITION', { from: matter.status, to });
  if (by === 'staff' && !allowedActions(ctx.actor as Actor, matter).includes(change.action))
    throw new AppError('FORBIDDEN');
  if (by === 'resident' && change.action !== 'rate') throw new AppError('FORBIDDEN');
  const now = ctx.now();
  const write = async (tx: Tx) => {
    // Any staff step answers the resident; a rule or the resident's own rating does not.
    const firstResponse = by === 'staff' && !matter.firstResponseAt ? { firstResponseAt: now } : {};
    // Guard on the version read: two desks may transfer, or an officer take while the desk transfers, at once.
    const [updated] = await tx
      .update(matters)
      .set({ ...firstResponse, ...change.patch, status: to, version: sql`${matters.version} + 1`, updatedAt: now })
      .where(and(eq(matters.id, matter.id), eq(matters.version, matter.version)))
      .returning();
    if (!updated) throw new AppError('CONFLICT');
    await recordEvent(tx, ctx, matterSubject(updated, matter), {
      type: change.event ?? `matter.${change.action}`,
      from: matter.status,
      to,
      note: change.note ?? null,
      internal: change.internal,
      noteInternal: (change.noteVisibility ?? NOTE_AUDIENCE_DEFAULT[change.action]) === 'internal',
      payload: change.payload,
      system: by === 'system',
    });
    // 提级督办: a reopen or transfer that reached the station's count escalates the matter to the bureau, once.
    if (isCountedAction(change.action)) return escalateIfDue(tx, ctx, updated, change.action);
    return updated;
  };
  return opts.tx ? write(opts.tx) : ctx.db.transaction(write);
}
