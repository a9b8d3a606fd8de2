/**
 * 矛盾纠纷每月综合分析: the figures shared `DisputeMonthlyFigures` defines, computed with set-based SQL over a
 * station's cases or every station's under a bureau. Each query reads one month's range through the
 * (station_id, accepted_at) and (station_id, closed_at) indexes; nothing is loaded row by row.
 */
import {
  type AnalysisCount,
  COLOUR_SCHEMES,
  DISPUTE_CATEGORY_LABELS,
  DISPUTE_LEVEL_LABELS,
  DISPUTE_SOURCE_LABELS,
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

/** The unit a report covers: a station, or a bureau (every station under it). */
export interface AnalysisUnit {
  id: string;
  name: string;
  kind: string;
  path: string;
}

/** SQL: the case (alias `c`) belongs to the unit's station(s). */
function casesOf(unit: AnalysisUnit): SQL {
  if (unit.kind === 'station') return sql`c.station_id = ${unit.id}`;
  return sql`c.station_id IN (SELECT s.id FROM units s WHERE s.kind = 'station' AND s.path LIKE ${`${unit.path}%`})`;
}

const num = (v: unknown) => Number(v ?? 0);
const rate = (closed: number, base: number) => (base === 0 ? null : closed / base);
const iso = (d: Date) => d.toISOString();

async function rows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** 新发 by category, level, colour and source in one pass over the month's acceptances. */
async function breakdowns(db: Db, scope: SQL, from: string, to: string) {
  const found = await rows<{ dim: string; key: string | null; scheme: string | null; n: string }>(
    db,
    sql`WITH m AS (SELECT c.category, c.level, c.colour_scheme, c.colour, c.source FROM dispute_cases c
                    WHERE ${scope} AND c.accepted_at >= ${from}::timestamptz AND c.accepted_at < ${to}::timestamptz)
        SELECT 'category' AS dim, category::text AS key, NULL AS scheme, count(*) AS n FROM m GROUP BY category
        UNION ALL SELECT 'level', level::text, NULL, count(*) FROM m GROUP BY level
        UNION ALL SELECT 'colour', colour, colour_scheme, count(*) FROM m GROUP BY colour_scheme, colour
        UNION ALL SELECT 'source', source::text, NULL, count(*) FROM m GROUP BY source`,
  );
  const of = (dim: string) => found.filter((r) => r.dim === dim);
  const byCategory: AnalysisCount[] = of('category').map((r) => ({
    key: r.key,
    label: DISPUTE_CATEGORY_LABELS[r.key as DisputeCategory],
    count: num(r.n),
  }));
  const byLevel: AnalysisCount[] = of('level').map((r) => ({
    key: r.key,
    label: r.key ? DISPUTE_LEVEL_LABELS[r.key as DisputeLevel] : { zh: '未评估', en: 'Not assessed' },
    count: num(r.n),
  }));
  const bySource: AnalysisCount[] = of('source').map((r) => ({
    key: r.key,
    label: DISPUTE_SOURCE_LABELS[r.key as DisputeSource],
    count: num(r.n),
  }));
  return { byCategory, byLevel, byColour: colours(of('colour')), bySource };
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

/**
 * 新发 by village and by grid: the month's cases grouped by place first (few distinct paths), then each path's
 * ids matched to its village and grid ancestors.
 */
async function places(db: Db, scope: SQL, from: string, to: string) {
  const found = await rows<{ kind: string; id: string; name: string; n: string }>(
    db,
    sql`WITH p AS (SELECT c.unit_path, count(*) AS n FROM dispute_cases c
                    WHERE ${scope} AND c.accepted_at >= ${from}::timestamptz AND c.accepted_at < ${to}::timestamptz
                    GROUP BY c.unit_path)
        SELECT u.kind::text AS kind, u.id, u.name, sum(p.n) AS n
          FROM p CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM p.unit_path), '/')) AS seg(id)
          JOIN units u ON u.id::text = seg.id AND u.kind IN ('village', 'grid')
         GROUP BY u.kind, u.id, u.name ORDER BY n DESC, u.name`,
  );
  const of = (kind: string): PlaceCount[] =>
    found.filter((r) => r.kind === kind).map((r) => ({ unitId: r.id, name: r.name, count: num(r.n) }));
  return { byVillage: of('village'), byGrid: of('grid') };
}

const bounds = (period: string) => ({
  period,
  from: iso(periodStart(period)),
  to: iso(periodStart(shiftPeriod(period, 1))),
});

/**
 * The headline counts of the month, last month and the same month last year, and the end's ageing. The open
 * cases at all five moments come from one pass over the cases open at any time since last year's month
 * began; new and closed are six counts over the two month indexes.
 */
async function headlines(db: Db, scope: SQL, period: string, to: string) {
  const months = [
    { ...bounds(period), to },
    bounds(shiftPeriod(period, -1)),
    bounds(shiftPeriod(period, -12)),
  ] as const;
  const [now, , year] = months;
  const open = (at: string) =>
    sql`c.accepted_at < ${at}::timestamptz AND (c.closed_at IS NULL OR c.closed_at >= ${at}::timestamptz)`;
  const age = (days: number) =>
    sql`${open(now.to)} AND c.accepted_at >= ${now.to}::timestamptz - ${`${days} days`}::interval`;
  const moments = [...new Set(months.flatMap((m) => [m.from, m.to]))];
  const [stock] = await rows<Record<string, string>>(
    db,
    sql`SELECT ${sql.join(
      moments.map((m, i) => sql`count(*) FILTER (WHERE ${open(m)}) AS ${sql.raw(`m${i}`)}`),
      sql`, `,
    )},
           count(*) FILTER (WHERE ${age(30)}) AS d30, count(*) FILTER (WHERE ${age(90)}) AS d90,
           count(*) FILTER (WHERE ${age(180)}) AS d180
      FROM dispute_cases c
     WHERE ${scope} AND c.accepted_at < ${now.to}::timestamptz
       AND (c.closed_at IS NULL OR c.closed_at >= ${year.from}::timestamptz)`,
  );
  const count = (column: string, m: { from: string; to: string }) =>
    sql`(SELECT count(*) FROM dispute_cases c WHERE ${scope} AND ${sql.raw(`c.${column}`)} >= ${m.from}::timestamptz
          AND ${sql.raw(`c.${column}`)} < ${m.to}::timestamptz)`;
  const [moved] = await rows<Record<string, string>>(
    db,
    sql`SELECT ${sql.join(
      months.flatMap((m, i) => [
        sql`${count('accepted_at', m)} AS ${sql.raw(`n${i}`)}`,
        sql`${count('closed_at', m)} AS ${sql.raw(`c${i}`)}`,
      ]),
      sql`, `,
    )}`,
  );
  const at = (moment: string) => num(stock?.[`m${moments.indexOf(moment)}`]);
  const [thisMonth, lastMonth, lastYear] = months.map((m, i): DisputeHeadline => {
    const newCases = num(moved?.[`n${i}`]);
    const closed = num(moved?.[`c${i}`]);
    const openAtStart = at(m.from);
    return {
      period: m.period,
      newCases,
      closed,
      openAtStart,
      openAtEnd: at(m.to),
      resolutionRate: rate(closed, openAtStart + newCases),
    };
  }) as [DisputeHeadline, DisputeHeadline, DisputeHeadline];
  const [d30, d90, d180] = [num(stock?.d30), num(stock?.d90), num(stock?.d180)];
  const ageing = { upTo30: d30, upTo90: d90 - d30, upTo180: d180 - d90, over180: thisMonth.openAtEnd - d180 };
  return { thisMonth, lastMonth, lastYear, ageing };
}

/** 处理结果: closes (met or overridden, the overridden listed), transfers sent and cases found not settled. */
async function results(db: Db, scope: SQL, from: string, to: string) {
  const inMonth = (column: SQL) => sql`${column} >= ${from}::timestamptz AND ${column} < ${to}::timestamptz`;
  const [counts] = await rows<Record<string, string>>(
    db,
    sql`SELECT (SELECT count(*) FROM dispute_cases c WHERE ${scope} AND ${inMonth(sql`c.closed_at`)}
                  AND c.close_override_reason IS NULL) AS met,
               (SELECT count(*) FROM dispute_transfers t JOIN dispute_cases c ON c.id = t.case_id
                 WHERE ${scope} AND ${inMonth(sql`t.sent_at`)}) AS transferred,
               (SELECT count(*) FROM dispute_cases c WHERE ${scope} AND ${inMonth(sql`c.failed_at`)}) AS failed`,
  );
  const overridden = await rows<{ number: string; reason: string; closed_at: string | Date }>(
    db,
    sql`SELECT c.number, c.close_override_reason AS reason, c.closed_at FROM dispute_cases c
         WHERE ${scope} AND ${inMonth(sql`c.closed_at`)} AND c.close_override_reason IS NOT NULL
         ORDER BY c.closed_at, c.number`,
  );
  return {
    met: num(counts?.met),
    transferred: num(counts?.transferred),
    failed: num(counts?.failed),
    overridden: overridden.map((r) => ({
      number: r.number,
      reason: r.reason,
      closedAt: new Date(r.closed_at).toISOString(),
    })),
  };
}

/** 发展态势 over the twelve months to the month's end: new and closed by month, repeat places and parties. */
async function twelveMonths(db: Db, scope: SQL, period: string, to: string) {
  const since = iso(periodStart(shiftPeriod(period, -11)));
  const month = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
  const series = await rows<{ period: string; new_cases: string; closed: string }>(
    db,
    sql`SELECT m.period, coalesce(a.n, 0) AS new_cases, coalesce(z.n, 0) AS closed
          FROM (SELECT to_char(g, 'YYYY-MM') AS period
                  FROM generate_series(${`${shiftPeriod(period, -11)}-01`}::date, ${`${period}-01`}::date, '1 month') g) m
          LEFT JOIN (SELECT ${month(sql`c.accepted_at`)} AS period, count(*) AS n FROM dispute_cases c
                      WHERE ${scope} AND c.accepted_at >= ${since}::timestamptz AND c.accepted_at < ${to}::timestamptz
                      GROUP BY 1) a ON a.period = m.period
          LEFT JOIN (SELECT ${month(sql`c.closed_at`)} AS period, count(*) AS n FROM dispute_cases c
                      WHERE ${scope} AND c.closed_at >= ${since}::timestamptz AND c.closed_at < ${to}::timestamptz
                      GROUP BY 1) z ON z.period = m.period
         ORDER BY m.period`,
  );
  const year = sql`${scope} AND c.accepted_at >= ${since}::timestamptz AND c.accepted_at < ${to}::timestamptz`;
  const [places] = await rows<{ n: string }>(
    db,
    sql`SELECT count(*) AS n FROM (SELECT c.household_id FROM dispute_cases c WHERE ${year}
          AND c.household_id IS NOT NULL GROUP BY c.household_id HAVING count(*) >= 2) h`,
  );
  // A year of a bureau's parties is about a million rows to group: in memory, not spilled to disk (4 MB default).
  const [parties] = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return rows<{ n: string }>(
      tx,
      sql`SELECT count(*) AS n FROM (SELECT p.phone_index FROM dispute_parties p JOIN dispute_cases c ON c.id = p.case_id
           WHERE ${year} AND p.phone_index IS NOT NULL
           GROUP BY p.phone_index HAVING count(DISTINCT p.case_id) >= 2) q`,
    );
  });
  return {
    months: series.map((r) => ({ period: r.period, newCases: num(r.new_cases), closed: num(r.closed) })),
    repeatPlaces: num(places?.n),
    repeatParties: num(parties?.n),
  };
}

/** The month's figures for a station, or for every station under a bureau. */
export async function disputeMonthlyFigures(
  db: Db,
  unit: AnalysisUnit,
  period: string,
  asOf?: Date,
): Promise<DisputeMonthlyFigures> {
  const scope = casesOf(unit);
  const from = iso(periodStart(period));
  // A month still running ends now: its stock and ageing are today's, not those of a day to come.
  const end = periodStart(shiftPeriod(period, 1));
  const to = iso(asOf && asOf < end ? asOf : end);
  const [groups, where, heads, done, year, stations] = await Promise.all([
    breakdowns(db, scope, from, to),
    places(db, scope, from, to),
    headlines(db, scope, period, to),
    results(db, scope, from, to),
    twelveMonths(db, scope, period, to),
    unit.kind === 'station'
      ? Promise.resolve(1)
      : rows<{ n: string }>(
          db,
          sql`SELECT count(*) AS n FROM units WHERE kind = 'station' AND path LIKE ${`${unit.path}%`}`,
        ).then((r) => num(r[0]?.n)),
  ]);
  const h = heads.thisMonth;
  const proactive = groups.bySource.find((s) => s.key === 'proactive')?.count ?? 0;
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    period,
    from,
    to,
    stations,
    occurrence: { newCases: h.newCases, proactive, ...groups, ...where },
    stock: { openAtStart: h.openAtStart, openAtEnd: h.openAtEnd, ageing: heads.ageing },
    results: {
      closed: h.closed,
      closedMet: done.met,
      closedOverridden: done.overridden.length,
      overridden: done.overridden,
      transferred: done.transferred,
      failed: done.failed,
      resolutionRate: h.resolutionRate,
    },
    trend: {
      lastMonth: heads.lastMonth,
      lastYear: heads.lastYear,
      hotspots: where.byVillage.slice(0, 5),
      repeatPlaces: year.repeatPlaces,
      repeatParties: year.repeatParties,
      months: year.months,
    },
  };
}
