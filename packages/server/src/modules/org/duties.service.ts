/**
 * 警格+网格: who answers for a grid or a village — its responsible officer
 * (责任民警), auxiliary police and grid members. The responsible officer is
 * suggested for every matter from the area and named on its doorplates.
 */
import {
  GRID_DUTY_ROLES,
  type GridDuty,
  HOUSEHOLD_UNIT_KINDS,
  type Role,
  type SuggestedAssignee,
  type UnitDuties,
  type UnitDutiesInput,
} from '@jingmin/shared';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { staff, unitDuties, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertCanSeePath, under } from '../../platform/scope.js';

async function unitInScope(ctx: Ctx, unitId: string) {
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', { what: 'unit' });
  assertCanSeePath(actorOf(ctx), unit.path);
  return unit;
}

export async function unitDutiesOf(ctx: Ctx, unitId: string): Promise<UnitDuties> {
  const unit = await unitInScope(ctx, unitId);
  const officer = await responsibleOfficer(ctx.db, unit.path);
  const rows = await ctx.db
    .select({ staffId: unitDuties.staffId, name: staff.displayName, duty: unitDuties.duty })
    .from(unitDuties)
    .innerJoin(staff, eq(staff.id, unitDuties.staffId))
    .where(eq(unitDuties.unitId, unitId))
    .orderBy(asc(unitDuties.duty), asc(staff.displayName));
  const responsible = officer && {
    staffId: officer.staffId,
    name: officer.name,
    fromUnitId: officer.unitId,
    fromUnitName: officer.unitName,
    inherited: officer.unitId !== unitId,
  };
  return { unitId, members: rows, responsibleOfficer: responsible };
}

/** Replaces the duties of a grid or village; every person must be active staff of the same station. */
export async function setUnitDuties(ctx: Ctx, unitId: string, input: UnitDutiesInput) {
  const unit = await unitInScope(ctx, unitId);
  if (!HOUSEHOLD_UNIT_KINDS.includes(unit.kind)) throw new AppError('VALIDATION', { detail: 'unit: grid / village' });
  const plan: { staffId: string; duty: GridDuty }[] = [
    ...(input.responsibleOfficerId
      ? [{ staffId: input.responsibleOfficerId, duty: 'responsible_officer' as const }]
      : []),
    ...input.auxiliaryIds.map((staffId) => ({ staffId, duty: 'auxiliary' as const })),
    ...input.gridMemberIds.map((staffId) => ({ staffId, duty: 'grid_member' as const })),
  ];
  const ids = [...new Set(plan.map((p) => p.staffId))];
  const stationPath = await stationPathOf(ctx.db, unit.path);
  const found = ids.length
    ? await ctx.db
        .select({ id: staff.id, roles: staff.roles })
        .from(staff)
        .innerJoin(units, eq(units.id, staff.scopeUnitId))
        .where(and(inArray(staff.id, ids), eq(staff.status, 'active'), under(units.path, stationPath)))
    : [];
  if (found.length !== ids.length) throw new AppError('VALIDATION', { detail: 'staff: active, of this station' });
  const holds = (id: string, roles: readonly Role[]) =>
    found.find((f) => f.id === id)?.roles.some((r) => roles.includes(r as Role));
  const wrong = plan.find((p) => !holds(p.staffId, GRID_DUTY_ROLES[p.duty]));
  if (wrong) throw new AppError('VALIDATION', { detail: `${wrong.duty}: ${GRID_DUTY_ROLES[wrong.duty].join(' / ')}` });
  await ctx.db.transaction(async (tx) => {
    // One change at a time per unit: two chiefs saving at once must not merge their lists.
    await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)).for('update');
    await tx.delete(unitDuties).where(eq(unitDuties.unitId, unitId));
    if (plan.length)
      await tx
        .insert(unitDuties)
        .values(plan.map((p) => ({ ...p, unitId })))
        .onConflictDoNothing();
    await audit(ctx, tx, {
      action: 'unit.duties.update',
      result: 'ok',
      targetType: 'unit',
      targetId: unitId,
      details: { ...input },
    });
  });
  return unitDutiesOf(ctx, unitId);
}

async function stationPathOf(db: Queryable, path: string) {
  const [station] = await db
    .select({ path: units.path })
    .from(units)
    .where(and(inArray(units.id, path.split('/').filter(Boolean)), eq(units.kind, 'station')));
  return station?.path ?? path;
}

/** A responsible officer and the unit whose duty names them. */
export type ResponsibleOfficer = SuggestedAssignee & { unitId: string; unitName: string };

/**
 * The one rule for who answers for a place: the responsible officer nearest it on its path — its grid
 * first, then its village (a grid without its own inherits the village's). The desk's dispatch
 * suggestion, the doorplate page and the tree's duties all read it.
 */
export async function responsibleOfficer(db: Queryable, path: string): Promise<ResponsibleOfficer | null> {
  const [row] = await db
    .select({ staffId: staff.id, name: staff.displayName, unitId: units.id, unit: units.name })
    .from(unitDuties)
    .innerJoin(staff, eq(staff.id, unitDuties.staffId))
    .innerJoin(units, eq(units.id, unitDuties.unitId))
    .where(
      and(
        inArray(unitDuties.unitId, path.split('/').filter(Boolean)),
        eq(unitDuties.duty, 'responsible_officer'),
        eq(staff.status, 'active'),
      ),
    )
    .orderBy(desc(sql`length(${units.path})`))
    .limit(1);
  if (!row) return null;
  return {
    staffId: row.staffId,
    name: row.name,
    reason: `${row.unit}责任民警`,
    unitId: row.unitId,
    unitName: row.unit,
  };
}
