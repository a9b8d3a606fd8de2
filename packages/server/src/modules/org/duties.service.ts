/**
 * 警格+网格: who serves a grid or a village directly — auxiliary police (驻村辅警) and grid members — beside
 * the responsible officer its beat (警务区) names (modules/beats: the one rule for who answers for a place).
 */
import {
  GRID_DUTY_ROLES,
  type GridDuty,
  HOUSEHOLD_UNIT_KINDS,
  type Role,
  type UnitDuties,
  type UnitDutiesInput,
} from '@jingmin/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { policeBeatAreas, policeBeats, staff, unitDuties, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertCanSeePath, under } from '../../platform/scope.js';
import { responsibleOfficer } from '../beats/beats.rule.js';

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
  const beats = await ctx.db
    .select({ id: policeBeats.id, name: policeBeats.name })
    .from(policeBeatAreas)
    .innerJoin(policeBeats, eq(policeBeats.id, policeBeatAreas.beatId))
    .where(eq(policeBeatAreas.unitId, unitId))
    .orderBy(asc(policeBeats.name));
  const responsible = officer && {
    staffId: officer.staffId,
    name: officer.name,
    beatId: officer.beatId,
    beatName: officer.beatName,
    fromUnitId: officer.fromUnitId,
    fromUnitName: officer.fromUnitName,
    inherited: officer.fromUnitId !== unitId,
  };
  return { unitId, members: rows, responsibleOfficer: responsible, beats };
}

/** Replaces the duties of a grid or village; every person must be active staff of the same station. */
export async function setUnitDuties(ctx: Ctx, unitId: string, input: UnitDutiesInput) {
  const unit = await unitInScope(ctx, unitId);
  if (!HOUSEHOLD_UNIT_KINDS.includes(unit.kind)) throw new AppError('VALIDATION', { detail: 'unit: grid / village' });
  const plan: { staffId: string; duty: GridDuty }[] = [
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
