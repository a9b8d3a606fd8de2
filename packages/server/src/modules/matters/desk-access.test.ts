/**
 * Who works the 值班台. The duty officers and the chief always do; a community
 * officer only when the station's 码上办设置 say officers take desk duty —
 * otherwise the officer sees only 我的任务. The session (and so the console's
 * menu) and the desk's endpoints give the same answer.
 */
import { DEFAULT_MATTER_SETTINGS, type MatterSettings } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const settingsUrl = () => `/api/v1/stations/${t.fx.units.stationA}/matter-settings`;
const capabilities = async (c: Client) =>
  ((await c.get('/api/v1/auth/session')).body as { capabilities: string[] }).capabilities;

async function officersTakeDesk(on: boolean) {
  const chief = await t.as('a.chief');
  const current = (await chief.get(settingsUrl())).body as MatterSettings;
  const res = await chief.put(settingsUrl(), { ...current, desk: { officersTakeDesk: on } });
  expect(res.status).toBe(200);
}

describe('a community officer at the desk', () => {
  it('by default sees only their own tasks: no desk in the session, 403 on the desk list and figures', async () => {
    expect(DEFAULT_MATTER_SETTINGS.desk.officersTakeDesk).toBe(false);
    const officer = await t.as('a.officer');
    const caps = await capabilities(officer);
    expect(caps).toContain('matter.handle');
    expect(caps).not.toContain('matter.inbox');
    expect(caps).not.toContain('matter.desk');
    const list = await officer.get('/api/v1/matters');
    expect(list.status).toBe(403);
    expect(list.body).toEqual({ error: { code: 'FORBIDDEN', message: '您没有执行此操作的权限' } });
    expect((await officer.get('/api/v1/matters/summary')).status).toBe(403);
    // 我的任务 still works: the list and the figures of what the officer holds.
    expect((await officer.get('/api/v1/matters?mine=1&open=1')).status).toBe(200);
    expect((await officer.get('/api/v1/matters/summary?mine=1')).status).toBe(200);
  });

  it('gets the desk once the chief lets officers take desk duty, and loses it when switched off', async () => {
    const receipt = await submitAt(t, t.fx.doorplateTokens.a[0]!, 'consult', '想问问办居住证要带什么材料');
    await officersTakeDesk(true);
    const officer = await t.as('a.officer');
    expect(await capabilities(officer)).toEqual(expect.arrayContaining(['matter.inbox', 'matter.desk']));
    const list = await officer.get('/api/v1/matters?open=1');
    expect(list.status).toBe(200);
    expect((list.body as { items: { number: string }[] }).items.map((m) => m.number)).toContain(receipt.number);
    // Taking desk duty means working it: the officer accepts the new matter.
    const id = await matterIdOf(officer, receipt.number);
    const accepted = await officer.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    expect(accepted.status).toBe(200);
    expect((await officer.get('/api/v1/matters/summary')).status).toBe(200);

    await officersTakeDesk(false);
    // The same session: the next request already reads the station's new answer.
    expect(await capabilities(officer)).not.toContain('matter.inbox');
    expect((await officer.get('/api/v1/matters')).status).toBe(403);
  });

  it('is a station setting: another station’s officer keeps to their own tasks', async () => {
    await officersTakeDesk(true);
    const other = await t.as('b.officer');
    expect(await capabilities(other)).not.toContain('matter.inbox');
    expect((await other.get('/api/v1/matters')).status).toBe(403);
    await officersTakeDesk(false);
  });
});

describe('the roles that never hold the desk', () => {
  it('gives auxiliary police, grid workers and mediators their own tasks only, whatever the setting', async () => {
    await officersTakeDesk(true);
    for (const username of ['a.aux', 'a.grid', 'a.mediator']) {
      const c = await t.as(username);
      expect(await capabilities(c), username).not.toContain('matter.inbox');
      expect((await c.get('/api/v1/matters')).status, username).toBe(403);
      expect((await c.get('/api/v1/matters?mine=1')).status, username).toBe(200);
    }
    await officersTakeDesk(false);
  });

  it('keeps the desk for the duty officer and the chief, and the list for a partner department (its own tasks)', async () => {
    for (const username of ['a.duty', 'a.chief']) {
      const c = await t.as(username);
      expect(await capabilities(c), username).toContain('matter.inbox');
      expect((await c.get('/api/v1/matters')).status, username).toBe(200);
    }
    const liaison = await t.as('a.liaison');
    expect(await capabilities(liaison)).not.toContain('matter.inbox');
    expect((await liaison.get('/api/v1/matters')).status).toBe(200);
  });
});
