/**
 * The anti-fraud centre's API: its own key and address allow-list, bad input in the error shape, idempotent by its
 * own id (even racing), routed at once to the grid's responsible officer with a staff alert — or to the desk, or
 * refused when nowhere fits. And the upstreams themselves: made, rotated and stopped by fraud.manage, keys shown once.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, fraudInstructions, units } from '../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { deliverNotifications } from '../notify/jobs.js';
import {
  alertsOf,
  codeOf,
  instruction,
  makeUpstream,
  received,
  rowOf,
  silentCtx,
  upstreamPost,
  upstreamPull,
} from './fraud.testkit.js';

let t: TestApp;
let key: string;
beforeAll(async () => {
  t = await buildTestApp();
  key = (await makeUpstream(t, await t.as('sysadmin'))).apiKey;
});
afterAll(() => t.close());

describe('the upstream API refuses', () => {
  it('a missing, malformed, unknown or stopped key with 401', async () => {
    expect((await upstreamPost(t, '', instruction())).status).toBe(401);
    // The key is checked before the input is read: without one, even malformed input is a 401.
    expect((await upstreamPost(t, '', { externalId: 'x\u0000' })).status).toBe(401);
    expect(codeOf(await upstreamPost(t, 'jmk_nothere_x', instruction()))).toBe('UPSTREAM_KEY_INVALID');
    const forged = `${key.slice(0, 13)}${'a'.repeat(32)}`;
    expect((await upstreamPost(t, forged, instruction())).status).toBe(401);
    const res = await t.anonymous().get('/api/v1/upstream/fraud/feedback');
    expect(res.status).toBe(401);
  });

  it('an address outside the allow-list with 403, IPv6 blocks included', async () => {
    const res = await upstreamPost(t, key, instruction(), '10.20.31.1');
    expect(res.status).toBe(403);
    expect(codeOf(res)).toBe('UPSTREAM_ADDRESS_NOT_ALLOWED');
    expect((await upstreamPost(t, key, instruction(), '2001:db8::7')).status).toBe(201);
    expect((await upstreamPull(t, key, '', '192.168.1.1')).status).toBe(403);
  });

  it('malformed fields with 400 and the error shape, naming the field', async () => {
    const res = await upstreamPost(t, key, instruction({ phone: '12345', fraudType: 'nonsense' }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(res.body.error)).toMatch(/phone|fraudType/);
    expect((await upstreamPost(t, key, { ...instruction(), extra: 1 })).status).toBe(400);
  });
});

describe('an instruction is idempotent by the upstream id', () => {
  it('the same content again is answered 200 with the first answer; other content 422', async () => {
    const body = instruction();
    const first = await upstreamPost(t, key, body);
    expect(first.status).toBe(201);
    const again = await upstreamPost(t, key, { ...body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const other = await upstreamPost(t, key, { ...body, level: 'low' });
    expect(other.status).toBe(422);
    expect(codeOf(other)).toBe('UPSTREAM_REPLAY_MISMATCH');
  });

  it('two posts of one id at once make one row', async () => {
    const body = instruction();
    const answers = await Promise.all([upstreamPost(t, key, body), upstreamPost(t, key, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0]?.body.id).toBe(answers[1]?.body.id);
    const rows = await t.deps.database.db
      .select({ id: fraudInstructions.id })
      .from(fraudInstructions)
      .where(eq(fraudInstructions.externalId, body.externalId));
    expect(rows).toHaveLength(1);
  });
});

describe('routing', () => {
  it("goes to the grid's responsible officer with a staff alert, the person sealed and masked", async () => {
    const answer = await received(t, key);
    expect(answer).toMatchObject({ routedTo: 'officer', status: 'open' });
    expect(answer.number).toMatch(/^FZ20261123-\d{6}$/);
    // 高风险: ten minutes from arrival by default.
    const row = await rowOf(t, answer.id);
    expect(row.deadlineAt.getTime() - row.receivedAt.getTime()).toBe(10 * 60_000);
    expect(row).toMatchObject({
      assigneeId: t.fx.staffIds['a.officer'],
      nameMasked: '王*兰',
      feedbackStatus: 'pending',
    });
    expect(row.phoneMasked).toBe('139****5678');
    expect(row.nameEnc).not.toContain('王');
    await t.app.sealer.flush();
    await deliverNotifications(silentCtx(t));
    const alerts = await alertsOf(t, answer.id);
    expect(alerts.map((a) => [a.staff_id, a.reason])).toEqual([[t.fx.staffIds['a.officer'], 'dispatched']]);
  });

  it('by the address when no doorplate code is given, spaces ignored', async () => {
    const answer = await received(t, key, { doorplateCode: undefined, address: 'A村 1组 2号' });
    expect((await rowOf(t, answer.id)).householdId).toBe(t.fx.households.a[1]);
  });

  it('to the desk when the grid has no responsible officer', async () => {
    const answer = await received(t, key, { doorplateCode: 'B-1', address: undefined, level: 'medium' });
    expect(answer.routedTo).toBe('desk');
    const row = await rowOf(t, answer.id);
    expect(row.assigneeId).toBeNull();
    expect(row.deadlineAt.getTime() - row.receivedAt.getTime()).toBe(30 * 60_000);
  });

  it('by the station code, else refused as unroutable', async () => {
    await t.deps.database.db.update(units).set({ code: 'ST-B' }).where(eq(units.id, t.fx.units.stationB));
    const onCode = await received(t, key, { doorplateCode: undefined, address: '某地不详', stationCode: 'ST-B' });
    expect((await rowOf(t, onCode.id)).stationId).toBe(t.fx.units.stationB);
    const nowhere = await upstreamPost(t, key, instruction({ doorplateCode: 'ZZ-9', address: '外省某市某路' }));
    expect(nowhere.status).toBe(422);
    expect(codeOf(nowhere)).toBe('FRAUD_UNROUTABLE');
  });

  it('the deadline the instruction names wins over the station rule', async () => {
    const answer = await received(t, key, { deadlineMinutes: 5 });
    const row = await rowOf(t, answer.id);
    expect(row.deadlineAt.getTime() - row.receivedAt.getTime()).toBe(5 * 60_000);
  });
});

describe('upstreams are managed by fraud.manage', () => {
  it('a chief makes one for its station, not for the bureau; the key is shown once and never audited', async () => {
    const chief = await t.as('a.chief');
    const made = await makeUpstream(t, chief, { unitId: t.fx.units.stationA, name: 'A所直连平台' });
    expect(made.apiKey).toMatch(/^jmk_[a-z0-9]{8}_[a-z0-9]{32}$/);
    expect(made.webhookSecret.length).toBeGreaterThan(40);
    expect(made.upstream.keyPrefix).toBe(`${made.apiKey.slice(0, 12)}_…`);
    const list = (await chief.get('/api/v1/fraud/upstreams')).body as { id: string }[];
    expect(list.map((u) => u.id)).toContain(made.upstream.id);
    const bureau = await chief.post('/api/v1/fraud/upstreams', {
      name: '越权',
      unitId: t.fx.units.bureau,
      allowedIps: ['10.0.0.1'],
      feedback: 'pull',
    });
    expect(bureau.status).toBe(403);
    expect((await (await t.as('a.duty')).get('/api/v1/fraud/upstreams')).status).toBe(403);
    const trail = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, made.upstream.id));
    expect(trail.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail)).not.toContain(made.apiKey.slice(13));
    expect(JSON.stringify(trail)).not.toContain(made.webhookSecret);
  });

  it('a bad address in the allow-list is a 400; a webhook needs its URL', async () => {
    const admin = await t.as('sysadmin');
    const bad = { name: 'x', unitId: t.fx.units.bureau, allowedIps: ['300.1.1.1'], feedback: 'pull' };
    expect((await admin.post('/api/v1/fraud/upstreams', bad)).status).toBe(400);
    const noUrl = { ...bad, allowedIps: ['10.0.0.1'], feedback: 'webhook' };
    expect((await admin.post('/api/v1/fraud/upstreams', noUrl)).status).toBe(400);
  });

  it('rotation stops the old key at once; deactivation stops the new one', async () => {
    const admin = await t.as('sysadmin');
    const made = await makeUpstream(t, admin);
    expect((await upstreamPost(t, made.apiKey, instruction())).status).toBe(201);
    const rotated = await admin.post(`/api/v1/fraud/upstreams/${made.upstream.id}/rotate`);
    expect(rotated.status).toBe(200);
    const fresh = (rotated.body as { apiKey: string }).apiKey;
    expect((await upstreamPost(t, made.apiKey, instruction())).status).toBe(401);
    expect((await upstreamPost(t, fresh, instruction())).status).toBe(201);
    const off = await admin.post(`/api/v1/fraud/upstreams/${made.upstream.id}/deactivate`);
    expect((off.body as { active: boolean }).active).toBe(false);
    expect((await upstreamPost(t, fresh, instruction())).status).toBe(401);
    const renamed = await admin.put(`/api/v1/fraud/upstreams/${made.upstream.id}`, {
      name: '市反诈中心',
      unitId: t.fx.units.bureau,
      allowedIps: ['10.20.30.40'],
      feedback: 'pull',
    });
    expect(renamed.body).toMatchObject({ name: '市反诈中心', allowedIps: ['10.20.30.40'] });
  });
});
