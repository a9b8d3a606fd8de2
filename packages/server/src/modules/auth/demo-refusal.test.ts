/** With demo mode off, every demo account is refused, whatever its password. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ JINGMIN_DEMO: '0' });
  await t.deps.database.db.execute(sql`UPDATE staff SET is_demo = true WHERE username = 'a.duty'`);
});
afterAll(() => t.close());

describe('demo credentials in production', () => {
  it('refuses a demo account and records why', async () => {
    const res = await t.anonymous().post('/api/v1/auth/login', { username: 'a.duty', password: t.fx.password });
    expect(res.status).toBe(401);
    expect(
      (await t.anonymous().post('/api/v1/auth/login', { username: 'a.officer', password: t.fx.password })).status,
    ).toBe(200);
    const auditor = await t.as('auditor');
    const trail = (await auditor.get('/api/v1/audit?action=auth.login&result=failed')).body as {
      items: { details: { reason: string } }[];
    };
    expect(trail.items.map((e) => e.details.reason)).toContain('demo_account_refused');
  });
});
