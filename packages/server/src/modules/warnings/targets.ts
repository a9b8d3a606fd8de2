/**
 * Whom a notice reaches: units of the station's tree inside the author's scope, the station's open rooms, and/or
 * the category's subscribers. A notice is visible to its target paths (a household sees it when a path is a
 * prefix of its own), so reaching an area costs one prefix match, never a row per household.
 */
import type { WarningRules, WarningTarget } from '@jingmin/shared';
import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rooms, units } from '../../db/schema/index.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder, under } from '../../platform/scope.js';
import { smsText } from '../../platform/sms/sms.js';

/** The kinds of unit a notice may name: areas with households below them (not a police office). */
const TARGET_KINDS = new Set(['station', 'township', 'village', 'grid']);

export interface Station {
  id: string;
  path: string;
  name: string;
}

export interface ResolvedTarget {
  units: { id: string; name: string; kind: string; path: string }[];
  rooms: { id: string; name: string }[];
  subscribers: boolean;
}

const unique = (ids: string[]) => [...new Set(ids)];

function foreign(ctx: Ctx, what: string, detail: Record<string, string>): AppError {
  const outside = ctx.locale === 'en' ? ' (outside the station or your scope)' : '（不在本所辖区或您的权限内）';
  return new AppError('WARNING_TARGET_FOREIGN', { detail: `${what}${outside}` }, detail);
}

/** The units named, each under the station and in the author's scope; else 422 naming the first that is not. */
async function targetUnits(ctx: Ctx, actor: Actor, station: Station, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(inArray(units.id, ids));
  return ids.map((id) => {
    const unit = rows.find((r) => r.id === id);
    if (!unit) throw foreign(ctx, id, { unitId: id });
    const fits = TARGET_KINDS.has(unit.kind) && isUnder(unit.path, station.path) && canSeePath(actor, unit.path);
    if (!fits) throw foreign(ctx, unit.name, { unitId: id });
    return unit;
  });
}

/** The rooms named: the station's, in the author's sight, open; else 422 (another's) or 409 (closed). */
async function targetRooms(ctx: Ctx, actor: Actor, station: Station, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: rooms.id,
      name: rooms.name,
      stationId: rooms.stationId,
      unitPath: rooms.unitPath,
      active: rooms.active,
    })
    .from(rooms)
    .where(inArray(rooms.id, ids));
  return ids.map((id) => {
    const room = rows.find((r) => r.id === id);
    if (!room) throw foreign(ctx, id, { roomId: id });
    if (room.stationId !== station.id || !canSeePath(actor, room.unitPath))
      throw foreign(ctx, room.name, { roomId: id });
    if (!room.active) throw new AppError('ROOM_CLOSED', { room: room.name });
    return { id: room.id, name: room.name };
  });
}

/** Checks a target against the station and the author's scope. */
export async function resolveTarget(
  ctx: Ctx,
  actor: Actor,
  station: Station,
  target: WarningTarget,
): Promise<ResolvedTarget> {
  // The category's subscribers are the whole station's: only an author whose scope holds the station reaches them.
  if (target.subscribers && !canSeePath(actor, station.path))
    throw foreign(ctx, '订阅该类别的群众（全所范围）', { subscribers: 'true' });
  return {
    units: await targetUnits(ctx, actor, station, unique(target.unitIds)),
    rooms: await targetRooms(ctx, actor, station, unique(target.roomIds)),
    subscribers: target.subscribers,
  };
}

/** The fewest paths covering the same households: a village chosen with one of its grids counts once. */
export function coveringPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const p of sorted) if (!kept.some((k) => isUnder(p, k))) kept.push(p);
  return kept;
}

/** SQL: the path in `column` lies under one of `paths` (each household once, however targets overlap). */
export function underAny(column: AnyPgColumn | SQL, paths: readonly string[]): SQL {
  const covering = coveringPaths(paths);
  if (covering.length === 0) return sql`false`;
  return or(...covering.map((p) => under(column, p))) ?? sql`false`;
}

/** Who an SMS says it is from: the station's signature, its name when none is set. */
export const smsSenderOf = (rules: Pick<WarningRules, 'smsSignature'>, stationName: string) =>
  rules.smsSignature.trim() || stationName;

/** The SMS as residents read it (the approved template filled in), shown before sending and frozen when sent. */
export function smsTextOf(rules: Pick<WarningRules, 'smsSignature'>, stationName: string, summary: string): string {
  return smsText({ kind: 'warning', phone: '', sender: smsSenderOf(rules, stationName), text: summary });
}

/** The summary inside a text `smsTextOf` froze (the template's values are the sender and the summary). */
export function smsSummaryOf(frozen: string, sender: string): string {
  const [before = '', after = ''] = smsText({ kind: 'warning', phone: '', sender, text: '\u0000' }).split('\u0000');
  return frozen.startsWith(before) && frozen.endsWith(after)
    ? frozen.slice(before.length, frozen.length - after.length)
    : frozen;
}
