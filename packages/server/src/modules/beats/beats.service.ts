/**
 * 警务区/警格: a station's police beats. The chief (or an administrator above) names a beat, its 警务室, its
 * responsible officer and auxiliaries, and the grids and villages it covers; every change is audited with what
 * it became. Who answers for a place follows at once (beats.rule.ts): the desk's suggestion, the doorplate page,
 * the tree and the 双率抽查 draw all read the beats.
 */
import {
  BEAT_DUTY_ROLES,
  HOUSEHOLD_UNIT_KINDS,
  type PoliceBeat,
  type PoliceBeatInput,
  type PoliceBeatList,
  type PoliceBeatUpdate,
  type Role,
} from '@jingmin/shared';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { policeBeatAreas, policeBeatStaff, policeBeats, staff, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath, isUnder, under } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';

type Beat = typeof policeBeats.$inferSelect;

/** The beats of a station with their areas and people, and the places no beat covers. */
export async function listBeats(ctx: Ctx, stationId: string): Promise<PoliceBeatList> {
  const station = await stationInScope(ctx, stationId);
  const beats = await ctx.db
    .select()
    .from(policeBeats)
    .where(eq(policeBeats.stationId, stationId))
    .orderBy(asc(policeBeats.code), asc(policeBeats.name));
  const items = await presentBeats(ctx.db, beats);
  // A grid is covered when it, or the village above it, lies in a beat.
  const uncovered = rowsOf<{ id: string; name: string; kind: string; path: string }>(
    await ctx.db.execute(sql`
      SELECT u.id, u.name, u.kind::text AS kind, u.path FROM units u
       WHERE starts_with(u.path, ${station.path}) AND u.kind IN ('grid', 'village')
         AND NOT EXISTS (SELECT 1 FROM police_beat_areas a JOIN units au ON au.id = a.unit_id
                          WHERE starts_with(u.path, au.path))
       ORDER BY u.name, u.id`),
  );
  return { items, uncovered };
}

export async function getBeat(ctx: Ctx, beatId: string): Promise<PoliceBeat> {
  const beat = await beatInSight(ctx, beatId);
  const [view] = await presentBeats(ctx.db, [beat]);
  if (!view) throw new AppError('NOT_FOUND', { what: 'police_beat' });
  return view;
}

export async function createBeat(ctx: Ctx, stationId: string, input: PoliceBeatInput): Promise<PoliceBeat> {
  const station = await stationToChange(ctx, stationId);
  await assertPlan(ctx, station.path, input);
  await assertFree(ctx.db, stationId, input, null);
  const id = await ctx.db.transaction(async (tx) => {
    const [beat] = await tx
      .insert(policeBeats)
      .values({
        stationId,
        name: input.name,
        code: input.code || null,
        officeId: input.officeId ?? null,
        note: input.note || null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: policeBeats.id });
    const beatId = beat?.id ?? '';
    await writeMembers(tx, beatId, input);
    await audit(ctx, tx, {
      action: 'beat.create',
      result: 'ok',
      targetType: 'police_beat',
      targetId: beatId,
      details: { stationId, ...input },
    });
    return beatId;
  });
  return getBeat(ctx, id);
}

export async function updateBeat(ctx: Ctx, beatId: string, input: PoliceBeatUpdate): Promise<PoliceBeat> {
  const beat = await beatInSight(ctx, beatId);
  const station = await stationToChange(ctx, beat.stationId);
  await assertPlan(ctx, station.path, input);
  await assertFree(ctx.db, beat.stationId, input, beatId);
  await ctx.db.transaction(async (tx) => {
    const [changed] = await tx
      .update(policeBeats)
      .set({
        name: input.name,
        code: input.code || null,
        officeId: input.officeId ?? null,
        note: input.note || null,
        updatedAt: ctx.now(),
        version: sql`${policeBeats.version} + 1`,
      })
      .where(and(eq(policeBeats.id, beatId), eq(policeBeats.version, input.version)))
      .returning({ id: policeBeats.id });
    if (!changed) throw new AppError('CONFLICT');
    await tx.delete(policeBeatAreas).where(eq(policeBeatAreas.beatId, beatId));
    await tx.delete(policeBeatStaff).where(eq(policeBeatStaff.beatId, beatId));
    await writeMembers(tx, beatId, input);
    await audit(ctx, tx, {
      action: 'beat.update',
      result: 'ok',
      targetType: 'police_beat',
      targetId: beatId,
      details: { ...input },
    });
  });
  return getBeat(ctx, beatId);
}

/** Removes a beat: its places then answer to whatever beat covers them still (or to none). */
export async function deleteBeat(ctx: Ctx, beatId: string) {
  const beat = await beatInSight(ctx, beatId);
  await stationToChange(ctx, beat.stationId);
  const [view] = await presentBeats(ctx.db, [beat]);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(policeBeatAreas).where(eq(policeBeatAreas.beatId, beatId));
    await tx.delete(policeBeatStaff).where(eq(policeBeatStaff.beatId, beatId));
    await tx.delete(policeBeats).where(eq(policeBeats.id, beatId));
    await audit(ctx, tx, {
      action: 'beat.delete',
      result: 'ok',
      targetType: 'police_beat',
      targetId: beatId,
      details: {
        stationId: beat.stationId,
        name: beat.name,
        responsibleOfficerId: view?.responsibleOfficer?.id ?? null,
        areaUnitIds: view?.areas.map((a) => a.id) ?? [],
      },
    });
  });
}

/** A beat the actor may read: of a station in sight (404 otherwise, as for any record out of scope). */
async function beatInSight(ctx: Ctx, beatId: string): Promise<Beat> {
  const [row] = await ctx.db
    .select({ beat: policeBeats, path: units.path })
    .from(policeBeats)
    .innerJoin(units, eq(units.id, policeBeats.stationId))
    .where(eq(policeBeats.id, beatId));
  const actor = actorOf(ctx);
  if (!row || !(canSeePath(actor, row.path) || isUnder(actor.scopePath, row.path)))
    throw new AppError('NOT_FOUND', { what: 'police_beat' });
  return row.beat;
}

/** Only the station itself or a unit above it changes its beats; staff below it (a police office) read them. */
async function stationToChange(ctx: Ctx, stationId: string) {
  const station = await stationInScope(ctx, stationId);
  if (!canSeePath(actorOf(ctx), station.path)) throw new AppError('FORBIDDEN');
  return station;
}

/** Areas are the station's grids and villages, its office one of its police offices, its people its own staff. */
async function assertPlan(ctx: Ctx, stationPath: string, input: PoliceBeatInput) {
  const areaIds = [...new Set(input.areaUnitIds)];
  if (areaIds.length) {
    const found = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(
        and(inArray(units.id, areaIds), inArray(units.kind, [...HOUSEHOLD_UNIT_KINDS]), under(units.path, stationPath)),
      );
    if (found.length !== areaIds.length)
      throw invalid(ctx, 'areaUnitIds', '应为本所的网格或村（社区）', "must be the station's grids or villages");
  }
  if (input.officeId) {
    const [office] = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.officeId), eq(units.kind, 'police_office'), under(units.path, stationPath)));
    if (!office) throw invalid(ctx, 'officeId', '应为本所的警务室', "must be one of the station's police offices");
  }
  const auxiliaries = [...new Set(input.auxiliaryIds)];
  if (input.responsibleOfficerId && auxiliaries.includes(input.responsibleOfficerId))
    throw invalid(ctx, 'auxiliaryIds', '责任民警不能同时是辅警', 'the responsible officer cannot also be an auxiliary');
  const people = [...auxiliaries, ...(input.responsibleOfficerId ? [input.responsibleOfficerId] : [])];
  const found = people.length
    ? await ctx.db
        .select({ id: staff.id, roles: staff.roles })
        .from(staff)
        .innerJoin(units, eq(units.id, staff.scopeUnitId))
        .where(and(inArray(staff.id, people), eq(staff.status, 'active'), under(units.path, stationPath)))
    : [];
  const holds = (id: string, roles: readonly Role[]) =>
    found.find((f) => f.id === id)?.roles.some((r) => roles.includes(r as Role)) ?? false;
  if (input.responsibleOfficerId && !holds(input.responsibleOfficerId, BEAT_DUTY_ROLES.responsible_officer))
    throw invalid(
      ctx,
      'responsibleOfficerId',
      '应为本所在岗的民警（社区民警、所长或值班民警）',
      'must be an active police officer of the station',
    );
  if (auxiliaries.some((id) => !holds(id, BEAT_DUTY_ROLES.auxiliary)))
    throw invalid(ctx, 'auxiliaryIds', '应为本所在岗的辅警', 'must be active auxiliary police of the station');
}

/** Names and codes are the station's own: a second beat may not take one already in use (409, naming it). */
async function assertFree(db: Queryable, stationId: string, input: PoliceBeatInput, self: string | null) {
  const others = and(eq(policeBeats.stationId, stationId), self ? ne(policeBeats.id, self) : undefined);
  const [byName] = await db
    .select({ id: policeBeats.id })
    .from(policeBeats)
    .where(and(others, eq(policeBeats.name, input.name)));
  if (byName) throw new AppError('BEAT_NAME_TAKEN', { name: input.name });
  if (!input.code) return;
  const [byCode] = await db
    .select({ id: policeBeats.id })
    .from(policeBeats)
    .where(and(others, eq(policeBeats.code, input.code)));
  if (byCode) throw new AppError('BEAT_CODE_TAKEN', { code: input.code });
}

async function writeMembers(tx: Tx, beatId: string, input: PoliceBeatInput) {
  const areas = [...new Set(input.areaUnitIds)];
  if (areas.length) await tx.insert(policeBeatAreas).values(areas.map((unitId) => ({ beatId, unitId })));
  const people = [
    ...(input.responsibleOfficerId
      ? [{ staffId: input.responsibleOfficerId, duty: 'responsible_officer' as const }]
      : []),
    ...[...new Set(input.auxiliaryIds)].map((staffId) => ({ staffId, duty: 'auxiliary' as const })),
  ];
  if (people.length) await tx.insert(policeBeatStaff).values(people.map((p) => ({ beatId, ...p })));
}

/** Beats as the API shows them: people and areas by name, each area with its households. */
async function presentBeats(db: Queryable, beats: Beat[]): Promise<PoliceBeat[]> {
  if (beats.length === 0) return [];
  const ids = beats.map((b) => b.id);
  const people = await db
    .select({ beatId: policeBeatStaff.beatId, id: staff.id, name: staff.displayName, duty: policeBeatStaff.duty })
    .from(policeBeatStaff)
    .innerJoin(staff, eq(staff.id, policeBeatStaff.staffId))
    .where(inArray(policeBeatStaff.beatId, ids))
    .orderBy(asc(staff.displayName));
  const areas = rowsOf<{ beat_id: string; id: string; name: string; kind: string; path: string; households: number }>(
    await db.execute(sql`
      SELECT a.beat_id, u.id, u.name, u.kind::text AS kind, u.path,
             (SELECT count(*)::int FROM households h WHERE starts_with(h.unit_path, u.path)) AS households
        FROM police_beat_areas a JOIN units u ON u.id = a.unit_id
       WHERE a.beat_id IN (${sql.join(
         ids.map((id) => sql`${id}::uuid`),
         sql`, `,
       )})
       ORDER BY u.name, u.id`),
  );
  const officeIds = beats.flatMap((b) => (b.officeId ? [b.officeId] : []));
  const offices = new Map(
    officeIds.length
      ? (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, officeIds))).map(
          (o) => [o.id, o.name],
        )
      : [],
  );
  return beats.map((b) => {
    const mine = areas.filter((a) => a.beat_id === b.id);
    const officer = people.find((p) => p.beatId === b.id && p.duty === 'responsible_officer');
    return {
      id: b.id,
      stationId: b.stationId,
      name: b.name,
      code: b.code,
      office: b.officeId ? { id: b.officeId, name: offices.get(b.officeId) ?? '' } : null,
      responsibleOfficer: officer ? { id: officer.id, name: officer.name } : null,
      auxiliaries: people
        .filter((p) => p.beatId === b.id && p.duty === 'auxiliary')
        .map((p) => ({ id: p.id, name: p.name })),
      areas: mine.map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        path: a.path,
        households: Number(a.households),
      })),
      // A village and one of its grids in the same beat: the grid's households are counted once.
      households: mine
        .filter((a) => !mine.some((o) => o !== a && a.path.startsWith(o.path)))
        .reduce((n, a) => n + Number(a.households), 0),
      note: b.note,
      updatedAt: b.updatedAt.toISOString(),
      version: b.version,
    };
  });
}
