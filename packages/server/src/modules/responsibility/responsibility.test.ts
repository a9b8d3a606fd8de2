/**
 * 三级网格责任体系 through the API: the station's roles (default, saved, renamed, a held role kept); holders
 * added and removed by the chief with the holder-kind rules and the station's own staff; a grid's view inherits
 * the village's holders and the beat's people, each naming where it comes from; persons' names masked for readers
 * outside the station; other stations, grid workers outside their village and read-only roles kept out.
 */
import { DEFAULT_RESPONSIBILITY_ROLES, type ResponsibilitySettings, type UnitResponsibilities } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, unitResponsibilities } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let chief: Client;
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
}, 60_000);
afterAll(() => t.close());

const errorOf = (res: { body: unknown }) =>
  (res.body as { error: { code: string; message: string; details?: { reason?: string } } }).error;
async function ok<T = UnitResponsibilities>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}
const settingsUrl = () => `/api/v1/stations/${t.fx.units.stationA}/responsibility-settings`;
const holdersUrl = (unit: string) => `/api/v1/units/${unit}/responsibilities`;
const role = (view: UnitResponsibilities, key: string) =>
  view.levels.flatMap((l) => l.roles).find((r) => r.key === key);

describe('责任体系角色', () => {
  it('reads 理川’s defaults when the station has set none', async () => {
    const s = await ok<ResponsibilitySettings>(chief.get(settingsUrl()));
    expect(s.roles).toEqual(DEFAULT_RESPONSIBILITY_ROLES);
    expect(s.roles.map((r) => r.level)).toEqual([1, 1, 2, 2, 2, 3, 3, 3]);
    expect((await (await t.as('a.officer')).get(settingsUrl())).status).toBe(200);
  });

  it('saves renamed, added and reordered roles; only field.manage may', async () => {
    const roles = [
      ...DEFAULT_RESPONSIBILITY_ROLES.map((r) => (r.key === 'village_cadre' ? { ...r, name: '村（居）干部' } : r)),
      { key: 'building_leader', name: '楼栋长', level: 3 as const, holder: 'person' as const },
    ];
    const officer = await t.as('a.officer');
    expect((await officer.put(settingsUrl(), { roles })).status).toBe(403);
    const saved = await ok<ResponsibilitySettings>(chief.put(settingsUrl(), { roles }));
    expect(saved.roles.find((r) => r.key === 'village_cadre')?.name).toBe('村（居）干部');
    const again = await ok<ResponsibilitySettings>(chief.get(settingsUrl()));
    expect(again.roles.at(-1)).toMatchObject({ key: 'building_leader', name: '楼栋长' });
    const [row] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'responsibility.settings.save'));
    expect(row).toBeTruthy();
  });

  it('refuses bad roles in Chinese, and keeps a role someone holds (409 in words)', async () => {
    const bad = await chief.put(settingsUrl(), { roles: [{ key: 'X!', name: '', level: 4, holder: 'nobody' }] });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toMatch(/输入有误/);
    const twice = await chief.put(settingsUrl(), {
      roles: [DEFAULT_RESPONSIBILITY_ROLES[0], { ...DEFAULT_RESPONSIBILITY_ROLES[1], name: '责任区民警' }],
    });
    expect(twice.status).toBe(400);
    expect(errorOf(twice).message).toContain('重复');
    await ok(chief.post(holdersUrl(t.fx.units.gridA1), { roleKey: 'building_leader', name: '钱小梅' }));
    const drop = await chief.put(settingsUrl(), { roles: DEFAULT_RESPONSIBILITY_ROLES });
    expect(drop.status).toBe(409);
    expect(errorOf(drop).message).toContain('楼栋长');
  });
});

describe('责任人', () => {
  it('adds staff and persons by the role’s holder kind, with Chinese 400s otherwise', async () => {
    const url = holdersUrl(t.fx.units.villageA);
    const cases: [Record<string, unknown>, string][] = [
      [{ roleKey: 'village_auxiliary', name: '张三' }, '在岗人员担任'],
      [{ roleKey: 'village_cadre', staffId: t.fx.staffIds['a.aux'] }, '由群众担任'],
      [{ roleKey: 'nope', name: '张三' }, '不是本所的责任角色'],
      [{ roleKey: 'village_cadre', name: '张三', phone: '12345' }, '输入有误'],
      [{ roleKey: 'village_auxiliary', staffId: t.fx.staffIds['b.officer'] }, '本所在岗人员'],
      [{ roleKey: 'olive_volunteer', name: '张三' }, '应设在网格上'],
      [{ roleKey: 'grid_member', staffId: t.fx.staffIds['a.grid'], name: '张三' }, '只填其一'],
    ];
    for (const [body, words] of cases) {
      const res = await chief.post(body.roleKey === 'grid_member' ? holdersUrl(t.fx.units.gridA1) : url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(res).message).toContain(words);
    }
    await ok(chief.post(url, { roleKey: 'village_auxiliary', staffId: t.fx.staffIds['a.aux'] }));
    const view = await ok(chief.post(url, { roleKey: 'village_cadre', name: '王建国', phone: '138 0013 8000' }));
    expect(role(view, 'village_cadre')?.holders).toEqual([
      expect.objectContaining({ kind: 'person', name: '王建国', phone: '13800138000', inherited: false }),
    ]);
    const twice = await chief.post(url, { roleKey: 'village_auxiliary', staffId: t.fx.staffIds['a.aux'] });
    expect(twice.status).toBe(409);
    const [row] = await t.deps.database.db
      .select()
      .from(unitResponsibilities)
      .where(eq(unitResponsibilities.roleKey, 'village_cadre'));
    expect(row?.holderNameEnc).not.toContain('王建国');
    expect(row?.holderNameMasked).toBe('王*国');
    expect(row?.holderPhoneMasked).toBe('138****8000');
  });

  it('shows a grid its own, the village’s and the beat’s holders, each with where it comes from', async () => {
    await ok(chief.post(holdersUrl(t.fx.units.gridA1), { roleKey: 'grid_member', staffId: t.fx.staffIds['a.grid'] }));
    const grid = await ok((await t.as('a.officer')).get(holdersUrl(t.fx.units.gridA1)));
    expect(grid.levels.map((l) => l.level)).toEqual([1, 2, 3]);
    expect(role(grid, 'beat_officer')?.holders).toEqual([
      expect.objectContaining({
        staffId: t.fx.staffIds['a.officer'],
        inherited: true,
        source: expect.objectContaining({ kind: 'beat', name: 'A1警务区' }),
      }),
    ]);
    expect(role(grid, 'village_auxiliary')?.holders).toEqual([
      expect.objectContaining({ inherited: true, source: expect.objectContaining({ kind: 'unit', name: 'A村' }) }),
    ]);
    expect(role(grid, 'village_cadre')?.holders[0]).toMatchObject({ name: '王建国', inherited: true });
    expect(role(grid, 'grid_member')?.holders[0]).toMatchObject({ name: 'a.grid', inherited: false });
    expect(grid.allowedActions).toEqual([]);
    // The officer read a person's name and phone in full: the read is on the audit trail.
    const reads = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'responsibility.read'), eq(auditLog.targetId, t.fx.units.gridA1)));
    expect(reads.length).toBeGreaterThan(0);
    // The other grid of the village has no beat of its own: nothing from A1's beat, the village's still.
    const other = await ok(chief.get(holdersUrl(t.fx.units.gridA2)));
    expect(role(other, 'beat_officer')?.holders).toEqual([]);
    expect(role(other, 'village_cadre')?.holders).toHaveLength(1);
    expect(role(other, 'grid_member')?.holders).toEqual([]);
    expect(other.allowedActions).toEqual(['manage']);
  });

  it('masks persons for the bureau, and removes a holder with an audit entry', async () => {
    const bureau = await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
    expect(bureau).toBeTruthy();
    const seen = await ok((await t.as('q.bureau')).get(holdersUrl(t.fx.units.villageA)));
    expect(role(seen, 'village_cadre')?.holders[0]).toMatchObject({ name: '王*国', phone: '138****8000' });
    const id = role(seen, 'village_cadre')?.holders[0]?.id ?? '';
    expect((await (await t.as('a.officer')).delete(`/api/v1/responsibilities/${id}`)).status).toBe(403);
    expect((await chief.delete(`/api/v1/responsibilities/${id}`)).status).toBe(200);
    const after = await ok(chief.get(holdersUrl(t.fx.units.villageA)));
    expect(role(after, 'village_cadre')?.holders).toEqual([]);
    const rows = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'responsibility.remove'), eq(auditLog.targetId, t.fx.units.villageA)));
    expect(rows).toHaveLength(1);
    expect((await chief.delete(`/api/v1/responsibilities/${id}`)).status).toBe(404);
  });

  it('keeps other stations out, and a grid worker inside its village', async () => {
    const b = await t.as('b.officer');
    expect((await b.get(holdersUrl(t.fx.units.gridA1))).status).toBe(404);
    expect((await b.get(settingsUrl())).status).toBe(403);
    const bChief = await t.as('b.chief');
    const res = await bChief.post(holdersUrl(t.fx.units.villageA), { roleKey: 'village_cadre', name: '李四' });
    expect(res.status).toBe(404);
    const grid = await t.as('a.grid');
    expect((await grid.get(holdersUrl(t.fx.units.gridA1))).status).toBe(200);
    expect((await grid.get(holdersUrl(t.fx.units.villageB))).status).toBe(404);
    expect((await grid.post(holdersUrl(t.fx.units.gridA1), { roleKey: 'village_cadre', name: '李四' })).status).toBe(
      403,
    );
    expect((await (await t.as('a.mediator')).get(holdersUrl(t.fx.units.gridA1))).status).toBe(403);
    expect((await chief.get(holdersUrl(t.fx.units.townA))).status).toBe(400);
    const en = await t.as('a.chief', { locale: 'en' });
    const enRes = await en.post(holdersUrl(t.fx.units.villageA), { roleKey: 'village_cadre' });
    expect(errorOf(enRes).message).toContain('choose a staff member');
  });
});
