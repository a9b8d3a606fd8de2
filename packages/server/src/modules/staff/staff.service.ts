/**
 * Staff accounts. The system administrator creates, edits, disables and
 * resets accounts; the security administrator grants roles, unlocks and
 * resets second factors. No account ever holds two administrator roles.
 */
import {
  type CreateStaffInput,
  type Role,
  type StaffQuery,
  type StaffView,
  type UpdateStaffInput,
  violatesRoleSeparation,
} from '@jingmin/shared';
import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import { firstOrThrow } from '../../db/rows.js';
import { staff, units } from '../../db/schema/index.js';
import { actorOf, audit, auditAlone, type Ctx } from '../../platform/context.js';
import { maskPhone, sealField } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { generateInitialPassword, hashPassword } from '../../platform/passwords.js';
import { assertCanSeePath, escapeLike, under } from '../../platform/scope.js';
import { deleteSessionsOf } from '../../platform/session.js';
import { getUnitInScope } from '../org/org.service.js';

const columns = { staff, unitName: units.name, unitPath: units.path };
type Row = { staff: typeof staff.$inferSelect; unitName: string; unitPath: string };

function present(ctx: Ctx, { staff: s, unitName }: Row): StaffView {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    roles: s.roles as Role[],
    scopeUnitId: s.scopeUnitId,
    scopeUnitName: unitName,
    teamId: s.teamId,
    departmentId: s.departmentId,
    phone: s.phoneMasked,
    status: s.status,
    locked: Boolean(s.lockedUntil && s.lockedUntil > ctx.now()),
    totpEnabled: s.totpEnabled,
    lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
  };
}

async function getStaffInScope(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select(columns)
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(eq(staff.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'account' });
  assertCanSeePath(actorOf(ctx), row.unitPath);
  return row;
}

export async function findStaff(ctx: Ctx, query: StaffQuery) {
  const unit = await getUnitInScope(ctx, query.unitId ?? actorOf(ctx).scopeUnitId);
  const inTree = under(units.path, unit.path);
  const like = query.q ? `%${escapeLike(query.q)}%` : undefined;
  const where = like ? and(inTree, or(ilike(staff.username, like), ilike(staff.displayName, like))) : inTree;
  const [total] = await ctx.db
    .select({ n: count() })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(where);
  const rows = await ctx.db
    .select(columns)
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(where)
    .orderBy(asc(staff.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  await auditAlone(ctx, {
    action: 'staff.list',
    result: 'ok',
    targetType: 'unit',
    targetId: unit.id,
    details: { rows: rows.length },
  });
  return { items: rows.map((r) => present(ctx, r)), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

function phoneFields(ctx: Ctx, phone: string | null | undefined) {
  if (phone === undefined) return {};
  return phone === null
    ? { phoneEnc: null, phoneMasked: null }
    : { phoneEnc: sealField(ctx.deps.keys.data, phone), phoneMasked: maskPhone(phone) };
}

export async function createStaff(ctx: Ctx, input: CreateStaffInput) {
  await getUnitInScope(ctx, input.scopeUnitId);
  const [taken] = await ctx.db.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username));
  if (taken) throw new AppError('USERNAME_TAKEN', { username: input.username });
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword, ctx.deps.config.security.argon2MemoryKib);
  const { phone, ...rest } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const row = firstOrThrow(
      await tx
        .insert(staff)
        .values({ ...rest, ...phoneFields(ctx, phone), passwordHash, mustChangePassword: true, roles: [] })
        .returning({ id: staff.id }),
      'staff account',
    );
    const { phone: _omitted, ...logged } = input;
    await audit(ctx, tx, {
      action: 'staff.create',
      result: 'ok',
      targetType: 'staff',
      targetId: row.id,
      details: logged,
    });
    return row.id;
  });
  return { staff: present(ctx, await getStaffInScope(ctx, id)), initialPassword };
}

export async function updateStaff(ctx: Ctx, id: string, input: UpdateStaffInput) {
  await getStaffInScope(ctx, id);
  if (input.scopeUnitId) await getUnitInScope(ctx, input.scopeUnitId);
  if (id === actorOf(ctx).id && input.status === 'disabled') throw new AppError('FORBIDDEN');
  const { phone, ...rest } = input;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ ...rest, ...phoneFields(ctx, phone), updatedAt: ctx.now() })
      .where(eq(staff.id, id));
    // Disabling an account ends its sessions at once.
    if (input.status === 'disabled') await deleteSessionsOf(tx, id);
    const { phone: _omitted, ...logged } = input;
    await audit(ctx, tx, {
      action: 'staff.update',
      result: 'ok',
      targetType: 'staff',
      targetId: id,
      details: { ...logged, phoneChanged: phone !== undefined },
    });
  });
  return present(ctx, await getStaffInScope(ctx, id));
}

export async function setRoles(ctx: Ctx, id: string, roles: Role[]) {
  const target = await getStaffInScope(ctx, id);
  if (violatesRoleSeparation(roles)) throw new AppError('ROLE_SEPARATION');
  // Nobody grants roles to themselves.
  if (id === actorOf(ctx).id) throw new AppError('FORBIDDEN');
  const unique = [...new Set(roles)];
  await ctx.db.transaction(async (tx) => {
    await tx.update(staff).set({ roles: unique, updatedAt: ctx.now() }).where(eq(staff.id, id));
    await deleteSessionsOf(tx, id);
    await audit(ctx, tx, {
      action: 'staff.roles',
      result: 'ok',
      targetType: 'staff',
      targetId: id,
      details: { from: target.staff.roles, to: unique },
    });
  });
  return present(ctx, await getStaffInScope(ctx, id));
}

export async function resetPassword(ctx: Ctx, id: string) {
  await getStaffInScope(ctx, id);
  if (id === actorOf(ctx).id) throw new AppError('FORBIDDEN');
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword, ctx.deps.config.security.argon2MemoryKib);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(staff)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: ctx.now(), failedLogins: 0, lockedUntil: null })
      .where(eq(staff.id, id));
    await deleteSessionsOf(tx, id);
    await audit(ctx, tx, { action: 'staff.reset_password', result: 'ok', targetType: 'staff', targetId: id });
  });
  return { initialPassword };
}

export async function unlock(ctx: Ctx, id: string) {
  await getStaffInScope(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await tx.update(staff).set({ failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id));
    await audit(ctx, tx, { action: 'staff.unlock', result: 'ok', targetType: 'staff', targetId: id });
  });
  return present(ctx, await getStaffInScope(ctx, id));
}

export async function resetTotp(ctx: Ctx, id: string) {
  await getStaffInScope(ctx, id);
  if (id === actorOf(ctx).id) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    await tx.update(staff).set({ totpEnabled: false, totpSecretEnc: null, totpLastStep: null }).where(eq(staff.id, id));
    await deleteSessionsOf(tx, id);
    await audit(ctx, tx, { action: 'staff.totp_reset', result: 'ok', targetType: 'staff', targetId: id });
  });
  return present(ctx, await getStaffInScope(ctx, id));
}
