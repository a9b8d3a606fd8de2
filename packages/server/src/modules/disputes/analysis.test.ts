/**
 * 矛盾纠纷每月综合分析: cases with known dates are written straight into the tables (at the month's edges too),
 * and every figure of October 2026 — for station A and for the bureau — equals a count written here in SQL.
 */
import type { DisputeMonthlyFigures } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { departments, disputeCases, disputeParties, disputeTransfers, units } from '../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { type AnalysisUnit, disputeMonthlyFigures } from './analysis.js';
import { notePartyPhones } from './parties.js';

let t: TestApp;
const FROM = '2026-09-30T16:00:00.000Z'; // 2026-10-01 00:00 Beijing
const TO = '2026-10-31T16:00:00.000Z';
let seq = 0;

interface Seed {
  station?: 'A' | 'B';
  at: string;
  place?: 'villageA' | 'gridA1' | 'gridA2' | 'villageB';
  category?: 'land_demolition' | 'labour' | 'public_order' | 'safety' | 'other';
  level?: 'extreme' | 'major' | 'serious' | 'ordinary' | 'simple' | null;
  colour?: string | null;
  source?: 'matter' | 'walk_in' | 'phone' | 'police_110' | 'proactive';
  closed?: string;
  override?: string;
  failed?: string;
  household?: number;
  phones?: string[];
  transferredAt?: string;
}

async function seed(s: Seed) {
  const { db } = t.deps.database;
  const fx = t.fx;
  const station = s.station ?? 'A';
  const place = s.place ?? (station === 'A' ? 'gridA1' : 'villageB');
  const [unit] = await db.select({ path: units.path }).from(units).where(sql`${units.id} = ${fx.units[place]}`);
  seq += 1;
  const [row] = await db
    .insert(disputeCases)
    .values({
      number: `MDTEST-${String(seq).padStart(4, '0')}`,
      stationId: fx.units[`station${station}`],
      unitPath: unit!.path,
      householdId: s.household === undefined ? null : (fx.households.a[s.household] ?? null),
      source: s.source ?? 'walk_in',
      category: s.category ?? 'other',
      title: '测试纠纷',
      facts: '测试事实',
      level: s.level === undefined ? 'ordinary' : s.level,
      colourScheme: 'sangong',
      colour: s.colour === undefined ? 'green' : s.colour,
      status: s.closed ? 'closed' : s.failed ? 'failed' : 'mediating',
      closedAt: s.closed ? new Date(s.closed) : null,
      closeOverrideReason: s.override ?? null,
      failedAt: s.failed ? new Date(s.failed) : null,
      acceptedAt: new Date(s.at),
      createdBy: fx.staffIds['a.duty']!,
    })
    .returning({ id: disputeCases.id });
  for (const phone of s.phones ?? [])
    await db.insert(disputeParties).values({
      caseId: row!.id,
      kind: 'person',
      role: 'applicant',
      nameEnc: 'sealed',
      nameMasked: '张*',
      phoneIndex: phone,
    });
  await notePartyPhones(db, sql`p.case_id = ${row!.id}`);
  if (s.transferredAt) {
    const [dept] = await db
      .insert(departments)
      .values({ unitId: fx.units.villageA, name: '司法所', kind: 'village_committee' })
      .returning({ id: departments.id });
    await db.insert(disputeTransfers).values({
      caseId: row!.id,
      departmentId: dept!.id,
      note: '移交司法所',
      sentBy: fx.staffIds['a.duty']!,
      sentAt: new Date(s.transferredAt),
    });
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  const cases: Seed[] = [
    // Open at the start: accepted a second before the month, one still open, one closed in it.
    { at: '2026-09-30T15:59:59.000Z', category: 'labour', level: 'major', colour: 'red', household: 0 },
    { at: '2026-06-01T02:00:00.000Z', closed: '2026-10-10T02:00:00.000Z', household: 0, phones: ['p1'] },
    // Closed exactly at the month's start: still open at that instant (closed_at ≥ it), and closed in the month.
    { at: '2026-08-01T02:00:00.000Z', closed: FROM },
    // New in October: at the first instant, proactive, overridden, failed, transferred, unassessed, uncoloured.
    { at: FROM, source: 'proactive', category: 'land_demolition', level: null, colour: null, phones: ['p1'] },
    { at: '2026-10-02T01:00:00.000Z', place: 'gridA2', closed: '2026-10-20T01:00:00.000Z', phones: ['p2'] },
    {
      at: '2026-10-03T01:00:00.000Z',
      place: 'villageA',
      category: 'public_order',
      colour: 'orange',
      closed: '2026-10-25T01:00:00.000Z',
      override: '当事人拒绝回访，隐患已由村委会跟进',
      household: 1,
      phones: ['p2', 'p3'],
    },
    // A child and the guardian who attends for them give one phone: one case, not a repeat party.
    { at: '2026-03-04T01:00:00.000Z', closed: '2026-03-20T01:00:00.000Z', phones: ['p4', 'p4'] },
    { at: '2026-10-05T01:00:00.000Z', source: 'phone', failed: '2026-10-28T01:00:00.000Z', household: 1 },
    { at: '2026-10-06T01:00:00.000Z', source: 'proactive', transferredAt: '2026-10-07T01:00:00.000Z' },
    { at: '2026-10-31T15:59:59.000Z', category: 'safety', level: 'simple' },
    // After the month, and last year's October, and a station B case.
    { at: TO, category: 'labour' },
    { at: '2025-10-15T01:00:00.000Z', closed: '2025-10-20T01:00:00.000Z' },
    { at: '2026-01-10T01:00:00.000Z', level: 'serious' },
    { station: 'B', at: '2026-10-09T01:00:00.000Z', category: 'labour', phones: ['p3'] },
    { station: 'B', at: '2026-09-09T01:00:00.000Z', closed: '2026-10-09T01:00:00.000Z' },
  ];
  for (const c of cases) await seed(c);
}, 60_000);
afterAll(() => t.close());

async function unitOf(key: 'stationA' | 'bureau'): Promise<AnalysisUnit> {
  const [u] = await t.deps.database.db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(sql`${units.id} = ${t.fx.units[key]}`);
  return u!;
}

/** The direct SQL the figures must equal: one count over the unit's cases. */
function counter(stations: string[]) {
  const scope = sql`c.station_id IN (${sql.join(
    stations.map((s) => sql`${s}::uuid`),
    sql`, `,
  )})`;
  const count = async (where: SQL, from: SQL = sql`dispute_cases c`) => {
    const [r] = rowsOf<{ n: string }>(
      await t.deps.database.db.execute(sql`SELECT count(*) AS n FROM ${from} WHERE ${scope} AND ${where}`),
    );
    return Number(r!.n);
  };
  const inMonth = (col: string, from = FROM, to = TO) =>
    sql`${sql.raw(col)} >= ${from}::timestamptz AND ${sql.raw(col)} < ${to}::timestamptz`;
  const openAt = (at: string) =>
    sql`c.accepted_at < ${at}::timestamptz AND (c.closed_at IS NULL OR c.closed_at >= ${at}::timestamptz)`;
  return { count, inMonth, openAt };
}

async function expectFiguresMatch(f: DisputeMonthlyFigures, stations: string[]) {
  const { count, inMonth, openAt } = counter(stations);
  const created = inMonth('c.accepted_at');
  expect(f.occurrence.newCases).toBe(await count(created));
  expect(f.occurrence.proactive).toBe(await count(sql`${created} AND c.source = 'proactive'`));
  for (const c of f.occurrence.byCategory)
    expect(c.count).toBe(await count(sql`${created} AND c.category::text = ${c.key}`));
  for (const c of f.occurrence.byLevel)
    expect(c.count).toBe(
      await count(c.key ? sql`${created} AND c.level::text = ${c.key}` : sql`${created} AND c.level IS NULL`),
    );
  for (const c of f.occurrence.byColour)
    expect(c.count).toBe(
      await count(c.key ? sql`${created} AND c.colour = ${c.key}` : sql`${created} AND c.colour IS NULL`),
    );
  for (const c of f.occurrence.bySource)
    expect(c.count).toBe(await count(sql`${created} AND c.source::text = ${c.key}`));
  const sum = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);
  expect(sum(f.occurrence.byCategory)).toBe(f.occurrence.newCases);
  expect(sum(f.occurrence.byLevel)).toBe(f.occurrence.newCases);
  for (const v of [...f.occurrence.byVillage, ...f.occurrence.byGrid])
    expect(v.count).toBe(
      await count(sql`${created} AND c.unit_path LIKE (SELECT path FROM units WHERE id = ${v.unitId}) || '%'`),
    );
  expect(f.stock.openAtStart).toBe(await count(openAt(FROM)));
  expect(f.stock.openAtEnd).toBe(await count(openAt(TO)));
  const aged = (lo: number, hi: number | null) =>
    count(sql`${openAt(TO)} AND c.accepted_at < ${TO}::timestamptz - ${`${lo} days`}::interval
              ${hi === null ? sql`` : sql`AND c.accepted_at >= ${TO}::timestamptz - ${`${hi} days`}::interval`}`);
  expect(f.stock.ageing.upTo30).toBe(
    await count(sql`${openAt(TO)} AND c.accepted_at >= ${TO}::timestamptz - interval '30 days'`),
  );
  expect(f.stock.ageing.upTo90).toBe(await aged(30, 90));
  expect(f.stock.ageing.upTo180).toBe(await aged(90, 180));
  expect(f.stock.ageing.over180).toBe(await aged(180, null));
  const closed = inMonth('c.closed_at');
  expect(f.results.closed).toBe(await count(closed));
  expect(f.results.closedMet).toBe(await count(sql`${closed} AND c.close_override_reason IS NULL`));
  expect(f.results.closedOverridden).toBe(await count(sql`${closed} AND c.close_override_reason IS NOT NULL`));
  expect(f.results.failed).toBe(await count(inMonth('c.failed_at')));
  expect(f.results.transferred).toBe(
    await count(inMonth('t.sent_at'), sql`dispute_transfers t JOIN dispute_cases c ON c.id = t.case_id`),
  );
  const base = f.stock.openAtStart + f.occurrence.newCases;
  expect(f.results.resolutionRate).toBe(base === 0 ? null : f.results.closed / base);
  const lastFrom = '2026-08-31T16:00:00.000Z';
  expect(f.trend.lastMonth.newCases).toBe(await count(inMonth('c.accepted_at', lastFrom, FROM)));
  expect(f.trend.lastMonth.closed).toBe(await count(inMonth('c.closed_at', lastFrom, FROM)));
  expect(f.trend.lastMonth.openAtStart).toBe(await count(openAt(lastFrom)));
  const yearFrom = '2025-09-30T16:00:00.000Z';
  const yearTo = '2025-10-31T16:00:00.000Z';
  expect(f.trend.lastYear.newCases).toBe(await count(inMonth('c.accepted_at', yearFrom, yearTo)));
  expect(f.trend.lastYear.closed).toBe(await count(inMonth('c.closed_at', yearFrom, yearTo)));
  const year = inMonth('c.accepted_at', '2025-10-31T16:00:00.000Z', TO);
  const [places] = rowsOf<{ n: string }>(
    await t.deps.database.db.execute(sql`SELECT count(*) AS n FROM (SELECT c.household_id FROM dispute_cases c
      WHERE ${counter(stations).inMonth('c.accepted_at', '2025-10-31T16:00:00.000Z', TO)} AND c.station_id IN (${sql.join(
        stations.map((s) => sql`${s}::uuid`),
        sql`, `,
      )}) AND c.household_id IS NOT NULL GROUP BY c.household_id HAVING count(*) > 1) x`),
  );
  expect(f.trend.repeatPlaces).toBe(Number(places!.n));
  // Counted from the parties themselves: a phone among the parties of two or more of one station's cases.
  const [parties] = rowsOf<{ n: string }>(
    await t.deps.database.db.execute(sql`SELECT count(*) AS n FROM (SELECT p.phone_index
      FROM dispute_parties p JOIN dispute_cases c ON c.id = p.case_id
      WHERE ${year} AND c.station_id IN (${sql.join(
        stations.map((s) => sql`${s}::uuid`),
        sql`, `,
      )}) AND p.phone_index IS NOT NULL GROUP BY c.station_id, p.phone_index HAVING count(DISTINCT p.case_id) > 1) x`),
  );
  expect(f.trend.repeatParties).toBe(Number(parties!.n));
  expect(f.trend.months).toHaveLength(12);
  expect(f.trend.months.at(-1)).toEqual({
    period: '2026-10',
    newCases: f.occurrence.newCases,
    closed: f.results.closed,
  });
  expect(f.trend.months[0]!.period).toBe('2025-11');
  expect(sum(f.trend.months.map((m) => ({ count: m.newCases })))).toBe(await count(year));
}

describe('monthly dispute analysis', () => {
  it("gives station A's October as the SQL counts it, edges included", async () => {
    const f = await disputeMonthlyFigures(t.deps.database.db, await unitOf('stationA'), '2026-10');
    await expectFiguresMatch(f, [t.fx.units.stationA]);
    // The same figures by hand: what the seeded rows mean.
    expect(f.occurrence.newCases).toBe(6);
    expect(f.occurrence.proactive).toBe(2);
    expect(f.occurrence.byLevel.find((l) => l.key === null)?.count).toBe(1);
    expect(f.occurrence.byColour.find((c) => c.key === null)?.label.zh).toBe('未定色');
    expect(f.stock.openAtStart).toBe(4); // Sept 30's, June's, August's (closed at the instant) and January's
    expect(f.results).toMatchObject({ closed: 4, closedMet: 3, closedOverridden: 1, transferred: 1, failed: 1 });
    expect(f.results.overridden).toEqual([
      {
        number: expect.stringMatching(/^MDTEST-/),
        reason: '当事人拒绝回访，隐患已由村委会跟进',
        closedAt: '2026-10-25T01:00:00.000Z',
      },
    ]);
    expect(f.results.resolutionRate).toBeCloseTo(4 / 10);
    expect(f.occurrence.byVillage).toEqual([{ unitId: t.fx.units.villageA, name: 'A村', count: 6 }]);
    expect(f.occurrence.byGrid.map((g) => [g.name, g.count])).toEqual([
      ['A村第1网格', 4],
      ['A村第2网格', 1],
    ]);
    expect(f.trend.hotspots).toEqual(f.occurrence.byVillage);
    expect(f.trend.repeatPlaces).toBe(2);
    expect(f.trend.repeatParties).toBe(2); // p1 and p2; p3's second case is station B's
    expect(f.trend.lastYear.newCases).toBe(1);
  });

  it('gives the bureau every station under it', async () => {
    const f = await disputeMonthlyFigures(t.deps.database.db, await unitOf('bureau'), '2026-10');
    await expectFiguresMatch(f, [t.fx.units.stationA, t.fx.units.stationB]);
    expect(f.stations).toBe(2);
    expect(f.occurrence.newCases).toBe(7);
    expect(f.results.closed).toBe(5);
    // p3 came to station A and to station B once each: a repeat at neither, so not at the bureau either.
    expect(f.trend.repeatParties).toBe(2);
  });
});
