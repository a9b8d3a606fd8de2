/**
 * 临时授权: a chief or a bureau supervisor lends another account a read right
 * on a unit of their own scope for a limited time — an inspector from another
 * station checking a sample of households. Every grant and revoke is audited
 * in its own transaction; the scope module honours a grant while it is in force.
 */
import {
  type CreateScopeGrantInput,
  capabilitiesOf,
  MAX_GRANT_DAYS,
  type Role,
  type ScopeGrantQuery,
  type ScopeGrantView,
} from '@jingmin/shared';
import { and, desc, eq, gt, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { firstOrThrow } from '../../db/rows.js';
import { households, scopeGrantHouseholds, scopeGrants, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertCanSeePath, visibleUnits } from '../../platform/scope.js';
import { getUnitInScope } from '../org/org.service.js';

const DAY_MS = 86_400_000;
const grantee = alias(staff, 'grantee');

const columns = { grant: scopeGrants, staffName: grantee.displayName, unitName: units.name, unitPath: units.path };
type Row = { grant: typeof scopeGrants.$inferSelect; staffName: string; unitName: string; unitPath: string };

function present(ctx: Ctx, { grant: g, staffName, unitName }: Row): ScopeGrantView {
  return {
    id: g.id,
    staffId: g.staffId,
    staffName,
    unitId: g.unitId,
    unitName,
    capability: g.capability,
    purpose: g.purpose,
    grantedBy: g.grantedBy,
    createdAt: g.createdAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    revokedAt: g.revokedAt?.toISOString() ?? null,
    active: !g.revokedAt && g.expiresAt > ctx.now(),
  };
}

function selectGrants(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select(columns)
    .from(scopeGrants)
    .innerJoin(grantee, eq(grantee.id, scopeGrants.staffId))
    .innerJoin(units, eq(units.id, scopeGrants.unitId))
    .where(where);
}

async function getGrantOrThrow(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await selectGrants(ctx, eq(scopeGrants.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: 'scope_grant' });
  return row;
}

/** The grantee: active, someone else, and already holding the capability through a role (a grant widens, never adds). */
async function assertGrantee(ctx: Ctx, input: CreateScopeGrantInput) {
  if (input.staffId === actorOf(ctx).id) throw new AppError('FORBIDDEN');
  const [account] = await ctx.db
    .select({ roles: staff.roles, status: staff.status })
    .from(staff)
    .where(eq(staff.id, input.staffId));
  if (account?.status !== 'active') throw new AppError('VALIDATION', { detail: 'staffId' });
  if (!capabilitiesOf(account.roles as Role[]).includes(input.capability))
    throw new AppError('VALIDATION', { detail: `capability: ${input.capability}` });
}

/** A grant checked and ready to write (see prepareGrant / writeGrant). */
export interface PreparedGrant {
  input: CreateScopeGrantInput;
  unitId: string;
  expiresAt: Date;
  /** Only these households of the unit's subtree (a 双率 sample); absent: the whole subtree. */
  householdIds?: readonly string[];
}

/**
 * The checks of a grant, read before any transaction: the unit in the granter's own subtree (a grant never
 * passes on a grant), the period, the grantee — and, for a grant narrowed to households, that each
 * household lies in that subtree.
 */
export async function prepareGrant(
  ctx: Ctx,
  input: CreateScopeGrantInput,
  householdIds?: readonly string[],
): Promise<PreparedGrant> {
  const unit = await getUnitInScope(ctx, input.unitId);
  const now = ctx.now();
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= now || expiresAt.getTime() - now.getTime() > MAX_GRANT_DAYS * DAY_MS)
    throw new AppError('GRANT_PERIOD', { days: MAX_GRANT_DAYS });
  await assertGrantee(ctx, input);
  if (householdIds) {
    if (householdIds.length === 0) throw new AppError('VALIDATION', { detail: 'householdIds' });
    const found = await ctx.db
      .select({ id: households.id, unitPath: households.unitPath })
      .from(households)
      .where(inArray(households.id, [...householdIds]));
    if (found.length !== new Set(householdIds).size || found.some((h) => !h.unitPath.startsWith(unit.path)))
      throw new AppError('VALIDATION', { detail: 'householdIds' });
  }
  return { input, unitId: unit.id, expiresAt, ...(householdIds ? { householdIds } : {}) };
}

/** Writes a prepared grant and its audit entry in the caller's transaction; returns its id. */
export async function writeGrant(ctx: Ctx, tx: Tx, grant: PreparedGrant): Promise<string> {
  const { input, expiresAt } = grant;
  const row = firstOrThrow(
    await tx
      .insert(scopeGrants)
      .values({ ...input, grantedBy: actorOf(ctx).id, createdAt: ctx.now(), expiresAt })
      .returning({ id: scopeGrants.id }),
    'scope grant',
  );
  if (grant.householdIds)
    await tx
      .insert(scopeGrantHouseholds)
      .values(grant.householdIds.map((householdId) => ({ grantId: row.id, householdId })));
  // Ids and field names only: the purpose may name people.
  await audit(ctx, tx, {
    action: 'scope.grant',
    result: 'ok',
    targetType: 'scope_grant',
    targetId: row.id,
    details: {
      staffId: input.staffId,
      unitId: grant.unitId,
      capability: input.capability,
      expiresAt: expiresAt.toISOString(),
      fields: ['purpose'],
      ...(grant.householdIds ? { households: grant.householdIds.length } : {}),
    },
  });
  return row.id;
}

export async function grantScope(ctx: Ctx, input: CreateScopeGrantInput): Promise<ScopeGrantView> {
  const prepared = await prepareGrant(ctx, input);
  const id = await ctx.db.transaction((tx) => writeGrant(ctx, tx, prepared));
  return present(ctx, await getGrantOrThrow(ctx, id));
}

/** Ends a grant at once; only a granter whose scope holds the unit may revoke it. */
export async function revokeScopeGrant(ctx: Ctx, id: string): Promise<ScopeGrantView> {
  const before = await getGrantOrThrow(ctx, id);
  assertCanSeePath(actorOf(ctx), before.unitPath);
  await ctx.db.transaction(async (tx) => {
    // Guard on "not yet revoked": two screens revoking at once give one revoke and one conflict.
    const [updated] = await tx
      .update(scopeGrants)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(scopeGrants.id, id), isNull(scopeGrants.revokedAt)))
      .returning({ id: scopeGrants.id });
    if (!updated) throw new AppError('CONFLICT');
    await audit(ctx, tx, {
      action: 'scope.revoke',
      result: 'ok',
      targetType: 'scope_grant',
      targetId: id,
      details: { staffId: before.grant.staffId, unitId: before.grant.unitId, capability: before.grant.capability },
    });
  });
  return present(ctx, await getGrantOrThrow(ctx, id));
}

/** Grants on units of the actor's scope (for those who grant), and grants the actor holds itself. */
export async function findScopeGrants(ctx: Ctx, query: ScopeGrantQuery): Promise<ScopeGrantView[]> {
  const actor = actorOf(ctx);
  const own = eq(scopeGrants.staffId, actor.id);
  const sight = actor.capabilities.includes('scope.grant') ? (or(own, visibleUnits(actor, units.path)) ?? own) : own;
  const inForce = and(isNull(scopeGrants.revokedAt), gt(scopeGrants.expiresAt, ctx.now()));
  const rows = await selectGrants(ctx, query.active === '1' ? and(sight, inForce) : sight)
    .orderBy(desc(scopeGrants.createdAt))
    .limit(500);
  return rows.map((r) => present(ctx, r));
}
