/**
 * Which visits a list, its export and the dashboard's 社区警务 figures count: one condition over a `visits` row, so a
 * figure (走访户数, 走访次数, by line) and the list behind it agree. `first` keeps each household's first visit among
 * the rows the other conditions keep: the list of households visited, one row each.
 */
import type { AddressKind, VisitLine } from '@jingmin/shared';
import { type AnyColumn, and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { units, visits } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder, under } from '../../platform/scope.js';
import type { Bounds } from '../dashboards/kpi-sets.js';

export interface VisitFilter {
  /** Visited in [start, asOf). */
  bounds?: Bounds;
  /** The unit subtree the visited address lies in. */
  path?: string;
  line?: VisitLine;
  kind?: AddressKind;
  first?: boolean;
}

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

type Columns = Record<'visitedAt' | 'unitPath' | 'line' | 'householdKind', AnyColumn>;

function plain(t: Columns, f: VisitFilter): SQL[] {
  const parts: SQL[] = [];
  if (f.bounds) parts.push(sql`${t.visitedAt} >= ${iso(f.bounds.start)} AND ${t.visitedAt} < ${iso(f.bounds.asOf)}`);
  if (f.path) parts.push(under(t.unitPath, f.path));
  if (f.line) parts.push(sql`${t.line} = ${f.line}`);
  if (f.kind) parts.push(sql`${t.householdKind} = ${f.kind}`);
  return parts;
}

const earlier = alias(visits, 'earlier');

/** The condition over `visits`; `true` with no filter. */
export function visitFilterSql(f: VisitFilter): SQL {
  const parts = plain(visits, f);
  if (f.first)
    parts.push(sql`NOT EXISTS (SELECT 1 FROM ${visits} ${earlier} WHERE ${earlier.householdId} = ${visits.householdId}
      AND (${earlier.visitedAt}, ${earlier.id}) < (${visits.visitedAt}, ${visits.id}) AND ${and(sql`true`, ...plain(earlier, f))})`);
  return and(sql`true`, ...parts) ?? sql`true`;
}

/**
 * The unit a field list's `unitId` names (a village or grid of the station, or — from the dashboard — a station or
 * bureau): NOT_FOUND when there is none, FORBIDDEN when it is outside the caller's sight (stationInScope's rule).
 */
export async function listUnit(ctx: Ctx, unitId: string) {
  const [unit] = await ctx.db
    .select({ id: units.id, path: units.path, kind: units.kind, name: units.name })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new AppError('NOT_FOUND', { what: 'unit' });
  const actor = actorOf(ctx);
  if (!canSeePath(actor, unit.path, 'field.read') && !isUnder(actor.scopePath, unit.path))
    throw new AppError('FORBIDDEN');
  return unit;
}
