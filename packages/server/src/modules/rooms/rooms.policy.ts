/**
 * Who may do what in a 议事厅 room — the one home of these rules for every rooms route.
 *
 * - Staff see a room in their scope (room.read), or one they host wherever it is.
 * - A host (群主 or 管理员, `room_hosts`) posts, answers, tags, pins, makes a post a matter and moderates — in the
 *   rooms it hosts only. The station's managers (room.manage over the room's station) do all of it in any room of
 *   the station. The desk (matter.desk) answers an "@" that reached it (`escalated_at`), and nothing else.
 * - A resident acts through its verified phone (x-phone-token) as the member of that room, never as anyone else.
 */
import type { RoomHostRole } from '@jingmin/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { roomHosts, roomMembers, rooms, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { phoneSessionOrThrow } from '../residents/phone.service.js';

export type Room = typeof rooms.$inferSelect;
export type RoomMember = typeof roomMembers.$inferSelect;

/** What the signed-in staff member may do in a room. */
export interface RoomRights {
  /** Its host role there, or null. */
  hostRole: RoomHostRole | null;
  /** Post, answer, tag, pin, make matters: a host or a manager. */
  post: boolean;
  /** Hide, release held posts, mute, remove: a host or a manager. */
  moderate: boolean;
  /** Change the room, its hosts, its invitation: a manager of its station. */
  manage: boolean;
}

async function stationPath(ctx: Ctx, stationId: string) {
  const [s] = await ctx.db.select({ path: units.path }).from(units).where(eq(units.id, stationId));
  return s?.path ?? null;
}

export async function rightsIn(ctx: Ctx, room: Room): Promise<RoomRights> {
  const actor = actorOf(ctx);
  const [host] = await ctx.db
    .select({ role: roomHosts.role })
    .from(roomHosts)
    .where(and(eq(roomHosts.roomId, room.id), eq(roomHosts.staffId, actor.id)));
  const path = actor.capabilities.includes('room.manage') ? await stationPath(ctx, room.stationId) : null;
  const manage = path !== null && canSeePath(actor, path);
  const hosting = host !== undefined && actor.capabilities.includes('room.host');
  return { hostRole: host?.role ?? null, post: hosting || manage, moderate: hosting || manage, manage };
}

/** A room the staff member sees (its scope, or one it hosts), with its rights there; else 404. */
export async function roomForStaff(ctx: Ctx, roomId: string): Promise<{ room: Room; rights: RoomRights }> {
  const actor = actorOf(ctx);
  const [room] = await ctx.db.select().from(rooms).where(eq(rooms.id, roomId));
  if (!room) throw new AppError('NOT_FOUND', { what: 'room' });
  const rights = await rightsIn(ctx, room);
  if (!rights.hostRole && !canSeePath(actor, room.unitPath, 'room.read'))
    throw new AppError('NOT_FOUND', { what: 'room' });
  return { room, rights };
}

/** Refuses a staff member who may not `right` here, naming the room and the action (zh/en words of the caller). */
export function assertRight(room: Room, rights: RoomRights, right: 'post' | 'moderate' | 'manage', action: string) {
  if (!rights[right]) throw new AppError('ROOM_NOT_HOST', { room: room.name, action });
}

/** An open room takes posts and members; a closed one keeps its history. */
export function assertOpen(room: Room) {
  if (!room.active) throw new AppError('ROOM_CLOSED', { room: room.name });
}

/** The verified phone behind the request (x-phone-token), or 401 PHONE_SESSION_REQUIRED. */
export async function residentPhone(ctx: Ctx, token: string | undefined) {
  const session = await phoneSessionOrThrow(ctx, token);
  return { phoneIndex: session.phoneIndex };
}

/**
 * The request's phone as a current member of the room, else null. Leaving and being removed both stamp
 * `left_at`; removal also sets `removed_until`, before which joining again is refused (ROOM_REMOVED).
 */
export async function currentMember(ctx: Ctx, roomId: string, phoneIndex: string): Promise<RoomMember | null> {
  const [m] = await ctx.db
    .select()
    .from(roomMembers)
    .where(and(eq(roomMembers.roomId, roomId), eq(roomMembers.phoneIndex, phoneIndex), isNull(roomMembers.leftAt)));
  return m ?? null;
}
