/**
 * 扫码覆盖: opening a doorplate page keeps the household's first-scan date once; the coverage answers households and
 * scanned households by village and grid (homes only, enterprises left out) and the first scans of the last twelve
 * months (Beijing), for the station asked or the caller's own.
 */
import type { ScanCoverage } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households } from '../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { DAY } from './receipts.testkit.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const byToken = async (token: string) => {
  const [h] = await t.deps.database.db.select().from(households).where(eq(households.doorplateToken, token));
  return h!;
};

describe('the first scan', () => {
  it('is set when the doorplate page first opens, and never again', async () => {
    const token = t.fx.doorplateTokens.a[0]!;
    expect((await byToken(token)).firstScannedAt).toBeNull();
    const first = t.clock.now();
    expect((await t.anonymous().get(`/api/v1/public/doorplates/${token}`)).status).toBe(200);
    expect((await byToken(token)).firstScannedAt).toEqual(first);
    t.clock.advance(DAY);
    await t.anonymous().get(`/api/v1/public/doorplates/${token}`);
    expect((await byToken(token)).firstScannedAt).toEqual(first);
    expect((await byToken(t.fx.doorplateTokens.a[1]!)).firstScannedAt).toBeNull();
  });
});

describe('GET /warnings/coverage', () => {
  it('answers households and scans by village and grid, and the first scans of the last twelve months', async () => {
    const db = t.deps.database.db;
    const now = t.clock.now().getTime(); // 2026-11-24, Beijing
    const at = (days: number) => new Date(now - days * DAY);
    const set = (token: string, when: Date) =>
      db.update(households).set({ firstScannedAt: when }).where(eq(households.doorplateToken, token));
    const [a0, a1] = t.fx.doorplateTokens.a;
    await set(a0!, at(400)); // 2025-10: scanned, but before the twelve months
    await set(a1!, at(10)); // 2026-11
    await set(t.fx.doorplateTokens.b[0]!, at(5)); // station B: not A's
    const gridA1 = (await byToken(a0!)).unitPath;
    const gridA2 = gridA1.replace(t.fx.units.gridA1, t.fx.units.gridA2);
    await db.insert(households).values([
      {
        unitId: t.fx.units.gridA2,
        unitPath: gridA2,
        address: 'A村2组1号',
        doorplateCode: 'A2-1',
        doorplateToken: 'a2-plate-1',
        firstScannedAt: at(40),
      },
      {
        unitId: t.fx.units.gridA2,
        unitPath: gridA2,
        address: 'A村2组2号',
        doorplateCode: 'A2-2',
        doorplateToken: 'a2-plate-2',
      },
      {
        unitId: t.fx.units.gridA1,
        unitPath: gridA1,
        address: 'A村1组8号',
        name: '柳塘砖厂',
        kind: 'enterprise',
        doorplateCode: 'A-E8',
        doorplateToken: 'a-firm-8',
        firstScannedAt: at(3),
      },
    ]);
    const chief = await t.as('a.chief');
    const res = await chief.get(`/api/v1/warnings/coverage?stationId=${t.fx.units.stationA}`);
    expect(res.status).toBe(200);
    const c = res.body as ScanCoverage;
    expect(c).toMatchObject({ households: 5, scannedHouseholds: 3 });
    const unit = (id: string) => c.units.find((u) => u.unitId === id);
    expect(unit(t.fx.units.villageA)).toMatchObject({ kind: 'village', households: 5, scannedHouseholds: 3 });
    expect(unit(t.fx.units.gridA1)).toMatchObject({
      parentId: t.fx.units.villageA,
      households: 3,
      scannedHouseholds: 2,
    });
    expect(unit(t.fx.units.gridA2)).toMatchObject({ households: 2, scannedHouseholds: 1 });
    expect(c.units.map((u) => u.unitId)).not.toContain(t.fx.units.gridB1);
    expect(c.byMonth).toHaveLength(12);
    expect(c.byMonth[0]!.month).toBe('2025-12');
    expect(c.byMonth.at(-1)).toEqual({ month: '2026-11', firstScans: 1 });
    expect(c.byMonth.find((m) => m.month === '2026-10')).toEqual({ month: '2026-10', firstScans: 1 });
    expect(c.byMonth.reduce((s, m) => s + m.firstScans, 0)).toBe(2);
    // The caller's own station when none is named.
    expect((await chief.get('/api/v1/warnings/coverage')).body).toEqual(c);
  });

  it('refuses the anonymous and staff of another station', async () => {
    expect((await t.anonymous().get('/api/v1/warnings/coverage')).status).toBe(401);
    const other = await t.as('b.chief');
    expect((await other.get(`/api/v1/warnings/coverage?stationId=${t.fx.units.stationA}`)).status).toBe(403);
    expect((await other.get(`/api/v1/warnings/coverage?stationId=${t.fx.units.villageA}`)).status).toBe(404);
  });
});
