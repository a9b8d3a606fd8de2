/**
 * 警务区/警格 through the API: the chief names a beat over grids and villages (一警多格) with its officer,
 * auxiliaries and 警务室; who answers for a place follows at once — the desk's suggestion and the doorplate —
 * by the one rule (grid before village, a grid in two beats answered by the first by name, an officer who left
 * answering for nothing); bad input names its field; names and codes are the station's own; a stale version is a
 * conflict; another station and read-only roles are kept out; a removed beat leaves its places to the others.
 */
import type { PoliceBeat, PoliceBeatList } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, staff, units } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
let chief: Client;
let office: string;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  const [row] = await t.deps.database.db
    .insert(units)
    .values({ parentId: t.fx.units.stationA, kind: 'police_office', name: 'A村警务室', path: 'pending' })
    .returning({ id: units.id });
  const [station] = await t.deps.database.db.select().from(units).where(eq(units.id, t.fx.units.stationA));
  await t.deps.database.db
    .update(units)
    .set({ path: `${station!.path}${row!.id}/` })
    .where(eq(units.id, row!.id));
  office = row!.id;
}, 60_000);
afterAll(() => t.close());

const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

async function ok<T = PoliceBeat>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

const beats = (c: Client = chief) => c.get(`/api/v1/stations/${t.fx.units.stationA}/beats`);
const create = (body: Record<string, unknown>, c: Client = chief) =>
  c.post(`/api/v1/stations/${t.fx.units.stationA}/beats`, body);

/** Who the desk is told to send a matter from the first household of grid `a`. */
async function suggestion() {
  const desk = await t.as('a.duty');
  const receipt = await submitAt(t, t.fx.doorplateTokens.a[0]!, 'consult', '想问问居住证怎么办理');
  const detail = (await desk.get(`/api/v1/matters/${await matterIdOf(desk, receipt.number)}`)).body as {
    suggestedAssignee: { staffId: string; reason: string } | null;
  };
  return detail.suggestedAssignee;
}

describe('警务区', () => {
  it('lists the fixture’s beat with its area and households, and the places no beat covers', async () => {
    const list = await ok<PoliceBeatList>(beats());
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      name: 'A1警务区',
      responsibleOfficer: { id: t.fx.staffIds['a.officer'], name: 'a.officer' },
      auxiliaries: [],
      areas: [{ id: t.fx.units.gridA1, name: 'A村第1网格', kind: 'grid' }],
      households: t.fx.households.a.length,
      version: 1,
    });
    expect(list.uncovered.map((u) => u.id).sort()).toEqual([t.fx.units.gridA2, t.fx.units.villageA].sort());
    // Staff read their station's beats; the community officer may read, not write.
    expect((await beats(await t.as('a.officer'))).status).toBe(200);
  });

  it('names the village’s beat for a grid no beat covers, and its officer on the suggestion', async () => {
    const village = await ok(
      create({
        name: 'A村警务区',
        code: 'A-01',
        officeId: office,
        responsibleOfficerId: t.fx.staffIds['a.duty'],
        auxiliaryIds: [t.fx.staffIds['a.aux']],
        areaUnitIds: [t.fx.units.villageA],
        note: '一村一辅警',
      }),
    );
    expect(village).toMatchObject({
      code: 'A-01',
      office: { id: office, name: 'A村警务室' },
      responsibleOfficer: { id: t.fx.staffIds['a.duty'] },
      auxiliaries: [{ id: t.fx.staffIds['a.aux'], name: 'a.aux' }],
      note: '一村一辅警',
    });
    // The village holds both grids: its household count is theirs.
    expect(village.households).toBeGreaterThanOrEqual(t.fx.households.a.length);
    expect((await ok<PoliceBeatList>(beats())).uncovered).toEqual([]);
    // Grid A1 still lies in A1警务区: the nearer beat answers.
    expect(await suggestion()).toMatchObject({ staffId: t.fx.staffIds['a.officer'], reason: 'A1警务区责任民警' });
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'beat.create'), eq(auditLog.targetId, village.id)));
    expect(entry).toMatchObject({ result: 'ok' });
  });

  it('answers for a grid in two beats by the first by name; an officer who left answers for nothing', async () => {
    const second = await ok(
      create({
        name: 'A0联勤警务区',
        responsibleOfficerId: t.fx.staffIds['a.chief'],
        areaUnitIds: [t.fx.units.gridA1],
      }),
    );
    expect(await suggestion()).toMatchObject({ staffId: t.fx.staffIds['a.chief'], reason: 'A0联勤警务区责任民警' });
    await t.deps.database.db.update(staff).set({ status: 'disabled' }).where(eq(staff.id, t.fx.staffIds['a.chief']!));
    try {
      expect(await suggestion()).toMatchObject({ staffId: t.fx.staffIds['a.officer'] });
    } finally {
      await t.deps.database.db.update(staff).set({ status: 'active' }).where(eq(staff.id, t.fx.staffIds['a.chief']!));
    }
    // Removed, its grid answers to the beat still covering it; the removal is audited.
    expect((await chief.delete(`/api/v1/beats/${second.id}`)).status).toBe(200);
    expect(await suggestion()).toMatchObject({ staffId: t.fx.staffIds['a.officer'] });
    expect((await chief.get(`/api/v1/beats/${second.id}`)).status).toBe(404);
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'beat.delete'), eq(auditLog.targetId, second.id)));
    expect(entry?.details).toMatchObject({ name: 'A0联勤警务区', areaUnitIds: [t.fx.units.gridA1] });
  });

  it('changes a beat as a whole with its version; a stale version is a conflict', async () => {
    const [first] = (await ok<PoliceBeatList>(beats())).items.filter((b) => b.name === 'A1警务区');
    const body = {
      name: 'A1警务区',
      code: 'A-02',
      responsibleOfficerId: t.fx.staffIds['a.officer'],
      auxiliaryIds: [t.fx.staffIds['a.aux']],
      areaUnitIds: [t.fx.units.gridA1, t.fx.units.gridA2],
      version: first!.version,
    };
    const changed = await ok(chief.put(`/api/v1/beats/${first!.id}`, body));
    expect(changed.version).toBe(first!.version + 1);
    expect(changed.areas.map((a) => a.id).sort()).toEqual([t.fx.units.gridA1, t.fx.units.gridA2].sort());
    const stale = await chief.put(`/api/v1/beats/${first!.id}`, { ...body, note: '旧版本' });
    expect(stale.status).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
  });

  it('refuses bad input naming the field, and a name or code the station already uses', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await create({ name: '新警务区', responsibleOfficerId: null, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(errorOf(res).message).toContain(field);
    };
    await bad({ areaUnitIds: [t.fx.units.gridB1] }, 'areaUnitIds');
    await bad({ areaUnitIds: [t.fx.units.stationA] }, 'areaUnitIds');
    await bad({ officeId: t.fx.units.villageA }, 'officeId');
    await bad({ responsibleOfficerId: t.fx.staffIds['a.aux'] }, 'responsibleOfficerId');
    await bad({ responsibleOfficerId: t.fx.staffIds['b.officer'] }, 'responsibleOfficerId');
    await bad({ auxiliaryIds: [t.fx.staffIds['a.grid']] }, 'auxiliaryIds');
    await bad(
      { responsibleOfficerId: t.fx.staffIds['a.officer'], auxiliaryIds: [t.fx.staffIds['a.officer']] },
      'auxiliaryIds',
    );
    await bad({ code: 'A 01' }, 'code');
    await bad({ name: '' }, 'name');
    const name = await create({ name: 'A村警务区', responsibleOfficerId: null });
    expect(name.status).toBe(409);
    expect(errorOf(name)).toMatchObject({ code: 'BEAT_NAME_TAKEN' });
    expect(errorOf(name).message).toContain('A村警务区');
    const code = await create({ name: '另一个警务区', code: 'A-01', responsibleOfficerId: null });
    expect(code.status).toBe(409);
    expect(errorOf(code).code).toBe('BEAT_CODE_TAKEN');
    // The same name in another station is that station's business.
    const elsewhere = await (await t.as('b.chief')).post(`/api/v1/stations/${t.fx.units.stationB}/beats`, {
      name: 'A村警务区',
      responsibleOfficerId: t.fx.staffIds['b.officer'],
      areaUnitIds: [t.fx.units.gridB1],
    });
    expect(elsewhere.status).toBe(200);
  });

  it('keeps another station, read-only roles and the anonymous out', async () => {
    const [beat] = (await ok<PoliceBeatList>(beats())).items;
    const other = await t.as('b.chief');
    expect((await other.get(`/api/v1/stations/${t.fx.units.stationA}/beats`)).status).toBe(403);
    expect((await other.get(`/api/v1/beats/${beat!.id}`)).status).toBe(404);
    expect((await other.delete(`/api/v1/beats/${beat!.id}`)).status).toBe(404);
    const officer = await t.as('a.officer');
    expect((await create({ name: '越权警务区', responsibleOfficerId: null }, officer)).status).toBe(403);
    expect((await officer.delete(`/api/v1/beats/${beat!.id}`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/stations/${t.fx.units.stationA}/beats`)).status).toBe(401);
    // The bureau's administrator, above the station, may change it.
    const admin = await t.as('sysadmin');
    expect((await create({ name: '分局指定警务区', responsibleOfficerId: null }, admin)).status).toBe(200);
  });
});
