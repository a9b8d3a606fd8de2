/**
 * What an account may see — the one home of the scope rule. Every query and
 * guard asks here instead of matching unit paths itself.
 *
 * - An actor sees the subtree of its scope unit: units carry a materialised
 *   path ("/bureau/station/village/"), so a subtree is one prefix match. A
 *   bureau supervisor's unit is the bureau, a chief's the station, a grid
 *   worker's their village.
 * - A partner department's liaison (capability `matter.department_only`) sees
 *   only the matters transferred to its department; its units are still its
 *   subtree, so it can pass a matter on to another department.
 * - A scope grant (临时授权) adds a read of one capability on another subtree
 *   until it expires or is revoked. It counts only where the caller names the
 *   capability it is reading with: a change never passes one. A grant narrowed
 *   to a list of households (a 双率 sample) opens only those households
 *   (canSeeHousehold), never the subtree's units, lists or matters.
 * - A resident's tracking link opens one matter (modules/residents/links.ts), never a scope.
 */
import type { Capability } from '@jingmin/shared';
import { type AnyColumn, eq, or, type SQL, sql } from 'drizzle-orm';
import { matters } from '../db/schema/index.js';
import type { ActiveGrant, Actor } from './context.js';
import { AppError } from './errors.js';
import { departmentTopic, unitTopic } from './topics.js';

/** What one account or link may see. */
export type Scope =
  | { kind: 'subtree'; unitId: string; path: string; grants: readonly ActiveGrant[] }
  | { kind: 'department'; departmentId: string | null; unitId: string; path: string };

/** A matter as far as sight is concerned. */
export interface MatterSight {
  unitPath: string;
  assigneeStaffId: string | null;
  assigneeDepartmentId: string | null;
}

/** A partner department's account: it sees and passes on only what was transferred to its department. */
export function isDepartmentOnly(actor: Actor): boolean {
  return actor.capabilities.includes('matter.department_only');
}

export function scopeOf(actor: Actor): Scope {
  if (isDepartmentOnly(actor))
    return { kind: 'department', departmentId: actor.departmentId, unitId: actor.scopeUnitId, path: actor.scopePath };
  return { kind: 'subtree', unitId: actor.scopeUnitId, path: actor.scopePath, grants: actor.grants };
}

/** Grants in force for `capability`, and only when the actor holds that capability through a role. */
function grantsFor(actor: Actor, capability: Capability | undefined, households = false): readonly ActiveGrant[] {
  if (!capability || !actor.capabilities.includes(capability)) return [];
  // A grant narrowed to households opens those households only, never the whole subtree.
  return actor.grants.filter((g) => g.capability === capability && (households || !g.householdIds));
}

/** Units granted to the actor for `capability` (reads outside its subtree). */
export function grantedUnits(actor: Actor, capability: Capability): string[] {
  return [...new Set(grantsFor(actor, capability).map((g) => g.unitId))];
}

/** True when `path` is `prefix` or lies below it. */
export function isUnder(path: string, prefix: string): boolean {
  return path.startsWith(prefix);
}

/** SQL: the unit path in `column` is `prefix` or lies below it. */
export function under(column: AnyColumn | SQL, prefix: string): SQL {
  return sql`${column} LIKE ${`${escapeLike(prefix)}%`}`;
}

/**
 * Whether the actor sees the unit at `unitPath`: its own subtree, or — for a
 * read with `capability` — a subtree granted to it for that capability.
 */
export function canSeePath(actor: Actor, unitPath: string, capability?: Capability): boolean {
  if (isUnder(unitPath, actor.scopePath)) return true;
  return grantsFor(actor, capability).some((g) => isUnder(unitPath, g.unitPath));
}

/**
 * Whether the actor sees one household: its unit is in sight (canSeePath), or — for a read with
 * `capability` — a grant narrowed to households names it.
 */
export function canSeeHousehold(actor: Actor, h: { id: string; unitPath: string }, capability?: Capability): boolean {
  if (canSeePath(actor, h.unitPath, capability)) return true;
  return grantsFor(actor, capability, true).some(
    (g) => g.householdIds?.includes(h.id) === true && isUnder(h.unitPath, g.unitPath),
  );
}

/** Throws FORBIDDEN unless the actor sees the unit at `unitPath` (see canSeePath). */
export function assertCanSeePath(actor: Actor, unitPath: string, capability?: Capability): void {
  if (!canSeePath(actor, unitPath, capability)) throw new AppError('FORBIDDEN');
}

/** SQL condition: the unit path in `pathColumn` is one the actor sees (see canSeePath). */
export function visibleUnits(actor: Actor, pathColumn: AnyColumn | SQL, capability?: Capability): SQL {
  const granted = grantsFor(actor, capability).map((g) => under(pathColumn, g.unitPath));
  const own = under(pathColumn, actor.scopePath);
  return or(own, ...granted) ?? own;
}

/** Whether the actor sees the matter: a department its own transfers, everyone else by the matter's unit. */
export function canSeeMatter(actor: Actor, m: MatterSight, capability?: Capability): boolean {
  if (isDepartmentOnly(actor)) return holdsMatter(actor, m);
  return canSeePath(actor, m.unitPath, capability);
}

/** The actor holds the matter: it is assigned to them, or to their department. */
export function holdsMatter(actor: Actor, m: Pick<MatterSight, 'assigneeStaffId' | 'assigneeDepartmentId'>): boolean {
  return (
    m.assigneeStaffId === actor.id || (actor.departmentId !== null && m.assigneeDepartmentId === actor.departmentId)
  );
}

/** SQL condition on `matters`: the rows the actor sees (the same rule as canSeeMatter). */
export function visibleMatters(actor: Actor, capability?: Capability): SQL {
  if (!isDepartmentOnly(actor)) return visibleUnits(actor, matters.unitPath, capability);
  const own = eq(matters.assigneeStaffId, actor.id);
  if (!actor.departmentId) return own;
  return or(own, eq(matters.assigneeDepartmentId, actor.departmentId)) ?? own;
}

/**
 * Live-stream topics the actor listens on: `department:<id>` for a
 * department-only account; otherwise `unit:<id>` of its scope unit and of
 * each unit granted to it for `capability` (a matter stream reads with
 * `matter.read`). So a matter's event reaches a subtree when it is posted to
 * `unit:<id>` of every unit on the matter's path.
 */
export function streamTopics(actor: Actor, capability: Capability = 'matter.read'): string[] {
  if (isDepartmentOnly(actor)) return actor.departmentId ? [departmentTopic(actor.departmentId)] : [];
  const units = new Set([actor.scopeUnitId, ...grantedUnits(actor, capability)]);
  return [...units].map(unitTopic);
}

/** Escapes LIKE wildcards in user text or a path. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
