/**
 * 快推, where: an instruction's household by its doorplate code, else by its address among the households the sender
 * covers (spaces ignored, one match only), else the station by its code, else the sender's own station. The
 * responsible officer of the household's grid (modules/beats/beats.rule.ts) takes it; with none, the station's desk.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { households, units } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { under } from '../../platform/scope.js';
import { responsibleOfficer } from '../beats/beats.rule.js';

export interface Place {
  stationId: string;
  stationName: string;
  /** The household's grid (or village), else the station. */
  unitId: string;
  unitPath: string;
  householdId: string | null;
}

interface Wanted {
  doorplateCode?: string | undefined;
  address?: string | undefined;
  stationCode?: string | undefined;
}

/** The area a sender covers: an upstream's unit, or the desk's chosen station. */
export interface Covered {
  id: string;
  path: string;
}

const normalised = (s: string) => s.replace(/\s+/g, '');

async function stationOf(db: Queryable, path: string) {
  const [s] = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.kind, 'station'), sql`starts_with(${path}, ${units.path})`))
    .limit(1);
  return s;
}

async function householdPlace(db: Queryable, covered: Covered, wanted: Wanted) {
  const base = and(under(households.unitPath, covered.path), eq(households.kind, 'household'));
  const pick = { id: households.id, unitId: households.unitId, unitPath: households.unitPath };
  if (wanted.doorplateCode) {
    const [h] = await db
      .select(pick)
      .from(households)
      .where(and(under(households.unitPath, covered.path), eq(households.doorplateCode, wanted.doorplateCode)));
    if (h) return h;
  }
  if (wanted.address && normalised(wanted.address).length >= 4) {
    const found = await db
      .select(pick)
      .from(households)
      .where(and(base, sql`regexp_replace(${households.address}, '\\s+', '', 'g') = ${normalised(wanted.address)}`))
      .limit(2);
    if (found.length === 1) return found[0];
  }
  return undefined;
}

/** Where the instruction belongs, or 422 FRAUD_UNROUTABLE. */
export async function placeOf(db: Queryable, covered: Covered, wanted: Wanted): Promise<Place> {
  const h = await householdPlace(db, covered, wanted);
  if (h) {
    const station = await stationOf(db, h.unitPath);
    if (station)
      return {
        stationId: station.id,
        stationName: station.name,
        unitId: h.unitId,
        unitPath: h.unitPath,
        householdId: h.id,
      };
  }
  if (wanted.stationCode) {
    const [s] = await db
      .select({ id: units.id, name: units.name, path: units.path })
      .from(units)
      .where(and(eq(units.kind, 'station'), eq(units.code, wanted.stationCode), under(units.path, covered.path)));
    if (s) return { stationId: s.id, stationName: s.name, unitId: s.id, unitPath: s.path, householdId: null };
  }
  // The sender's own unit, when it is a station (a bureau's upstream must name one).
  const [own] = await db.select({ kind: units.kind }).from(units).where(eq(units.id, covered.id));
  if (own?.kind === 'station') {
    const s = await stationOf(db, covered.path);
    if (s) return { stationId: s.id, stationName: s.name, unitId: s.id, unitPath: s.path, householdId: null };
  }
  throw new AppError('FRAUD_UNROUTABLE');
}

/** Who takes it: the grid's responsible officer when the household is known, else the desk. */
export async function handlerOf(db: Queryable, place: Place) {
  const officer = place.householdId ? await responsibleOfficer(db, place.unitPath) : null;
  return officer
    ? { routedTo: 'officer' as const, assigneeId: officer.staffId }
    : { routedTo: 'desk' as const, assigneeId: null };
}
