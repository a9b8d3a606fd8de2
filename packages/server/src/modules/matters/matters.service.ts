/**
 * 派单 → 接单 → 办结: the desk accepts and dispatches, the assignee takes,
 * replies and resolves, the chief reopens after an unsatisfied rating. Every
 * change is guarded on the expected old status and written with its event,
 * audit entry and outbox row in one transaction.
 */
import {
  canTransition,
  deadlinesFor,
  isFinished,
  MATTER_ACTIONS,
  type MatterAction,
  type MatterStatus,
  type MatterView,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { departments, households, matterEvents, matters, staff, teams, units } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { publish } from '../../platform/outbox.js';
import { matterSettings } from '../desk/settings.service.js';
import { deadlineNow } from './deadline-now.js';
import { allowedActions, canSee, isDepartmentOnly } from './matters.policy.js';
import { submissionPhotoIds } from './photos.queries.js';

export type Matter = typeof matters.$inferSelect;
type Patch = Partial<typeof matters.$inferInsert>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * One matter inside the actor's sight. `afterOwnChange` skips the sight check
 * for the answer to a change the actor just made: a department that returns a
 * matter no longer sees it, yet its return succeeded.
 */
export async function getMatterOrThrow(
  ctx: Ctx,
  id: string,
  opts: { afterOwnChange?: boolean } = {},
): Promise<Matter & { address: string }> {
  const [row] = await ctx.db
    .select({ matter: matters, address: households.address })
    .from(matters)
    .innerJoin(households, eq(households.id, matters.householdId))
    .where(eq(matters.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: ctx.locale === 'en' ? 'Matter' : '该事项' });
  if (!opts.afterOwnChange && !canSee(ctx.actor!, row.matter)) throw new AppError('FORBIDDEN');
  return { ...row.matter, address: row.address };
}

/** The matter as staff see it, with its submission photos. */
export async function viewMatter(ctx: Ctx, id: string, opts: { afterOwnChange?: boolean } = {}): Promise<MatterView> {
  return presentWithPhotos(ctx, await getMatterOrThrow(ctx, id, opts));
}

/** A matter already loaded, with its submission photos. */
export async function presentWithPhotos(ctx: Ctx, matter: Matter & { address: string }): Promise<MatterView> {
  const photos = await submissionPhotoIds(ctx.db, [matter.id]);
  return presentMatter(ctx, matter, photos.get(matter.id));
}

export function presentMatter(ctx: Ctx, m: Matter & { address: string }, photoIds: string[] = []): MatterView {
  return {
    id: m.id,
    number: m.number,
    kind: m.kind,
    category: m.category,
    urgency: m.urgency,
    status: m.status,
    body: m.body,
    address: m.address,
    householdId: m.householdId,
    stationId: m.stationId,
    location: m.location ?? null,
    contactPhone: m.contactPhoneMasked,
    photoIds,
    assigneeStaffId: m.assigneeStaffId,
    assigneeTeamId: m.assigneeTeamId,
    assigneeDepartmentId: m.assigneeDepartmentId,
    firstResponseDueAt: iso(m.firstResponseDueAt),
    takeDueAt: iso(m.takeDueAt),
    resolveDueAt: iso(m.resolveDueAt),
    outcome: m.outcome,
    rating: m.rating,
    ratingComment: m.ratingComment,
    createdAt: m.createdAt.toISOString(),
    figures: figuresOf(ctx, m),
    due: deadlineNow(m, ctx.now()),
    allowedActions: allowedActions(ctx.actor!, m),
  };
}

const secondsSince = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / 1000) : null);

function figuresOf(ctx: Ctx, m: Matter): MatterView['figures'] {
  const end = m.resolvedAt ?? (isFinished(m.status) ? null : ctx.now());
  return {
    firstResponseSeconds: secondsSince(m.createdAt, m.firstResponseAt),
    acceptSeconds: secondsSince(m.createdAt, m.acceptedAt),
    resolveSeconds: secondsSince(m.createdAt, m.resolvedAt),
    onTime: m.resolveDueAt && end ? end <= m.resolveDueAt : null,
  };
}

interface Change {
  action: MatterAction;
  patch?: Patch;
  note?: string | null;
  payload?: Record<string, unknown>;
}

/** Applies one action of the flow, or refuses it: 409 when the status forbids it, 403 when the actor may not. */
export async function transition(ctx: Ctx, id: string, change: Change) {
  const matter = await getMatterOrThrow(ctx, id);
  const to = MATTER_ACTIONS[change.action] as MatterStatus;
  if (!allowedActions(ctx.actor!, matter).includes(change.action)) {
    if (!canTransition(matter.status, change.action))
      throw new AppError('INVALID_TRANSITION', { from: matter.status, to });
    throw new AppError('FORBIDDEN');
  }
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const firstResponse = matter.firstResponseAt ? {} : { firstResponseAt: now };
    // Guard on the version read: two desks may transfer, or an officer take while the desk transfers, at once.
    const [updated] = await tx
      .update(matters)
      .set({ ...firstResponse, ...change.patch, status: to, version: sql`${matters.version} + 1`, updatedAt: now })
      .where(and(eq(matters.id, id), eq(matters.version, matter.version)))
      .returning({ id: matters.id });
    if (!updated) throw new AppError('CONFLICT');
    await recordEvent(
      ctx,
      tx,
      { ...matter, ...change.patch },
      {
        type: `matter.${change.action}`,
        from: matter.status,
        to,
        note: change.note ?? null,
        payload: change.payload ?? {},
      },
    );
  });
  return viewMatter(ctx, id, { afterOwnChange: true });
}

export async function recordEvent(
  ctx: Ctx,
  tx: Tx,
  matter: Matter,
  e: {
    type: string;
    from?: MatterStatus | null;
    to?: MatterStatus | null;
    note?: string | null;
    visibility?: 'public' | 'internal';
    payload?: Record<string, unknown>;
    /** The deadline sweep acts as the system, not as a resident. */
    system?: boolean;
  },
) {
  const now = ctx.now();
  const actor = ctx.actor;
  const [event] = await tx
    .insert(matterEvents)
    .values({
      matterId: matter.id,
      type: e.type,
      actorType: e.system ? 'system' : actor ? 'staff' : 'resident',
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? null,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      note: e.note ?? null,
      visibility: e.visibility ?? 'public',
      payload: e.payload ?? {},
      at: now,
    })
    .returning({ id: matterEvents.id });
  await audit(ctx, tx, {
    action: e.type,
    result: 'ok',
    targetType: 'matter',
    targetId: matter.id,
    details: { from: e.from ?? null, to: e.to ?? null, ...e.payload },
  });
  const topics = [
    `station:${matter.stationId}`,
    ...(e.visibility === 'internal' ? [] : [`matter:${matter.id}`]),
    ...(matter.assigneeDepartmentId ? [`department:${matter.assigneeDepartmentId}`] : []),
  ];
  await publish(tx, now, topics, e.type, { matterId: matter.id, eventId: event!.id, status: e.to ?? matter.status });
  return event!.id;
}

/** Resolves the assignee of a dispatch or transfer inside the actor's station, with its deadlines. */
export async function dispatchPatch(
  ctx: Ctx,
  matter: Matter,
  input: { assigneeStaffId?: string; assigneeTeamId?: string; assigneeDepartmentId?: string; resolveDueAt?: string },
): Promise<Patch> {
  const inStation = (path: string) => path.startsWith(ctx.actor!.scopePath);
  const actor = ctx.actor!;
  // A partner department passes a matter on to another department, never to a named officer or a team.
  if (isDepartmentOnly(actor) && !input.assigneeDepartmentId) throw new AppError('FORBIDDEN');
  if (input.assigneeStaffId) {
    const [s] = await ctx.db
      .select({ path: units.path, status: staff.status })
      .from(staff)
      .innerJoin(units, eq(units.id, staff.scopeUnitId))
      .where(eq(staff.id, input.assigneeStaffId));
    if (s?.status !== 'active' || !inStation(s.path)) throw new AppError('VALIDATION', { detail: 'assigneeStaffId' });
  }
  if (input.assigneeTeamId) {
    const [t] = await ctx.db
      .select({ path: units.path })
      .from(teams)
      .innerJoin(units, eq(units.id, teams.stationId))
      .where(eq(teams.id, input.assigneeTeamId));
    if (!t || !inStation(t.path)) throw new AppError('VALIDATION', { detail: 'assigneeTeamId' });
  }
  if (input.assigneeDepartmentId) {
    const [d] = await ctx.db
      .select({ path: units.path })
      .from(departments)
      .innerJoin(units, eq(units.id, departments.unitId))
      .where(eq(departments.id, input.assigneeDepartmentId));
    if (!d || !inStation(d.path)) throw new AppError('VALIDATION', { detail: 'assigneeDepartmentId' });
  }
  const now = ctx.now();
  const { deadlines } = await matterSettings(ctx.db, matter.stationId);
  const rule = deadlinesFor(matter.kind, matter.urgency, deadlines);
  return {
    assigneeStaffId: input.assigneeStaffId ?? null,
    assigneeTeamId: input.assigneeTeamId ?? null,
    assigneeDepartmentId: input.assigneeDepartmentId ?? null,
    dispatchedAt: now,
    takenAt: null,
    takeDueAt: new Date(now.getTime() + rule.takeMinutes * 60_000),
    // The resolution clock set at acceptance keeps running through dispatch, return and transfer.
    // Only the desk sets a new resolution deadline; a handler transferring onward keeps the clock running.
    resolveDueAt:
      input.resolveDueAt && actor.capabilities.includes('matter.desk')
        ? new Date(input.resolveDueAt)
        : (matter.resolveDueAt ?? new Date(now.getTime() + rule.resolveMinutes * 60_000)),
  };
}
