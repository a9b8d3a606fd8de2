/**
 * 转为矛盾纠纷: a host opens a dispute case of the source 议事厅 from a post, through the desk's own opening
 * (`openAtDesk`), at the poster's household (its doorplate) or else the room's village or grid (a group room: the
 * station). The post is linked in the case's own transaction — once: a post already made a matter or a case is
 * ROOM_POST_HAS_MATTER, and two hosts at once leave one case. The room reads the same neutral note as for a
 * matter, live; an open "@" on the post is answered by it. Nobody is asked for a phone here: the parties are added
 * on the case later.
 */
import type { PostToCaseInput, PostToCaseResult } from '@jingmin/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { disputeCases, matters, roomMembers, roomPosts } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type OpenCaseInput, openAtDesk } from '../disputes/disputes.service.js';
import { publishRoomEvent } from './live.js';
import { actionWords, assertPostStatus, postForStaff, staffView } from './moderation.service.js';
import type { RoomPost } from './posts.view.js';
import { assertRight, type Room } from './rooms.policy.js';

/** A post made a matter or a case is answered by it: an open "@" on it is stamped answered, once. */
export async function answerByMaking(tx: Tx, ctx: Ctx, post: RoomPost): Promise<boolean> {
  if (post.answerDueAt === null || post.answeredAt !== null) return false;
  const stamped = await tx
    .update(roomPosts)
    .set({ answeredAt: ctx.now(), answeredBy: actorOf(ctx).id })
    .where(and(eq(roomPosts.id, post.id), isNull(roomPosts.answeredAt)))
    .returning({ id: roomPosts.id });
  // Another host answered it meanwhile: this making did not.
  return stamped.length > 0;
}

/** The number of the matter or case the post was already made, else null. */
export async function madeAs(db: Queryable, post: RoomPost): Promise<string | null> {
  if (post.matterId) {
    const [m] = await db.select({ number: matters.number }).from(matters).where(eq(matters.id, post.matterId));
    return m?.number ?? '';
  }
  if (post.disputeId) {
    const [c] = await db
      .select({ number: disputeCases.number })
      .from(disputeCases)
      .where(eq(disputeCases.id, post.disputeId));
    return c?.number ?? '';
  }
  return null;
}

/** The poster's household (joined from its doorplate), else the room's village or grid, else the station. */
async function placeOf(ctx: Ctx, room: Room, post: RoomPost): Promise<{ householdId: string } | { unitId: string }> {
  if (post.memberId) {
    const [m] = await ctx.db
      .select({ householdId: roomMembers.householdId })
      .from(roomMembers)
      .where(eq(roomMembers.id, post.memberId));
    if (m?.householdId) return { householdId: m.householdId };
  }
  return { unitId: room.unitId ?? room.stationId };
}

export async function postToCase(ctx: Ctx, postId: string, input: PostToCaseInput): Promise<PostToCaseResult> {
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'post', actionWords(ctx, '将发言转为矛盾纠纷', 'open dispute cases from posts'));
  assertPostStatus(ctx, post, ['published', 'held', 'hidden'], actionWords(ctx, '转为矛盾纠纷', 'open a case from'));
  const number = await madeAs(ctx.db, post);
  if (number !== null) throw new AppError('ROOM_POST_HAS_MATTER', { number });
  const fields: OpenCaseInput = {
    source: 'room',
    category: input.category,
    subcategory: input.subcategory,
    title: input.title,
    facts: input.facts ?? (post.body || input.title),
    ...(await placeOf(ctx, room, post)),
  };
  const opened = await openAtDesk(ctx, room.stationId, fields, async (tx, c) => {
    const [linked] = await tx
      .update(roomPosts)
      .set({ disputeId: c.id })
      .where(and(eq(roomPosts.id, post.id), isNull(roomPosts.disputeId), isNull(roomPosts.matterId)))
      .returning({ id: roomPosts.id, seq: roomPosts.seq });
    // Another host made it a matter or a case meanwhile: this case rolls back with the refusal.
    if (!linked) {
      const [current] = await tx.select().from(roomPosts).where(eq(roomPosts.id, post.id));
      throw new AppError('ROOM_POST_HAS_MATTER', { number: (current && (await madeAs(tx, current))) ?? '' });
    }
    const answered = await answerByMaking(tx, ctx, post);
    await publishRoomEvent(tx, ctx, room, 'room.post_changed', linked);
    await audit(ctx, tx, {
      action: 'room.post.to_case',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, caseId: c.id, number: c.number, category: input.category, answered },
    });
  });
  return { caseId: opened.id, caseNumber: opened.number, post: await staffView(ctx, post.id) };
}
