/**
 * Who may read and change a station's patrols, and the patrol refusals.
 *
 * Reading (field.read) is for the station's staff and the units above it; staff below the station (a grid
 * worker's village) read their station's patrols too, since they walk them. Setting up teams, points and routes
 * (field.manage) is the station's own or a unit's above it. A record out of sight is "not found".
 */
import type { ErrorCode } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';

export interface Station {
  id: string;
  path: string;
  name: string;
}

/** A station the actor works in or above (403 otherwise). */
export async function stationToRead(ctx: Ctx, stationId: string): Promise<Station> {
  const station = await stationInScope(ctx, stationId);
  const [row] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, stationId));
  return { ...station, name: row?.name ?? '' };
}

/** A station whose patrol set-up the actor may change: the station itself or a unit above it. */
export async function stationToChange(ctx: Ctx, stationId: string): Promise<Station> {
  const station = await stationToRead(ctx, stationId);
  if (!canSeePath(actorOf(ctx), station.path)) throw new AppError('FORBIDDEN');
  return station;
}

/** Whether a record of the station at `stationPath` is in the actor's sight (the same rule as stationInScope). */
export function seesStation(ctx: Ctx, stationPath: string): boolean {
  const actor = actorOf(ctx);
  return canSeePath(actor, stationPath) || isUnder(actor.scopePath, stationPath);
}

/** The actor works in the station (not above it): volunteers' names are shown to them alone. */
export function worksIn(ctx: Ctx, stationPath: string): boolean {
  return isUnder(actorOf(ctx).scopePath, stationPath);
}

/** "未找到该必到点": a patrol record by name, in the caller's language. */
export function notFound(ctx: Ctx, zh: string, en: string): AppError {
  return new AppError('NOT_FOUND', { what: ctx.locale === 'en' ? en : zh });
}

/** The patrol refusals (shared/errors.ts), in the caller's language. */
export type PatrolCode = Extract<ErrorCode, `PATROL_${string}`>;

/** The refusal `code` with its parameters. */
export function refuse(_ctx: Ctx, code: PatrolCode, params: Record<string, string> = {}): AppError {
  return new AppError(code, params);
}
