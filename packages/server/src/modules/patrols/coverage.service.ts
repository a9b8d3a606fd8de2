/**
 * 必到点覆盖: how many of a station's points its patrols reached, per Beijing day and per week (Monday to Sunday),
 * and per point on how many days of the period it was checked and when last. A point counts as active on a day
 * when it existed by the day's end and was not retired before the day began.
 */
import type { PatrolCoverage, PatrolCoverageQuery } from '@jingmin/shared';
import { asc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { patrolPoints } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { stationToRead } from './patrols.access.js';

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
const MAX_DAYS = 366;

/** The Beijing date of an instant, YYYY-MM-DD. */
export const beijingDay = (t: Date) => new Date(t.getTime() + BEIJING).toISOString().slice(0, 10);
/** The instant a Beijing day begins. */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

export async function patrolCoverage(ctx: Ctx, stationId: string, q: PatrolCoverageQuery): Promise<PatrolCoverage> {
  await stationToRead(ctx, stationId);
  const { from, to, days } = period(ctx, q);
  const start = dayStart(from);
  const end = dayStart(addDays(to, 1));
  const points = await ctx.db
    .select()
    .from(patrolPoints)
    .where(eq(patrolPoints.stationId, stationId))
    .orderBy(asc(patrolPoints.code));
  const checked = rowsOf<{ point_id: string; day: string; last: Date | string }>(
    await ctx.db.execute(sql`
      SELECT c.point_id, to_char(c.scanned_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, max(c.scanned_at) AS last
        FROM patrol_checkins c JOIN patrol_points p ON p.id = c.point_id
       WHERE p.station_id = ${stationId} AND c.scanned_at >= ${start.toISOString()} AND c.scanned_at < ${end.toISOString()}
       GROUP BY 1, 2`),
  );
  const [totals] = rowsOf<{ sessions: number; checkins: number }>(
    await ctx.db.execute(sql`
      SELECT (SELECT count(*)::int FROM patrol_sessions s
               WHERE s.station_id = ${stationId} AND s.started_at >= ${start.toISOString()} AND s.started_at < ${end.toISOString()}) AS sessions,
             (SELECT count(*)::int FROM patrol_checkins c JOIN patrol_points p ON p.id = c.point_id
               WHERE p.station_id = ${stationId} AND c.scanned_at >= ${start.toISOString()} AND c.scanned_at < ${end.toISOString()}) AS checkins`),
  );
  const activeIn = (a: Date, b: Date) => points.filter((p) => p.createdAt < b && (p.active || p.updatedAt >= a)).length;
  const checkedIn = (fromDay: string, toDay: string) =>
    new Set(checked.filter((c) => c.day >= fromDay && c.day <= toDay).map((c) => c.point_id)).size;
  const dayList = Array.from({ length: days }, (_, i) => addDays(from, i));
  const weekStarts = [...new Set(dayList.map(mondayOf))];
  return {
    from,
    to,
    days: dayList.map((day) => ({
      day,
      activePoints: activeIn(dayStart(day), dayStart(addDays(day, 1))),
      pointsChecked: checkedIn(day, day),
    })),
    weeks: weekStarts.map((monday) => {
      const a = monday < from ? from : monday;
      const sunday = addDays(monday, 6);
      const b = sunday > to ? to : sunday;
      return {
        weekStart: monday,
        activePoints: activeIn(dayStart(a), dayStart(addDays(b, 1))),
        pointsChecked: checkedIn(a, b),
      };
    }),
    points: points.map((p) => {
      const mine = checked.filter((c) => c.point_id === p.id);
      const last = mine.reduce<Date | null>((m, c) => {
        const t = new Date(c.last);
        return !m || t > m ? t : m;
      }, null);
      return {
        id: p.id,
        name: p.name,
        code: p.code,
        active: p.active,
        daysChecked: new Set(mine.map((c) => c.day)).size,
        days,
        lastCheckedAt: last?.toISOString() ?? null,
      };
    }),
    sessions: Number(totals?.sessions ?? 0),
    checkins: Number(totals?.checkins ?? 0),
  };
}

/** The period asked for: by default the last eight weeks up to today (Beijing); at most a year. */
function period(ctx: Ctx, q: PatrolCoverageQuery) {
  const to = q.to ?? beijingDay(ctx.now());
  const from = q.from ?? addDays(to, -55);
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || addDays(day, 0) !== day)
      throw invalid(ctx, field, '不是有效的日期', 'is not a valid date');
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
  if (days < 1) throw invalid(ctx, 'from', '开始日期不能晚于结束日期', 'must not be after to');
  if (days > MAX_DAYS)
    throw invalid(ctx, 'from', `统计期间最长 ${MAX_DAYS} 天`, `the period is at most ${MAX_DAYS} days`);
  return { from, to, days };
}

/** The Monday of a day's week. */
function mondayOf(day: string) {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
