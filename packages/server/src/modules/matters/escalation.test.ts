/**
 * 提级督办: a matter reopened three times, or transferred three times (the
 * station may change both), goes to the county bureau by itself — once, with
 * the step that reached the count. The bureau's supervisors and the station's
 * chief hear about it; the staff timeline says so; the resident's does not.
 */
import { MATTER_EVENTS, type MatterSettings, type ResidentMatterView, type TimelineEntry } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { type Database, openDatabase } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { matters } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { onServer } from '../../test/database.js';
import { addStaff, buildTestApp, Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';
import { deliver, deliveriesOf } from '../../test/notify.js';
import { escalateIfDue } from './escalation.js';
import type { Matter } from './transition.js';

let t: TestApp;
/** A second server process on the same database. */
let other: FastifyInstance;
let second: Database | undefined;
let desk: Client;
let chief: Client;
let supervisorId: string;

beforeAll(async () => {
  t = await buildTestApp();
  // On the server, the second process has its own connection pool, as a second process would.
  const url = t.deps.database.pool?.options.connectionString;
  second = url ? await openDatabase({ kind: 'server', url, poolSize: 5 }) : undefined;
  other = await buildApp(second ? { ...t.deps, database: second } : t.deps);
  await other.ready();
  supervisorId = await addStaff(t, 'county.supervisor', ['bureau_supervisor'], t.fx.units.bureau);
  // A supervisor whose unit is not above station A (another station's): never told of A's matters.
  await addStaff(t, 'b.supervisor', ['bureau_supervisor'], t.fx.units.stationB);
  desk = await t.as('a.duty');
  chief = await t.as('a.chief');
});
afterAll(async () => {
  await other.close();
  await second?.close();
  await t.close();
});

const MINUTE = 60_000;
const settingsUrl = () => `/api/v1/stations/${t.fx.units.stationA}/matter-settings`;

async function ok(client: Client, path: string, body: Record<string, unknown> = {}) {
  const res = await client.post(path, body);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

/** A resident's matter the desk accepted. */
async function acceptedMatter(body: string) {
  const receipt = await submitAt(t, t.fx.doorplateTokens.a[0]!, 'consult', body);
  const id = await matterIdOf(desk, receipt.number);
  await ok(desk, `/api/v1/matters/${id}/accept`, { urgency: 'normal' });
  return { id, ...receipt };
}

/** 办结, and the resident rates it 不满意: the chief may now send it back. */
async function resolvedAndRated(m: { id: string; trackingToken: string }) {
  t.clock.advance(MINUTE);
  await ok(desk, `/api/v1/matters/${m.id}/resolve`, { outcome: '已上门处理并答复' });
  const rated = await t.anonymous().post(`/api/v1/public/matters/${m.trackingToken}/rating`, { rating: 'unsatisfied' });
  expect(rated.status).toBe(200);
}

/** One round ending in 发回重办 by the chief. */
async function reopened(m: { id: string; trackingToken: string }) {
  await resolvedAndRated(m);
  await ok(chief, `/api/v1/matters/${m.id}/reopen`, { reason: '群众仍不满意，请重新核实处理' });
}

const matterRow = async (id: string) =>
  (await t.deps.database.db.select().from(matters).where(eq(matters.id, id)))[0] as Matter;

const staffTimeline = async (id: string) =>
  ((await chief.get(`/api/v1/matters/${id}`)).body as { timeline: TimelineEntry[] }).timeline;

const supervised = async (id: string) => (await staffTimeline(id)).filter((e) => e.type === 'matter.supervised');

/** Who was queued an alert about the escalation, sorted. */
async function toldOfEscalation(id: string) {
  await deliver(t);
  return (await deliveriesOf(t, id))
    .filter((d) => d.reason === 'supervised')
    .map((d) => d.staffId)
    .sort();
}

async function setEscalation(rules: { reopens: number; transfers: number }) {
  const current = (await chief.get(settingsUrl())).body as MatterSettings;
  const saved = await chief.put(settingsUrl(), { ...current, escalation: rules });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

describe('提级督办', () => {
  it('escalates a matter reopened three times, once, and tells the bureau and the chief', async () => {
    const m = await acceptedMatter('楼下烧烤店油烟扰民，反映多次');
    await reopened(m);
    await reopened(m);
    expect((await matterRow(m.id)).escalatedAt).toBeNull();
    expect(await supervised(m.id)).toEqual([]);

    await reopened(m);
    const row = await matterRow(m.id);
    expect(row.escalatedAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(row.escalationReason).toBe('reopened');

    const [entry, ...more] = await supervised(m.id);
    expect(more).toEqual([]);
    // The staff timeline names the step as the console shows it, staff only, by the rule rather than a person.
    expect(MATTER_EVENTS[entry?.type as 'matter.supervised'].label).toEqual({
      zh: '提级督办',
      en: 'Escalated to the bureau',
    });
    expect(entry).toMatchObject({ visibility: 'internal', actor: null });
    expect(entry?.note).toContain('多次发回重办（发回重办 3 次，转办 0 次）');

    expect(await toldOfEscalation(m.id)).toEqual([supervisorId, t.fx.staffIds['a.chief']].sort());
    // Nobody else (another station's chief or supervisor) is told; the resident never reads it.
    const view = (await t.anonymous().get(`/api/v1/public/matters/${m.trackingToken}`)).body as ResidentMatterView;
    expect(view.timeline.some((e) => e.type === 'matter.supervised')).toBe(false);
  });

  it('escalates a matter transferred three times, with the reason 多次转办', async () => {
    const m = await acceptedMatter('小区消防通道被长期占用');
    await ok(desk, `/api/v1/matters/${m.id}/dispatch`, { assigneeStaffId: t.fx.staffIds['a.officer'] });
    for (const [n, to] of [
      [1, 'a.aux'],
      [2, 'a.officer'],
    ] as const) {
      await ok(desk, `/api/v1/matters/${m.id}/transfer`, { assigneeStaffId: t.fx.staffIds[to] });
      expect((await matterRow(m.id)).escalatedAt, `after transfer ${n}`).toBeNull();
    }
    await ok(desk, `/api/v1/matters/${m.id}/transfer`, { assigneeStaffId: t.fx.staffIds['a.aux'] });

    const row = await matterRow(m.id);
    expect(row.escalationReason).toBe('transferred');
    const events = await supervised(m.id);
    expect(events).toHaveLength(1);
    expect(events[0]?.note).toContain('多次转办（发回重办 0 次，转办 3 次）');
    expect(await toldOfEscalation(m.id)).toEqual([supervisorId, t.fx.staffIds['a.chief']].sort());
  });

  it('never escalates an escalated matter again, whatever comes after', async () => {
    const m = await acceptedMatter('村道路灯不亮，多次反映未解决');
    await reopened(m);
    await reopened(m);
    await reopened(m);
    const first = await matterRow(m.id);
    expect(first.escalationReason).toBe('reopened');

    // A fourth reopening, then three transfers: each is past a count, none escalates it twice.
    await reopened(m);
    for (const to of ['a.officer', 'a.aux', 'a.officer'])
      await ok(desk, `/api/v1/matters/${m.id}/transfer`, { assigneeStaffId: t.fx.staffIds[to] });

    const row = await matterRow(m.id);
    expect(row.escalatedAt?.toISOString()).toBe(first.escalatedAt?.toISOString());
    expect(row.escalationReason).toBe('reopened');
    expect(await supervised(m.id)).toHaveLength(1);
    const told = await toldOfEscalation(m.id);
    expect(told).toEqual([supervisorId, t.fx.staffIds['a.chief']].sort());
  });

  it("follows the station's own count, kept between 2 and 20", async () => {
    expect(
      (
        await chief.put(settingsUrl(), {
          ...((
            await chief.get(settingsUrl())
          ).body as MatterSettings),
          escalation: { reopens: 1, transfers: 3 },
        })
      ).status,
    ).toBe(400);
    await setEscalation({ reopens: 4, transfers: 3 });
    try {
      const m = await acceptedMatter('邻居装修噪音到深夜');
      await reopened(m);
      await reopened(m);
      await reopened(m);
      expect((await matterRow(m.id)).escalatedAt).toBeNull();
      expect(await supervised(m.id)).toEqual([]);
      await reopened(m);
      expect((await matterRow(m.id)).escalationReason).toBe('reopened');
      expect((await supervised(m.id))[0]?.note).toContain('发回重办 4 次');
    } finally {
      await setEscalation({ reopens: 3, transfers: 3 });
    }
  });

  it('lets two processes that check one matter at the same moment escalate it once', async () => {
    await setEscalation({ reopens: 4, transfers: 3 });
    const m = await acceptedMatter('小区门口井盖缺失');
    await reopened(m);
    await reopened(m);
    await reopened(m);
    // The station lowers its count: both processes read the matter unescalated, at the count.
    await setEscalation({ reopens: 3, transfers: 3 });
    const stale = await matterRow(m.id);
    expect(stale.escalatedAt).toBeNull();
    const ctx = systemCtx(t.deps, pino({ level: 'silent' }));
    const results = await Promise.all(
      [0, 1].map(() => t.deps.database.db.transaction((tx) => escalateIfDue(tx, ctx, stale, 'reopen'))),
    );
    expect(results.filter((r) => r.escalatedAt !== null)).toHaveLength(1);
    expect(await supervised(m.id)).toHaveLength(1);
    const audited = rowsOf<{ n: number }>(
      await t.deps.database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'matter.supervised' AND target_id = ${m.id}`,
      ),
    );
    expect(audited[0]?.n).toBe(1);
  });

  it('escalates once when the third reopening is sent from two server processes at once', async () => {
    const m = await acceptedMatter('河边护栏松动，孩子上学经过很危险');
    await reopened(m);
    await reopened(m);
    await resolvedAndRated(m);
    const chiefB = await new Client(other, 'zh-CN', t.clock).signIn(t, 'a.chief');
    const url = `/api/v1/matters/${m.id}/reopen`;
    const body = { reason: '群众仍不满意，请所领导再次督促' };
    const send = () => Promise.all([chief.post(url, body), chiefB.post(url, body)]);
    let both: Awaited<ReturnType<typeof send>>;
    if (onServer) {
      // Hold the row so both requests read the same version before either can write: the race, made certain.
      const { db } = t.deps.database;
      const held = await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT id FROM matters WHERE id = ${m.id} FOR UPDATE`);
        const racing = send();
        for (let i = 0; i < 100; i++) {
          const [row] = rowsOf<{ n: number }>(
            await db.execute(
              sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            ),
          );
          if ((row?.n ?? 0) >= 2) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        return { racing };
      });
      both = await held.racing;
    } else {
      both = await send();
    }
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const row = await matterRow(m.id);
    expect(row.escalationReason).toBe('reopened');
    expect(row.escalatedAt).not.toBeNull();
    expect(await supervised(m.id)).toHaveLength(1);
    expect((await staffTimeline(m.id)).filter((e) => e.type === 'matter.reopen')).toHaveLength(3);
    expect(await toldOfEscalation(m.id)).toEqual([supervisorId, t.fx.staffIds['a.chief']].sort());
  });
});
