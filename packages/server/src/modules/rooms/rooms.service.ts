/**
 * A station's rooms: created and changed by its managers (room.manage), hosted by its own staff who hold
 * room.host — the officer who owns it (群主) and named co-hosts. Every change is audited and reaches open pages.
 */
import {
  type CreateRoomInput,
  CreateRoomInput as CreateRoomSchema,
  ROLE_CAPABILITIES,
  type RoomSummary,
  type RoomView,
  type UpdateRoomInput,
} from '@jingmin/shared';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomHosts, rooms, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder, visibleUnits } from '../../platform/scope.js';
import { publishRoomEvent } from './live.js';
import { actionWords } from './moderation.service.js';
import { assertRight, type Room, type RoomRights, roomForStaff } from './rooms.policy.js';
import { summarize } from './rooms.queries.js';

/** The station, when the staff member works in it or above it; another station's staff get a plain 404. */
async function stationInSight(ctx: Ctx, stationId: string) {
  const actor = actorOf(ctx);
  const [station] = await ctx.db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.id, stationId), eq(units.kind, 'station')));
  if (!station || !(canSeePath(actor, station.path) || isUnder(actor.scopePath, station.path)))
    throw new AppError('NOT_FOUND', { what: 'station' });
  return station;
}

/** The station's rooms this staff member sees: those in its scope, and those it hosts. */
export async function listRooms(ctx: Ctx, stationId: string): Promise<RoomSummary[]> {
  const actor = actorOf(ctx);
  await stationInSight(ctx, stationId);
  const hosted = ctx.db.select({ id: roomHosts.roomId }).from(roomHosts).where(eq(roomHosts.staffId, actor.id));
  const list = await ctx.db
    .select()
    .from(rooms)
    .where(
      and(
        eq(rooms.stationId, stationId),
        or(visibleUnits(actor, rooms.unitPath, 'room.read'), inArray(rooms.id, hosted)),
      ),
    )
    .orderBy(asc(rooms.name));
  return summarize(ctx, list);
}

export async function presentRoom(ctx: Ctx, room: Room, rights: RoomRights): Promise<RoomView> {
  const [summary] = await summarize(ctx, [room]);
  if (!summary) throw new AppError('NOT_FOUND', { what: 'room' });
  return {
    ...summary,
    inviteToken: rights.post || rights.manage ? room.inviteToken : null,
    can: { post: rights.post, moderate: rights.moderate, manage: rights.manage },
  };
}

export async function getRoom(ctx: Ctx, roomId: string): Promise<RoomView> {
  const { room, rights } = await roomForStaff(ctx, roomId);
  return presentRoom(ctx, room, rights);
}

/** Refuses a host who is not staff of the station holding room.host (an unknown id included). */
async function assertHosts(ctx: Ctx, stationPath: string, ids: string[]) {
  if (ids.length === 0) return;
  const rows = await ctx.db
    .select({ id: staff.id, name: staff.displayName, roles: staff.roles, status: staff.status, path: units.path })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(inArray(staff.id, ids));
  for (const id of ids) {
    const s = rows.find((r) => r.id === id);
    const hosts = s?.roles.some((role) =>
      ROLE_CAPABILITIES[role as keyof typeof ROLE_CAPABILITIES]?.includes('room.host'),
    );
    if (s?.status !== 'active' || !isUnder(s.path, stationPath) || !hosts)
      throw new AppError('ROOM_HOST_FOREIGN', { name: s?.name ?? id });
  }
}

async function writeHosts(tx: Tx, roomId: string, ownerId: string, cohostIds: string[], at: Date) {
  await tx.delete(roomHosts).where(eq(roomHosts.roomId, roomId));
  const cohosts = [...new Set(cohostIds)].filter((id) => id !== ownerId);
  await tx
    .insert(roomHosts)
    .values([
      { roomId, staffId: ownerId, role: 'owner' as const, addedAt: at },
      ...cohosts.map((staffId) => ({ roomId, staffId, role: 'cohost' as const, addedAt: at })),
    ]);
  return cohosts.length;
}

/** The unit an area room covers: a village (community) or a grid of the station. */
async function coveredUnit(ctx: Ctx, stationPath: string, unitId: string) {
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit || !['village', 'grid'].includes(unit.kind) || !isUnder(unit.path, stationPath))
    throw new AppError('VALIDATION', { detail: 'unitId' });
  return unit;
}

/** 建群: an area room over a village or grid of the station, or a group room over the station. */
export async function createRoom(ctx: Ctx, stationId: string, raw: CreateRoomInput): Promise<RoomView> {
  const input = CreateRoomSchema.parse(raw);
  const actor = actorOf(ctx);
  const station = await stationInSight(ctx, stationId);
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const unit = input.unitId ? await coveredUnit(ctx, station.path, input.unitId) : null;
  await assertHosts(ctx, station.path, [input.ownerId, ...input.cohostIds]);
  const [clash] = await ctx.db
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.stationId, stationId), eq(rooms.name, input.name)));
  if (clash) throw new AppError('CONFLICT', { id: clash.id });
  const now = ctx.now();
  const room = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rooms)
      .values({
        stationId,
        kind: input.kind,
        unitId: unit?.id ?? null,
        unitPath: unit?.path ?? station.path,
        name: input.name,
        about: input.about,
        inviteToken: randomToken(16),
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new AppError('CONFLICT');
    const cohosts = await writeHosts(tx, row.id, input.ownerId, input.cohostIds, now);
    await publishRoomEvent(tx, ctx, row, 'room.post_changed', null);
    await audit(ctx, tx, {
      action: 'room.create',
      result: 'ok',
      targetType: 'room',
      targetId: row.id,
      details: { stationId, kind: input.kind, unitId: unit?.id ?? null, ownerId: input.ownerId, cohosts },
    });
    return row;
  });
  return getRoom(ctx, room.id);
}

/** Renames, describes, closes or re-hosts a room; a stale version is a conflict. */
export async function updateRoom(ctx: Ctx, roomId: string, input: UpdateRoomInput): Promise<RoomView> {
  const { room, rights } = await roomForStaff(ctx, roomId);
  assertRight(room, rights, 'manage', actionWords(ctx, '修改群设置', 'change the room'));
  const [station] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, room.stationId));
  const rehost = input.ownerId !== undefined || input.cohostIds !== undefined;
  const current = rehost ? await ctx.db.select().from(roomHosts).where(eq(roomHosts.roomId, room.id)) : [];
  const ownerId = input.ownerId ?? current.find((h) => h.role === 'owner')?.staffId ?? actorOf(ctx).id;
  const cohostIds = input.cohostIds ?? current.filter((h) => h.role === 'cohost').map((h) => h.staffId);
  if (rehost) await assertHosts(ctx, station?.path ?? room.unitPath, [ownerId, ...cohostIds]);
  if (input.name && input.name !== room.name) {
    const [clash] = await ctx.db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.stationId, room.stationId), eq(rooms.name, input.name)));
    if (clash) throw new AppError('CONFLICT', { id: clash.id });
  }
  const { version, ...changes } = input;
  const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(rooms)
      .set({ name: input.name, about: input.about, active: input.active, version: room.version + 1 })
      .where(and(eq(rooms.id, room.id), eq(rooms.version, version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', { id: room.id });
    if (rehost) await writeHosts(tx, room.id, ownerId, cohostIds, ctx.now());
    await publishRoomEvent(tx, ctx, row, 'room.post_changed', null);
    await audit(ctx, tx, {
      action: 'room.update',
      result: 'ok',
      targetType: 'room',
      targetId: room.id,
      details: { fields },
    });
    return row;
  });
  return presentRoom(ctx, updated, rights);
}

/** 换邀请码: the old invitation stops working at once; members stay. */
export async function rotateInvite(ctx: Ctx, roomId: string): Promise<RoomView> {
  const { room, rights } = await roomForStaff(ctx, roomId);
  assertRight(room, rights, 'manage', actionWords(ctx, '更换邀请码', 'rotate the invitation'));
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(rooms)
      .set({ inviteToken: randomToken(16), version: room.version + 1 })
      .where(and(eq(rooms.id, room.id), eq(rooms.version, room.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', { id: room.id });
    await publishRoomEvent(tx, ctx, row, 'room.post_changed', null);
    await audit(ctx, tx, { action: 'room.invite_rotate', result: 'ok', targetType: 'room', targetId: room.id });
    return row;
  });
  return presentRoom(ctx, updated, rights);
}
