/**
 * What the responsibility module's use cases share: the village or grid in sight, its station, who may change
 * it (field.manage inside the station), who reads persons' names in full (the station's own staff), and the
 * 409 that says in words what is in the way.
 */
import { maskName } from '@jingmin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { units } from '../../db/schema/index.js';
import { actorOf, auditAlone, type Ctx } from '../../platform/context.js';
import { AppError, invalid } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';

export type UnitRow = typeof units.$inferSelect;
export interface Place {
  unit: UnitRow;
  station: { id: string; path: string; name: string };
}

/** A village or grid the actor sees (404 out of sight, as for any record), with its station. */
export async function placeInSight(ctx: Ctx, unitId: string, kinds: readonly string[] = ['village', 'grid']) {
  const [unit] = await ctx.db.select().from(units).where(eq(units.id, unitId));
  if (!unit || !canSeePath(actorOf(ctx), unit.path, 'field.read')) throw new AppError('NOT_FOUND', { what: '节点' });
  if (!kinds.includes(unit.kind))
    throw invalid(
      ctx,
      'unit',
      kinds.length === 1 ? '应为网格' : '应为村（社区）或网格',
      kinds.length === 1 ? 'must be a grid' : 'must be a village or a grid',
    );
  const ids = unit.path.split('/').filter(Boolean);
  const [station] = await ctx.db
    .select({ id: units.id, path: units.path, name: units.name })
    .from(units)
    .where(and(inArray(units.id, ids), eq(units.kind, 'station')));
  if (!station) throw new AppError('NOT_FOUND', { what: '派出所' });
  return { unit, station } satisfies Place;
}

/** Changes need field.manage and the station (or above) in scope: a grid worker or an office below never. */
export function canManage(ctx: Ctx, stationPath: string): boolean {
  const actor = actorOf(ctx);
  return actor.capabilities.includes('field.manage') && canSeePath(actor, stationPath);
}

export function assertManage(ctx: Ctx, stationPath: string) {
  if (!canManage(ctx, stationPath)) throw new AppError('FORBIDDEN');
}

/** Persons' names and phones in full for the station's own staff; masked for readers from above (the bureau). */
export function readsInFull(ctx: Ctx, stationPath: string): boolean {
  return isUnder(actorOf(ctx).scopePath, stationPath);
}

export const maskPerson = (name: string) => maskName(name, 'person');

/** Natural order of addresses: 1组2号 before 1组10号. */
export const byAddress = (a: { address: string }, b: { address: string }) =>
  a.address.localeCompare(b.address, 'zh-CN', { numeric: true });

/** A read that showed persons' names and phones in full is audited (M-08: reads of personal data). */
export async function auditFullRead(ctx: Ctx, action: string, targetType: string, targetId: string, persons: number) {
  if (persons === 0) return;
  await auditAlone(ctx, { action, result: 'ok', targetType, targetId, details: { persons } });
}
