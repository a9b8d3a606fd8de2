/**
 * 隐患统计 of a station over a period: found in it, verified (销号) in it, and open and overdue now — in all,
 * by kind and by village — counted in one grouped statement over the hazards the actor sees. Voided
 * hazards (entered by mistake) count nowhere.
 */
import { type HazardFigures, type HazardFiguresQuery, shanghaiDayEnd, toCalendarDate } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { hazards } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { visibleUnits } from '../../platform/scope.js';
import { stationInScope } from '../settings/settings.service.js';
import { hazardSetSql } from './hazard-sets.js';
import { hazardSettings, kindName } from './settings.js';

const MAX_DAYS = 3 * 366;

type Row = {
  kind: string;
  village_id: string | null;
  village_name: string | null;
  found: number;
  fixed: number;
  open: number;
  overdue: number;
};
type Counts = Pick<HazardFigures, 'found' | 'fixed' | 'open' | 'overdue'>;

const sum = (rows: Row[]): Counts => ({
  found: rows.reduce((n, r) => n + Number(r.found), 0),
  fixed: rows.reduce((n, r) => n + Number(r.fixed), 0),
  open: rows.reduce((n, r) => n + Number(r.open), 0),
  overdue: rows.reduce((n, r) => n + Number(r.overdue), 0),
});

function groupBy<K>(rows: Row[], keyOf: (r: Row) => K): Map<K, Row[]> {
  const groups = new Map<K, Row[]>();
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return groups;
}

export async function hazardFigures(ctx: Ctx, stationId: string, q: HazardFiguresQuery): Promise<HazardFigures> {
  await stationInScope(ctx, stationId);
  if (q.from > q.to) throw invalid(ctx, 'from', '开始日期不能晚于结束日期', 'must not be after `to`');
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (days > MAX_DAYS) throw invalid(ctx, 'to', '统计区间最长三年', 'the period is at most three years');
  const now = ctx.now();
  const bounds = { start: new Date(`${q.from}T00:00:00+08:00`), asOf: shanghaiDayEnd(q.to) };
  const today = toCalendarDate(now);
  const seen = visibleUnits(actorOf(ctx), hazards.unitPath, 'field.read');
  const rows = rowsOf<Row>(
    await ctx.db.execute(sql`
      SELECT hazards.kind,
             CASE WHEN u.kind = 'village' THEN u.id WHEN p.kind = 'village' THEN p.id END AS village_id,
             CASE WHEN u.kind = 'village' THEN u.name WHEN p.kind = 'village' THEN p.name END AS village_name,
             count(*) FILTER (WHERE ${hazardSetSql('found', bounds, now)})::int AS found,
             count(*) FILTER (WHERE ${hazardSetSql('fixed', bounds, now)})::int AS fixed,
             count(*) FILTER (WHERE hazards.status IN ('open', 'rectified'))::int AS open,
             count(*) FILTER (WHERE ${hazardSetSql('overdue', bounds, now)})::int AS overdue
        FROM hazards
        JOIN units u ON u.id = hazards.unit_id
        LEFT JOIN units p ON p.id = u.parent_id
       WHERE hazards.station_id = ${stationId}::uuid AND hazards.status <> 'voided' AND ${seen}
       GROUP BY 1, 2, 3`),
  );
  const { kinds } = await hazardSettings(ctx.db, stationId);
  const byKind = [...groupBy(rows, (r) => r.kind)].map(([kind, rs]) => ({
    kind,
    name: kindName(kinds, kind),
    ...sum(rs),
  }));
  // The station's order of kinds first, kinds it no longer lists after.
  const rank = (k: string) => {
    const i = kinds.findIndex((x) => x.key === k);
    return i < 0 ? kinds.length : i;
  };
  byKind.sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind));
  const byVillage = [...groupBy(rows, (r) => r.village_id)]
    .filter(([id]) => id !== null)
    .map(([id, rs]) => ({ unitId: id ?? '', name: rs[0]?.village_name ?? '', ...sum(rs) }))
    .sort((a, b) => b.found - a.found || a.name.localeCompare(b.name, 'zh'));
  return { stationId, from: q.from, to: q.to, today, ...sum(rows), byKind, byVillage };
}
