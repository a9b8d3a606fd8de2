/**
 * 矛盾纠纷每月综合分析: the figures shared `DisputeMonthlyFigures` defines, computed with set-based SQL over a
 * station's cases or every station's under a bureau. Six independent statements run side by side, each reading
 * ranges of the (station_id, accepted_at | closed_at | failed_at) indexes — most from the index alone — and the
 * one-per-case phone index for the repeat parties; nothing is loaded row by row.
 */
import {
  type AnalysisCount,
  COLOUR_SCHEMES,
  DISPUTE_AGES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_LEVEL_LABELS,
  DISPUTE_SOURCE_LABELS,
  type DisputeAge,
  type DisputeCategory,
  type DisputeHeadline,
  type DisputeLevel,
  type DisputeMonthlyFigures,
  type DisputeSource,
  type PlaceCount,
  periodStart,
  shiftPeriod,
} from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { agedAt, aliased, inRange, openAt, transferredIn } from './case-sets.js';

/** The unit a report covers: a station, or a bureau (every station under it). */
export interface AnalysisUnit {
  id: string;
  name: string;
  kind: string;
  path: string;
}

/** SQL: the row's `column` names a station of the unit (the station itself, or every station under a bureau). */
function stationsOf(unit: AnalysisUnit, column: SQL): SQL {
  if (unit.kind === 'station') return sql`${column} = ${unit.id}`;
  return sql`${column} IN (SELECT s.id FROM units s WHERE s.kind = 'station' AND s.path LIKE ${`${unit.path}%`})`;
}

const num = (v: unknown) => Number(v ?? 0);
const rate = (closed: number, base: number) => (base === 0 ? null : closed / base);
const iso = (d: Date) => d.toISOString();

async function rows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

type Range = { from: string; to: string };
const c = aliased('c');

/**
 * The month's acceptances read once: 新发 by category, level, colour and source, and by place — grouped by place
 * path first (few distinct paths), then each path's ids matched to its village and grid ancestors.
 */
async function occurrence(db: Db, scope: SQL, month: Range) {
  const found = await rows<{ dim: string; key: string | null; scheme: string | null; name: string | null; n: string }>(
    db,
    sql`WITH m AS MATERIALIZED (SELECT c.category, c.level, c.colour_scheme, c.colour, c.source, c.unit_path
                                  FROM dispute_cases c WHERE ${scope} AND ${inRange(c.acceptedAt, month)}),
             p AS (SELECT unit_path, count(*) AS n FROM m GROUP BY unit_path)
        SELECT 'category' AS dim, category::text AS key, NULL AS scheme, NULL AS name, count(*) AS n FROM m GROUP BY category
        UNION ALL SELECT 'level', level::text, NULL, NULL, count(*) FROM m GROUP BY level
        UNION ALL SELECT 'colour', colour, colour_scheme, NULL, count(*) FROM m GROUP BY colour_scheme, colour
        UNION ALL SELECT 'source', source::text, NULL, NULL, count(*) FROM m GROUP BY source
        UNION ALL SELECT u.kind::text, u.id::text, NULL, u.name, sum(p.n)
          FROM p CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM p.unit_path), '/')) AS seg(id)
          JOIN units u ON u.id::text = seg.id AND u.kind IN ('village', 'grid')
         GROUP BY u.kind, u.id, u.name`,
  );
  const of = (dim: string) => found.filter((r) => r.dim === dim);
  const counted = <K extends string>(
    dim: string,
    labels: Record<K, AnalysisCount['label']>,
    none?: AnalysisCount['label'],
  ) =>
    of(dim).map(
      (r): AnalysisCount => ({
        key: r.key,
        label: r.key ? labels[r.key as K] : (none ?? { zh: '—', en: '—' }),
        count: num(r.n),
      }),
    );
  const placed = (kind: string): PlaceCount[] =>
    of(kind)
      .map((r) => ({ unitId: r.key ?? '', name: r.name ?? '', count: num(r.n) }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    byCategory: counted<DisputeCategory>('category', DISPUTE_CATEGORY_LABELS),
    byLevel: counted<DisputeLevel>('level', DISPUTE_LEVEL_LABELS, { zh: '未评估', en: 'Not assessed' }),
    byColour: colours(of('colour')),
    bySource: counted<DisputeSource>('source', DISPUTE_SOURCE_LABELS),
    byVillage: placed('village'),
    byGrid: placed('grid'),
  };
}

/** Colours merged across schemes by key, named and painted by the first scheme that has the key. */
function colours(found: { key: string | null; scheme: string | null; n: string }[]): AnalysisCount[] {
  const merged = new Map<string | null, AnalysisCount>();
  for (const r of found) {
    const level = r.key
      ? (COLOUR_SCHEMES.find((s) => s.key === r.scheme) ?? COLOUR_SCHEMES[0])?.levels.find((l) => l.key === r.key)
      : undefined;
    const prior = merged.get(r.key);
    if (prior) prior.count += num(r.n);
    else
      merged.set(r.key, {
        key: r.key,
        label: level?.name ?? (r.key ? { zh: r.key, en: r.key } : { zh: '未定色', en: 'No colour' }),
        count: num(r.n),
        colour: level?.colour ?? '#8c8c8c',
      });
  }
  return [...merged.values()].sort((a, b) => b.count - a.count);
}

type Month = Range & { period: string };

/**
 * The thirteen months from the same month last year to this one, each with its range (this month's ends at `to`):
 * the trend shows the last twelve, the headlines compare this month with the one before and the one a year ago.
 */
function thirteenMonths(period: string, to: string) {
  const month = (offset: number): Month => {
    const p = shiftPeriod(period, offset);
    return { period: p, from: iso(periodStart(p)), to: offset === 0 ? to : iso(periodStart(shiftPeriod(p, 1))) };
  };
  const all = Array.from({ length: 13 }, (_, i) => month(i - 12));
  return {
    all,
    month: month(0),
    lastMonth: month(-1),
    sameMonthLastYear: month(-12),
    /** The twelve months to this month's end: the trend and the repeat figures. */
    year: { from: month(-11).from, to },
  };
}

/**
 * New and closed by month over the thirteen months: each row falls into its month by a binary search over the
 * months' starts (width_bucket), two index-only scans of the (station_id, accepted_at | closed_at) indexes.
 */
async function monthly(db: Db, scope: SQL, months: Month[]) {
  const span = { from: months[0]?.from ?? '', to: months.at(-1)?.to ?? '' };
  const starts = sql`ARRAY[${sql.join(
    months.map((m) => sql`${m.from}::timestamptz`),
    sql`, `,
  )}]`;
  const byMonth = (column: SQL) =>
    sql`SELECT width_bucket(${column}, ${starts}) AS i, count(*) AS n FROM dispute_cases c
         WHERE ${scope} AND ${inRange(column, span)} GROUP BY 1`;
  const found = await rows<{ kind: string; i: number | string; n: string }>(
    db,
    sql`SELECT 'new' AS kind, a.* FROM (${byMonth(c.acceptedAt)}) a
        UNION ALL SELECT 'closed', z.* FROM (${byMonth(c.closedAt)}) z`,
  );
  const at = (kind: string, i: number) => num(found.find((r) => r.kind === kind && num(r.i) === i + 1)?.n);
  const moved = new Map(months.map((m, i) => [m.period, { newCases: at('new', i), closed: at('closed', i) }]));
  return (period: string) => moved.get(period) ?? { newCases: 0, closed: 0 };
}

/**
 * The cases open at the start and end of this month, last month and the same month last year, and the end's
 * ageing: one pass over the cases open at any time since last year's month began.
 */
async function stock(db: Db, scope: SQL, months: ReturnType<typeof thirteenMonths>) {
  const { sameMonthLastYear: year, lastMonth: last, month: now } = months;
  const moments = [...new Set([year, last, now].flatMap((m) => [m.from, m.to]))];
  const [found] = await rows<Record<string, string>>(
    db,
    sql`SELECT ${sql.join(
      moments.map((m, i) => sql`count(*) FILTER (WHERE ${openAt(c, m)}) AS ${sql.raw(`m${i}`)}`),
      sql`, `,
    )},
           ${sql.join(
             DISPUTE_AGES.map((a) => sql`count(*) FILTER (WHERE ${agedAt(c, now.to, a)}) AS ${sql.raw(`"${a}"`)}`),
             sql`, `,
           )}
      FROM dispute_cases c
     WHERE ${scope} AND c.accepted_at < ${now.to}::timestamptz
       AND (c.closed_at IS NULL OR c.closed_at >= ${year.from}::timestamptz)`,
  );
  const openAtMoment = (moment: string) => num(found?.[`m${moments.indexOf(moment)}`]);
  const ageing = Object.fromEntries(DISPUTE_AGES.map((a) => [a, num(found?.[a])])) as Record<DisputeAge, number>;
  return { openAt: openAtMoment, ageing };
}

/** A month's headline: new, closed, open at its start and end, and 化解率 (closed over open at start and new). */
function headline(
  m: { period: string; from: string; to: string },
  moved: { newCases: number; closed: number },
  openAt: (moment: string) => number,
): DisputeHeadline {
  const openAtStart = openAt(m.from);
  return {
    period: m.period,
    newCases: moved.newCases,
    closed: moved.closed,
    openAtStart,
    openAtEnd: openAt(m.to),
    resolutionRate: rate(moved.closed, openAtStart + moved.newCases),
  };
}

/** 处理结果 besides the closes: the closes overridden (listed), cases transferred and cases found not settled. */
async function results(db: Db, scope: SQL, month: Range) {
  const [counts] = await rows<Record<string, string>>(
    db,
    sql`SELECT (SELECT count(*) FROM dispute_cases c WHERE ${scope} AND ${transferredIn(c, month)}) AS transferred,
               (SELECT count(*) FROM dispute_cases c WHERE ${scope} AND ${inRange(sql`c.failed_at`, month)}) AS failed`,
  );
  const overridden = await rows<{ number: string; reason: string; closed_at: string | Date }>(
    db,
    sql`SELECT c.number, c.close_override_reason AS reason, c.closed_at FROM dispute_cases c
         WHERE ${scope} AND ${inRange(c.closedAt, month)} AND c.close_override_reason IS NOT NULL
         ORDER BY c.closed_at, c.number`,
  );
  return {
    transferred: num(counts?.transferred),
    failed: num(counts?.failed),
    overridden: overridden.map((r) => ({
      number: r.number,
      reason: r.reason,
      closedAt: new Date(r.closed_at).toISOString(),
    })),
  };
}

/** 重复 over the twelve months to the month's end: households with two or more cases, and parties likewise. */
async function repeats(db: Db, unit: AnalysisUnit, scope: SQL, year: Range) {
  const [places, parties] = await Promise.all([
    rows<{ n: string }>(
      db,
      sql`SELECT count(*) AS n FROM (SELECT c.household_id FROM dispute_cases c
           WHERE ${scope} AND ${inRange(c.acceptedAt, year)} AND c.household_id IS NOT NULL
           GROUP BY c.household_id HAVING count(*) >= 2) h`,
    ),
    // A phone met in two or more of one station's cases of the year, station by station: each station's year
    // of the one-per-case phone index is grouped on its own (a small table in memory), and a bureau sums them.
    rows<{ n: string }>(
      db,
      sql`SELECT count(*) AS n FROM units s CROSS JOIN LATERAL (SELECT p.phone_index FROM dispute_party_phones p
           WHERE p.station_id = s.id AND ${inRange(sql`p.accepted_at`, year)}
           GROUP BY p.phone_index HAVING count(*) >= 2) q
         WHERE ${stationsOf(unit, sql`s.id`)}`,
    ),
  ]);
  return { repeatPlaces: num(places[0]?.n), repeatParties: num(parties[0]?.n) };
}

/** The month's figures for a station, or for every station under a bureau. */
export async function disputeMonthlyFigures(
  db: Db,
  unit: AnalysisUnit,
  period: string,
  asOf?: Date,
): Promise<DisputeMonthlyFigures> {
  const scope = stationsOf(unit, sql`c.station_id`);
  // A month still running ends now: its stock and ageing are today's, not those of a day to come.
  const end = periodStart(shiftPeriod(period, 1));
  const to = iso(asOf && asOf < end ? asOf : end);
  const months = thirteenMonths(period, to);
  const { month, lastMonth, sameMonthLastYear } = months;
  // Independent reads, each a set-based statement: run side by side on the pool.
  const [occurred, moved, open, done, repeated, stations] = await Promise.all([
    occurrence(db, scope, month),
    monthly(db, scope, months.all),
    stock(db, scope, months),
    results(db, scope, month),
    repeats(db, unit, scope, months.year),
    unit.kind === 'station'
      ? Promise.resolve(1)
      : rows<{ n: string }>(
          db,
          sql`SELECT count(*) AS n FROM units WHERE kind = 'station' AND path LIKE ${`${unit.path}%`}`,
        ).then((r) => num(r[0]?.n)),
  ]);
  const h = headline(month, moved(month.period), open.openAt);
  const proactive = occurred.bySource.find((s) => s.key === 'proactive')?.count ?? 0;
  const from = month.from;
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    period,
    from,
    to,
    stations,
    occurrence: { newCases: h.newCases, proactive, ...occurred },
    stock: { openAtStart: h.openAtStart, openAtEnd: h.openAtEnd, ageing: open.ageing },
    results: {
      closed: h.closed,
      closedMet: h.closed - done.overridden.length,
      closedOverridden: done.overridden.length,
      overridden: done.overridden,
      transferred: done.transferred,
      failed: done.failed,
      resolutionRate: h.resolutionRate,
    },
    trend: {
      lastMonth: headline(lastMonth, moved(lastMonth.period), open.openAt),
      lastYear: headline(sameMonthLastYear, moved(sameMonthLastYear.period), open.openAt),
      hotspots: occurred.byVillage.slice(0, 5),
      ...repeated,
      months: months.all.slice(1).map((m) => ({ period: m.period, ...moved(m.period) })),
    },
  };
}
