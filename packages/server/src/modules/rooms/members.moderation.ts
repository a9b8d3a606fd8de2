/**
 * The hosts' work on members: 禁言 for minutes (the member's posts are refused with the time left), lift it, and 移出
 * for days — `left_at` and `removed_until` stamped, its open streams told on its own topic so they close. A host of one
 * room never reaches a member of another (ROOM_NOT_HOST). Audited with ids, times and the host's reason, never a phone.
 */
import type { MuteMemberInput, RemoveMemberInput, RoomMemberView } from '@jingmin/shared';
import { count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { roomMembers, roomPosts } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { publishMemberRemoved } from './live.js';
import { actionWords } from './moderation.service.js';
import { assertRight, type Room, type RoomMember, roomForStaff } from './rooms.policy.js';

const MINUTE_MS = 60_000;

async function memberForHost(ctx: Ctx, memberId: string, zh: string, en: string) {
  const [member] = await ctx.db.select().from(roomMembers).where(eq(roomMembers.id, memberId));
  if (!member) throw new AppError('NOT_FOUND', { what: 'room_member' });
  const { room, rights } = await roomForStaff(ctx, member.roomId);
  assertRight(room, rights, 'moderate', actionWords(ctx, zh, en));
  return { member, room };
}

/** A member as the hosts read it: nickname, place, dates and its posts — never its phone. */
export async function presentMember(ctx: Ctx, m: RoomMember): Promise<RoomMemberView> {
  const [posts] = await ctx.db.select({ n: count() }).from(roomPosts).where(eq(roomPosts.memberId, m.id));
  return {
    id: m.id,
    nickname: m.nickname,
    place: m.place,
    joinedAt: m.joinedAt.toISOString(),
    leftAt: m.leftAt?.toISOString() ?? null,
    mutedUntil: m.mutedUntil && m.mutedUntil > ctx.now() ? m.mutedUntil.toISOString() : null,
    removedUntil: m.removedUntil && m.removedUntil > ctx.now() ? m.removedUntil.toISOString() : null,
    posts: posts?.n ?? 0,
  };
}

type MemberChange = Partial<typeof roomMembers.$inferInsert>;

async function changeMember(
  ctx: Ctx,
  room: Room,
  member: RoomMember,
  set: MemberChange,
  action: string,
  details: Record<string, unknown>,
) {
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(roomMembers).set(set).where(eq(roomMembers.id, member.id)).returning();
    if (!row) throw new AppError('NOT_FOUND', { what: 'room_member' });
    if (action === 'room.member.remove') await publishMemberRemoved(tx, ctx, room, member.id);
    await audit(ctx, tx, {
      action,
      result: 'ok',
      targetType: 'room_member',
      targetId: member.id,
      details: { roomId: room.id, ...details },
    });
    return row;
  });
  return presentMember(ctx, updated);
}

/** 禁言: the member's posts are refused until then, with the time left and the reason. */
export async function muteMember(ctx: Ctx, memberId: string, input: z.infer<typeof MuteMemberInput>) {
  const { member, room } = await memberForHost(ctx, memberId, '禁言成员', 'mute members');
  const until = new Date(ctx.now().getTime() + input.minutes * MINUTE_MS);
  return changeMember(ctx, room, member, { mutedUntil: until, muteReason: input.reason }, 'room.member.mute', {
    minutes: input.minutes,
    until: until.toISOString(),
    reason: input.reason,
  });
}

/** 解除禁言. */
export async function unmuteMember(ctx: Ctx, memberId: string) {
  const { member, room } = await memberForHost(ctx, memberId, '解除禁言', 'unmute members');
  return changeMember(ctx, room, member, { mutedUntil: null, muteReason: null }, 'room.member.unmute', {
    wasMutedUntil: member.mutedUntil?.toISOString() ?? null,
  });
}

/** 移出: the membership ends now; joining again is refused for `days`; its open streams close. */
export async function removeMember(ctx: Ctx, memberId: string, input: z.infer<typeof RemoveMemberInput>) {
  const { member, room } = await memberForHost(ctx, memberId, '移出成员', 'remove members');
  const now = ctx.now();
  const until = new Date(now.getTime() + input.days * 86_400_000);
  const set: MemberChange = { leftAt: member.leftAt ?? now, removedUntil: until, removeReason: input.reason };
  return changeMember(ctx, room, member, set, 'room.member.remove', {
    days: input.days,
    until: until.toISOString(),
    reason: input.reason,
  });
}
