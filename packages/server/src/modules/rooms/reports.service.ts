/**
 * 举报: a member reports another's published post once, with a reason; the hosts read the station's reported posts
 * — how many and why, never who — and either hide the post (its open reports become `hidden`, moderation.service)
 * or dismiss the reports (`dismissed`). A report and a dismissal are audited with ids and the reason only, never
 * the post's text or the reporter's note; the staff in sight hear a report live, the room hears a dismissal.
 */
import type { ReportedPost, ReportPostInput, RoomLivePayload, RoomPostView } from '@jingmin/shared';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { roomPostReports, roomPosts } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { publish } from '../../platform/outbox.js';
import { consume } from '../../platform/ratelimit.js';
import { unitTopics } from '../../platform/topics.js';
import { roomsInSight } from './figures.js';
import { publishRoomEvent } from './live.js';
import { memberOrThrow, roomOrThrow } from './members.service.js';
import { actionWords, assertPostStatus, postForStaff, staffView } from './moderation.service.js';
import { presentPost, presentPosts } from './posts.view.js';
import { assertRight } from './rooms.policy.js';
import { roomRules } from './settings.js';

/** The most reported posts one list shows, the latest reported first. */
const LIST_MAX = 200;

export type ReportResolution = 'hidden' | 'dismissed';

/**
 * Closes the post's open reports as `resolution`, by the actor, in the caller's transaction; answers how many.
 * Called by a dismissal here and by 隐藏 (moderation.service `hidePost`) in the hide's own transaction.
 */
export async function resolveReports(tx: Tx, ctx: Ctx, postId: string, resolution: ReportResolution) {
  const closed = await tx
    .update(roomPostReports)
    .set({ resolution, resolvedAt: ctx.now(), resolvedBy: actorOf(ctx).id })
    .where(and(eq(roomPostReports.postId, postId), isNull(roomPostReports.resolvedAt)))
    .returning({ memberId: roomPostReports.memberId });
  return closed.length;
}

/** 举报: once per member and post — a second report answers the same — within the member's posting rate. */
export async function reportPost(
  ctx: Ctx,
  postId: string,
  input: ReportPostInput,
  phoneToken: string | undefined,
): Promise<RoomPostView> {
  const [post] = await ctx.db.select().from(roomPosts).where(eq(roomPosts.id, postId));
  if (!post) throw new AppError('NOT_FOUND', { what: 'room_post' });
  const room = await roomOrThrow(ctx, post.roomId);
  const member = await memberOrThrow(ctx, room, phoneToken);
  const viewer = { type: 'member', memberId: member.id } as const;
  if (post.memberId === member.id) throw new AppError('ROOM_REPORT_OWN');
  const [earlier] = await ctx.db
    .select({ reason: roomPostReports.reason })
    .from(roomPostReports)
    .where(and(eq(roomPostReports.postId, post.id), eq(roomPostReports.memberId, member.id)));
  if (earlier) return presentPost(ctx, post.id, viewer);
  assertPostStatus(ctx, post, ['published'], actionWords(ctx, '举报', 'report'));
  const rules = await roomRules(ctx.db, room.stationId);
  await consume(ctx.db, ctx.now(), [
    { key: `room-report:member:${member.id}`, max: rules.memberPostsPerMinute, windowSeconds: 60 },
  ]);
  await ctx.db.transaction(async (tx) => {
    const [made] = await tx
      .insert(roomPostReports)
      .values({
        postId: post.id,
        memberId: member.id,
        roomId: room.id,
        reason: input.reason,
        note: input.note || null,
        createdAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning({ postId: roomPostReports.postId });
    // The same member twice at once: the first report stands, the second answers it.
    if (!made) return;
    // The hosts' consoles refresh the count; the room is not told that anyone reported.
    const payload: RoomLivePayload = { roomId: room.id, postId: post.id, seq: post.seq };
    await publish(tx, ctx.now(), unitTopics(room.unitPath), 'room.post_changed', payload);
    await audit(ctx, tx, {
      action: 'room.post.report',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, memberId: member.id, reason: input.reason },
    });
  });
  return presentPost(ctx, post.id, viewer);
}

/** The station's posts with open reports in the actor's sight (rooms it hosts or of its scope), latest first. */
export async function reportedPosts(ctx: Ctx, stationId: string): Promise<ReportedPost[]> {
  const seen = await roomsInSight(ctx, stationId);
  if (seen.length === 0) return [];
  const open = and(
    isNull(roomPostReports.resolvedAt),
    inArray(
      roomPostReports.roomId,
      seen.map((r) => r.id),
    ),
  );
  const latest = sql<Date>`max(${roomPostReports.createdAt})`;
  const counts = await ctx.db
    .select({
      postId: roomPostReports.postId,
      reports: sql<number>`count(*)::int`,
      first: sql<string>`min(${roomPostReports.createdAt})`,
    })
    .from(roomPostReports)
    .where(open)
    .groupBy(roomPostReports.postId)
    .orderBy(desc(latest), roomPostReports.postId)
    .limit(LIST_MAX);
  if (counts.length === 0) return [];
  const ids = counts.map((c) => c.postId);
  const [reasons, rows] = await Promise.all([
    ctx.db
      .select({ postId: roomPostReports.postId, reason: roomPostReports.reason, count: sql<number>`count(*)::int` })
      .from(roomPostReports)
      .where(and(open, inArray(roomPostReports.postId, ids)))
      .groupBy(roomPostReports.postId, roomPostReports.reason)
      .orderBy(desc(sql`count(*)`), roomPostReports.reason),
    ctx.db.select().from(roomPosts).where(inArray(roomPosts.id, ids)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  const views = new Map(
    (await presentPosts(ctx, ordered, { type: 'staff', staffId: actorOf(ctx).id })).map((v) => [v.id, v]),
  );
  const names = new Map(seen.map((r) => [r.id, r.name]));
  return counts.flatMap((c) => {
    const post = views.get(c.postId);
    if (!post) return [];
    return [
      {
        post,
        roomName: names.get(post.roomId) ?? '',
        reports: Number(c.reports),
        reasons: reasons
          .filter((r) => r.postId === c.postId)
          .map((r) => ({ reason: r.reason as ReportedPost['reasons'][number]['reason'], count: Number(r.count) })),
        firstReportedAt: new Date(c.first).toISOString(),
      },
    ];
  });
}

/** 忽略举报: a host finds nothing wrong; the post stays, its open reports close as `dismissed`. */
export async function dismissReports(ctx: Ctx, postId: string): Promise<RoomPostView> {
  const { post, room, rights } = await postForStaff(ctx, postId);
  assertRight(room, rights, 'moderate', actionWords(ctx, '处理举报', 'handle reports'));
  await ctx.db.transaction(async (tx) => {
    const reports = await resolveReports(tx, ctx, post.id, 'dismissed');
    // Nothing open (another host was first): nothing changes, but the call is recorded all the same.
    if (reports > 0) await publishRoomEvent(tx, ctx, room, 'room.post_changed', post);
    await audit(ctx, tx, {
      action: 'room.post.dismiss_reports',
      result: 'ok',
      targetType: 'room_post',
      targetId: post.id,
      details: { roomId: room.id, reports },
    });
  });
  return staffView(ctx, post.id);
}
