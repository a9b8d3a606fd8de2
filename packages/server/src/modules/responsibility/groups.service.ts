/**
 * 十户联防: groups of about ten neighbouring households in a grid, each with its 户长 (a household of the group,
 * name and phone sealed). A household is in one group at most; the chief may ask for a proposal that cuts the
 * grid's ungrouped households, in address order, into groups of about ten — nothing is saved until confirmed.
 */
import type {
  HouseholdGroup,
  HouseholdGroupInput,
  HouseholdGroupList,
  HouseholdGroupProposal,
  HouseholdGroupSummary,
  HouseholdGroupUpdate,
} from '@jingmin/shared';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { householdGroupMembers, householdGroups, households } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { maskPhone, openField, sealField } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { under } from '../../platform/scope.js';
import {
  assertManage,
  auditFullRead,
  byAddress,
  canManage,
  maskPerson,
  type Place,
  placeInSight,
  readsInFull,
} from './common.js';

type GroupRow = typeof householdGroups.$inferSelect;
const GRID = ['grid'] as const;

export async function listGroups(ctx: Ctx, unitId: string): Promise<HouseholdGroupList> {
  const place = await placeInSight(ctx, unitId, GRID);
  const groups = await ctx.db.select().from(householdGroups).where(eq(householdGroups.unitId, unitId));
  const views = await present(ctx, place, groups);
  const homes = await ctx.db
    .select({ id: households.id })
    .from(households)
    .where(under(households.unitPath, place.unit.path));
  const grouped = views.reduce((n, g) => n + g.memberCount, 0);
  if (readsInFull(ctx, place.station.path))
    await auditFullRead(ctx, 'household_group.list', 'unit', unitId, views.filter((g) => g.leaderName).length);
  return {
    unitId,
    items: views.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true })),
    households: homes.length,
    ungrouped: Math.max(0, homes.length - grouped),
    allowedActions: canManage(ctx, place.station.path) ? ['manage'] : [],
  };
}

/** The GET: the group, and an audit entry when it showed the 户长 in full. */
export async function readGroup(ctx: Ctx, id: string): Promise<HouseholdGroup> {
  const group = await getGroup(ctx, id);
  const { place } = await groupInSight(ctx, id);
  if (readsInFull(ctx, place.station.path) && group.leaderName)
    await auditFullRead(ctx, 'household_group.read', 'household_group', id, 1);
  return group;
}

export async function getGroup(ctx: Ctx, id: string): Promise<HouseholdGroup> {
  const { group, place } = await groupInSight(ctx, id);
  const [view] = await present(ctx, place, [group]);
  const members = await membersOf(ctx, [id]);
  if (!view) throw new AppError('NOT_FOUND', { what: '联防组' });
  return { ...view, members: members.map(({ groupId: _, ...m }) => m) };
}

export async function createGroup(ctx: Ctx, unitId: string, input: HouseholdGroupInput) {
  const place = await placeInSight(ctx, unitId, GRID);
  assertManage(ctx, place.station.path);
  const ids = await assertMembers(ctx, place, input, null);
  const key = ctx.deps.keys.data;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(householdGroups)
      .values({
        stationId: place.station.id,
        unitId,
        unitPath: place.unit.path,
        name: input.name,
        leaderHouseholdId: input.leaderHouseholdId,
        ...leaderColumns(key, input),
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: householdGroups.id });
    const groupId = row?.id ?? '';
    await tx.insert(householdGroupMembers).values(ids.map((householdId) => ({ groupId, householdId })));
    await audit(ctx, tx, {
      action: 'household_group.create',
      result: 'ok',
      targetType: 'household_group',
      targetId: groupId,
      details: { unitId, name: input.name, householdIds: ids, leaderHouseholdId: input.leaderHouseholdId },
    });
    return groupId;
  });
  return getGroup(ctx, id);
}

export async function updateGroup(ctx: Ctx, id: string, input: HouseholdGroupUpdate) {
  const { place } = await groupInSight(ctx, id);
  assertManage(ctx, place.station.path);
  const ids = await assertMembers(ctx, place, input, id);
  await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(householdGroups)
      .set({
        name: input.name,
        leaderHouseholdId: input.leaderHouseholdId,
        ...leaderColumns(ctx.deps.keys.data, input),
        updatedAt: ctx.now(),
        version: sql`${householdGroups.version} + 1`,
      })
      .where(and(eq(householdGroups.id, id), eq(householdGroups.version, input.version)))
      .returning({ id: householdGroups.id });
    if (!changed) throw new AppError('CONFLICT');
    await tx.delete(householdGroupMembers).where(eq(householdGroupMembers.groupId, id));
    await tx.insert(householdGroupMembers).values(ids.map((householdId) => ({ groupId: id, householdId })));
    await audit(ctx, tx, {
      action: 'household_group.update',
      result: 'ok',
      targetType: 'household_group',
      targetId: id,
      details: { name: input.name, householdIds: ids, leaderHouseholdId: input.leaderHouseholdId },
    });
  });
  return getGroup(ctx, id);
}

export async function deleteGroup(ctx: Ctx, id: string) {
  const { group, place } = await groupInSight(ctx, id);
  assertManage(ctx, place.station.path);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(householdGroupMembers).where(eq(householdGroupMembers.groupId, id));
    await tx.delete(householdGroups).where(eq(householdGroups.id, id));
    await audit(ctx, tx, {
      action: 'household_group.delete',
      result: 'ok',
      targetType: 'household_group',
      targetId: id,
      details: { unitId: group.unitId, name: group.name },
    });
  });
}

/** Groups of about ten consecutive households (by address) for the grid's ungrouped households; nothing saved. */
export async function proposeGroups(ctx: Ctx, unitId: string): Promise<HouseholdGroupProposal> {
  const place = await placeInSight(ctx, unitId, GRID);
  assertManage(ctx, place.station.path);
  const free = (
    await ctx.db
      .select({ householdId: households.id, address: households.address, doorplateCode: households.doorplateCode })
      .from(households)
      .leftJoin(householdGroupMembers, eq(householdGroupMembers.householdId, households.id))
      .where(and(under(households.unitPath, place.unit.path), sql`${householdGroupMembers.groupId} IS NULL`))
  ).sort(byAddress);
  const taken = new Set(
    (
      await ctx.db
        .select({ name: householdGroups.name })
        .from(householdGroups)
        .where(eq(householdGroups.unitId, unitId))
    ).map((g) => g.name),
  );
  const chunks = chunkSizes(free.length);
  let at = 0;
  let n = 0;
  return {
    items: chunks.map((size) => {
      const members = free.slice(at, at + size);
      at += size;
      do n += 1;
      while (taken.has(`第${n}联防组`));
      const first = members[0];
      return {
        name: `第${n}联防组`,
        householdIds: members.map((m) => m.householdId),
        leaderHouseholdId: first?.householdId ?? '',
        members,
      };
    }),
  };
}

/** Sizes of about ten that add up to `n` (each 2–20); fewer than two households make no group. */
export function chunkSizes(n: number): number[] {
  if (n < 2) return [];
  const k = Math.max(1, Math.round(n / 10));
  const base = Math.floor(n / k);
  return Array.from({ length: k }, (_, i) => base + (i < n % k ? 1 : 0));
}

function leaderColumns(key: Buffer, input: HouseholdGroupInput) {
  return {
    leaderNameEnc: input.leaderName ? sealField(key, input.leaderName) : null,
    leaderNameMasked: input.leaderName ? maskPerson(input.leaderName) : null,
    leaderPhoneEnc: input.leaderPhone ? sealField(key, input.leaderPhone) : null,
    leaderPhoneMasked: input.leaderPhone ? maskPhone(input.leaderPhone) : null,
  };
}

/** Members are households of the grid, listed once, in no other group; the 户长's household is one of them. */
async function assertMembers(ctx: Ctx, place: Place, input: HouseholdGroupInput, self: string | null) {
  const ids = [...new Set(input.householdIds)];
  if (ids.length < 2) throw invalid(ctx, 'householdIds', '至少需要 2 户', 'needs at least 2 households');
  if (!ids.includes(input.leaderHouseholdId))
    throw invalid(ctx, 'leaderHouseholdId', '户长应为本组的一户', 'the leader must be one of the households');
  const found = await ctx.db
    .select({ id: households.id })
    .from(households)
    .where(and(inArray(households.id, ids), under(households.unitPath, place.unit.path)));
  if (found.length !== ids.length)
    throw invalid(ctx, 'householdIds', `应为${place.unit.name}的住户`, `must be households of ${place.unit.name}`);
  const [other] = await ctx.db
    .select({ address: households.address, group: householdGroups.name })
    .from(householdGroupMembers)
    .innerJoin(households, eq(households.id, householdGroupMembers.householdId))
    .innerJoin(householdGroups, eq(householdGroups.id, householdGroupMembers.groupId))
    .where(
      and(inArray(householdGroupMembers.householdId, ids), self ? ne(householdGroupMembers.groupId, self) : undefined),
    )
    .orderBy(households.address)
    .limit(1);
  if (other) throw new AppError('HOUSEHOLD_GROUPED', { address: other.address, group: other.group });
  const [byName] = await ctx.db
    .select({ id: householdGroups.id })
    .from(householdGroups)
    .where(
      and(
        eq(householdGroups.unitId, place.unit.id),
        eq(householdGroups.name, input.name),
        self ? ne(householdGroups.id, self) : undefined,
      ),
    );
  if (byName) throw new AppError('HOUSEHOLD_GROUP_NAME_TAKEN', { name: input.name });
  return ids;
}

async function groupInSight(ctx: Ctx, id: string) {
  const [group] = await ctx.db.select().from(householdGroups).where(eq(householdGroups.id, id));
  if (!group) throw new AppError('NOT_FOUND', { what: '联防组' });
  const place = await placeInSight(ctx, group.unitId, GRID);
  return { group, place };
}

async function membersOf(ctx: Ctx, groupIds: string[]) {
  if (groupIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      groupId: householdGroupMembers.groupId,
      householdId: households.id,
      address: households.address,
      doorplateCode: households.doorplateCode,
    })
    .from(householdGroupMembers)
    .innerJoin(households, eq(households.id, householdGroupMembers.householdId))
    .where(inArray(householdGroupMembers.groupId, groupIds));
  return rows.sort(byAddress);
}

async function present(ctx: Ctx, place: Place, groups: GroupRow[]): Promise<HouseholdGroupSummary[]> {
  const members = await membersOf(
    ctx,
    groups.map((g) => g.id),
  );
  const full = readsInFull(ctx, place.station.path);
  const key = ctx.deps.keys.data;
  const open = (sealed: string | null, masked: string | null) =>
    full && sealed ? openField(key, sealed) : (masked ?? null);
  return groups.map((g) => {
    const mine = members.filter((m) => m.groupId === g.id);
    return {
      id: g.id,
      unitId: g.unitId,
      name: g.name,
      memberCount: mine.length,
      leaderHouseholdId: g.leaderHouseholdId,
      leaderAddress: mine.find((m) => m.householdId === g.leaderHouseholdId)?.address ?? null,
      leaderName: open(g.leaderNameEnc, g.leaderNameMasked),
      leaderPhone: open(g.leaderPhoneEnc, g.leaderPhoneMasked),
      firstAddress: mine[0]?.address ?? null,
      lastAddress: mine[mine.length - 1]?.address ?? null,
      version: g.version,
    };
  });
}
