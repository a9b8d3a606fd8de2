/**
 * Who holds each responsibility role for a village or grid. A grid shows its own holders, the level-1 and
 * level-2 holders of its village (inherited, naming the village), and the people of the beat that answers for it
 * (modules/beats: the responsible officer by the one rule `responsibleOfficer`, and that beat's auxiliaries).
 * Staff holders are active staff of the station; a person without an account is kept by sealed name and phone.
 */
import {
  BEAT_AUXILIARY_ROLE,
  BEAT_OFFICER_ROLE,
  DEFAULT_RESPONSIBILITY_ROLES,
  RESPONSIBILITY_LEVEL_LABELS,
  RESPONSIBILITY_LEVELS,
  type ResponsibilityHolder,
  type ResponsibilityInput,
  type ResponsibilityRole,
  type UnitResponsibilities,
} from '@jingmin/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { staff, unitResponsibilities, units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { maskPhone, openField, sealField } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { under } from '../../platform/scope.js';
import { responsibleOfficer } from '../beats/beats.rule.js';
import { assertManage, auditFullRead, canManage, maskPerson, type Place, placeInSight, readsInFull } from './common.js';
import { responsibilitySettings } from './settings.js';

/** Held here first; then the beat (the live source for level 1), then the village above. */
const SOURCE_RANK = { own: 0, beat: 1, unit: 2 } as const;

export async function unitResponsibilitiesOf(ctx: Ctx, unitId: string): Promise<UnitResponsibilities> {
  const place = await placeInSight(ctx, unitId);
  const { unit, station } = place;
  const { roles } = await responsibilitySettings(ctx.db, station.id);
  const level = new Map(roles.map((r) => [r.key, r.level]));
  const [village] =
    unit.kind === 'grid' && unit.parentId
      ? await ctx.db
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.id, unit.parentId), eq(units.kind, 'village')))
      : [];
  const full = readsInFull(ctx, station.path);
  const rows = await ctx.db
    .select({ row: unitResponsibilities, staffName: staff.displayName })
    .from(unitResponsibilities)
    .leftJoin(staff, eq(staff.id, unitResponsibilities.staffId))
    .where(inArray(unitResponsibilities.unitId, village ? [unit.id, village.id] : [unit.id]))
    .orderBy(unitResponsibilities.createdAt, unitResponsibilities.id);
  const key = ctx.deps.keys.data;
  const held: ResponsibilityHolder[] = rows
    // A grid inherits its village's level-1 and level-2 holders; level 3 is each grid's own.
    .filter(({ row }) => row.unitId === unit.id || (level.get(row.roleKey) ?? 3) < 3)
    .map(({ row, staffName }) => {
      const own = row.unitId === unit.id;
      const person = !row.staffId;
      return {
        id: row.id,
        roleKey: row.roleKey,
        kind: person ? 'person' : 'staff',
        staffId: row.staffId,
        name: person ? shown(full, row.holderNameEnc, row.holderNameMasked, key) : (staffName ?? ''),
        phone: person ? shownPhone(full, row.holderPhoneEnc, row.holderPhoneMasked, key) : null,
        note: row.note,
        inherited: !own,
        source: own
          ? { kind: 'own', id: unit.id, name: unit.name }
          : { kind: 'unit', id: village?.id ?? row.unitId, name: village?.name ?? '' },
      };
    });
  const all = dedupe([...held, ...(await beatPeople(ctx, unit.path))]);
  return {
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    stationId: station.id,
    levels: RESPONSIBILITY_LEVELS.map((lv) => ({
      level: lv,
      label: ctx.locale === 'en' ? RESPONSIBILITY_LEVEL_LABELS[lv].en : RESPONSIBILITY_LEVEL_LABELS[lv].zh,
      roles: rolesWithBeat(roles)
        .filter((r) => r.level === lv)
        .map((r) => ({
          key: r.key,
          name: r.name,
          holder: r.holder,
          about: r.about ?? null,
          holders: all.filter((h) => h.roleKey === r.key),
        })),
    })),
    allowedActions: canManage(ctx, station.path) ? ['manage'] : [],
  };
}

/** The GET: the view, and an audit entry when it showed persons in full. */
export async function readUnitResponsibilities(ctx: Ctx, unitId: string) {
  const view = await unitResponsibilitiesOf(ctx, unitId);
  const place = await placeInSight(ctx, unitId);
  const persons = view.levels.flatMap((l) => l.roles.flatMap((r) => r.holders)).filter((h) => h.kind === 'person');
  if (readsInFull(ctx, place.station.path))
    await auditFullRead(ctx, 'responsibility.read', 'unit', unitId, persons.length);
  return view;
}

/** The beat roles stay on the card even where a station dropped them: the beats name those people anyway. */
function rolesWithBeat(roles: ResponsibilityRole[]): ResponsibilityRole[] {
  const missing = DEFAULT_RESPONSIBILITY_ROLES.filter(
    (d) => (d.key === BEAT_OFFICER_ROLE || d.key === BEAT_AUXILIARY_ROLE) && !roles.some((r) => r.key === d.key),
  );
  return [...missing, ...roles];
}

/** One line per person and role, from the nearest source (SOURCE_RANK). */
function dedupe(holders: ResponsibilityHolder[]): ResponsibilityHolder[] {
  const sorted = [...holders].sort((a, b) => SOURCE_RANK[a.source.kind] - SOURCE_RANK[b.source.kind]);
  const seen = new Set<string>();
  return sorted.filter((h) => {
    if (!h.staffId) return true;
    const k = `${h.roleKey}:${h.staffId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The responsible officer (the one rule) and the auxiliaries of the beats nearest above the place. */
async function beatPeople(ctx: Ctx, path: string): Promise<ResponsibilityHolder[]> {
  const officer = await responsibleOfficer(ctx.db, path);
  const aux = rowsOf<{ beat_id: string; beat_name: string; staff_id: string; staff_name: string; depth: number }>(
    await ctx.db.execute(sql`
      SELECT b.id AS beat_id, b.name AS beat_name, s.id AS staff_id, s.display_name AS staff_name,
             length(u.path) AS depth
        FROM police_beat_areas a
        JOIN units u ON u.id = a.unit_id
        JOIN police_beats b ON b.id = a.beat_id
        JOIN police_beat_staff bs ON bs.beat_id = b.id AND bs.duty = 'auxiliary'
        JOIN staff s ON s.id = bs.staff_id
       WHERE s.status = 'active' AND starts_with(${path}::text, u.path)
       ORDER BY length(u.path) DESC, b.name, s.display_name`),
  );
  const nearest = aux[0]?.depth;
  const beatHolder = (roleKey: string, staffId: string, name: string, beatId: string, beatName: string) => ({
    id: null,
    roleKey,
    kind: 'staff' as const,
    staffId,
    name,
    phone: null,
    note: null,
    inherited: true,
    source: { kind: 'beat' as const, id: beatId, name: beatName },
  });
  return [
    ...(officer
      ? [beatHolder(BEAT_OFFICER_ROLE, officer.staffId, officer.name, officer.beatId, officer.beatName)]
      : []),
    ...aux
      .filter((a) => a.depth === nearest)
      .map((a) => beatHolder(BEAT_AUXILIARY_ROLE, a.staff_id, a.staff_name, a.beat_id, a.beat_name)),
  ];
}

function shown(full: boolean, sealed: string | null, masked: string | null, key: Buffer) {
  if (full && sealed) return openField(key, sealed);
  return masked ?? '';
}
function shownPhone(full: boolean, sealed: string | null, masked: string | null, key: Buffer) {
  if (!sealed && !masked) return null;
  return shown(full, sealed, masked, key);
}

/** Adds one holder of one role; the holder's kind must be what the role allows. */
export async function addResponsibility(ctx: Ctx, unitId: string, input: ResponsibilityInput) {
  const place = await placeInSight(ctx, unitId);
  assertManage(ctx, place.station.path);
  const role = await roleToHold(ctx, place, input);
  const staffId = input.staffId ? await assertStationStaff(ctx, place, input.staffId, role) : null;
  const key = ctx.deps.keys.data;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(unitResponsibilities)
      .values({
        stationId: place.station.id,
        unitId,
        unitPath: place.unit.path,
        roleKey: role.key,
        staffId,
        holderNameEnc: input.name ? sealField(key, input.name) : null,
        holderNameMasked: input.name ? maskPerson(input.name) : null,
        holderPhoneEnc: input.phone ? sealField(key, input.phone) : null,
        holderPhoneMasked: input.phone ? maskPhone(input.phone) : null,
        note: input.note || null,
        createdBy: actorOf(ctx).id,
        createdAt: ctx.now(),
      })
      .returning({ id: unitResponsibilities.id });
    await audit(ctx, tx, {
      action: 'responsibility.add',
      result: 'ok',
      targetType: 'unit',
      targetId: unitId,
      details: {
        id: row?.id,
        roleKey: role.key,
        staffId,
        name: input.name ? maskPerson(input.name) : null,
        phone: input.phone ? maskPhone(input.phone) : null,
      },
    });
  });
  return unitResponsibilitiesOf(ctx, unitId);
}

async function roleToHold(ctx: Ctx, place: Place, input: ResponsibilityInput) {
  const { roles } = await responsibilitySettings(ctx.db, place.station.id);
  const role = roles.find((r) => r.key === input.roleKey);
  if (!role) throw invalid(ctx, 'roleKey', '不是本所的责任角色', "is not one of the station's roles");
  if (role.level === 3 && place.unit.kind !== 'grid')
    throw invalid(ctx, 'roleKey', `“${role.name}”是三级角色，应设在网格上`, `"${role.name}" is held for a grid`);
  if (input.staffId && (input.name || input.phone))
    throw invalid(ctx, 'staffId', '在岗人员与姓名手机号只填其一', 'give a staff member or a name and phone, not both');
  if (!input.staffId && !input.name)
    throw invalid(ctx, 'name', '请选择在岗人员，或填写姓名', 'choose a staff member or give a name');
  if (role.holder === 'staff' && !input.staffId)
    throw invalid(ctx, 'staffId', `“${role.name}”须由本所在岗人员担任`, `"${role.name}" is held by staff`);
  if (role.holder === 'person' && input.staffId)
    throw invalid(ctx, 'name', `“${role.name}”由群众担任，请填写姓名和手机号`, `"${role.name}" is held by a person`);
  return role;
}

async function assertStationStaff(ctx: Ctx, place: Place, staffId: string, role: ResponsibilityRole) {
  const [found] = await ctx.db
    .select({ id: staff.id, name: staff.displayName })
    .from(staff)
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .where(and(eq(staff.id, staffId), eq(staff.status, 'active'), under(units.path, place.station.path)));
  if (!found) throw invalid(ctx, 'staffId', '应为本所在岗人员', 'must be active staff of the station');
  const [twice] = await ctx.db
    .select({ id: unitResponsibilities.id })
    .from(unitResponsibilities)
    .where(
      and(
        eq(unitResponsibilities.unitId, place.unit.id),
        eq(unitResponsibilities.roleKey, role.key),
        eq(unitResponsibilities.staffId, staffId),
      ),
    );
  if (twice) throw new AppError('RESPONSIBILITY_HELD', { name: found.name, unit: place.unit.name, role: role.name });
  return staffId;
}

export async function removeResponsibility(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(unitResponsibilities).where(eq(unitResponsibilities.id, id));
  if (!row) throw new AppError('NOT_FOUND', { what: '责任人' });
  const place = await placeInSight(ctx, row.unitId);
  assertManage(ctx, place.station.path);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(unitResponsibilities).where(eq(unitResponsibilities.id, id));
    await audit(ctx, tx, {
      action: 'responsibility.remove',
      result: 'ok',
      targetType: 'unit',
      targetId: row.unitId,
      details: { id, roleKey: row.roleKey, staffId: row.staffId, name: row.holderNameMasked },
    });
  });
}
