/**
 * Reading the register: one hazard in sight, a station's page with its filters, and the views the API
 * answers (names of people and places, the source it was found by, photos, the timeline of its own row).
 */
import {
  type HazardListItem,
  type HazardSettings,
  type HazardStep,
  type HazardView,
  toCalendarDate,
} from '@jingmin/shared';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';
import { hazards, matters, patrolSessions, patrolTeams, photos, staff, units, visits } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { allowedActions } from './hazards.policy.js';
import { hazardSettings, kindName } from './settings.js';

export type Hazard = typeof hazards.$inferSelect;

/** NOT_FOUND naming a hazard (the noun in shared/errors.ts). */
export const hazardNotFound = (_ctx: Ctx) => new AppError('NOT_FOUND', { what: 'hazard' });

/** A hazard the actor sees (a read grant for field records counts); 404 otherwise, as for any record out of sight. */
export async function hazardInSight(ctx: Ctx, id: string): Promise<Hazard> {
  const [h] = await ctx.db.select().from(hazards).where(eq(hazards.id, id));
  if (!h || !canSeePath(actorOf(ctx), h.unitPath, 'field.read')) throw hazardNotFound(ctx);
  return h;
}

/** Open and past its deadline (a Beijing date) on `today`. */
export const isOverdue = (h: Pick<Hazard, 'status' | 'deadlineOn'>, today: string) =>
  h.status === 'open' && h.deadlineOn < today;

const unit = alias(units, 'hazard_unit');
const parent = alias(units, 'hazard_parent');

const itemColumns = {
  h: hazards,
  unitName: unit.name,
  unitKind: unit.kind,
  parentId: parent.id,
  parentName: parent.name,
  parentKind: parent.kind,
  responsibleName: staff.displayName,
};

export type ItemRow = {
  h: Hazard;
  unitName: string;
  unitKind: string;
  parentId: string | null;
  parentName: string | null;
  parentKind: string | null;
  responsibleName: string;
};

export function toItem(r: ItemRow, s: HazardSettings, today: string): HazardListItem {
  const h = r.h;
  const village =
    r.unitKind === 'village'
      ? { id: h.unitId, name: r.unitName }
      : r.parentKind === 'village' && r.parentId
        ? { id: r.parentId, name: r.parentName ?? '' }
        : null;
  return {
    id: h.id,
    stationId: h.stationId,
    unit: { id: h.unitId, name: r.unitName, kind: r.unitKind },
    village,
    place: h.place,
    kind: h.kind,
    kindName: kindName(s.kinds, h.kind),
    source: h.source,
    status: h.status,
    rectifier: h.rectifier,
    responsible: { id: h.responsibleId, name: r.responsibleName },
    foundAt: h.foundAt.toISOString(),
    deadlineOn: h.deadlineOn,
    overdue: isOverdue(h, today),
    escalatedAt: h.escalatedAt?.toISOString() ?? null,
    version: h.version,
  };
}

export function itemsQuery(db: Queryable, where: SQL | undefined) {
  return db
    .select(itemColumns)
    .from(hazards)
    .innerJoin(unit, eq(unit.id, hazards.unitId))
    .leftJoin(parent, eq(parent.id, unit.parentId))
    .innerJoin(staff, eq(staff.id, hazards.responsibleId))
    .where(where);
}

const person = (id: string, names: Map<string, string>) => ({ id, name: names.get(id) ?? '' });

/** A hazard as the API shows it, with what the session may do to it. */
export async function presentHazard(ctx: Ctx, id: string): Promise<HazardView> {
  const [row] = await itemsQuery(ctx.db, eq(hazards.id, id));
  if (!row) throw hazardNotFound(ctx);
  const h = row.h;
  const s = await hazardSettings(ctx.db, h.stationId);
  const today = toCalendarDate(ctx.now());
  const ids = [h.foundBy, h.rectifiedBy, h.verifiedBy].filter((x): x is string => Boolean(x));
  const names = new Map(
    (await ctx.db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids))).map(
      (p) => [p.id, p.name],
    ),
  );
  const shots = await ctx.db
    .select({ id: photos.id, eventId: photos.eventId })
    .from(photos)
    .where(and(eq(photos.ownerType, 'hazard'), eq(photos.ownerId, id), sql`${photos.eventId} IS NOT NULL`))
    .orderBy(photos.eventId, photos.ordinal);
  const lastFix = Math.max(0, ...shots.map((p) => p.eventId ?? 0));
  const rejected = h.status === 'open' && h.verifiedAt !== null;
  return {
    ...toItem(row, s, today),
    description: h.description,
    householdId: h.householdId,
    link: await linkOf(ctx.db, h),
    foundBy: person(h.foundBy, names),
    rectified:
      h.rectifiedAt && h.rectifiedBy
        ? { at: h.rectifiedAt.toISOString(), by: person(h.rectifiedBy, names), note: h.rectifyNote }
        : null,
    verified:
      h.verifiedAt && h.verifiedBy && !rejected
        ? { at: h.verifiedAt.toISOString(), by: person(h.verifiedBy, names), note: h.verifyNote }
        : null,
    voidedReason: h.voidedReason,
    photos: {
      found: shots.filter((p) => p.eventId === 1).map((p) => p.id),
      fixed: lastFix > 1 ? shots.filter((p) => p.eventId === lastFix).map((p) => p.id) : [],
    },
    timeline: timelineOf(h, names),
    allowedActions: allowedActions(actorOf(ctx), h),
  };
}

/** Found → (overdue told) → fixed → returned or verified → voided, from the row itself, oldest first. */
function timelineOf(h: Hazard, names: Map<string, string>): HazardStep[] {
  const steps: HazardStep[] = [
    { what: 'found', at: h.foundAt.toISOString(), by: person(h.foundBy, names), note: null },
  ];
  if (h.escalatedAt) steps.push({ what: 'escalated', at: h.escalatedAt.toISOString(), by: null, note: null });
  // A return stays on the row until the next verdict: open again, or verified before the latest fix.
  const rejection =
    h.verifiedAt && h.verifiedBy
      ? {
          what: 'rejected' as const,
          at: h.verifiedAt.toISOString(),
          by: person(h.verifiedBy, names),
          note: h.verifyNote,
        }
      : null;
  const fix =
    h.rectifiedAt && h.rectifiedBy
      ? {
          what: 'rectified' as const,
          at: h.rectifiedAt.toISOString(),
          by: person(h.rectifiedBy, names),
          note: h.rectifyNote,
        }
      : null;
  // Awaiting verification with a verdict on the row: the verdict was a return.
  const refixed = h.status === 'rectified' && h.verifiedAt !== null;
  if (h.status === 'open' && rejection) steps.push(...(fix ? [fix] : []), rejection);
  else if (refixed && rejection) steps.push(rejection, ...(fix ? [fix] : []));
  else if (fix) steps.push(fix);
  if (h.status === 'verified' && h.verifiedAt && h.verifiedBy)
    steps.push({
      what: 'verified',
      at: h.verifiedAt.toISOString(),
      by: person(h.verifiedBy, names),
      note: h.verifyNote,
    });
  if (h.status === 'voided')
    steps.push({ what: 'voided', at: h.updatedAt.toISOString(), by: null, note: h.voidedReason });
  // Stable: steps of the same instant keep the order they happened in.
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

/** The visit, patrol or matter a hazard was found by, named without personal data. */
async function linkOf(db: Queryable, h: Hazard): Promise<HazardView['link']> {
  if (h.visitId) {
    const [v] = await db.select({ at: visits.visitedAt }).from(visits).where(eq(visits.id, h.visitId));
    return { type: 'visit', id: h.visitId, label: '走访入户', at: v?.at.toISOString() ?? null };
  }
  if (h.patrolSessionId) {
    const [p] = await db
      .select({ at: patrolSessions.startedAt, team: patrolTeams.name })
      .from(patrolSessions)
      .leftJoin(patrolTeams, eq(patrolTeams.id, patrolSessions.teamId))
      .where(eq(patrolSessions.id, h.patrolSessionId));
    return { type: 'patrol', id: h.patrolSessionId, label: p?.team ?? '巡逻', at: p?.at.toISOString() ?? null };
  }
  if (h.matterId) {
    const [m] = await db
      .select({ number: matters.number, at: matters.createdAt })
      .from(matters)
      .where(eq(matters.id, h.matterId));
    return { type: 'matter', id: h.matterId, label: m?.number ?? '', at: m?.at.toISOString() ?? null };
  }
  return null;
}
