/**
 * 登记隐患 through the API: each source with its link (a visit, a patrol, a matter of the station) and a
 * foreign or missing link refused; the place inside the actor's own scope (another station's officer kept
 * out, a grid worker only in its village); a retried request (the phone's offline queue) answers the first
 * hazard; the deadline follows the kind's period; bad input is a Chinese 400 naming its field.
 */
import { randomUUID } from 'node:crypto';
import type { HazardPage, HazardSettings } from '@jingmin/shared';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, hazards, units } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';
import { errorOf, inspection, ok, patrolOf, record, visitOf } from './hazards.testkit.js';

let t: TestApp;
let officer: Client;
let A: string;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
  A = t.fx.units.stationA;
}, 60_000);
afterAll(() => t.close());

describe('recording a hazard', () => {
  it('keeps out the anonymous and roles without field work', async () => {
    expect((await record(t.anonymous(), A, inspection(t))).status).toBe(401);
    const mediator = await t.as('a.mediator');
    expect(errorOf(await record(mediator, A, inspection(t))).code).toBe('FORBIDDEN');
  });

  it('records an inspection with the kind’s deadline, the actor as responsible, and audits it', async () => {
    const h = await ok(record(officer, A, inspection(t)));
    expect(h).toMatchObject({
      status: 'open',
      kind: 'fire',
      kindName: '消防安全',
      source: 'inspection',
      responsible: { id: t.fx.staffIds['a.officer'] },
      foundBy: { id: t.fx.staffIds['a.officer'] },
      village: { id: t.fx.units.villageA, name: 'A村' },
      unit: { id: t.fx.units.gridA1 },
      link: null,
      overdue: false,
      allowedActions: ['rectify'],
      version: 1,
    });
    // 2026-11-23 in Beijing + 3 days for 消防安全; 7 for the others.
    expect(h.deadlineOn).toBe('2026-11-26');
    const traffic = await ok(record(officer, A, inspection(t, { kind: 'traffic', place: '村道急弯' })));
    expect(traffic.deadlineOn).toBe('2026-11-30');
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'hazard.record'), eq(auditLog.targetId, h.id)));
    expect(entry?.details).toMatchObject({ kind: 'fire', source: 'inspection', stationId: A });
  });

  it('links a visit, a patrol and a matter of the station, and a household gives its unit', async () => {
    const visitId = await visitOf(t, 'a', 'a.officer');
    const byVisit = await ok(
      record(officer, A, {
        ...inspection(t, { source: 'visit', visitId, unitId: undefined }),
        householdId: t.fx.households.a[0],
      }),
    );
    expect(byVisit).toMatchObject({
      source: 'visit',
      householdId: t.fx.households.a[0],
      unit: { id: t.fx.units.gridA1 },
    });
    expect(byVisit.link).toMatchObject({ type: 'visit', id: visitId });

    const patrolSessionId = await patrolOf(t, 'a', 'a.aux');
    const byPatrol = await ok(record(officer, A, inspection(t, { source: 'patrol', patrolSessionId })));
    expect(byPatrol.link).toMatchObject({ type: 'patrol', id: patrolSessionId });

    const receipt = await submitAt(t, t.fx.doorplateTokens.a[1]!, 'consult', '楼道里电动车充电，电线从窗户拉出来');
    const matterId = await matterIdOf(await t.as('a.duty'), receipt.number);
    const byMatter = await ok(record(officer, A, inspection(t, { source: 'matter', matterId, kind: 'electrical' })));
    expect(byMatter.link).toMatchObject({ type: 'matter', id: matterId, label: receipt.number });
  });

  it('refuses a link of another station, a missing link and a link the source does not take', async () => {
    const foreignVisit = await visitOf(t, 'b', 'b.officer');
    const foreignPatrol = await patrolOf(t, 'b', 'b.officer');
    const receipt = await submitAt(t, t.fx.doorplateTokens.b[0]!);
    const foreignMatter = await matterIdOf(await t.as('b.chief'), receipt.number);
    for (const [source, field, id] of [
      ['visit', 'visitId', foreignVisit],
      ['patrol', 'patrolSessionId', foreignPatrol],
      ['matter', 'matterId', foreignMatter],
      ['visit', 'visitId', randomUUID()],
    ] as const) {
      const res = await record(officer, A, inspection(t, { source, [field]: id }));
      expect(res.status, `${source} ${id}`).toBe(400);
      expect(errorOf(res).message).toContain(field);
      expect(errorOf(res).message).toContain('本所');
    }
    const missing = await record(officer, A, inspection(t, { source: 'visit' }));
    expect(errorOf(missing).message).toMatch(/visitId.*必填/);
    const stray = await record(officer, A, inspection(t, { visitId: foreignVisit }));
    expect(errorOf(stray).message).toMatch(/visitId.*检查发现/);
    const [{ n } = { n: 0 }] = await t.deps.database.db
      .select({ n: count() })
      .from(hazards)
      .where(eq(hazards.stationId, A));
    expect(n).toBe(5); // the five recorded above, none of these
  });
});

describe('scope', () => {
  it('keeps another station’s officer out of the register, the record and the figures', async () => {
    const h = await ok(record(officer, A, inspection(t)));
    const other = await t.as('b.officer');
    expect((await other.get(`/api/v1/hazards/${h.id}`)).status).toBe(404);
    expect((await other.get(`/api/v1/stations/${A}/hazards`)).status).toBe(403);
    expect((await record(other, A, inspection(t))).status).toBe(403);
    expect((await other.post(`/api/v1/hazards/${h.id}/rectify`, { version: 1, note: '已整改' })).status).toBe(404);
    expect((await other.get(`/api/v1/stations/${A}/hazard-figures?from=2026-11-01&to=2026-11-30`)).status).toBe(403);
  });

  it('lets a grid worker record and read only inside its village', async () => {
    const grid = await t.as('a.grid');
    const mine = await ok(record(grid, A, inspection(t, { unitId: t.fx.units.gridA2 })));
    expect(mine.responsible.id).toBe(t.fx.staffIds['a.grid']);
    // The village's own grids are its scope; the station's other places are not (a second village here).
    const outside = await record(grid, A, inspection(t, { unitId: t.fx.units.townA }));
    expect(outside.status).toBe(400);
    // A second village of the station, outside the grid worker's: the officer records there, the grid worker may not.
    const [town] = await t.deps.database.db.select().from(units).where(eq(units.id, t.fx.units.townA));
    const [village] = await t.deps.database.db
      .insert(units)
      .values({ parentId: t.fx.units.townA, kind: 'village', name: 'A镇二村', path: 'pending' })
      .returning({ id: units.id });
    const villageA2 = village?.id ?? '';
    await t.deps.database.db
      .update(units)
      .set({ path: `${town?.path}${villageA2}/` })
      .where(eq(units.id, villageA2));
    expect((await record(grid, A, inspection(t, { unitId: villageA2 }))).status).toBe(403);
    const theirs = await ok(record(officer, A, inspection(t, { unitId: villageA2, place: '二村桥头' })));
    expect((await grid.get(`/api/v1/hazards/${theirs.id}`)).status).toBe(404);
    const list = await ok<HazardPage>(grid.get(`/api/v1/stations/${A}/hazards?pageSize=200`));
    expect(list.items.map((i) => i.id)).not.toContain(theirs.id);
    expect(list.items.every((i) => i.village?.id === t.fx.units.villageA)).toBe(true);
    // Another station's village is no place of this station.
    const foreign = await record(grid, A, inspection(t, { unitId: t.fx.units.gridB1 }));
    expect(errorOf(foreign).message).toContain('unitId');
  });

  it('refuses a responsible person who is not active field staff of the station', async () => {
    for (const who of ['b.officer', 'a.mediator', 'sysadmin']) {
      const res = await record(officer, A, inspection(t, { responsibleId: t.fx.staffIds[who] }));
      expect(res.status, who).toBe(400);
      expect(errorOf(res).message).toContain('responsibleId');
    }
    const aux = await ok(record(officer, A, inspection(t, { responsibleId: t.fx.staffIds['a.aux'] })));
    expect(aux.responsible.id).toBe(t.fx.staffIds['a.aux']);
  });
});

describe('retries from a phone', () => {
  it('answers the first hazard to a retry with the same key, and 422 to the key with other content', async () => {
    const key = randomUUID();
    const first = await ok(record(officer, A, inspection(t, { place: '重试的地点' }), key));
    const again = await ok(record(officer, A, inspection(t, { place: '重试的地点' }), key));
    expect(again.id).toBe(first.id);
    const rows = await t.deps.database.db.select().from(hazards).where(eq(hazards.place, '重试的地点'));
    expect(rows).toHaveLength(1);
    expect((await record(officer, A, inspection(t, { place: '别的地点' }), key)).status).toBe(422);
    const noKey = await officer.post(`/api/v1/stations/${A}/hazards`, inspection(t));
    expect(errorOf(noKey).code).toBe('IDEMPOTENCY_KEY_REQUIRED');
  });
});

describe('bad input', () => {
  it('answers a Chinese 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [inspection(t, { kind: 'volcano' }), 'kind'],
      [inspection(t, { deadlineOn: '2026-11-01' }), 'deadlineOn'],
      [inspection(t, { deadlineOn: '2026-02-30' }), 'deadlineOn'],
      [inspection(t, { place: '' }), 'place'],
      [inspection(t, { description: 'x'.repeat(2001) }), 'description'],
      [inspection(t, { source: 'rumour' }), 'source'],
      [inspection(t, { unitId: undefined }), 'unitId'],
      [inspection(t, { householdId: t.fx.households.a[0] }), 'unitId'],
      [inspection(t, { householdId: t.fx.households.b[0], unitId: undefined }), 'householdId'],
      [inspection(t, { status: 'verified' }), 'status'],
      [inspection(t, { photoIds: [randomUUID()] }), ''],
    ];
    for (const [body, field] of cases) {
      const res = await record(officer, A, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorOf(res).message).toContain(field);
      expect(errorOf(res).message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('hazard settings', () => {
  it('are read by field staff and saved by the chief, and a kind of the station is then accepted', async () => {
    const read = await ok<HazardSettings>(officer.get(`/api/v1/stations/${A}/hazard-settings`));
    expect(read.kinds.map((k) => k.name)).toContain('企业安全生产');
    expect(read.defaultPeriodDays).toBe(7);
    const next = { ...read, kinds: [...read.kinds, { key: 'drowning', name: '防溺水', periodDays: 5 }] };
    expect((await officer.put(`/api/v1/stations/${A}/hazard-settings`, next)).status).toBe(403);
    const chief = await t.as('a.chief');
    await ok(chief.put(`/api/v1/stations/${A}/hazard-settings`, next));
    const twice = { ...next, kinds: [...next.kinds, { key: 'drowning', name: '溺水', periodDays: null }] };
    expect(errorOf(await chief.put(`/api/v1/stations/${A}/hazard-settings`, twice)).message).toContain('重复');
    const h = await ok(record(officer, A, inspection(t, { kind: 'drowning', place: '鱼塘边' })));
    expect(h).toMatchObject({ kindName: '防溺水', deadlineOn: '2026-11-28' });
    expect((await (await t.as('b.chief')).put(`/api/v1/stations/${A}/hazard-settings`, next)).status).toBe(403);
  });
});
