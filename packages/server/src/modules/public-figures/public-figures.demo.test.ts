/**
 * 公开数据 over the demo county: 柳塘派出所's chief has switched the page on, so anyone reads its twelve months, each
 * figure equal to a plain SQL count of that month (or withheld when it is 1 to 4); 城关派出所 has not, so it is a 404.
 */
import { type PublicFigure, type PublicFiguresView, periodStart, shiftPeriod } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import type { AppDeps } from '../../platform/context.js';
import { buildDemoApp, type DemoApp } from '../../test/demo.js';
import type { Client } from '../../test/harness.js';

let demo: DemoApp;
let deps: AppDeps;
let anyone: Client;

beforeAll(async () => {
  demo = await buildDemoApp();
  ({ deps, anyone } = demo);
}, 180_000);
afterAll(() => demo?.close());

const stationNamed = async (name: string) => {
  const [s] = await deps.database.db
    .select()
    .from(units)
    .where(and(eq(units.kind, 'station'), eq(units.name, name)));
  if (!s) throw new Error(`no ${name}`);
  return s;
};
const published = (n: number): PublicFigure =>
  n > 0 && n < 5 ? { value: null, suppressed: true } : { value: n, suppressed: false };

describe('the demo county’s public pages', () => {
  it('publishes 柳塘派出所’s months, each equal to SQL counts, and keeps 城关派出所’s closed', async () => {
    const rural = await stationNamed('柳塘派出所');
    const res = await anyone.get(`/api/v1/public/stations/${rural.id}/figures`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const view = res.body as PublicFiguresView;
    expect(view.months).toHaveLength(12);
    const now = deps.clock.now().toISOString();
    for (const m of view.months) {
      const start = periodStart(m.month).toISOString();
      const end = m.running ? now : periodStart(shiftPeriod(m.month, 1)).toISOString();
      const [want] = rowsOf<{ received: number; disputes: number; warnings: number }>(
        await deps.database.db.execute(sql`SELECT
          (SELECT count(*)::int FROM matters WHERE unit_path LIKE ${`${rural.path}%`}
             AND created_at >= ${start}::timestamptz AND created_at < ${end}::timestamptz) AS received,
          (SELECT count(*)::int FROM dispute_cases WHERE station_id = ${rural.id}
             AND closed_at >= ${start}::timestamptz AND closed_at < ${end}::timestamptz) AS disputes,
          (SELECT count(*)::int FROM warnings WHERE station_id = ${rural.id}
             AND sent_at >= ${start}::timestamptz AND sent_at < ${end}::timestamptz) AS warnings`),
      );
      expect(m.received, m.month).toEqual(published(want!.received));
      expect(m.disputesResolved, m.month).toEqual(published(want!.disputes));
      expect(m.warningsSent, m.month).toEqual(published(want!.warnings));
    }
    // A living page: the demo's last months have matters and satisfaction to show.
    expect(view.months.some((m) => (m.received.value ?? 0) > 0 && m.satisfaction.value !== null)).toBe(true);
    const urban = await stationNamed('城关派出所');
    expect((await anyone.get(`/api/v1/public/stations/${urban.id}/figures`)).status).toBe(404);
  });
});
