/**
 * A dispute's parties: names, phones and ID numbers sealed with the data key (platform/crypto.ts), masks
 * kept beside them for lists, the birth date taken from the ID number so the guardian rule reads it
 * without opening the number. A reveal of the full particulars is a read of personal data: audited.
 */
import {
  birthDateOf,
  type MediationRules,
  maskIdNumber,
  maskName,
  type PartyInput,
  type PartyRevealed,
  type PartyView,
  toCalendarDate,
} from '@jingmin/shared';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { disputeParties, households } from '../../db/schema/index.js';
import { auditAlone, type Ctx } from '../../platform/context.js';
import { openField, sealField } from '../../platform/crypto.js';
import { AppError, invalid } from '../../platform/errors.js';
import { isUnder } from '../../platform/scope.js';
import type { Keys } from '../../platform/secrets.js';
import { sealPhone } from '../residents/phone.service.js';

export type PartyRow = typeof disputeParties.$inferInsert;

/** The insert values of one party, its particulars sealed (the demo seed seals its parties the same way). */
export function partyRow(keys: Pick<Keys, 'data'>, caseId: string, input: PartyInput): PartyRow {
  const seal = (v: string) => sealField(keys.data, v);
  const idNumber = input.idNumber?.toUpperCase() ?? null;
  return {
    caseId,
    kind: input.kind,
    role: input.role,
    nameEnc: seal(input.name),
    nameMasked: maskName(input.name, input.kind),
    relation: input.relation ?? null,
    // Sealed, masked and indexed as every resident's phone is: "my matters" finds the party's evaluation by it.
    ...(input.phone ? sealPhone(keys.data, input.phone) : {}),
    idNumberEnc: idNumber ? seal(idNumber) : null,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    birthDate: idNumber ? birthDateOf(idNumber) : null,
    householdId: input.householdId ?? null,
    guardianOfId: input.guardianOfId ?? null,
  };
}

/**
 * Writes each phone of the parties matched by `which` (the alias `p` over dispute_parties) once per case into
 * dispute_party_phones, the index the repeat-party figure reads; run after the parties are inserted. The
 * service passes one case, the demo seed every case at once.
 */
export async function notePartyPhones(db: Pick<Queryable, 'execute'>, which: SQL) {
  await db.execute(sql`INSERT INTO dispute_party_phones (case_id, phone_index, station_id, accepted_at)
    SELECT DISTINCT p.case_id, p.phone_index, c.station_id, c.accepted_at
      FROM dispute_parties p JOIN dispute_cases c ON c.id = p.case_id
     WHERE p.phone_index IS NOT NULL AND ${which}
    ON CONFLICT DO NOTHING`);
}

/** Whole years from a `YYYY-MM-DD` birth date to a `YYYY-MM-DD` day. */
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Under the station's guardian age on today's Beijing date: a guardian attends with the party. */
export function isMinor(birthDate: string | null, now: Date, rules: Pick<MediationRules, 'guardianUnderAge'>): boolean {
  if (!birthDate) return false;
  return ageOn(birthDate, toCalendarDate(now)) < rules.guardianUnderAge;
}

type Party = typeof disputeParties.$inferSelect;

export function presentParty(p: Party, now: Date, rules: Pick<MediationRules, 'guardianUnderAge'>): PartyView {
  return {
    id: p.id,
    kind: p.kind,
    nameMasked: p.nameMasked,
    role: p.role,
    relation: p.relation,
    phoneMasked: p.phoneMasked,
    idNumberMasked: p.idNumberMasked,
    minor: isMinor(p.birthDate, now, rules),
    householdId: p.householdId,
    guardianOfId: p.guardianOfId,
  };
}

/** The parties of a case in the order they were added. */
export async function partiesOf(db: Queryable, caseId: string): Promise<Party[]> {
  return db
    .select()
    .from(disputeParties)
    .where(eq(disputeParties.caseId, caseId))
    .orderBy(asc(disputeParties.createdAt), asc(disputeParties.id));
}

/**
 * A guardian attends for a minor person party already on the case (404 otherwise); the guardian is a person
 * and not a minor themselves (400). A case being opened has no party to point at yet.
 */
export async function assertGuardian(
  ctx: Ctx,
  caseId: string | null,
  input: PartyInput,
  rules: Pick<MediationRules, 'guardianUnderAge'>,
) {
  if (!input.guardianOfId) return;
  const [ward] = caseId
    ? await ctx.db
        .select({ kind: disputeParties.kind })
        .from(disputeParties)
        .where(and(eq(disputeParties.id, input.guardianOfId), eq(disputeParties.caseId, caseId)))
    : [];
  if (ward?.kind !== 'person') throw new AppError('NOT_FOUND', { what: 'dispute_party' });
  const detail = (zh: string, en: string) => invalid(ctx, 'guardianOfId', zh, en);
  if (input.kind !== 'person') throw detail('监护人应为自然人', 'a guardian must be a person');
  const birthDate = input.idNumber ? birthDateOf(input.idNumber.toUpperCase()) : null;
  if (isMinor(birthDate, ctx.now(), rules))
    throw detail(
      `监护人不能未满 ${rules.guardianUnderAge} 周岁`,
      `a guardian must be ${rules.guardianUnderAge} or older`,
    );
}

/** A party's household must be a doorplate of the case's station (404 otherwise, as for the case's own). */
export async function assertPartyHouseholds(db: Queryable, stationPath: string, parties: readonly PartyInput[]) {
  for (const id of new Set(parties.flatMap((p) => (p.householdId ? [p.householdId] : [])))) {
    const [h] = await db.select({ unitPath: households.unitPath }).from(households).where(eq(households.id, id));
    if (!h || !isUnder(h.unitPath, stationPath)) throw new AppError('NOT_FOUND', { what: 'household' });
  }
}

/** The full particulars of one party of a case already loaded in the actor's sight; the read is audited. */
export async function revealParty(ctx: Ctx, caseId: string, partyId: string): Promise<PartyRevealed> {
  const [p] = await ctx.db
    .select()
    .from(disputeParties)
    .where(and(eq(disputeParties.id, partyId), eq(disputeParties.caseId, caseId)));
  if (!p) throw new AppError('NOT_FOUND', { what: 'dispute_party' });
  await auditAlone(ctx, {
    action: 'dispute.party_read',
    result: 'ok',
    targetType: 'dispute_party',
    targetId: p.id,
    details: { caseId, phone: Boolean(p.phoneEnc), idNumber: Boolean(p.idNumberEnc) },
  });
  const open = (v: string | null) => (v ? openField(ctx.deps.keys.data, v) : null);
  return { name: open(p.nameEnc) ?? '', phone: open(p.phoneEnc), idNumber: open(p.idNumberEnc) };
}
