/**
 * A matter as staff read it: loaded once inside the actor's sight, presented
 * with its figures, deadline and the steps this account may take. The steps
 * themselves are in steps.service.ts, through transition.ts.
 */
import { isFinished, type MatterView, shownBody } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { disputeCases, households, matterEvents, matters, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { photoIdsOfEventType } from '../media/photos.queries.js';
import { deadlineNow } from './deadline-now.js';
import { allowedActions, canSee } from './matters.policy.js';
import { householdOfMatter, matterAddress, placeUnitOfMatter, placeUnits } from './place.js';
import type { Matter } from './transition.js';

export type { Matter } from './transition.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A matter with what staff read beside it: where it happened (place.ts) and the station's name. */
export type LoadedMatter = Matter & { address: string; stationName: string };

/** The one way matters are read for staff screens: joined to where they happened and their station. */
export function selectLoaded(db: Ctx['db']) {
  return db
    .select({ matter: matters, address: matterAddress, stationName: units.name })
    .from(matters)
    .leftJoin(households, householdOfMatter)
    .leftJoin(placeUnits, placeUnitOfMatter)
    .innerJoin(units, eq(units.id, matters.stationId));
}

/**
 * One matter inside the actor's sight. `afterOwnChange` skips the sight check
 * for the answer to a change the actor just made: a department that returns a
 * matter no longer sees it, yet its return succeeded.
 */
export async function getMatterOrThrow(
  ctx: Ctx,
  id: string,
  opts: { afterOwnChange?: boolean } = {},
): Promise<LoadedMatter> {
  const [row] = await selectLoaded(ctx.db).where(eq(matters.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'matter' });
  if (!opts.afterOwnChange && !canSee(actorOf(ctx), row.matter)) throw new AppError('FORBIDDEN');
  return { ...row.matter, address: row.address, stationName: row.stationName };
}

/** The matter as staff see it, with its submission photos. */
export async function viewMatter(ctx: Ctx, id: string, opts: { afterOwnChange?: boolean } = {}): Promise<MatterView> {
  return presentWithPhotos(ctx, await getMatterOrThrow(ctx, id, opts));
}

/** A matter already loaded, with its submission photos. */
export async function presentWithPhotos(ctx: Ctx, matter: LoadedMatter): Promise<MatterView> {
  const owners = { type: 'matter' as const, ids: [matter.id] };
  const photos = await photoIdsOfEventType(ctx.db, owners, matterEvents, 'matter.submitted');
  // A 矛盾纠纷 matter names the case it became, so the drawer links to it instead of offering to open one.
  const [dispute] =
    matter.kind === 'dispute'
      ? await ctx.db
          .select({ id: disputeCases.id, number: disputeCases.number })
          .from(disputeCases)
          .where(eq(disputeCases.matterId, matter.id))
      : [];
  return { ...presentMatter(ctx, matter, photos.get(matter.id)), dispute: dispute ?? null };
}

export function presentMatter(ctx: Ctx, m: LoadedMatter, photoIds: string[] = []): MatterView {
  return {
    id: m.id,
    number: m.number,
    kind: m.kind,
    category: m.category,
    urgency: m.urgency,
    status: m.status,
    body: shownBody(m, ctx.locale),
    address: m.address,
    householdId: m.householdId,
    stationId: m.stationId,
    channel: m.channel,
    externalNo: m.externalNo,
    receiptSms: m.receiptSms,
    stationName: m.stationName,
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
    allowedActions: allowedActions(actorOf(ctx), m),
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
