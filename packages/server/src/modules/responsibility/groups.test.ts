/**
 * 十户联防 through the API: the chief groups a grid's households with a 户长 among them; a household joins one group
 * only (409 naming its address); a stale version is a conflict; the proposal cuts the ungrouped households, in
 * address order, into groups of about ten and saves nothing; the 户长's name is masked outside the station;
 * other stations and read-only roles are kept out.
 */
import type { HouseholdGroup, HouseholdGroupList, HouseholdGroupProposal } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, householdGroups, households, units } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { chunkSizes } from './groups.service.js';

let t: TestApp;
let chief: Client;
/** 23 households of grid A2, in address order. */
let a2: string[] = [];
beforeAll(async () => {
  t = await buildTestApp();
  chief = await t.as('a.chief');
  const [grid] = await t.deps.database.db.select().from(units).where(eq(units.id, t.fx.units.gridA2));
  const rows = await t.deps.database.db
    .insert(households)
    .values(
      Array.from({ length: 23 }, (_, i) => ({
        unitId: t.fx.units.gridA2,
        unitPath: grid!.path,
        address: `A村2组${i + 1}号`,
        doorplateCode: `A2-${i + 1}`,
        doorplateToken: `tok-a2-${i + 1}-xxxxxxxxxxxx`,
      })),
    )
    .returning({ id: households.id, address: households.address });
  a2 = rows.map((r) => r.id);
}, 60_000);
afterAll(() => t.close());

const errorOf = (res: { body: unknown }) =>
  (res.body as { error: { code: string; message: string; details?: { reason?: string } } }).error;
async function ok<T = HouseholdGroup>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}
const groupsUrl = (unit = t.fx.units.gridA1) => `/api/v1/units/${unit}/household-groups`;

describe('十户联防组', () => {
  it('creates a group with its 户长 and lists it with the count and the masked leader outside the station', async () => {
    const [h1, h2] = t.fx.households.a;
    const created = await ok(
      chief.post(groupsUrl(), {
        name: '第1联防组',
        householdIds: [h1, h2],
        leaderHouseholdId: h2,
        leaderName: '赵德明',
        leaderPhone: '13912345678',
      }),
    );
    expect(created).toMatchObject({ memberCount: 2, leaderAddress: 'A村1组2号', leaderName: '赵德明', version: 1 });
    expect(created.members.map((m) => m.address)).toEqual(['A村1组1号', 'A村1组2号']);
    const list = await ok<HouseholdGroupList>((await t.as('a.officer')).get(groupsUrl()));
    expect(list).toMatchObject({ households: 3, ungrouped: 1, allowedActions: [] });
    expect(list.items[0]).toMatchObject({ name: '第1联防组', memberCount: 2, leaderPhone: '13912345678' });
    await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
    const far = await ok<HouseholdGroupList>((await t.as('q.bureau')).get(groupsUrl()));
    expect(far.items[0]).toMatchObject({ leaderName: '赵*明', leaderPhone: '139****5678' });
    const [row] = await t.deps.database.db.select().from(householdGroups).where(eq(householdGroups.id, created.id));
    expect(row?.leaderNameEnc).not.toContain('赵德明');
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'household_group.create'));
    expect(entry?.targetId).toBe(created.id);
  });

  it('refuses a household already in another group, a leader outside the group and foreign households', async () => {
    const [h1, , h3] = t.fx.households.a;
    const twice = await chief.post(groupsUrl(), { name: '第2联防组', householdIds: [h1, h3], leaderHouseholdId: h3 });
    expect(twice.status).toBe(409);
    expect(errorOf(twice).message).toContain('A村1组1号');
    const leader = await chief.post(groupsUrl(), {
      name: '第2联防组',
      householdIds: [h3, a2[0]],
      leaderHouseholdId: h1,
    });
    expect(leader.status).toBe(400);
    expect(errorOf(leader).message).toContain('户长应为本组的一户');
    const foreign = await chief.post(groupsUrl(), {
      name: '第2联防组',
      householdIds: [h3, t.fx.households.b[0]],
      leaderHouseholdId: h3,
    });
    expect(foreign.status).toBe(400);
    expect(errorOf(foreign).message).toContain('A村第1网格的住户');
    const few = await chief.post(groupsUrl(), { name: '第2联防组', householdIds: [h3], leaderHouseholdId: h3 });
    expect(few.status).toBe(400);
    const village = await chief.get(groupsUrl(t.fx.units.villageA));
    expect(errorOf(village).message).toContain('应为网格');
  });

  it('edits members and leader on the version read, and a stale version is a conflict', async () => {
    const list = await ok<HouseholdGroupList>(chief.get(groupsUrl()));
    const id = list.items[0]!.id;
    const [h1, h2, h3] = t.fx.households.a;
    const body = { name: '第1联防组', householdIds: [h1, h2, h3], leaderHouseholdId: h3, version: 1 };
    const edited = await ok(chief.put(`/api/v1/household-groups/${id}`, body));
    expect(edited).toMatchObject({ memberCount: 3, leaderAddress: 'A村1组3号', version: 2, leaderName: null });
    const stale = await chief.put(`/api/v1/household-groups/${id}`, body);
    expect(stale.status).toBe(409);
    expect(
      (await (await t.as('a.officer')).put(`/api/v1/household-groups/${id}`, { ...body, version: 2 })).status,
    ).toBe(403);
    expect((await (await t.as('b.chief')).get(`/api/v1/household-groups/${id}`)).status).toBe(404);
    expect((await (await t.as('a.grid')).get(`/api/v1/household-groups/${id}`)).status).toBe(200);
  });

  it('proposes groups of about ten consecutive households for the ungrouped, saving nothing', async () => {
    expect(chunkSizes(1)).toEqual([]);
    expect(chunkSizes(7)).toEqual([7]);
    expect(chunkSizes(23)).toEqual([12, 11]);
    expect(chunkSizes(98).every((n) => n >= 2 && n <= 20)).toBe(true);
    await ok(
      chief.post(groupsUrl(t.fx.units.gridA2), {
        name: '第1联防组',
        householdIds: a2.slice(0, 3),
        leaderHouseholdId: a2[0],
      }),
    );
    const proposal = await ok<HouseholdGroupProposal>(chief.post(`${groupsUrl(t.fx.units.gridA2)}/auto`));
    expect(proposal.items.map((g) => g.householdIds.length)).toEqual([10, 10]);
    expect(proposal.items.map((g) => g.name)).toEqual(['第2联防组', '第3联防组']);
    expect(proposal.items[0]!.members.map((m) => m.address).slice(0, 3)).toEqual([
      'A村2组4号',
      'A村2组5号',
      'A村2组6号',
    ]);
    expect(proposal.items[0]!.leaderHouseholdId).toBe(proposal.items[0]!.householdIds[0]);
    const list = await ok<HouseholdGroupList>(chief.get(groupsUrl(t.fx.units.gridA2)));
    expect(list).toMatchObject({ households: 23, ungrouped: 20 });
    expect(list.items).toHaveLength(1);
    expect((await (await t.as('a.officer')).post(`${groupsUrl(t.fx.units.gridA2)}/auto`)).status).toBe(403);
    // The chief confirms one: it is saved as proposed.
    const first = proposal.items[0]!;
    await ok(
      chief.post(groupsUrl(t.fx.units.gridA2), {
        name: first.name,
        householdIds: first.householdIds,
        leaderHouseholdId: first.leaderHouseholdId,
      }),
    );
    const left = await ok<HouseholdGroupProposal>(chief.post(`${groupsUrl(t.fx.units.gridA2)}/auto`));
    expect(left.items.map((g) => g.householdIds.length)).toEqual([10]);
  });

  it('deletes a group: its households are free again', async () => {
    const list = await ok<HouseholdGroupList>(chief.get(groupsUrl(t.fx.units.gridA2)));
    const id = list.items[0]!.id;
    expect((await (await t.as('a.officer')).delete(`/api/v1/household-groups/${id}`)).status).toBe(403);
    expect((await chief.delete(`/api/v1/household-groups/${id}`)).status).toBe(200);
    const after = await ok<HouseholdGroupList>(chief.get(groupsUrl(t.fx.units.gridA2)));
    expect(after.ungrouped).toBe(after.households - 10);
    expect((await chief.get(`/api/v1/household-groups/${id}`)).status).toBe(404);
  });
});
