/** An account never sees outside its subtree — checked through the API, for reads and writes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('role scoping', () => {
  it('shows each account its own node as the root', async () => {
    const roots = async (u: string) =>
      ((await (await t.as(u)).get('/api/v1/units/roots')).body as { id: string }[]).map((r) => r.id);
    expect(await roots('a.duty')).toEqual([t.fx.units.stationA]);
    expect(await roots('b.officer')).toEqual([t.fx.units.stationB]);
    expect(await roots('a.grid')).toEqual([t.fx.units.villageA]);
    expect(await roots('sysadmin')).toEqual([t.fx.units.bureau]);
    const [station] = (await (await t.as('a.duty')).get('/api/v1/units/roots')).body as { childCount: number }[];
    expect(station!.childCount).toBe(1);
  });

  it('refuses every read and write of another station, and audits the denial', async () => {
    const a = await t.as('a.officer');
    const b = t.fx.units.stationB;
    const reads = [
      `/api/v1/units/${b}`,
      `/api/v1/units/${b}/children`,
      `/api/v1/units/${b}/teams`,
      `/api/v1/units/${b}/departments`,
      `/api/v1/households?unitId=${b}`,
      `/api/v1/households/${t.fx.households.b[0]}/doorplate-link`,
      `/api/v1/households/export?unitId=${b}&reason=xx`,
    ];
    for (const url of reads) expect((await a.get(url)).status, url).toBe(403);
    expect(
      (await a.post('/api/v1/households', { unitId: t.fx.units.gridB1, address: 'B村9号', doorplateCode: 'B-X' }))
        .status,
    ).toBe(403);
    const chief = await t.as('a.chief');
    expect(
      (await chief.post('/api/v1/units', { parentId: t.fx.units.villageB, kind: 'grid', name: '越界网格' })).status,
    ).toBe(403);
    expect((await chief.patch(`/api/v1/units/${t.fx.units.gridB1}`, { name: '改名' })).status).toBe(403);
    expect((await chief.delete(`/api/v1/units/${t.fx.units.gridB1}`)).status).toBe(403);
    // Moving one's own grid under the other station is also a write outside the subtree.
    expect((await chief.patch(`/api/v1/units/${t.fx.units.gridA2}`, { parentId: t.fx.units.villageB })).status).toBe(
      403,
    );
    const auditor = await t.as('auditor');
    const denied = (await auditor.get('/api/v1/audit?result=denied&actor=a.officer')).body as { total: number };
    expect(denied.total).toBeGreaterThanOrEqual(reads.length);
  });

  it('keeps a grid worker inside the village and hides the ancestors above it', async () => {
    const grid = await t.as('a.grid');
    expect((await grid.get(`/api/v1/units/${t.fx.units.stationA}`)).status).toBe(403);
    const detail = (await grid.get(`/api/v1/units/${t.fx.units.gridA1}`)).body as { ancestors: { id: string }[] };
    expect(detail.ancestors.map((x) => x.id)).toEqual([t.fx.units.villageA, t.fx.units.gridA1]);
  });

  it('lets the bureau administrator see both stations', async () => {
    const sys = await t.as('sysadmin');
    expect((await sys.get(`/api/v1/households?unitId=${t.fx.units.stationA}`)).status).toBe(200);
    expect((await sys.get(`/api/v1/households?unitId=${t.fx.units.stationB}`)).status).toBe(200);
  });
});
