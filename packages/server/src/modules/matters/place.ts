/**
 * Where a matter happened, as every screen reads it: the household's address, or — when the desk
 * recorded it with no household known — the village or grid's name and the desk's own words. Each
 * reader joins both (left joins) and selects `matterAddress`, so no reader drops such a matter.
 */
import { type AnyColumn, and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { households, matters, units } from '../../db/schema/index.js';

/** The village or grid of a matter without a household, found by the matter's unit path. */
export const placeUnits = alias(units, 'place_units');

/** Join condition for `households`. */
export const householdOfMatter = eq(households.id, matters.householdId);

/** Join condition for `placeUnits`: only a matter without a household needs its unit's name. */
export const placeUnitOfMatter = and(isNull(matters.householdId), eq(placeUnits.path, matters.unitPath));

/** The address shown for a matter (the query left-joins `households` and `placeUnits`). */
export const matterAddress = sql<string>`coalesce(${households.address}, concat_ws(' ', ${placeUnits.name}, ${matters.placeNote}), '')`;

/** The id of the station above the unit at `path` (a subquery; null when none is). */
export function stationOfPath(path: AnyColumn | SQL) {
  return sql<
    string | null
  >`(SELECT s.id FROM units s WHERE s.kind = 'station' AND starts_with(${path}, s.path) LIMIT 1)`;
}
