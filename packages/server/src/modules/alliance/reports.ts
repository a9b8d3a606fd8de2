/**
 * 民情上报 and the station's thanks. A volunteer reports what it saw in its grid or village — a matter of the
 * channel 网格上报, its name on it as the one who recorded it, photos it uploaded first — and the desk sees it
 * arrive live. Each month's contributions (reports, patrol check-ins, visits joined, tasks done) are counted per volunteer
 * for the station to thank them, listed by name, never ranked.
 */
import type { GridReportInput, VolunteerContributions } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordMatter } from '../matters/desk-intake.service.js';
import { stationInScope } from '../settings/settings.service.js';

export function reportWhatISee(ctx: Ctx, key: string | undefined, input: GridReportInput) {
  const actor = actorOf(ctx);
  return recordMatter(ctx, key, {
    channel: 'grid',
    kind: input.kind,
    urgency: 'normal',
    body: input.body,
    unitId: actor.scopeUnitId,
    placeNote: input.place,
    smsConsent: false,
    photoIds: input.photoIds,
  });
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function volunteerContributions(
  ctx: Ctx,
  stationId: string,
  month: string,
): Promise<VolunteerContributions> {
  if (!MONTH.test(month)) throw new AppError('VALIDATION', { detail: 'month: YYYY-MM' });
  const station = await stationInScope(ctx, stationId);
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const next = new Date(from);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const rows = rowsOf<{
    id: string;
    name: string;
    kind: string;
    unit_name: string;
    reports: number;
    checkins: number;
    visits: number;
    tasks: number;
  }>(
    await ctx.db.execute(sql`
      SELECT s.id, s.display_name AS name, p.kind, u.name AS unit_name,
             (SELECT count(*)::int FROM matters m WHERE m.recorded_by_staff_id = s.id AND m.channel = 'grid'
                AND m.created_at >= ${from} AND m.created_at < ${next}) AS reports,
             (SELECT count(*)::int FROM patrol_checkins c WHERE c.recorded_by = s.id
                AND c.scanned_at >= ${from} AND c.scanned_at < ${next}) AS checkins,
             (SELECT count(*)::int FROM visits v WHERE (v.staff_id = s.id OR s.id = ANY(v.companion_ids))
                AND v.visited_at >= ${from} AND v.visited_at < ${next}) AS visits,
             (SELECT count(*)::int FROM volunteer_tasks t WHERE t.volunteer_id = s.id AND t.status = 'done'
                AND t.done_at >= ${from} AND t.done_at < ${next}) AS tasks
        FROM volunteer_profiles p JOIN staff s ON s.id = p.staff_id JOIN units u ON u.id = s.scope_unit_id
       WHERE p.station_id = ${station.id} AND p.approved_at IS NOT NULL
       ORDER BY s.display_name`),
  );
  return {
    month,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      unitName: r.unit_name,
      reports: Number(r.reports),
      checkins: Number(r.checkins),
      visits: Number(r.visits),
      tasks: Number(r.tasks),
    })),
  };
}
