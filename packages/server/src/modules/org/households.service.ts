/**
 * Households behind doorplates: list, add, export, and the resident link.
 * Household lists tie addresses to people, so every read is audited.
 */
import {
  type CreateHouseholdInput,
  HOUSEHOLD_UNIT_KINDS,
  type HouseholdQuery,
  type HouseholdView,
} from '@jingmin/shared';
import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { households, units } from '../../db/schema/index.js';
import { changedFields } from '../../platform/audit.js';
import { audit, auditAlone, type Ctx } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { escapeLike, under } from '../../platform/scope.js';
import { getUnitInScope } from './org.service.js';

const columns = {
  id: households.id,
  unitId: households.unitId,
  unitName: units.name,
  address: households.address,
  kind: households.kind,
  name: households.name,
  doorplateCode: households.doorplateCode,
  createdAt: households.createdAt,
};

function present(row: { createdAt: Date } & Omit<HouseholdView, 'createdAt'>): HouseholdView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

function filterOf(unitPath: string, q?: string) {
  const inUnit = under(households.unitPath, unitPath);
  if (!q) return inUnit;
  const like = `%${escapeLike(q)}%`;
  return and(
    inUnit,
    or(ilike(households.address, like), ilike(households.doorplateCode, like), ilike(households.name, like)),
  );
}

/** The households under a unit; a scope grant for `household.read` opens another station's unit to this list. */
export async function findHouseholds(ctx: Ctx, query: HouseholdQuery) {
  const unit = await getUnitInScope(ctx, query.unitId, { readWith: 'household.read' });
  const where = filterOf(unit.path, query.q);
  const [total] = await ctx.db.select({ n: count() }).from(households).where(where);
  const rows = await ctx.db
    .select(columns)
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(where)
    .orderBy(asc(households.doorplateCode))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  await auditAlone(ctx, {
    action: 'household.list',
    result: 'ok',
    targetType: 'unit',
    targetId: unit.id,
    // The search words may be an address or a name: the entry says only that there were some.
    details: { searched: Boolean(query.q), page: query.page, rows: rows.length },
  });
  return { items: rows.map(present), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function createHousehold(ctx: Ctx, input: CreateHouseholdInput) {
  const unit = await getUnitInScope(ctx, input.unitId);
  if (!HOUSEHOLD_UNIT_KINDS.includes(unit.kind))
    throw new AppError('INVALID_PARENT', { child: input.address, parent: unit.name });
  const [taken] = await ctx.db
    .select({ id: households.id })
    .from(households)
    .where(eq(households.doorplateCode, input.doorplateCode));
  if (taken) throw new AppError('CONFLICT');
  const id = await ctx.db.transaction(async (tx) => {
    const row = firstOrThrow(
      await tx
        .insert(households)
        .values({ ...input, unitPath: unit.path, doorplateToken: randomToken(16) })
        .returning({ id: households.id }),
      'household',
    );
    await audit(ctx, tx, {
      action: 'household.create',
      result: 'ok',
      targetType: 'household',
      targetId: row.id,
      details: { unitId: input.unitId, ...changedFields(input) },
    });
    return row.id;
  });
  const created = await ctx.db
    .select(columns)
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(eq(households.id, id));
  return present(firstOrThrow(created, 'household'));
}

export async function doorplateLink(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ token: households.doorplateToken, unitId: households.unitId })
    .from(households)
    .where(eq(households.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'household' });
  await getUnitInScope(ctx, row.unitId);
  await auditAlone(ctx, { action: 'household.doorplate_link', result: 'ok', targetType: 'household', targetId: id });
  return { url: `${ctx.deps.config.http.publicUrl}/h/${row.token}` };
}

/** Every household of a subtree, for export; the export itself is audited with its row count and reason. */
export async function exportHouseholds(ctx: Ctx, unitId: string, reason: string) {
  const unit = await getUnitInScope(ctx, unitId);
  const rows = await ctx.db
    .select({
      grid: units.name,
      gridCode: units.code,
      address: households.address,
      doorplateCode: households.doorplateCode,
    })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(filterOf(unit.path))
    .orderBy(asc(households.doorplateCode));
  await auditAlone(ctx, {
    action: 'household.export',
    result: 'ok',
    targetType: 'unit',
    targetId: unit.id,
    details: { rows: rows.length, reason },
  });
  return { unit, rows };
}
