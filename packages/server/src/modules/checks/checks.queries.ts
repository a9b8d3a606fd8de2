/** 双率抽查 read models: an officer's area (the population a draw samples) and the draw form's officer list. */
import type { CheckInspector, CheckOfficer, CheckOfficers, CheckOfficersQuery } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { nearestOfficer } from '../beats/beats.rule.js';
import { stationInScope } from '../settings/settings.service.js';

/** The responsible officer of the household `h`: a LATERAL subquery yielding `staff_id` (modules/beats' one rule). */
const officerOfHousehold = nearestOfficer(sql`h.unit_path`);

/** The households an officer answers for: those whose nearest responsible officer is them. */
export async function areaHouseholds(db: Queryable, officerId: string, stationPath: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      SELECT h.id FROM households h
      JOIN LATERAL (${officerOfHousehold}) r ON true
      WHERE starts_with(h.unit_path, ${stationPath}) AND r.staff_id = ${officerId}`),
  );
  return rows.map((r) => r.id);
}

/** The bureau a station belongs to: its path without the last segment. */
export const bureauPathOf = (stationPath: string) => stationPath.replace(/[^/]+\/$/, '');

/**
 * For the draw form: the station's officers with how many households each answers for (one set-based query:
 * each household's nearest officer, counted per officer; community officers without an area are listed with 0),
 * and the bureau's community officers who may inspect, those of other stations first.
 */
export async function checkOfficers(ctx: Ctx, query: CheckOfficersQuery): Promise<CheckOfficers> {
  const station = await stationInScope(ctx, query.stationId);
  if (!canSeePath(actorOf(ctx), station.path)) throw new AppError('FORBIDDEN');
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, station.id));
  const officers = rowsOf<CheckOfficer>(
    await ctx.db.execute(sql`
      WITH area AS (
        SELECT r.staff_id, count(*)::int AS households FROM households h
        JOIN LATERAL (${officerOfHousehold}) r ON true
        WHERE starts_with(h.unit_path, ${station.path})
        GROUP BY r.staff_id
      )
      SELECT s.id, s.display_name AS name, u.name AS "unitName", coalesce(a.households, 0)::int AS households
      FROM staff s
      JOIN units u ON u.id = s.scope_unit_id
      LEFT JOIN area a ON a.staff_id = s.id
      WHERE s.status = 'active'
        AND (a.staff_id IS NOT NULL OR (starts_with(u.path, ${station.path}) AND 'community_officer' = ANY(s.roles)))
      ORDER BY households DESC, s.display_name`),
  );
  const inspectors = rowsOf<Omit<CheckInspector, 'crossStation'>>(
    await ctx.db.execute(sql`
      SELECT s.id, s.display_name AS name, st.id AS "stationId", st.name AS "stationName"
      FROM staff s
      JOIN units u ON u.id = s.scope_unit_id
      JOIN units st ON st.kind = 'station' AND starts_with(u.path, st.path)
      WHERE s.status = 'active' AND 'community_officer' = ANY(s.roles)
        AND starts_with(u.path, ${bureauPathOf(station.path)})
      ORDER BY st.id = ${station.id}, st.name, s.display_name`),
  );
  return {
    stationId: station.id,
    stationName: unit?.name ?? '',
    officers,
    inspectors: inspectors.map((i) => ({ ...i, crossStation: i.stationId !== station.id })),
  };
}
