/**
 * A notice's reach through the API: receipts attributed to the grid of the doorplate they came from, to the
 * station when the area is unknown (no doorplate, or a doorplate of another station), shown per village and grid of
 * the target areas beside their households and scan coverage; counts only; staff of another station see nothing.
 */
import type { WarningReach } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { households, warningReplies } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { device, notice, receipt } from './receipts.testkit.js';

let t: TestApp;
let resident: Client;
let chief: Client;

beforeAll(async () => {
  t = await buildTestApp();
  resident = t.anonymous();
  chief = await t.as('a.chief');
});
afterAll(() => t.close());

const reachOf = async (client: Client, id: string) => {
  const res = await client.get(`/api/v1/warnings/${id}/reach`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as WarningReach;
};

describe('GET /warnings/:id/reach', () => {
  it('answers only staff who read the notice’s station', async () => {
    const id = await notice(t, { targets: [t.fx.units.villageA] });
    expect((await t.anonymous().get(`/api/v1/warnings/${id}/reach`)).status).toBe(401);
    expect((await (await t.as('b.chief')).get(`/api/v1/warnings/${id}/reach`)).status).toBe(404);
    // A grid worker of the village reads the figures of the station's notices.
    expect((await (await t.as('a.grid')).get(`/api/v1/warnings/${id}/reach`)).status).toBe(200);
  });

  it('counts a receipt to its doorplate’s grid, and to the station when the area is unknown', async () => {
    const id = await notice(t, { targets: [t.fx.units.villageA], ackRequired: true });
    const [a0, a1] = t.fx.doorplateTokens.a;
    const [b0] = t.fx.doorplateTokens.b;
    const one = device();
    const two = device();
    await receipt(resident, id, one, 'open', a0);
    await receipt(resident, id, two, 'open', a1);
    await receipt(resident, id, two, 'ack', a1);
    await receipt(resident, id, two, 'thanks', a1);
    await receipt(resident, id, device(), 'open'); // a shared link, no doorplate
    await receipt(resident, id, device(), 'open', b0); // another station's doorplate: area unknown here
    await receipt(resident, id, device(), 'ack');
    await receipt(resident, id, device(), 'like', 'no-such-plate');
    await t.deps.database.db
      .insert(warningReplies)
      .values({ warningId: id, phoneIndex: 'x', body: '收到，谢谢提醒', createdAt: t.clock.now() });

    const r = await reachOf(chief, id);
    expect(r.totals).toEqual({
      deliveredHouseholds: 3,
      deliveredPhones: 0,
      opened: 4,
      acknowledged: 2,
      thanks: 1,
      likes: 1,
      replies: 1,
    });
    expect(r.openedElsewhere).toBe(2);
    expect(r.acknowledgedElsewhere).toBe(1);
    const unit = (id: string) => r.units.find((u) => u.unitId === id);
    expect(unit(t.fx.units.villageA)).toMatchObject({ kind: 'village', households: 3, opened: 2, acknowledged: 1 });
    expect(unit(t.fx.units.gridA1)).toMatchObject({
      kind: 'grid',
      parentId: t.fx.units.villageA,
      households: 3,
      scannedHouseholds: 0,
      opened: 2,
      acknowledged: 1,
    });
    expect(unit(t.fx.units.gridA2)).toMatchObject({ households: 0, opened: 0, acknowledged: 0 });
    expect(r.coverage).toEqual({ households: 3, scannedHouseholds: 0 });
    // Counts only: nothing in the answer names a device or a household.
    expect(JSON.stringify(r)).not.toMatch(/device|household_id|token/i);
  });

  it('lists the target grid only, and counts receipts from outside the target as elsewhere', async () => {
    const id = await notice(t, { targets: [t.fx.units.gridA2] });
    await receipt(resident, id, device(), 'open', t.fx.doorplateTokens.a[0]);
    const r = await reachOf(chief, id);
    expect(r.units.map((u) => u.unitId)).toEqual([t.fx.units.gridA2]);
    expect(r.totals.opened).toBe(1);
    expect(r.openedElsewhere).toBe(1);
  });

  it('shows the scan coverage beside the figures, households only', async () => {
    const db = t.deps.database.db;
    await resident.get(`/api/v1/public/doorplates/${t.fx.doorplateTokens.a[2]}`);
    const [home] = await db.select().from(households).where(eq(households.doorplateToken, t.fx.doorplateTokens.a[0]!));
    await db.insert(households).values({
      unitId: t.fx.units.gridA1,
      unitPath: home!.unitPath,
      address: 'A村1组99号',
      name: '柳塘农机合作社',
      kind: 'enterprise',
      doorplateCode: 'A-E1',
      doorplateToken: 'enterprise-plate-a1',
      firstScannedAt: t.clock.now(),
    });
    const id = await notice(t, { targets: [t.fx.units.villageA] });
    const r = await reachOf(chief, id);
    expect(r.coverage).toEqual({ households: 3, scannedHouseholds: 1 });
    expect(r.units.find((u) => u.unitId === t.fx.units.gridA1)).toMatchObject({ households: 3, scannedHouseholds: 1 });
  });
});
