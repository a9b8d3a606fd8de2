/**
 * A grid no beat covers answers through the beat of its village: the tree shows that officer, the beat and the
 * unit it comes from, and the desk's dispatch suggestion and the doorplate page name the same person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Duties = {
  members: { staffId: string; duty: string }[];
  responsibleOfficer: {
    staffId: string;
    name: string;
    beatId: string;
    beatName: string;
    fromUnitId: string;
    fromUnitName: string;
    inherited: boolean;
  } | null;
  beats: { id: string; name: string }[];
};

describe('an inherited responsible officer', () => {
  it('is shown on a grid with none of its own, named by the same rule as the suggestion and the doorplate', async () => {
    const chief = await t.as('a.chief');
    const duties = (unitId: string) => chief.get(`/api/v1/units/${unitId}/duties`);
    // Before a beat covers the village, grid A2 has nobody at all.
    expect(((await duties(t.fx.units.gridA2)).body as Duties).responsibleOfficer).toBeNull();

    const beat = await chief.post(`/api/v1/stations/${t.fx.units.stationA}/beats`, {
      name: 'A村警务区',
      responsibleOfficerId: t.fx.staffIds['a.duty'],
      areaUnitIds: [t.fx.units.villageA],
    });
    expect(beat.status).toBe(200);
    const beatId = (beat.body as { id: string }).id;

    const grid = (await duties(t.fx.units.gridA2)).body as Duties;
    expect(grid.members).toEqual([]);
    expect(grid.responsibleOfficer).toEqual({
      staffId: t.fx.staffIds['a.duty'],
      name: 'a.duty',
      beatId,
      beatName: 'A村警务区',
      fromUnitId: t.fx.units.villageA,
      fromUnitName: 'A村',
      inherited: true,
    });
    expect(grid.beats).toEqual([]);
    expect(((await duties(t.fx.units.villageA)).body as Duties).beats).toEqual([{ id: beatId, name: 'A村警务区' }]);
    // Grid A1 lies in A1警务区 itself: its officer is nearer than the village's beat's.
    const own = (await duties(t.fx.units.gridA1)).body as Duties;
    expect(own.responsibleOfficer).toMatchObject({
      staffId: t.fx.staffIds['a.officer'],
      beatName: 'A1警务区',
      inherited: false,
    });

    // A household in grid A2: its doorplate names the village's officer, and the desk is told to send them.
    const household = await chief.post('/api/v1/households', {
      unitId: t.fx.units.gridA2,
      address: 'A村2组8号',
      doorplateCode: 'A-INH-8',
    });
    expect(household.status).toBe(200);
    const link = (await chief.get(`/api/v1/households/${(household.body as { id: string }).id}/doorplate-link`))
      .body as { url: string };
    const token = link.url.split('/h/')[1] ?? '';
    const plate = (await t.anonymous().get(`/api/v1/public/doorplates/${token}`)).body;
    expect(plate).toMatchObject({ grid: 'A村第2网格', officer: { name: 'a.duty' } });
    const receipt = await submitAt(t, token, 'consult', '想问问孩子上学要办什么证明');
    const desk = await t.as('a.duty');
    const detail = (await desk.get(`/api/v1/matters/${await matterIdOf(desk, receipt.number)}`)).body as {
      suggestedAssignee: { staffId: string; reason: string };
    };
    expect(detail.suggestedAssignee).toEqual({
      staffId: t.fx.staffIds['a.duty'],
      name: 'a.duty',
      reason: 'A村警务区责任民警',
    });
  });

  it('is read only inside the reader’s sight', async () => {
    expect((await (await t.as('b.chief')).get(`/api/v1/units/${t.fx.units.gridA2}/duties`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/units/${t.fx.units.gridA2}/duties`)).status).toBe(401);
  });
});
