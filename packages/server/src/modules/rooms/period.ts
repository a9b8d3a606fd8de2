/**
 * 议事厅 over a period for a station's or bureau's subtree: per room, its members at the period's end, the members who
 * posted, its posts, and the "@" to staff made in the period — answered in time by the rooms' rule (`answered_at ≤
 * answer_due_at`, as the figures and the "@" clock read it) and due by the period's end (answered, or past the answer
 * time), judged as of that end so a past period keeps its figures. One definition for the dashboard's 警民群 section
 * and the rooms list it opens (`GET /rooms`).
 */
import { periodBounds, type RoomPeriodPage, type RoomPeriodQuery, type RoomPeriodRow } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { roomHosts, rooms } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { under, visibleUnits } from '../../platform/scope.js';
import type { Bounds } from '../dashboards/kpi-sets.js';
import { dashboardUnit } from '../dashboards/kpis.service.js';

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** A post of the period (`p` is a room_posts row). */
const postedIn = (b: Bounds) => sql`p.created_at >= ${iso(b.start)} AND p.created_at < ${iso(b.asOf)}`;
/** An "@" to staff: it carries an answer time. */
const isMention = sql`p.answer_due_at IS NOT NULL`;
/** Answered within the answer time, by the period's end. */
const answeredInTime = (b: Bounds) => sql`p.answered_at <= p.answer_due_at AND p.answered_at < ${iso(b.asOf)}`;
/** Judged by the period's end: answered by then, or its answer time passed. */
const mentionDue = (b: Bounds) =>
  sql`${isMention} AND (p.answered_at < ${iso(b.asOf)} OR p.answer_due_at < ${iso(b.asOf)})`;

type Row = Record<keyof Omit<RoomPeriodRow, 'kind' | 'active'>, string | number> & {
  kind: RoomPeriodRow['kind'];
  active: boolean;
};

/** Each room under `path` that existed by the period's end, with its period's counts; `where` narrows the rooms. */
export async function roomsOfPeriod(ctx: Ctx, path: string, b: Bounds, where: SQL = sql`true`) {
  const rows = rowsOf<Row>(
    await ctx.db.execute(sql`
      SELECT r.id, r.station_id AS "stationId", s.name AS "stationName", r.name, r.kind, u.name AS "unitName", r.active,
             (SELECT count(*) FROM room_members m WHERE m.room_id = r.id AND m.joined_at < ${iso(b.asOf)}
                AND (m.left_at IS NULL OR m.left_at >= ${iso(b.asOf)}))::int AS members,
             coalesce(p.active_members, 0)::int AS "activeMembers", coalesce(p.posts, 0)::int AS posts,
             coalesce(p.mentions, 0)::int AS mentions, coalesce(p.in_time, 0)::int AS "answeredInTime",
             coalesce(p.due, 0)::int AS "mentionsDue"
        FROM ${rooms} r
        JOIN units s ON s.id = r.station_id
        LEFT JOIN units u ON u.id = r.unit_id
        LEFT JOIN (
          SELECT p.room_id, count(*) AS posts, count(DISTINCT p.member_id) AS active_members,
                 count(*) FILTER (WHERE ${isMention}) AS mentions,
                 count(*) FILTER (WHERE ${answeredInTime(b)}) AS in_time,
                 count(*) FILTER (WHERE ${mentionDue(b)}) AS due
            FROM room_posts p
           WHERE ${postedIn(b)}
           GROUP BY p.room_id
        ) p ON p.room_id = r.id
       WHERE ${under(sql`r.unit_path`, path)} AND r.created_at < ${iso(b.asOf)} AND ${where}
       ORDER BY s.name, r.name`),
  );
  return rows.map(
    (r): RoomPeriodRow => ({
      id: String(r.id),
      stationId: String(r.stationId),
      stationName: String(r.stationName),
      name: String(r.name),
      kind: r.kind,
      unitName: r.unitName === null ? null : String(r.unitName),
      active: Boolean(r.active),
      members: Number(r.members),
      activeMembers: Number(r.activeMembers),
      posts: Number(r.posts),
      mentions: Number(r.mentions),
      answeredInTime: Number(r.answeredInTime),
      mentionsDue: Number(r.mentionsDue),
    }),
  );
}

/** 活跃群: a room with a post in the period. */
export const isActiveRoom = (row: RoomPeriodRow) => row.posts > 0;

/** GET /rooms: the rooms in sight (of one's scope, or hosted) under a station or bureau, over the period. */
export async function listRoomsOfPeriod(ctx: Ctx, q: RoomPeriodQuery): Promise<RoomPeriodPage> {
  const actor = actorOf(ctx);
  const unit = await dashboardUnit(ctx, q.unitId);
  const { start, asOf } = periodBounds({ from: q.from, to: q.to }, ctx.now());
  const hosted = sql`r.id IN (SELECT ${roomHosts.roomId} FROM ${roomHosts} WHERE ${roomHosts.staffId} = ${actor.id})`;
  const sight = sql`(${visibleUnits(actor, sql`r.unit_path`, 'room.read')} OR ${hosted})`;
  const all = await roomsOfPeriod(ctx, unit.path, { start, asOf }, sight);
  const items = q.posted ? all.filter(isActiveRoom) : all;
  return { items, total: items.length };
}
