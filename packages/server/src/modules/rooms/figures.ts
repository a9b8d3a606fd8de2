/**
 * 议事厅 figures of a station over Beijing days, for the staff who read its rooms (those of their scope and those
 * they host): posts made in the period, by whom and by kind of work; the "@" made in it — answered within the
 * answer time (`answered_at ≤ answer_due_at`), answered later, still open; the matters and cases made from its
 * posts; lost and found posted and closed; topics opened, voted and answered; reports received and resolved — in
 * all and per room. Each figure is a grouped statement over the rooms' ids and the period's index ranges.
 */
import { ROOM_WORK_TYPES, type RoomFigures, type RoomFiguresQuery, shanghaiDayEnd } from '@jingmin/shared';
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { roomHosts, rooms } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { visibleUnits } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';
import type { Room } from './rooms.policy.js';

const MAX_YEARS = 10;

/** The station's rooms the actor reads: of its scope (room.read), or hosted by it. */
export async function roomsInSight(ctx: Ctx, stationId: string): Promise<Room[]> {
  const actor = actorOf(ctx);
  await stationInScope(ctx, stationId);
  const hosted = ctx.db.select({ id: roomHosts.roomId }).from(roomHosts).where(eq(roomHosts.staffId, actor.id));
  return ctx.db
    .select()
    .from(rooms)
    .where(
      and(
        eq(rooms.stationId, stationId),
        or(visibleUnits(actor, rooms.unitPath, 'room.read'), inArray(rooms.id, hosted)),
      ),
    )
    .orderBy(asc(rooms.name));
}

/** The period's instants: from the first day's 00:00 to the day after the last, Beijing time. */
function period(ctx: Ctx, q: RoomFiguresQuery) {
  if (q.from > q.to) throw invalid(ctx, 'from', '开始日期不能晚于结束日期', 'must not be after `to`');
  const limit = new Date(`${q.from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS);
  if (Date.parse(`${q.to}T00:00:00Z`) >= limit.getTime())
    throw invalid(ctx, 'to', `统计区间最长 ${MAX_YEARS} 年`, `the period is at most ${MAX_YEARS} years`);
  return { start: new Date(`${q.from}T00:00:00+08:00`).toISOString(), end: shanghaiDayEnd(q.to).toISOString() };
}

type Range = ReturnType<typeof period>;
const within = (column: SQL, r: Range) =>
  sql`${column} >= ${r.start}::timestamptz AND ${column} < ${r.end}::timestamptz`;
const n = (v: unknown) => Number(v ?? 0);

type PostRow = {
  room_id: string;
  posts: number;
  member_posts: number;
  staff_posts: number;
  mentions: number;
  in_time: number;
  late: number;
  open: number;
  matters: number;
  cases: number;
  items: number;
  topics: number;
};

async function rows<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await ctx.db.execute(query));
}

/** Posts of the period per room, and per kind of work. */
function postFigures(ctx: Ctx, ids: SQL, r: Range) {
  return Promise.all([
    rows<PostRow>(
      ctx,
      sql`SELECT p.room_id,
                 count(*)::int AS posts,
                 count(*) FILTER (WHERE p.member_id IS NOT NULL)::int AS member_posts,
                 count(*) FILTER (WHERE p.staff_id IS NOT NULL)::int AS staff_posts,
                 count(*) FILTER (WHERE p.answer_due_at IS NOT NULL)::int AS mentions,
                 count(*) FILTER (WHERE p.answered_at <= p.answer_due_at)::int AS in_time,
                 count(*) FILTER (WHERE p.answered_at > p.answer_due_at)::int AS late,
                 count(*) FILTER (WHERE p.answer_due_at IS NOT NULL AND p.answered_at IS NULL)::int AS open,
                 count(*) FILTER (WHERE p.matter_id IS NOT NULL)::int AS matters,
                 count(*) FILTER (WHERE p.dispute_id IS NOT NULL)::int AS cases,
                 count(*) FILTER (WHERE p.kind IN ('lost', 'found'))::int AS items,
                 count(*) FILTER (WHERE p.kind = 'topic')::int AS topics
            FROM room_posts p
           WHERE p.room_id IN (${ids}) AND ${within(sql`p.created_at`, r)}
           GROUP BY p.room_id`,
    ),
    rows<{ work_type: string; posts: number }>(
      ctx,
      sql`SELECT p.work_type, count(*)::int AS posts
            FROM room_posts p
           WHERE p.room_id IN (${ids}) AND ${within(sql`p.created_at`, r)} AND p.work_type IS NOT NULL
           GROUP BY p.work_type`,
    ),
  ]);
}

/** What else happened in the period: notices closed, votes, answers, reports received and resolved. */
async function otherFigures(ctx: Ctx, ids: SQL, r: Range) {
  const [row] = await rows<Record<string, number>>(
    ctx,
    sql`SELECT
      (SELECT count(*) FROM room_items i WHERE i.room_id IN (${ids}) AND ${within(sql`i.closed_at`, r)})::int AS items_closed,
      (SELECT count(*) FROM room_votes v JOIN room_posts p ON p.id = v.post_id
        WHERE p.room_id IN (${ids}) AND ${within(sql`v.voted_at`, r)})::int AS votes,
      (SELECT count(*) FROM room_topics t JOIN room_posts p ON p.id = t.post_id
        WHERE p.room_id IN (${ids}) AND ${within(sql`t.answered_at`, r)})::int AS topics_answered,
      (SELECT count(*) FROM room_post_reports x WHERE x.room_id IN (${ids}) AND ${within(sql`x.created_at`, r)})::int AS received,
      (SELECT count(*) FROM room_post_reports x WHERE x.room_id IN (${ids}) AND x.resolution = 'hidden'
          AND ${within(sql`x.resolved_at`, r)})::int AS hidden,
      (SELECT count(*) FROM room_post_reports x WHERE x.room_id IN (${ids}) AND x.resolution = 'dismissed'
          AND ${within(sql`x.resolved_at`, r)})::int AS dismissed`,
  );
  return row ?? {};
}

/** Members of each room at the end of the period: joined before it ended, not gone by then. */
function memberFigures(ctx: Ctx, ids: SQL, r: Range) {
  return rows<{ room_id: string; members: number }>(
    ctx,
    sql`SELECT m.room_id, count(*)::int AS members FROM room_members m
         WHERE m.room_id IN (${ids}) AND m.joined_at < ${r.end}::timestamptz
           AND (m.left_at IS NULL OR m.left_at >= ${r.end}::timestamptz)
         GROUP BY m.room_id`,
  );
}

const COUNTS = ['posts', 'mentions', 'answeredInTime', 'answeredLate', 'unanswered', 'matters', 'cases'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

const countsOf = (p: PostRow | undefined): Counts => ({
  posts: n(p?.posts),
  mentions: n(p?.mentions),
  answeredInTime: n(p?.in_time),
  answeredLate: n(p?.late),
  unanswered: n(p?.open),
  matters: n(p?.matters),
  cases: n(p?.cases),
});

export async function roomFigures(ctx: Ctx, stationId: string, q: RoomFiguresQuery): Promise<RoomFigures> {
  const seen = await roomsInSight(ctx, stationId);
  const r = period(ctx, q);
  const ids = seen.length
    ? sql.join(
        seen.map((room) => sql`${room.id}::uuid`),
        sql`, `,
      )
    : sql`NULL::uuid`;
  const [[posts, workTypes], other, members] = await Promise.all([
    postFigures(ctx, ids, r),
    otherFigures(ctx, ids, r),
    memberFigures(ctx, ids, r),
  ]);
  const byRoom = new Map(posts.map((p) => [p.room_id, p]));
  const membersOf = new Map(members.map((m) => [m.room_id, n(m.members)]));
  const total = (pick: (p: PostRow) => unknown) => posts.reduce((sum, p) => sum + n(pick(p)), 0);
  const byType = new Map(workTypes.map((w) => [w.work_type, n(w.posts)]));
  const totals = Object.fromEntries(
    COUNTS.map((k) => [k, seen.reduce((sum, room) => sum + countsOf(byRoom.get(room.id))[k], 0)]),
  ) as Counts;
  return {
    from: q.from,
    to: q.to,
    ...totals,
    memberPosts: total((p) => p.member_posts),
    staffPosts: total((p) => p.staff_posts),
    byWorkType: ROOM_WORK_TYPES.map((workType) => ({ workType, posts: byType.get(workType) ?? 0 })),
    items: { posted: total((p) => p.items), closed: n(other.items_closed) },
    topics: { opened: total((p) => p.topics), votes: n(other.votes), answered: n(other.topics_answered) },
    reports: { received: n(other.received), hidden: n(other.hidden), dismissed: n(other.dismissed) },
    rooms: seen.map((room) => ({
      roomId: room.id,
      name: room.name,
      members: membersOf.get(room.id) ?? 0,
      ...countsOf(byRoom.get(room.id)),
    })),
  };
}
