/**
 * 评价统计 over the demo county's six months of evaluations: every station's
 * figures, read through the API by a bureau account, equal plain SQL counts.
 */
import { addMonths, type EvaluationFigures, monthOf, monthRange } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import type { AppDeps } from '../../platform/context.js';
import { buildDemoApp, type DemoApp } from '../../test/demo.js';
import type { Client, TestClock } from '../../test/harness.js';

let demo: DemoApp;
let deps: AppDeps;
let reader: Client;
let t: { clock: TestClock };

beforeAll(async () => {
  demo = await buildDemoApp();
  ({ deps, reader } = demo);
  t = { clock: demo.clock };
}, 180_000);
afterAll(() => demo?.close());

describe('the demo county', () => {
  it("has each station's figures equal to SQL counts over its six months", async () => {
    const to = monthOf(t.clock.now());
    const from = addMonths(to, -6);
    const { start, end } = monthRange(from, to);
    const now = t.clock.now().toISOString();
    const stations = await deps.database.db.select().from(units).where(eq(units.kind, 'station'));
    expect(stations.length).toBeGreaterThan(0);
    for (const station of stations) {
      const res = await reader.get(`/api/v1/stations/${station.id}/evaluation-figures?from=${from}&to=${to}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const f = res.body as EvaluationFigures;
      const [want] = rowsOf<Record<string, number>>(
        await deps.database.db.execute(sql`SELECT count(*)::int AS requests,
            count(a.id) FILTER (WHERE NOT a.flagged OR a.accepted_at IS NOT NULL)::int AS answered,
            count(a.id) FILTER (WHERE (NOT a.flagged OR a.accepted_at IS NOT NULL) AND a.satisfied IS NOT NULL)::int AS rated,
            count(a.id) FILTER (WHERE (NOT a.flagged OR a.accepted_at IS NOT NULL) AND a.satisfied)::int AS satisfied,
            count(*) FILTER (WHERE a.id IS NULL AND r.expires_at <= ${now}::timestamptz)::int AS expired,
            count(*) FILTER (WHERE a.id IS NULL AND r.expires_at > ${now}::timestamptz)::int AS open,
            count(a.id) FILTER (WHERE a.flagged AND a.accepted_at IS NULL)::int AS flagged
          FROM evaluation_requests r LEFT JOIN evaluation_answers a ON a.request_id = r.id
          WHERE r.station_id = ${station.id} AND r.created_at >= ${start.toISOString()}::timestamptz
            AND r.created_at < ${end.toISOString()}::timestamptz`),
      );
      expect(f.totals, station.name).toMatchObject(want!);
      expect(f.totals.requests, station.name).toBeGreaterThan(0);
      // Each grouping adds up to the totals.
      const sum = (rows: { requests: number; satisfied: number }[]) =>
        rows.reduce((s, r) => [s[0]! + r.requests, s[1]! + r.satisfied], [0, 0]);
      for (const rows of [f.byType, f.byMonth, f.byTeam, f.byVillage])
        expect(sum(rows), station.name).toEqual([f.totals.requests, f.totals.satisfied]);
      const [reviews] = rowsOf<Record<string, number>>(
        await deps.database.db.execute(sql`SELECT count(*)::int AS opened,
            count(*) FILTER (WHERE rv.closed_at <= rv.due_at)::int AS "closedOnTime",
            count(*) FILTER (WHERE rv.outcome IS NOT NULL)::int AS "callbacksDone"
          FROM evaluation_reviews rv JOIN evaluation_requests r ON r.id = rv.request_id
          JOIN evaluation_answers a ON a.id = rv.answer_id
          WHERE r.station_id = ${station.id} AND NOT (a.flagged AND a.accepted_at IS NULL)
            AND r.created_at >= ${start.toISOString()}::timestamptz AND r.created_at < ${end.toISOString()}::timestamptz`),
      );
      expect(f.reviews, station.name).toMatchObject(reviews!);
    }
  });
});
