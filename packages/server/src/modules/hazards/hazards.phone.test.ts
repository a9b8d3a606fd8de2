/**
 * What the field phone needs of the register: `mine=1` lists the session's own hazards still open (those it
 * follows or found; 整改中 and 待复核), soonest deadline first, nobody else's and none closed; a fix reported
 * from the phone's outbox with an Idempotency-Key is applied once: a resend after a lost answer gets the
 * hazard as the fix left it (not a conflict), the same key with other content is refused, a bad key is a 400.
 * The phone starts from my station's kinds, found also for a grid worker who cannot see the station node.
 */
import { randomUUID } from 'node:crypto';
import type { HazardPage, HazardView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { errorOf, inspection, ok, record } from './hazards.testkit.js';

let t: TestApp;
let officer: Client;
let aux: Client;
let A: string;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
  aux = await t.as('a.aux');
  A = t.fx.units.stationA;
}, 60_000);
afterAll(() => t.close());

const mine = (client: Client) => ok<HazardPage>(client.get(`/api/v1/stations/${A}/hazards?mine=1&pageSize=100`));
const rectify = (client: Client, h: HazardView, note: string, key?: string) =>
  client.post(
    `/api/v1/hazards/${h.id}/rectify`,
    { version: h.version, note },
    key === undefined ? {} : { 'idempotency-key': key },
  );

describe('my station’s hazard kinds (the phone’s start)', () => {
  it('keeps out the anonymous and roles without field records', async () => {
    expect((await t.anonymous().get('/api/v1/my-hazard-settings')).status).toBe(401);
    expect(errorOf(await (await t.as('auditor')).get('/api/v1/my-hazard-settings')).code).toBe('FORBIDDEN');
  });

  it('answers the station of an officer, and of a grid worker whose sight stops at its village', async () => {
    const own = await ok<{ stationId: string; settings: { kinds: { key: string }[] } }>(
      officer.get('/api/v1/my-hazard-settings'),
    );
    expect(own.stationId).toBe(A);
    expect(own.settings.kinds.map((k) => k.key)).toContain('fire');
    const grid = await t.as('a.grid');
    expect((await grid.get(`/api/v1/units/${t.fx.units.villageA}`)).body).toMatchObject({
      ancestors: [{ id: t.fx.units.villageA }],
    });
    expect(await ok(grid.get('/api/v1/my-hazard-settings'))).toMatchObject({ stationId: A });
    const b = await ok<{ stationId: string }>((await t.as('b.officer')).get('/api/v1/my-hazard-settings'));
    expect(b.stationId).toBe(t.fx.units.stationB);
  });

  it('answers 404 to a bureau account, which works for no station', async () => {
    await addStaff(t, 'bureau.field', ['bureau_supervisor'], t.fx.units.bureau);
    const res = await (await t.as('bureau.field')).get('/api/v1/my-hazard-settings');
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });
});

describe('my open hazards (mine=1)', () => {
  it('keeps out the anonymous', async () => {
    expect((await t.anonymous().get(`/api/v1/stations/${A}/hazards?mine=1`)).status).toBe(401);
  });

  it('lists what I follow or found, still open, soonest deadline first; nobody else’s, none closed', async () => {
    const aid = t.fx.staffIds['a.aux'];
    const late = await ok(
      record(officer, A, inspection(t, { kind: 'traffic', place: '村道急弯', deadlineOn: '2026-12-20' })),
    );
    const soon = await ok(record(officer, A, inspection(t, { place: '村口加油站', deadlineOn: '2026-11-25' })));
    // Found by the officer, followed by the auxiliary: both see it as theirs.
    const handed = await ok(
      record(officer, A, inspection(t, { place: '粮站', responsibleId: aid, deadlineOn: '2026-12-01' })),
    );
    const others = await ok(record(aux, A, inspection(t, { place: '小学后门' })));
    const fixed = await ok(rectify(officer, soon, '已更换灭火器'));
    const closed = await ok(record(officer, A, inspection(t, { place: '旧仓库' })));
    await ok(
      t.as('a.chief').then((c) => c.post(`/api/v1/hazards/${closed.id}/void`, { version: 1, reason: '重复登记' })),
    );

    const page = await mine(officer);
    const ids = page.items.map((h) => h.id);
    const ours = [fixed.id, handed.id, late.id];
    expect(ids.filter((id) => ours.includes(id))).toEqual(ours);
    expect(ids).not.toContain(others.id);
    expect(ids).not.toContain(closed.id);
    expect(page.items.every((h) => h.status === 'open' || h.status === 'rectified')).toBe(true);
    const deadlines = page.items.map((h) => h.deadlineOn);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(page.total).toBe(page.items.length);

    const auxIds = (await mine(aux)).items.map((h) => h.id);
    expect(auxIds).toEqual(expect.arrayContaining([handed.id, others.id]));
    expect(auxIds).not.toContain(late.id);
  });

  it('still narrows by status, and refuses an unknown value', async () => {
    const open = await ok<HazardPage>(officer.get(`/api/v1/stations/${A}/hazards?mine=1&status=rectified`));
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.every((h) => h.status === 'rectified')).toBe(true);
    const bad = await officer.get(`/api/v1/stations/${A}/hazards?mine=yes`);
    expect(bad.status).toBe(400);
    expect(errorOf(bad).code).toBe('VALIDATION');
  });
});

describe('a fix sent from the phone’s outbox', () => {
  it('is applied once: a resend with its key answers the fixed hazard, audited once', async () => {
    const h = await ok(record(officer, A, inspection(t, { place: '村委会配电房' })));
    const key = randomUUID();
    const first = await ok(rectify(officer, h, '已更换老化电线', key));
    expect(first).toMatchObject({ status: 'rectified', version: 2, rectified: { note: '已更换老化电线' } });
    // The answer was lost: the phone sends the same entry again, with the version it read then.
    const again = await ok(rectify(officer, h, '已更换老化电线', key));
    expect(again).toMatchObject({ id: h.id, status: 'rectified', version: 2 });
    const audits = await t.deps.database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'hazard.rectify'), eq(auditLog.targetId, h.id)));
    expect(audits).toHaveLength(1);
    // Without a key the stale version is still a conflict.
    expect((await rectify(officer, h, '已更换老化电线')).status).toBe(409);
  });

  it('refuses the same key with other content, a malformed key, and someone else’s resend', async () => {
    const h = await ok(record(officer, A, inspection(t, { place: '村卫生室' })));
    const key = randomUUID();
    await ok(rectify(officer, h, '已清理楼道杂物', key));
    expect(errorOf(await rectify(officer, h, '写了别的内容', key)).code).toBe('IDEMPOTENCY_MISMATCH');
    expect(errorOf(await rectify(aux, h, '已清理楼道杂物', key)).code).toBe('IDEMPOTENCY_MISMATCH');
    const other = await ok(record(officer, A, inspection(t, { place: '村小卖部' })));
    expect(errorOf(await rectify(officer, other, '已整改', 'not-a-key')).code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    expect((await ok(officer.get(`/api/v1/hazards/${other.id}`))).status).toBe('open');
  });
});
