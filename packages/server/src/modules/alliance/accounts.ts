/**
 * 平安联盟 accounts. A volunteer applies with a phone verified by one-time code, its name, what it is and the grid
 * or village it serves; that makes a staff row with the `volunteer` role scoped there, disabled until the station
 * approves it, with no password anyone knows. It signs in by phone and one-time code only. The station's chief
 * (field.manage) approves, suspends — its sessions end at once — and reinstates.
 */
import {
  HOUSEHOLD_UNIT_KINDS,
  type PhoneCodeSent,
  PRIVACY_NOTICE_VERSION,
  type VolunteerApplyInput,
  type VolunteerState,
  type VolunteerView,
} from '@jingmin/shared';
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf } from '../../db/rows.js';
import { staff, units, volunteerProfiles } from '../../db/schema/index.js';
import { actorOf, audit, auditAlone, type Ctx } from '../../platform/context.js';
import { maskPhone, openField, randomToken, sealField } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { canSeePath } from '../../platform/scope.js';
import { createSession, deleteSessionsOf } from '../../platform/session.js';
import { stationOfPath } from '../matters/place.js';
import { PHONE_RULES, phoneIndex, requestPhoneCode, withPhoneCode } from '../residents/phone.service.js';
import { stationInScope } from '../settings/settings.service.js';

/** 待审核 until the station approves, 已暂停 while suspended. */
export const volunteerStateOf = (p: { approvedAt: Date | null; suspendedAt: Date | null }): VolunteerState =>
  p.suspendedAt ? 'suspended' : p.approvedAt ? 'active' : 'pending';

/** Applies to the station of the chosen grid or village; the phone is checked by its one-time code. */
export async function applyAsVolunteer(ctx: Ctx, input: VolunteerApplyInput) {
  const [unit] = await ctx.db
    .select({ id: units.id, kind: units.kind, path: units.path, stationId: stationOfPath(units.path) })
    .from(units)
    .where(eq(units.id, input.unitId));
  if (!unit?.stationId || !HOUSEHOLD_UNIT_KINDS.includes(unit.kind)) throw new AppError('NOT_FOUND', { what: 'unit' });
  const index = phoneIndex(ctx, input.phone);
  const [taken] = await ctx.db
    .select({ id: volunteerProfiles.staffId })
    .from(volunteerProfiles)
    .where(eq(volunteerProfiles.phoneIndex, index));
  if (taken) throw new AppError('VOLUNTEER_PHONE_TAKEN');
  // The account's password is a secret nobody holds: a volunteer signs in by one-time code only.
  const passwordHash = await hashPassword(randomToken(32), ctx.deps.config.security.argon2MemoryKib);
  const stationId = unit.stationId;
  await withPhoneCode(ctx, input.phone, input.code, 'alliance.apply', async (tx) => {
    const [row] = await tx
      .insert(staff)
      .values({
        username: `v-${randomToken(9)}`,
        displayName: input.name,
        passwordHash,
        mustChangePassword: false,
        roles: ['volunteer'],
        scopeUnitId: unit.id,
        phoneEnc: sealField(ctx.deps.keys.data, input.phone),
        phoneMasked: maskPhone(input.phone),
        status: 'disabled',
        passwordChangedAt: ctx.now(),
      })
      .returning({ id: staff.id });
    if (!row) throw new AppError('CONFLICT');
    await tx.insert(volunteerProfiles).values({
      staffId: row.id,
      stationId,
      phoneIndex: index,
      kind: input.kind,
      duties: input.duties,
      appliedAt: ctx.now(),
    });
  });
  return { state: 'pending' as const, noticeVersion: PRIVACY_NOTICE_VERSION };
}

/** The active volunteer whose phone this is, or null (an applicant, a suspended one, a stranger). */
async function volunteerByPhone(ctx: Ctx, phone: string) {
  const [row] = await ctx.db
    .select({ id: staff.id, status: staff.status, approvedAt: volunteerProfiles.approvedAt })
    .from(volunteerProfiles)
    .innerJoin(staff, eq(staff.id, volunteerProfiles.staffId))
    .where(and(eq(volunteerProfiles.phoneIndex, phoneIndex(ctx, phone)), isNull(volunteerProfiles.suspendedAt)));
  return row && row.status === 'active' && row.approvedAt ? row : null;
}

/**
 * Sends a sign-in code to an approved volunteer's phone. Anyone else gets the same answer and no text, so the
 * page tells nobody whose phone is registered.
 */
export async function volunteerCode(ctx: Ctx, phone: string): Promise<PhoneCodeSent> {
  if (await volunteerByPhone(ctx, phone)) return requestPhoneCode(ctx, phone);
  await auditAlone(ctx, { actor: null, action: 'alliance.code', result: 'denied', details: {} });
  return {
    phoneMasked: maskPhone(phone),
    ttlMinutes: PHONE_RULES.codeTtlMinutes,
    resendAfterSeconds: PHONE_RULES.resendAfterSeconds,
  };
}

/** Signs a volunteer in by its one-time code: a full session (no password, no second factor: the phone is it). */
export async function volunteerLogin(ctx: Ctx, phone: string, code: string) {
  const volunteer = await volunteerByPhone(ctx, phone);
  if (!volunteer) {
    await auditAlone(ctx, { actor: null, action: 'alliance.login', result: 'denied', details: {} });
    throw new AppError('PHONE_CODE_INVALID');
  }
  const policy = (await ctx.deps.policies.get()).session;
  return withPhoneCode(ctx, phone, code, 'alliance.login', (tx) =>
    createSession(ctx, tx, volunteer.id, 'full', policy),
  );
}

const approver = alias(staff, 'approver');

/** The station's volunteers (the chief's list), newest applications first. */
export async function listVolunteers(ctx: Ctx, stationId: string, state?: VolunteerState): Promise<VolunteerView[]> {
  const station = await stationInScope(ctx, stationId);
  const filter: Record<VolunteerState, SQL | undefined> = {
    pending: and(isNull(volunteerProfiles.approvedAt), isNull(volunteerProfiles.suspendedAt)),
    active: and(isNotNull(volunteerProfiles.approvedAt), isNull(volunteerProfiles.suspendedAt)),
    suspended: isNotNull(volunteerProfiles.suspendedAt),
  };
  const rows = await ctx.db
    .select({
      profile: volunteerProfiles,
      name: staff.displayName,
      phoneEnc: staff.phoneEnc,
      phoneMasked: staff.phoneMasked,
      unitId: units.id,
      unitName: units.name,
      approvedByName: approver.displayName,
    })
    .from(volunteerProfiles)
    .innerJoin(staff, eq(staff.id, volunteerProfiles.staffId))
    .innerJoin(units, eq(units.id, staff.scopeUnitId))
    .leftJoin(approver, eq(approver.id, volunteerProfiles.approvedBy))
    .where(and(eq(volunteerProfiles.stationId, station.id), state ? filter[state] : undefined))
    .orderBy(sql`${volunteerProfiles.appliedAt} DESC`, asc(staff.displayName));
  // The station's own staff read a volunteer's phone in full (to call it); above the station, masked.
  const own = canSeePath(actorOf(ctx), station.path);
  return rows.map((r) => ({
    id: r.profile.staffId,
    name: r.name,
    phoneMasked: own && r.phoneEnc ? openField(ctx.deps.keys.data, r.phoneEnc) : r.phoneMasked,
    kind: r.profile.kind,
    duties: r.profile.duties,
    unitId: r.unitId,
    unitName: r.unitName,
    state: volunteerStateOf(r.profile),
    appliedAt: r.profile.appliedAt.toISOString(),
    approvedAt: r.profile.approvedAt?.toISOString() ?? null,
    approvedByName: r.approvedByName,
    suspendedAt: r.profile.suspendedAt?.toISOString() ?? null,
    suspendReason: r.profile.suspendReason,
  }));
}

/** A volunteer of a station the actor manages (the station itself or above it). */
async function volunteerToManage(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ profile: volunteerProfiles, stationPath: units.path })
    .from(volunteerProfiles)
    .innerJoin(units, eq(units.id, volunteerProfiles.stationId))
    .where(eq(volunteerProfiles.staffId, id));
  if (!row || !canSeePath(actorOf(ctx), row.stationPath)) throw new AppError('NOT_FOUND', { what: 'volunteer' });
  return row.profile;
}

async function change(ctx: Ctx, id: string, to: 'approve' | 'suspend' | 'reinstate', reason?: string) {
  const actor = actorOf(ctx);
  const p = await volunteerToManage(ctx, id);
  const now = ctx.now();
  const from = volunteerStateOf(p);
  const allowed = { approve: ['pending'], suspend: ['pending', 'active'], reinstate: ['suspended'] }[to];
  if (!allowed.includes(from)) throw new AppError('VOLUNTEER_STATE', { state: from });
  await ctx.db.transaction(async (tx) => {
    if (to === 'suspend') {
      await tx
        .update(volunteerProfiles)
        .set({ suspendedAt: now, suspendedBy: actor.id, suspendReason: reason ?? null })
        .where(eq(volunteerProfiles.staffId, id));
      await tx.update(staff).set({ status: 'disabled', updatedAt: now }).where(eq(staff.id, id));
      // A suspended volunteer's session ends at once, on every device.
      await deleteSessionsOf(tx, id);
    } else {
      await tx
        .update(volunteerProfiles)
        .set(
          to === 'approve'
            ? { approvedAt: now, approvedBy: actor.id }
            : { suspendedAt: null, suspendedBy: null, suspendReason: null, approvedAt: p.approvedAt ?? now },
        )
        .where(eq(volunteerProfiles.staffId, id));
      await tx.update(staff).set({ status: 'active', updatedAt: now }).where(eq(staff.id, id));
    }
    await audit(ctx, tx, {
      action: `alliance.${to}`,
      result: 'ok',
      targetType: 'staff',
      targetId: id,
      details: { from, ...(reason ? { reason } : {}) },
    });
  });
  const [view] = (await listVolunteers(ctx, p.stationId)).filter((v) => v.id === id);
  if (!view) throw new AppError('NOT_FOUND', { what: 'volunteer' });
  return view;
}

export const approveVolunteer = (ctx: Ctx, id: string) => change(ctx, id, 'approve');
export const suspendVolunteer = (ctx: Ctx, id: string, reason: string) => change(ctx, id, 'suspend', reason);
export const reinstateVolunteer = (ctx: Ctx, id: string) => change(ctx, id, 'reinstate');

/** A station's villages and grids by name, for the application form (names only, public). */
export async function stationPlaces(ctx: Ctx, stationId: string) {
  const [station] = await ctx.db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.id, stationId), eq(units.kind, 'station')));
  if (!station) throw new AppError('NOT_FOUND', { what: 'station' });
  const rows = rowsOf<{ id: string; name: string; kind: string; village: string | null }>(
    await ctx.db.execute(sql`
      SELECT u.id, u.name, u.kind::text AS kind, p.name AS village
        FROM units u LEFT JOIN units p ON p.id = u.parent_id AND u.kind = 'grid'
       WHERE u.path LIKE ${`${station.path}%`} AND u.kind IN ('village', 'grid')
       ORDER BY coalesce(p.code, u.code), u.kind DESC, u.code, u.name`),
  );
  return {
    station: { id: station.id, name: station.name },
    places: rows.map((r) => ({ id: r.id, name: r.village ? `${r.village} · ${r.name}` : r.name, kind: r.kind })),
  };
}
