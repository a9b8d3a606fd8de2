/** 三员分立 and the account life cycle, through the API and in the database itself. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { rowsOf } from '../org/org.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('separation of the three administrators', () => {
  it('refuses two administrator roles on one account, in the API and in the database', async () => {
    const sec = await t.as('secadmin');
    const res = await sec.put(`/api/v1/staff/${t.fx.staffIds['a.officer']}/roles`, {
      roles: ['system_admin', 'auditor'],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'ROLE_SEPARATION' } });
    await expect(
      t.deps.database.db.execute(
        sql`UPDATE staff SET roles = ARRAY['security_admin', 'auditor'] WHERE username = 'a.officer'`,
      ),
    ).rejects.toThrow();
  });

  it('keeps each administrator to its own work', async () => {
    const sys = await t.as('sysadmin');
    const sec = await t.as('secadmin');
    const aud = await t.as('auditor');
    expect((await sys.get('/api/v1/audit')).status).toBe(403);
    expect((await sys.put(`/api/v1/staff/${t.fx.staffIds['a.aux']}/roles`, { roles: ['duty_officer'] })).status).toBe(
      403,
    );
    expect((await sys.put('/api/v1/policies/security', { lockout: { maxFailures: 6, lockMinutes: 15 } })).status).toBe(
      403,
    );
    expect(
      (await sec.post('/api/v1/staff', { username: 'x.new', displayName: '新人', scopeUnitId: t.fx.units.stationA }))
        .status,
    ).toBe(403);
    expect((await sec.get('/api/v1/audit')).status).toBe(403);
    expect(
      (await aud.post('/api/v1/staff', { username: 'x.new', displayName: '新人', scopeUnitId: t.fx.units.stationA }))
        .status,
    ).toBe(403);
    expect((await aud.put('/api/v1/policies/security', { lockout: { maxFailures: 6, lockMinutes: 15 } })).status).toBe(
      403,
    );
    expect((await aud.post('/api/v1/units', { parentId: t.fx.units.bureau, kind: 'station', name: 'X' })).status).toBe(
      403,
    );
    expect((await aud.get('/api/v1/audit')).status).toBe(200);
    // The audit trail has no route that changes it.
    expect((await aud.delete('/api/v1/audit')).status).toBe(404);
  });
});

describe('accounts', () => {
  it('creates an account without roles, with a one-time password, and refuses a duplicate username', async () => {
    const sys = await t.as('sysadmin');
    const created = await sys.post('/api/v1/staff', {
      username: 'a.new',
      displayName: '新辅警',
      scopeUnitId: t.fx.units.stationA,
      phone: '13912345678',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ staff: { roles: [], phone: '139****5678' } });
    expect((created.body as { initialPassword: string }).initialPassword.length).toBeGreaterThanOrEqual(10);
    const [row] = rowsOf<{ phone_enc: string }>(
      await t.deps.database.db.execute(sql`SELECT phone_enc FROM staff WHERE username = 'a.new'`),
    );
    expect(row!.phone_enc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain('13912345678');
    const dup = await sys.post('/api/v1/staff', {
      username: 'a.new',
      displayName: '重名',
      scopeUnitId: t.fx.units.stationA,
    });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: { code: 'USERNAME_TAKEN' } });
  });

  it('ends the live session of an account that is disabled', async () => {
    const aux = await t.as('a.aux');
    expect((await aux.get('/api/v1/units/roots')).status).toBe(200);
    const sys = await t.as('sysadmin');
    expect((await sys.patch(`/api/v1/staff/${t.fx.staffIds['a.aux']}`, { status: 'disabled' })).status).toBe(200);
    expect((await aux.get('/api/v1/units/roots')).status).toBe(401);
    const again = await t.anonymous().post('/api/v1/auth/login', { username: 'a.aux', password: t.fx.password });
    expect(again.status).toBe(401);
  });
});
