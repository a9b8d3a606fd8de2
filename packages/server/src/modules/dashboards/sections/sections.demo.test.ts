/**
 * The dashboard over the demo county, read as the bureau reads it: for every station and every area, each figure
 * with a list behind it opens a list of exactly as many rows (a rate: its numerator's, its denominator's or a count's
 * beside it), over the last month and the last quarter — the promise "every number drills to the list it counted",
 * over living data; and 考核指标 of every station equal to plain SQL over the timeline.
 */
import {
  addDays,
  DASHBOARD_AREAS,
  type DashboardSection,
  type DrillTarget,
  dayOf,
  dayStart,
  type KpiDashboard,
  type WarningReachTotals,
} from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../../db/rows.js';
import { units } from '../../../db/schema/index.js';
import { buildDemoApp, type DemoApp } from '../../../test/demo.js';

let demo: DemoApp;
beforeAll(async () => {
  demo = await buildDemoApp();
}, 180_000);
afterAll(() => demo?.close());

/** Where each list answers, and the size of page that holds a demo station's rows. */
const LISTS: Partial<Record<DrillTarget['list'], (stationId: string) => string>> = {
  matters: () => '/api/v1/matters?pageSize=100',
  disputes: () => '/api/v1/disputes?pageSize=100',
  visits: (s) => `/api/v1/stations/${s}/visits?pageSize=100`,
  patrols: (s) => `/api/v1/stations/${s}/patrol-sessions?pageSize=100`,
  hazards: (s) => `/api/v1/stations/${s}/hazards?pageSize=100`,
  rooms: () => '/api/v1/rooms?',
  notices: () => '/api/v1/warnings?limit=100',
  fraud: () => '/api/v1/fraud/instructions?limit=100',
  evaluations: () => '/api/v1/evaluations?pageSize=100',
};

/** The figures that sum a column of their list's rows rather than count the rows. */
const SUMS: Record<string, (row: Record<string, unknown>) => number> = {
  'rooms.members': (r) => r.members as number,
  'rooms.activeMembers': (r) => r.activeMembers as number,
  'rooms.mentions': (r) => r.mentions as number,
  'rooms.answeredInTime': (r) => r.answeredInTime as number,
  'warnings.delivered': (r) => (r.reach as WarningReachTotals).deliveredHouseholds,
  'warnings.opened': (r) => (r.reach as WarningReachTotals).opened,
  'warnings.acknowledged': (r) => (r.reach as WarningReachTotals).acknowledged,
};

type ListBody = { total: number; items: Record<string, unknown>[] };

async function listOf(stationId: string, drill: DrillTarget): Promise<ListBody> {
  const list = LISTS[drill.list];
  if (!list) throw new Error(`a drill into ${drill.list}, a list this test does not know`);
  const base = list(stationId);
  const res = await demo.reader.get(`${base}${base.endsWith('?') ? '' : '&'}${new URLSearchParams(drill.query)}`);
  expect(res.status, `${drill.list} ${JSON.stringify(drill.query)}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as ListBody;
}

describe('the demo county’s dashboard', () => {
  it('opens, from every figure of every area and station, a list of exactly what it counted', async () => {
    const stations = await demo.deps.database.db.select().from(units).where(eq(units.kind, 'station'));
    const today = dayOf(demo.clock.now());
    const wrong: string[] = [];
    let checked = 0;
    let nonZero = 0;
    for (const from of [addDays(today, -29), addDays(today, -89)])
      for (const station of stations)
        for (const area of DASHBOARD_AREAS) {
          const res = await demo.reader.get(
            `/api/v1/dashboards/sections/${area}?from=${from}&to=${today}&unitId=${station.id}`,
          );
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          const section = res.body as DashboardSection;
          for (const f of section.figures) {
            if (!f.drill || f.value === null || (f.kind !== 'count' && f.kind !== 'rate')) continue;
            const where = `${station.name} ${area}.${f.id} ${from}`;
            const list = await listOf(station.id, f.drill);
            checked += 1;
            if (list.total > 0) nonZero += 1;
            if (f.kind === 'rate') {
              // A rate opens its numerator's or its denominator's rows, or (said in its 计算说明) the rows of a
              // count beside it, e.g. 必到点覆盖率 the period's patrols.
              const beside = section.figures.filter(
                (g) => g.kind === 'count' && JSON.stringify(g.drill) === JSON.stringify(f.drill),
              );
              const allowed = [f.parts?.numerator, f.parts?.denominator, ...beside.map((g) => g.value)];
              if (!allowed.includes(list.total)) wrong.push(`${where}: ${list.total} ∉ ${allowed.join('/')}`);
              continue;
            }
            // A count of rows, or of a column summed over them (成员数: the rooms' members).
            const column = SUMS[`${area}.${f.id}`];
            if (column && list.items.length !== list.total) wrong.push(`${where}: more rows than a page`);
            const counted = column ? list.items.reduce((n, r) => n + column(r), 0) : list.total;
            if (counted !== f.value) wrong.push(`${where}: ${f.value} ≠ ${counted}`);
          }
        }
    expect(wrong).toEqual([]);
    // A living county: most figures count something.
    expect(checked).toBeGreaterThan(40);
    expect(nonZero).toBeGreaterThan(checked / 2);
  }, 600_000);
});

describe('the bureau’s stations side by side', () => {
  it('show, in every area, each station’s own figures', async () => {
    const [bureau] = await demo.deps.database.db.select().from(units).where(eq(units.kind, 'bureau'));
    const today = dayOf(demo.clock.now());
    const from = addDays(today, -89);
    for (const area of DASHBOARD_AREAS) {
      const res = await demo.reader.get(
        `/api/v1/dashboards/sections/${area}?from=${from}&to=${today}&unitId=${bureau!.id}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { stations } = res.body as DashboardSection;
      expect(stations.length, area).toBeGreaterThan(1);
      for (const s of stations) {
        const own = await demo.reader.get(
          `/api/v1/dashboards/sections/${area}?from=${from}&to=${today}&unitId=${s.unitId}`,
        );
        const figures = (own.body as DashboardSection).figures;
        expect(s.values, `${area} ${s.unitName}`).toEqual(Object.fromEntries(figures.map((f) => [f.id, f.value])));
      }
    }
  }, 300_000);
});

describe('the demo county’s 考核指标', () => {
  it('counts, for every station, what plain SQL over the timeline counts', async () => {
    const stations = await demo.deps.database.db.select().from(units).where(eq(units.kind, 'station'));
    const today = dayOf(demo.clock.now());
    const from = addDays(today, -89);
    const start = dayStart(from).toISOString();
    const asOf = demo.clock.now().toISOString();
    for (const station of stations) {
      const res = await demo.reader.get(`/api/v1/dashboards/kpis?from=${from}&to=${today}&unitId=${station.id}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const { counts } = (res.body as KpiDashboard).current;
      const [want] = rowsOf<Record<string, number>>(
        await demo.deps.database.db.execute(sql`
          WITH m AS (SELECT id, created_at, escalated_at FROM matters WHERE station_id = ${station.id}),
          ev AS (SELECT e.matter_id, e.type FROM matter_events e JOIN m ON m.id = e.matter_id
                  WHERE e.at >= ${start}::timestamptz AND e.at < ${asOf}::timestamptz),
          ans AS (SELECT r.subject_id, a.satisfied FROM evaluation_requests r
                    JOIN evaluation_answers a ON a.request_id = r.id JOIN m ON m.id = r.subject_id
                   WHERE r.subject_type = 'matter' AND (NOT a.flagged OR a.accepted_at IS NOT NULL)
                     AND a.created_at >= ${start}::timestamptz AND a.created_at < ${asOf}::timestamptz)
          SELECT
            (SELECT count(*) FROM m WHERE created_at >= ${start}::timestamptz AND created_at < ${asOf}::timestamptz)::int AS submitted,
            (SELECT count(*) FROM m WHERE escalated_at >= ${start}::timestamptz AND escalated_at < ${asOf}::timestamptz)::int AS escalated,
            (SELECT count(DISTINCT matter_id) FROM ev WHERE type = 'matter.resolve')::int AS resolved,
            (SELECT count(DISTINCT matter_id) FROM ev WHERE type = 'matter.reopen')::int AS reopened,
            (SELECT count(DISTINCT subject_id) FROM ans WHERE satisfied IS NOT NULL)::int AS rated,
            (SELECT count(DISTINCT subject_id) FROM ans WHERE satisfied)::int AS satisfied`),
      );
      expect(counts, station.name).toMatchObject(want!);
      expect(counts.submitted, station.name).toBeGreaterThan(0);
    }
  });
});
