/** Who the desk can dispatch to, or a handler transfer to: handlers, teams and partner departments inside its scope. */
import { DISPATCH_ROLES, type Role } from '@jingmin/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { departments, staff, teams, units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { isDepartmentOnly, visibleUnits } from '../../platform/scope.js';

export async function assignees(ctx: Ctx) {
  const actor = actorOf(ctx);
  // A partner department passes a matter on to another department, never to a named officer.
  const departmentOnly = isDepartmentOnly(actor);
  const inScope = visibleUnits(actor, units.path);
  const people = departmentOnly
    ? []
    : await ctx.db
        .select({ id: staff.id, name: staff.displayName, roles: staff.roles, unit: units.name })
        .from(staff)
        .innerJoin(units, eq(units.id, staff.scopeUnitId))
        .where(and(inScope, eq(staff.status, 'active'), sql`${staff.roles} && ${sql.param(DISPATCH_ROLES)}::text[]`))
        .orderBy(asc(staff.displayName));
  const teamRows = departmentOnly
    ? []
    : await ctx.db
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

/** Display names of staff, teams and departments by id, for timelines and the board. */
export async function assigneeNames(
  db: Ctx['db'],
  ids: { staff?: string[]; teams?: string[]; departments?: string[] },
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const put = (rows: { id: string; name: string }[]) => {
    for (const r of rows) names.set(r.id, r.name);
  };
  if (ids.staff?.length)
    put(await db.select({ id: staff.id, name: staff.displayName }).from(staff).where(inArray(staff.id, ids.staff)));
  if (ids.teams?.length)
    put(await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids.teams)));
  if (ids.departments?.length)
    put(
      await db
        .select({ id: departments.id, name: departments.name })
        .from(departments)
        .where(inArray(departments.id, ids.departments)),
    );
  return names;
}
