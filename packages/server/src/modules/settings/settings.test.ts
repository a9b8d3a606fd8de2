/** A station's own 码上办 rules: deadlines per kind and urgency, and submission limits. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_MATTER_SETTINGS, type MatterSettings } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const submit = (plate: string, kind?: string, body?: string) => submitAt(t, plate, kind, body);
const idOf = matterIdOf;

describe('a station’s own deadlines and limits', () => {
  const url = () => `/api/v1/stations/${t.fx.units.stationA}/matter-settings`;

  it('starts from the defaults and applies what the chief sets to new matters', async () => {
    const desk = await t.as('a.duty');
    expect((await desk.get(url())).body).toEqual(DEFAULT_MATTER_SETTINGS);
    const next: MatterSettings = structuredClone(DEFAULT_MATTER_SETTINGS);
    next.deadlines.byKind.consult = { firstResponseMinutes: 15, resolveMinutes: 120 };
    const chief = await t.as('a.chief');
    expect((await chief.put(url(), next)).body).toEqual(next);
    expect((await desk.put(url(), next)).status).toBe(403);

    const receipt = await submit(t.fx.doorplateTokens.a[2]!, 'consult', '咨询一下无犯罪记录证明');
    const id = await idOf(desk, receipt.number);
    const created = (await desk.get(`/api/v1/matters/${id}`)).body as { createdAt: string; firstResponseDueAt: string };
    const minutes = (iso: string) => (Date.parse(iso) - Date.parse(created.createdAt)) / 60_000;
    expect(minutes(created.firstResponseDueAt)).toBe(15);
    const accepted = (await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' })).body as {
      resolveDueAt: string;
    };
    expect(minutes(accepted.resolveDueAt)).toBe(120);
  });

  it('refuses nonsense with a message naming the field, and another station’s chief', async () => {
    const chief = await t.as('a.chief');
    const bad = structuredClone(DEFAULT_MATTER_SETTINGS) as unknown as { deadlines: { base: { takeMinutes: number } } };
    bad.deadlines.base.takeMinutes = 0;
    const res = await chief.put(url(), bad);
    expect(res.status).toBe(400);
    expect((res.body as { error: { message: string } }).error.message).toContain('takeMinutes');
    expect((await (await t.as('b.chief')).put(url(), DEFAULT_MATTER_SETTINGS)).status).toBe(403);
  });

  it('holds submissions to the station’s own per-doorplate limit', async () => {
    const chief = await t.as('a.chief');
    const strict = structuredClone(DEFAULT_MATTER_SETTINGS);
    strict.limits.perDoorplatePerHour = 2;
    await chief.put(url(), strict);
    const plate = t.fx.doorplateTokens.a[2]!;
    t.clock.advance(3_600_000);
    await submit(plate);
    await submit(plate);
    const third = await t
      .anonymous()
      .post(
        `/api/v1/public/doorplates/${plate}/matters`,
        { kind: 'consult', body: '第三次', noticeVersion: '2026-11' },
        { 'idempotency-key': randomUUID() },
      );
    expect(third.status).toBe(429);
    await chief.put(url(), DEFAULT_MATTER_SETTINGS);
  });
});
