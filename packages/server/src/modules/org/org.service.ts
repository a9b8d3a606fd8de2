/**
 * The jurisdiction tree: browse, create, edit, move and delete nodes, and the
 * teams and partner departments attached to them, always inside the actor's
 * subtree.
 */
import { randomUUID } from 'node:crypto';
import {
  type Capability,
  type CreateDepartmentInput,
  type CreateTeamInput,
  type CreateUnitInput,
  canPlace,
  UNIT_KIND_LABELS,
  type UnitKind,
  type UnitView,
  type UpdateUnitInput,
} from '@jingmin/shared';
import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { firstOrThrow } from '../../db/rows.js';
import { departments, households, staff, teams, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertCanSeePath, canSeePath, grantedUnits, isUnder, under } from '../../platform/scope.js';

type UnitRow = typeof units.$inferSelect;

const counts = {
  // Qualified by hand: Drizzle renders a column of the selected table unqualified, which the alias would capture.
  childCount: sql<number>`(SELECT count(*)::int FROM ${units} c WHERE c.parent_id = "units"."id")`,
  householdCount: sql<number>`(SELECT count(*)::int FROM ${households} h WHERE h.unit_path LIKE replace(replace(${units.path}, '%', '\\%'), '_', '\\_') || '%')`,
};

function present(row: UnitRow & { childCount: number; householdCount: number }): UnitView {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    name: row.name,
    code: row.code,
    phone: row.phone,
    address: row.address,
    childCount: row.childCount,
    householdCount: row.householdCount,
  };
}

async function listUnits(db: Queryable, where: SQL) {
  const rows = await db
    .select({ unit: units, ...counts })
    .from(units)
    .where(where)
    .orderBy(asc(units.name));
  return rows.map((r) => present({ ...r.unit, childCount: r.childCount, householdCount: r.householdCount }));
}

/**
 * A unit the actor may see, or FORBIDDEN / NOT_FOUND. `readWith` names the
 * capability of a read, so a scope grant for it counts; changes never pass one.
 */
export async function getUnitInScope(
  ctx: Ctx,
  id: string,
  opts: { db?: Queryable; readWith?: Capability } = {},
): Promise<UnitRow> {
  const [unit] = await (opts.db ?? ctx.db).select().from(units).where(eq(units.id, id));
  if (!unit) throw new AppError('NOT_FOUND', { what: 'unit' });
  assertCanSeePath(actorOf(ctx), unit.path, opts.readWith);
  return unit;
}

const readOrg = { readWith: 'org.read' } as const;

/** The actor's scope unit, then any unit granted to it for reading the tree. */
export function rootUnits(ctx: Ctx) {
  const actor = actorOf(ctx);
  return listUnits(ctx.db, inArray(units.id, [actor.scopeUnitId, ...grantedUnits(actor, 'org.read')]));
}

export async function unitDetail(ctx: Ctx, id: string) {
  const unit = await getUnitInScope(ctx, id, readOrg);
  const view = firstOrThrow(await listUnits(ctx.db, eq(units.id, id)), 'unit');
  const actor = actorOf(ctx);
  // Ancestors above what the actor sees (its scope unit, or a granted unit) stay hidden.
  const ids = unit.path.split('/').filter(Boolean);
  const prefix = (i: number) => `/${ids.slice(0, i + 1).join('/')}/`;
  const visible = ids.slice(ids.findIndex((_, i) => canSeePath(actor, prefix(i), 'org.read')));
  const chain = await ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(inArray(units.id, visible));
  const ancestors = visible.flatMap((v) => chain.filter((c) => c.id === v));
  return { ...view, ancestors };
}

export async function unitChildren(ctx: Ctx, id: string) {
  await getUnitInScope(ctx, id, readOrg);
  return listUnits(ctx.db, eq(units.parentId, id));
}

function assertPlacement(ctx: Ctx, kind: UnitKind, parentKind: UnitKind) {
  if (!canPlace(kind, parentKind)) {
    const label = (k: UnitKind) => (ctx.locale === 'en' ? UNIT_KIND_LABELS[k].en : UNIT_KIND_LABELS[k].zh);
    throw new AppError('INVALID_PARENT', { child: label(kind), parent: label(parentKind) });
  }
}

export async function createUnit(ctx: Ctx, input: CreateUnitInput) {
  const parent = await getUnitInScope(ctx, input.parentId);
  assertPlacement(ctx, input.kind, parent.kind);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(units).values({
      id,
      parentId: parent.id,
      kind: input.kind,
      name: input.name,
      code: input.code || null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      path: `${parent.path}${id}/`,
    });
    await audit(ctx, tx, {
      action: 'unit.create',
      result: 'ok',
      targetType: 'unit',
      targetId: id,
      details: { ...input },
    });
  });
  return firstOrThrow(await listUnits(ctx.db, eq(units.id, id)), 'unit');
}

export async function updateUnit(ctx: Ctx, id: string, input: UpdateUnitInput) {
  const unit = await getUnitInScope(ctx, id);
  const { parentId, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    if (parentId && parentId !== unit.parentId) await moveUnit(ctx, tx, unit, parentId);
    await tx
      .update(units)
      .set({ ...fields, updatedAt: ctx.now() })
      .where(eq(units.id, id));
    await audit(ctx, tx, {
      action: 'unit.update',
      result: 'ok',
      targetType: 'unit',
      targetId: id,
      details: { ...input },
    });
  });
  return firstOrThrow(await listUnits(ctx.db, eq(units.id, id)), 'unit');
}

async function moveUnit(ctx: Ctx, tx: Queryable, unit: UnitRow, parentId: string) {
  if (unit.id === actorOf(ctx).scopeUnitId) throw new AppError('FORBIDDEN');
  const parent = await getUnitInScope(ctx, parentId, { db: tx });
  if (isUnder(parent.path, unit.path)) {
    throw new AppError('INVALID_PARENT', { child: unit.name, parent: parent.name });
  }
  assertPlacement(ctx, unit.kind, parent.kind);
  const newPath = `${parent.path}${unit.id}/`;
  const cut = unit.path.length + 1;
  await tx.update(units).set({ parentId }).where(eq(units.id, unit.id));
  await tx
    .update(units)
    .set({ path: sql`${newPath} || substr(${units.path}, ${cut})` })
    .where(under(units.path, unit.path));
  await tx
    .update(households)
    .set({ unitPath: sql`${newPath} || substr(${households.unitPath}, ${cut})` })
    .where(under(households.unitPath, unit.path));
}

export async function deleteUnit(ctx: Ctx, id: string) {
  const unit = await getUnitInScope(ctx, id);
  if (unit.id === actorOf(ctx).scopeUnitId) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const [use] = rowsOf<{ n: number }>(
      await tx.execute(sql`
      SELECT (SELECT count(*) FROM ${units} WHERE parent_id = ${id})
           + (SELECT count(*) FROM ${households} WHERE unit_id = ${id})
           + (SELECT count(*) FROM ${staff} WHERE scope_unit_id = ${id})
           + (SELECT count(*) FROM ${teams} WHERE station_id = ${id})
           + (SELECT count(*) FROM ${departments} WHERE unit_id = ${id}) AS n`),
    );
    if (Number(use?.n) > 0) throw new AppError('HAS_CHILDREN');
    await tx.delete(units).where(eq(units.id, id));
    await audit(ctx, tx, {
      action: 'unit.delete',
      result: 'ok',
      targetType: 'unit',
      targetId: id,
      details: { name: unit.name },
    });
  });
}

/** node-postgres returns `{ rows }`, PGlite returns `{ rows }` too; both shapes handled here. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

export async function listTeams(ctx: Ctx, stationId: string) {
  await getUnitInScope(ctx, stationId, readOrg);
  return ctx.db
    .select({ id: teams.id, stationId: teams.stationId, name: teams.name, kind: teams.kind })
    .from(teams)
    .where(eq(teams.stationId, stationId))
    .orderBy(asc(teams.name));
}

export async function createTeam(ctx: Ctx, input: CreateTeamInput) {
  const station = await getUnitInScope(ctx, input.stationId);
  if (station.kind !== 'station') throw new AppError('INVALID_PARENT', { child: input.name, parent: station.name });
  return ctx.db.transaction(async (tx) => {
    const team = firstOrThrow(
      await tx
        .insert(teams)
        .values(input)
        .returning({ id: teams.id, stationId: teams.stationId, name: teams.name, kind: teams.kind }),
      'team',
    );
    await audit(ctx, tx, {
      action: 'team.create',
      result: 'ok',
      targetType: 'team',
      targetId: team.id,
      details: { ...input },
    });
    return team;
  });
}

const departmentColumns = {
  id: departments.id,
  unitId: departments.unitId,
  name: departments.name,
  kind: departments.kind,
  phone: departments.phone,
};

export async function listDepartments(ctx: Ctx, unitId: string) {
  await getUnitInScope(ctx, unitId, readOrg);
  return ctx.db
    .select(departmentColumns)
    .from(departments)
    .where(eq(departments.unitId, unitId))
    .orderBy(asc(departments.name));
}

export async function createDepartment(ctx: Ctx, input: CreateDepartmentInput) {
  await getUnitInScope(ctx, input.unitId);
  return ctx.db.transaction(async (tx) => {
    const dept = firstOrThrow(
      await tx
        .insert(departments)
        .values({ ...input, phone: input.phone ?? null })
        .returning(departmentColumns),
      'department',
    );
    await audit(ctx, tx, {
      action: 'department.create',
      result: 'ok',
      targetType: 'department',
      targetId: dept.id,
      details: { ...input },
    });
    return dept;
  });
}
