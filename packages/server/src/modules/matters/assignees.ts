/** Who the desk can dispatch to: handlers, teams and partner departments inside its scope. */
import { ROLE_CAPABILITIES, type Role } from '@jingmin/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { departments, staff, teams, units } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { escapeLike } from '../../platform/session.js';

const HANDLER_ROLES = (Object.keys(ROLE_CAPABILITIES) as Role[]).filter(
  (r) => ROLE_CAPABILITIES[r].includes('matter.handle') && r !== 'department_liaison',
);

export async function assignees(ctx: Ctx) {
  const inScope = sql`${units.path} LIKE ${`${escapeLike(ctx.actor!.scopePath)}%`}`;
  const people = await ctx.db
    .select({ id: staff.id, name: staff.displayName, roles: staff.roles, unit: units.name })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(inScope, eq(staff.status, 'active'), sql`${staff.roles} && ${sql.param(HANDLER_ROLES)}::text[]`))
    .orderBy(asc(staff.displayName));
  const teamRows = await ctx.db
    .select({ id: teams.id, name: teams.name, unit: units.name })
    .from(teams)
    .innerJoin(units, eq(units.id, teams.stationId))
    .where(inScope)
    .orderBy(asc(teams.name));
  const deptRows = await ctx.db
    .select({ id: departments.id, name: departments.name, unit: units.name })
    .from(departments)
    .innerJoin(units, eq(units.id, departments.unitId))
    .where(inScope)
    .orderBy(asc(departments.name));
  return {
    staff: people.map((p) => ({ id: p.id, name: p.name, roles: p.roles as Role[], unit: p.unit })),
    teams: teamRows,
    departments: deptRows,
  };
}
