/** 码上办设置 are for the desk and the chief: a handler in the field has no need to read them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('reading a station’s matter settings', () => {
  const url = () => `/api/v1/stations/${t.fx.units.stationA}/matter-settings`;

  it('refuses anonymous callers and a grid worker, in the caller’s language', async () => {
    expect((await t.anonymous().get(url())).status).toBe(401);
    const grid = await t.as('a.grid');
    const refused = await grid.get(url());
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' } });
    const en = await t.as('a.grid', { locale: 'en' });
    expect((await en.get(url())).body).toEqual({
      error: { code: 'FORBIDDEN', message: 'You are not allowed to do this' },
    });
  });

  it('lets the duty officer and the chief read them', async () => {
    for (const username of ['a.duty', 'a.chief']) {
      const res = await (await t.as(username)).get(url());
      expect(res.status, username).toBe(200);
      expect(res.body).toMatchObject({ deadlines: { base: expect.any(Object) }, limits: expect.any(Object) });
    }
  });
});
