/**
 * 临时授权 through the API: B's chief lends A's officer a read of B's
 * village households for two days; the right holds while the grant is in
 * force and ends when it expires or is revoked, and both steps are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

const DAY = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Answer = Awaited<ReturnType<Client['get']>>;
type Grant = { id: string; active: boolean; revokedAt: string | null; unitId: string; staffId: string };

async function ok<T>(answer: Promise<Answer>): Promise<T> {
  const res = await answer;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

const villageB = () => `/api/v1/households?unitId=${t.fx.units.villageB}`;
const input = (days: number, extra: Record<string, unknown> = {}) => ({
  staffId: t.fx.staffIds['a.officer'],
  unitId: t.fx.units.villageB,
  capability: 'household.read',
  purpose: '入户抽查：B村第一批',
  expiresAt: new Date(t.clock.now().getTime() + days * DAY).toISOString(),
  ...extra,
});

describe('POST /api/v1/scope-grants', () => {
  it('refuses the anonymous, and an account that may not grant', async () => {
    expect((await t.anonymous().post('/api/v1/scope-grants', input(2))).status).toBe(401);
    expect((await (await t.as('b.officer')).post('/api/v1/scope-grants', input(2))).status).toBe(403);
  });

  it("grants only inside the granter's own scope, for at most 30 days, to a holder of the capability", async () => {
    const chief = await t.as('b.chief');
    const outside = await chief.post('/api/v1/scope-grants', input(2, { unitId: t.fx.units.villageA }));
    expect(outside.status).toBe(403);
    const tooLong = await chief.post('/api/v1/scope-grants', input(31));
    expect(tooLong.body).toMatchObject({ error: { code: 'GRANT_PERIOD' } });
    expect((await chief.post('/api/v1/scope-grants', input(-1))).status).toBe(400);
    const auditor = await chief.post('/api/v1/scope-grants', input(2, { staffId: t.fx.staffIds.auditor }));
    expect(auditor.status).toBe(400);
    const write = await chief.post('/api/v1/scope-grants', input(2, { capability: 'household.write' }));
    expect(write.status).toBe(400);
  });
});

describe('a scope grant', () => {
  it('a scope grant that expires', async () => {
    const before = await t.as('a.officer');
    expect((await before.get(villageB())).status).toBe(403);

    const chief = await t.as('b.chief');
    const grant = await ok<Grant>(chief.post('/api/v1/scope-grants', input(2)));
    expect(grant).toMatchObject({ active: true, unitId: t.fx.units.villageB, staffId: t.fx.staffIds['a.officer'] });

    const during = await t.as('a.officer');
    const page = await ok<{ total: number }>(during.get(villageB()));
    expect(page.total).toBe(t.fx.households.b.length);
    // Read-only, and only what was granted: no change, no other capability, no other unit.
    const household = { unitId: t.fx.units.gridB1, address: 'B村9号', doorplateCode: 'B-G9' };
    expect((await during.post('/api/v1/households', household)).status).toBe(403);
    expect((await during.get(`/api/v1/units/${t.fx.units.villageB}`)).status).toBe(403);
    expect((await during.get(`/api/v1/households?unitId=${t.fx.units.stationB}`)).status).toBe(403);
    const mine = await ok<Grant[]>(during.get('/api/v1/scope-grants?active=1'));
    expect(mine.map((g) => g.id)).toEqual([grant.id]);

    t.clock.advance(2 * DAY + 60_000);
    const after = await t.as('a.officer');
    expect((await after.get(villageB())).status).toBe(403);
    const listed = await ok<Grant[]>((await t.as('b.chief')).get('/api/v1/scope-grants'));
    expect(listed.find((g) => g.id === grant.id)).toMatchObject({ active: false, revokedAt: null });
    expect(await ok<Grant[]>((await t.as('a.chief')).get('/api/v1/scope-grants'))).toEqual([]);
  });

  it('ends at once when revoked, and both steps are in the audit trail', async () => {
    const chief = await t.as('b.chief');
    const grant = await ok<Grant>(chief.post('/api/v1/scope-grants', input(7)));
    const officer = await t.as('a.officer');
    expect((await officer.get(villageB())).status).toBe(200);
    expect((await (await t.as('a.chief')).delete(`/api/v1/scope-grants/${grant.id}`)).status).toBe(403);

    const revoked = await ok<Grant>(chief.delete(`/api/v1/scope-grants/${grant.id}`));
    expect(revoked).toMatchObject({ active: false });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await officer.get(villageB())).status).toBe(403);
    expect((await chief.delete(`/api/v1/scope-grants/${grant.id}`)).status).toBe(409);

    const auditor = await t.as('auditor');
    const trail = await ok<{ items: { action: string; targetId: string; details: Record<string, unknown> }[] }>(
      auditor.get('/api/v1/audit?action=scope.&pageSize=50'),
    );
    const steps = trail.items.filter((e) => e.targetId === grant.id);
    expect(steps.map((e) => e.action).sort()).toEqual(['scope.grant', 'scope.revoke']);
    const granted = steps.find((e) => e.action === 'scope.grant')!;
    expect(granted.details).toMatchObject({ staffId: t.fx.staffIds['a.officer'], capability: 'household.read' });
    // Ids and field names only: the purpose may name people.
    expect(JSON.stringify(steps)).not.toContain('入户抽查');
  });
});
