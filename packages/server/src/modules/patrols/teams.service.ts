/**
 * 巡逻队: a station's patrol teams (义警巡逻队, 游击巡逻队 …). A member is a staff member of the station or a
 * volunteer named on the team — the name sealed, shown only to the station's own staff. A team is never deleted:
 * it is stood down, and its patrols keep naming it.
 */
import type { PatrolTeam, PatrolTeamInput, PatrolTeamList, PatrolTeamUpdate } from '@jingmin/shared';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { patrolTeamMembers, patrolTeams, staff, units } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { openField, sealField } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { under } from '../../platform/scope.js';
import { notFound, refuse, seesStation, stationToChange, stationToRead, worksIn } from './patrols.access.js';

type Team = typeof patrolTeams.$inferSelect;

export async function listTeams(ctx: Ctx, stationId: string): Promise<PatrolTeamList> {
  const station = await stationToRead(ctx, stationId);
  const rows = await ctx.db
    .select()
    .from(patrolTeams)
    .where(eq(patrolTeams.stationId, stationId))
    .orderBy(sql`${patrolTeams.active} DESC`, asc(patrolTeams.name));
  return { items: await presentTeams(ctx, rows, worksIn(ctx, station.path)) };
}

export async function getTeam(ctx: Ctx, id: string): Promise<PatrolTeam> {
  const { team, path } = await teamInSight(ctx, id);
  const [view] = await presentTeams(ctx, [team], worksIn(ctx, path));
  if (!view) throw notFound(ctx, '该巡逻队', 'Patrol team');
  return view;
}

export async function createTeam(ctx: Ctx, stationId: string, input: PatrolTeamInput): Promise<PatrolTeam> {
  const station = await stationToChange(ctx, stationId);
  await assertMembers(ctx, station.path, input);
  await assertNameFree(ctx, stationId, input.name, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patrolTeams)
      .values({
        stationId,
        name: input.name,
        kind: input.kind,
        note: input.note || null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: patrolTeams.id });
    const teamId = row?.id ?? '';
    await writeMembers(ctx, tx, teamId, input);
    await audit(ctx, tx, auditOf('patrol.team_create', teamId, stationId, input));
    return teamId;
  });
  return getTeam(ctx, id);
}

export async function updateTeam(ctx: Ctx, id: string, input: PatrolTeamUpdate): Promise<PatrolTeam> {
  const { team } = await teamInSight(ctx, id);
  const station = await stationToChange(ctx, team.stationId);
  await assertMembers(ctx, station.path, input);
  await assertNameFree(ctx, team.stationId, input.name, id);
  await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(patrolTeams)
      .set({
        name: input.name,
        kind: input.kind,
        note: input.note || null,
        active: true,
        updatedAt: ctx.now(),
        version: sql`${patrolTeams.version} + 1`,
      })
      .where(and(eq(patrolTeams.id, id), eq(patrolTeams.version, input.version)))
      .returning({ id: patrolTeams.id });
    if (!changed) throw new AppError('CONFLICT');
    await tx.delete(patrolTeamMembers).where(eq(patrolTeamMembers.teamId, id));
    await writeMembers(ctx, tx, id, input);
    await audit(ctx, tx, auditOf('patrol.team_update', id, team.stationId, input));
  });
  return getTeam(ctx, id);
}

/** Stands a team down: it starts no new patrol; the patrols it walked keep its name. */
export async function deactivateTeam(ctx: Ctx, id: string) {
  const { team } = await teamInSight(ctx, id);
  await stationToChange(ctx, team.stationId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(patrolTeams)
      .set({ active: false, updatedAt: ctx.now(), version: sql`${patrolTeams.version} + 1` })
      .where(eq(patrolTeams.id, id));
    await audit(ctx, tx, {
      action: 'patrol.team_deactivate',
      result: 'ok',
      targetType: 'patrol_team',
      targetId: id,
      details: { stationId: team.stationId, name: team.name },
    });
  });
}

export async function teamInSight(ctx: Ctx, id: string): Promise<{ team: Team; path: string }> {
  const [row] = await ctx.db
    .select({ team: patrolTeams, path: units.path })
    .from(patrolTeams)
    .innerJoin(units, eq(units.id, patrolTeams.stationId))
    .where(eq(patrolTeams.id, id));
  if (!row || !seesStation(ctx, row.path)) throw notFound(ctx, '该巡逻队', 'Patrol team');
  return row;
}

// Volunteers' names are in the audit as a count only: the trail is read more widely than the team.
function auditOf(action: string, teamId: string, stationId: string, input: PatrolTeamInput) {
  return {
    action,
    result: 'ok' as const,
    targetType: 'patrol_team',
    targetId: teamId,
    details: {
      stationId,
      name: input.name,
      kind: input.kind,
      staffIds: input.members.flatMap((m) => (m.staffId ? [m.staffId] : [])),
      volunteers: input.members.filter((m) => !m.staffId).length,
    },
  };
}

async function assertNameFree(ctx: Ctx, stationId: string, name: string, self: string | null) {
  const [taken] = await ctx.db
    .select({ id: patrolTeams.id })
    .from(patrolTeams)
    .where(
      and(
        eq(patrolTeams.stationId, stationId),
        eq(patrolTeams.name, name),
        self ? ne(patrolTeams.id, self) : undefined,
      ),
    );
  if (taken) throw refuse(ctx, 'PATROL_TEAM_NAME_TAKEN', { name });
}

/** Each member is a staff member of the station, once, or a named volunteer; at most one leader. */
async function assertMembers(ctx: Ctx, stationPath: string, input: PatrolTeamInput) {
  for (const m of input.members) {
    if (Boolean(m.staffId) === Boolean(m.name))
      throw invalid(
        ctx,
        'members',
        '每名队员须是本所工作人员或写明志愿者姓名（二选一）',
        'each member is a staff member or a named volunteer',
      );
  }
  if (input.members.filter((m) => m.role === 'leader').length > 1)
    throw invalid(ctx, 'members', '一支队伍只能有一名队长', 'a team has one leader at most');
  const ids = input.members.flatMap((m) => (m.staffId ? [m.staffId] : []));
  if (new Set(ids).size !== ids.length) throw invalid(ctx, 'members', '同一人不能重复加入', 'a member is listed twice');
  if (ids.length === 0) return;
  const found = await ctx.db
    .select({ id: staff.id })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(inArray(staff.id, ids), eq(staff.status, 'active'), under(units.path, stationPath)));
  if (found.length !== ids.length)
    throw invalid(ctx, 'members', '队员应为本所在岗的工作人员', 'members must be active staff of the station');
}

async function writeMembers(ctx: Ctx, tx: Tx, teamId: string, input: PatrolTeamInput) {
  if (input.members.length === 0) return;
  await tx.insert(patrolTeamMembers).values(
    // A millisecond apart: members are listed in the order they were entered.
    input.members.map((m, i) => ({
      teamId,
      staffId: m.staffId ?? null,
      nameSealed: m.staffId ? null : sealField(ctx.deps.keys.data, m.name ?? ''),
      role: m.role,
      joinedOn: new Date(ctx.now().getTime() + i),
    })),
  );
}

/** A volunteer's name for someone outside the station: the surname only. */
const masked = (name: string) => `${name.slice(0, 1)}**`;

async function presentTeams(ctx: Ctx, teams: Team[], showNames: boolean): Promise<PatrolTeam[]> {
  if (teams.length === 0) return [];
  const members = await membersOf(
    ctx.db,
    teams.map((t) => t.id),
  );
  return teams.map((t) => ({
    id: t.id,
    stationId: t.stationId,
    name: t.name,
    kind: t.kind,
    note: t.note,
    active: t.active,
    members: members
      .filter((m) => m.teamId === t.id)
      .map((m) => {
        const volunteer = !m.staffId;
        const name = volunteer ? openField(ctx.deps.keys.data, m.nameSealed ?? '') : (m.staffName ?? '');
        return {
          id: m.id,
          staffId: m.staffId,
          name: volunteer && !showNames ? masked(name) : name,
          volunteer,
          role: m.role,
        };
      }),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  }));
}

function membersOf(db: Queryable, teamIds: string[]) {
  return db
    .select({
      id: patrolTeamMembers.id,
      teamId: patrolTeamMembers.teamId,
      staffId: patrolTeamMembers.staffId,
      staffName: staff.displayName,
      nameSealed: patrolTeamMembers.nameSealed,
      role: patrolTeamMembers.role,
    })
    .from(patrolTeamMembers)
    .leftJoin(staff, eq(staff.id, patrolTeamMembers.staffId))
    .where(inArray(patrolTeamMembers.teamId, teamIds))
    .orderBy(
      sql`${patrolTeamMembers.role} = 'leader' DESC`,
      asc(patrolTeamMembers.joinedOn),
      asc(patrolTeamMembers.id),
    );
}
