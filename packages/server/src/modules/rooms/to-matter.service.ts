/**
 * 转为事项: a host makes a post a tracked matter of the channel 议事厅 in one action, through the desk's own intake
 * (`recordMatter`) with the key derived from the post (`roomMatterKey`), so the poster's tracking link is derived from
 * the post alone and a retry records nothing twice. The post carries the matter (once: a second try is
 * ROOM_POST_HAS_MATTER); the room reads "已转为事项，正在办理" live, the poster its own link; an open "@" on it is
 * answered by it. The matter is placed at the room's village or grid; for a group room at the poster's household's.
 */
import type { PostToMatterInput, PostToMatterResult } from '@jingmin/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { households, roomMembers, roomPosts, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordMatter } from '../matters/desk-intake.service.js';
import { publishRoomEvent } from './live.js';
import { actionWords, assertPostStatus, postForStaff, staffView } from './moderation.service.js';
import { type RoomPost, roomMatterKey } from './posts.view.js';
import { assertRight, type Room } from './rooms.policy.js';
import { answerByMaking, madeAs } from './to-case.service.js';

/** The village or grid the matter is placed at. */
async function unitOf(ctx: Ctx, room: Room, post: RoomPost): Promise<string> {
  if (room.unitId) return room.unitId;
  if (post.memberId) {
    const [h] = await ctx.db
      .select({ unitId: households.unitId })
      .from(roomMembers)
      .innerJoin(households, eq(households.id, roomMembers.householdId))
      .where(eq(roomMembers.id, post.memberId));
    if (h) return h.unitId;
  }
  // A group room's member who joined by invitation has no doorplate: the host's own village or grid, if it has one.
  const actor = actorOf(ctx);
  const [own] = await ctx.db.select({ kind: units.kind }).from(units).where(eq(units.id, actor.scopeUnitId));
  if (own && (own.kind === 'village' || own.kind === 'grid')) return actor.scopeUnitId;
  throw new AppError('VALIDATION', {
    detail: actionWords(
      ctx,
      '这条发言的发布者没有门牌地址，专题群的发言请由值班台按村（社区）或网格登记事项',
      'the poster has no doorplate: record the matter at the desk with its village or grid',
    ),
  });
}

export async function postToMatter(ctx: Ctx, postId: string, input: PostToMatterInput): Promise<PostToMatterResult> {
  const actor = actorOf(ctx);
  const { post, room, rights } = await postForStaff(ctx, postId);
  // The desk makes a matter of an "@" that reached it, in any room it sees.
  const isDesk = actor.capabilities.includes('matter.desk');
  if (!isDesk) assertRight(room, rights, 'post', actionWords(ctx, '将发言转为事项', 'make posts matters'));
  assertPostStatus(ctx, post, ['published', 'held', 'hidden'], actionWords(ctx, '转为事项', 'make a matter of'));
  const made = await madeAs(ctx.db, post);
  if (made !== null) throw new AppError('ROOM_POST_HAS_MATTER', { number: made });
  const receipt = await recordMatter(ctx, roomMatterKey(post.id), {
    channel: 'room',
    kind: input.kind,
    urgency: input.urgency ?? 'normal',
    body: input.body ?? post.body,
    unitId: await unitOf(ctx, room, post),
    placeNote: room.name.slice(0, 100),
    smsConsent: false,
    photoIds: [],
  });
  await ctx.db.transaction(async (tx) => {
    const [linked] = await tx
      .update(roomPosts)
      .set({ matterId: receipt.id })
      .where(and(eq(roomPosts.id, post.id), isNull(roomPosts.matterId), isNull(roomPosts.disputeId)))
      .returning({ id: roomPosts.id, seq: roomPosts.seq });
    // Two hosts at once: the intake key made one matter; the second finds it linked.
    if (!linked) {
      // Another host made it a matter or a case meanwhile: name the one that is linked. (A case opened in the
      // moment between the check and the link leaves this matter at the desk, unlinked, to be closed there.)
      const [current] = await tx.select().from(roomPosts).where(eq(roomPosts.id, post.id));
      throw new AppError('ROOM_POST_HAS_MATTER', {
        number: (current && (await madeAs(tx, current))) ?? receipt.number,
      });
    }
    const answered = await answerByMaking(tx, ctx, post);
    await publishRoomEvent(tx, ctx, room, 'room.post_changed', linked);
    await audit(ctx, tx, {
      action: 'room.post.to_matter',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, matterId: receipt.id, number: receipt.number, kind: input.kind, answered },
    });
  });
  return { matterId: receipt.id, matterNumber: receipt.number, post: await staffView(ctx, post.id) };
}
