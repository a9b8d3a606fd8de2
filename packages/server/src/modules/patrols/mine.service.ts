/**
 * The patrol teams the actor is a member of (as an account), each with its station's routes in use: what a
 * volunteer, who reads no station's lists, picks from to start a patrol. Nothing about the other members.
 */
import type { MyPatrolTeams } from '@jingmin/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { patrolRoutes, patrolTeamMembers, patrolTeams, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { pointsOfLine } from './lines.service.js';
import { seesStation } from './patrols.access.js';

export async function myTeams(ctx: Ctx): Promise<MyPatrolTeams> {
  const rows = await ctx.db
    .select({ team: patrolTeams, stationName: units.name, stationPath: units.path })
    .from(patrolTeamMembers)
    .innerJoin(patrolTeams, eq(patrolTeams.id, patrolTeamMembers.teamId))
    .innerJoin(units, eq(units.id, patrolTeams.stationId))
    .where(and(eq(patrolTeamMembers.staffId, actorOf(ctx).id), eq(patrolTeams.active, true)))
    .orderBy(asc(patrolTeams.name));
  // A team of a station the account no longer works in is not offered (starting would be refused).
  const teams = rows.filter((r) => seesStation(ctx, r.stationPath));
  const stationIds = [...new Set(teams.map((r) => r.team.stationId))];
  const lines = stationIds.length
    ? await ctx.db
        .select()
        .from(patrolRoutes)
        .where(and(inArray(patrolRoutes.stationId, stationIds), eq(patrolRoutes.active, true)))
        .orderBy(asc(patrolRoutes.name))
    : [];
  const points = await pointsOfLine(
    ctx.db,
    lines.map((l) => l.id),
  );
  return {
    items: teams.map(({ team, stationName }) => ({
      id: team.id,
      name: team.name,
      kind: team.kind,
      stationId: team.stationId,
      stationName,
      routes: lines
        .filter((l) => l.stationId === team.stationId)
        .map((l) => ({ id: l.id, name: l.name, points: points.filter((p) => p.routeId === l.id).length })),
    })),
  };
}
