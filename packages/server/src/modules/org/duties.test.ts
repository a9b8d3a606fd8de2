/**
 * 警格+网格: the responsible officer of a grid's beat, suggested for dispatch and named on the doorplate; the
 * auxiliaries and grid members who serve a grid directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const submit = (plate: string, kind?: string, body?: string) => submitAt(t, plate, kind, body);
const idOf = matterIdOf;

describe('警格+网格: who answers for a grid, and who serves it', () => {
  it('is suggested for dispatch and named on the doorplate, never for another grid', async () => {
    const desk = await t.as('a.duty');
    const inA1 = await submit(t.fx.doorplateTokens.a[0]!);
    const detail = (await desk.get(`/api/v1/matters/${await idOf(desk, inA1.number)}`)).body as {
      suggestedAssignee: { staffId: string; reason: string } | null;
    };
    expect(detail.suggestedAssignee).toMatchObject({
      staffId: t.fx.staffIds['a.officer'],
      reason: 'A1警务区责任民警',
    });
    const plate = (await t.anonymous().get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}`)).body;
    expect(plate).toMatchObject({ officer: { name: 'a.officer' } });
    const inB1 = await submit(t.fx.doorplateTokens.b[0]!);
    const other = (
      await (await t.as('b.chief')).get(`/api/v1/matters/${await idOf(await t.as('b.chief'), inB1.number)}`)
    ).body as { suggestedAssignee: unknown };
    expect(other.suggestedAssignee).toBeNull();
  });

  it('are set by the chief for a grid of the station, and refused for staff of another station', async () => {
    const chief = await t.as('a.chief');
    const url = `/api/v1/units/${t.fx.units.gridA2}/duties`;
    const set = await chief.put(url, {
      auxiliaryIds: [t.fx.staffIds['a.aux']],
      gridMemberIds: [t.fx.staffIds['a.grid']],
    });
    expect(set.status).toBe(200);
    expect((set.body as { members: { duty: string }[] }).members.map((m) => m.duty).sort()).toEqual([
      'auxiliary',
      'grid_member',
    ]);
    // The responsible officer is the beat's: a grid's duties no longer name one.
    const officer = await chief.put(url, { responsibleOfficerId: t.fx.staffIds['a.officer'], auxiliaryIds: [] });
    expect(officer.status).toBe(400);
    const foreign = await chief.put(url, { auxiliaryIds: [t.fx.staffIds['b.officer']], gridMemberIds: [] });
    expect(foreign.status).toBe(400);
    // Each duty has its people: the system administrator (scoped above the station) is no grid member,
    // and a department's liaison is no auxiliary officer.
    const admin = await chief.put(url, { auxiliaryIds: [], gridMemberIds: [t.fx.staffIds.sysadmin] });
    expect(admin.status).toBe(400);
    const liaison = await chief.put(url, { auxiliaryIds: [t.fx.staffIds['a.liaison']], gridMemberIds: [] });
    expect(liaison.status).toBe(400);
    expect((await (await t.as('a.officer')).put(url, { auxiliaryIds: [] })).status).toBe(403);
    expect((await (await t.as('b.chief')).get(url)).status).toBe(403);
    const readBack = (await (await t.as('a.duty')).get(url)).body as { members: unknown[] };
    expect(readBack.members).toHaveLength(2);
  });
});
