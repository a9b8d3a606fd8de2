/**
 * The one rule for who answers for a place (警格+网格): the responsible officer of the beat whose area holds the
 * place's nearest unit — its grid first, then its village (a grid no beat covers inherits its village's beat).
 * Where a grid lies in two beats, the beat first by name answers. An officer no longer active answers for nothing.
 * The desk's dispatch suggestion, the doorplate page, the tree and the 双率抽查 draw all read it.
 */
import type { ResponsibleOfficer, SuggestedAssignee } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';

/**
 * SQL yielding the one row (`staff_id`, `staff_name`, `beat_id`, `beat_name`, `unit_id`, `unit_name`, `unit_path`)
 * that answers for the place at path `placePath` — a LATERAL subquery for a set of households, or alone for one.
 */
export const nearestOfficer = (placePath: SQL) => sql`
  SELECT bs.staff_id, s.display_name AS staff_name, b.id AS beat_id, b.name AS beat_name,
         u.id AS unit_id, u.name AS unit_name, u.path AS unit_path
    FROM police_beat_areas a
    JOIN units u ON u.id = a.unit_id
    JOIN police_beats b ON b.id = a.beat_id
    JOIN police_beat_staff bs ON bs.beat_id = b.id AND bs.duty = 'responsible_officer'
    JOIN staff s ON s.id = bs.staff_id
   WHERE s.status = 'active' AND starts_with(${placePath}, u.path)
   ORDER BY length(u.path) DESC, b.name
   LIMIT 1`;

/** The responsible officer for a place, the beat and the area that name them, and the dispatch reason. */
export async function responsibleOfficer(
  db: Queryable,
  path: string,
): Promise<(Omit<ResponsibleOfficer, 'inherited'> & SuggestedAssignee) | null> {
  const [row] = rowsOf<{
    staff_id: string;
    staff_name: string;
    beat_id: string;
    beat_name: string;
    unit_id: string;
    unit_name: string;
  }>(await db.execute(nearestOfficer(sql`${path}::text`)));
  if (!row) return null;
  return {
    staffId: row.staff_id,
    name: row.staff_name,
    beatId: row.beat_id,
    beatName: row.beat_name,
    fromUnitId: row.unit_id,
    fromUnitName: row.unit_name,
    reason: `${row.beat_name}责任民警`,
  };
}
