/**
 * Live updates across processes: two app instances on one database, each
 * with its own hub, LISTEN connection and sealer, stand in for two server
 * processes. Every committed event reaches every subscriber in its sight
 * exactly once, in order, whatever order the writers committed in.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_MATTER_SETTINGS } from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { households, settings, units } from '../../db/schema/index.js';
import { publish } from '../../platform/outbox.js';
import { onServer } from '../../test/database.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { cookieOf, type SseEvent, SseReader } from '../../test/sse.js';
import { matterSettingsKey } from '../settings/settings.service.js';

let t: TestApp;
let other: FastifyInstance;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  t = await buildTestApp();
  // The intake limits would stop forty submissions from one address; this station lifts them.
  const limits = { perDoorplatePerHour: 1e6, perPhonePerHour: 1e6, perAddressPerHour: 1e6 };
  await t.deps.database.db
    .insert(settings)
    .values({ key: matterSettingsKey(t.fx.units.stationA), value: { ...DEFAULT_MATTER_SETTINGS, limits } });
  other = await buildApp(t.deps);
  urlA = await t.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await other.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await other.close();
  await t.close();
});

export async function submit(base: string, token: string, body: string) {
  const res = await fetch(`${base}/api/v1/public/doorplates/${token}/matters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ kind: 'consult', body, noticeVersion: '2026-11' }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { number: string; trackingToken: string };
}

const numbers = (events: SseEvent[]) => events.map((e) => e.data.number).filter(Boolean);

describe('live updates', () => {
  it('shows a new submission on the desk connected to the other process', async () => {
    const desk = await t.as('a.duty');
    const stream = await SseReader.open(`${urlB}/api/v1/events`, { cookie: cookieOf(desk) });
    expect(stream.status).toBe(200);
    const { number } = await submit(urlA, t.fx.doorplateTokens.a[0]!, '户口迁移需要哪些材料？');
    expect(await stream.waitFor((ev) => numbers(ev).includes(number))).toBe(true);
    expect(stream.events.find((e) => e.data.number === number)?.event).toBe('matter.submitted');
    await stream.close();
  });

  it('brings an officer reply to a resident connected to the other process, and replays it after a reconnect', async () => {
    const receipt = await submit(urlA, t.fx.doorplateTokens.a[0]!, '小区门口的摊贩占道');
    const desk = await t.as('a.duty');
    const list = await desk.get(`/api/v1/matters?q=${receipt.number}`);
    const id = (list.body as { items: { id: string }[] }).items[0]?.id;
    const url = `${urlB}/api/v1/public/matters/${receipt.trackingToken}/events`;
    const live = await SseReader.open(url);
    await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
    await desk.post(`/api/v1/matters/${id}/note`, { text: '内部备注，群众看不到' });
    await desk.post(`/api/v1/matters/${id}/reply`, { text: '已通知城管中队' });
    expect(await live.waitFor((ev) => ev.some((e) => e.event === 'matter.reply'))).toBe(true);
    await live.close();
    expect(live.events.map((e) => e.event)).toEqual(['matter.accept', 'matter.reply']);

    // The phone lost its connection after the first event: Last-Event-ID brings back the rest.
    const first = live.events[0] as SseEvent;
    const replay = await SseReader.open(url, { 'last-event-id': String(first.id) });
    expect(await replay.waitFor((ev) => ev.some((e) => e.event === 'matter.reply'))).toBe(true);
    await replay.close();
    expect(replay.events.map((e) => e.event)).toEqual(['matter.reply']);
  });

  it('opens no stream for an unknown tracking link or an anonymous desk', async () => {
    expect((await fetch(`${urlB}/api/v1/public/matters/${'z'.repeat(32)}/events`)).status).toBe(404);
    expect((await fetch(`${urlB}/api/v1/events`)).status).toBe(401);
  });
});

describe('exact delivery', () => {
  it('gives every event to a subscriber on each process once and in order, with writers on both processes', async () => {
    const desk = await t.as('a.duty');
    const [onA, onB] = await Promise.all([
      SseReader.open(`${urlA}/api/v1/events`, { cookie: cookieOf(desk) }),
      SseReader.open(`${urlB}/api/v1/events`, { cookie: cookieOf(desk) }),
    ]);
    const tokens = t.fx.doorplateTokens.a;
    const sent: string[] = [];
    // Eight writers, half through each process, spread over the station's doorplates.
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 5; i++) {
          const base = w % 2 === 0 ? urlA : urlB;
          sent.push((await submit(base, tokens[(w + i) % tokens.length] as string, `并发提交 ${w}-${i}`)).number);
        }
      }),
    );
    for (const stream of [onA, onB]) {
      expect(await stream.waitFor((ev) => sent.every((n) => numbers(ev).includes(n)))).toBe(true);
      const ids = stream.events.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(numbers(stream.events).filter((n) => sent.includes(n as string))).toHaveLength(sent.length);
    }
    // The two processes saw the same events under the same ids.
    const mine = (stream: SseReader) =>
      stream.events.filter((e) => sent.includes(e.data.number as string)).map((e) => `${e.id}:${e.data.number}`);
    expect(mine(onA)).toEqual(mine(onB));
    await Promise.all([onA.close(), onB.close()]);
  }, 60_000);

  // One connection (PGlite) cannot hold a transaction open while others commit.
  it.skipIf(!onServer)(
    'delivers an event whose transaction commits long after hundreds of later ones',
    async () => {
      const desk = await t.as('a.duty');
      const stream = await SseReader.open(`${urlB}/api/v1/events`, { cookie: cookieOf(desk) });
      const topic = `unit:${t.fx.units.stationA}`;
      let release: (value?: unknown) => void = () => undefined;
      const held = new Promise((r) => {
        release = r;
      });
      // The slow writer takes its outbox id first, then waits while 300 others commit.
      const slow = t.deps.database.db.transaction(async (tx) => {
        await publish(tx, t.clock.now(), [topic], 'matter.note', { matterId: 'slow', eventId: 0, status: 'accepted' });
        await held;
      });
      await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < 300; i += 50) {
        await t.deps.database.db.transaction(async (tx) => {
          for (let j = 0; j < 50; j++)
            await publish(tx, t.clock.now(), [topic], 'matter.note', {
              matterId: `fast-${i + j}`,
              eventId: 0,
              status: 'accepted',
            });
        });
      }
      expect(await stream.waitFor((ev) => ev.some((e) => e.data.matterId === 'fast-299'))).toBe(true);
      release();
      await slow;
      expect(await stream.waitFor((ev) => ev.some((e) => e.data.matterId === 'slow'))).toBe(true);
      const ids = stream.events.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(stream.events.filter((e) => String(e.data.matterId).match(/^(slow|fast-)/))).toHaveLength(301);
      await stream.close();
    },
    60_000,
  );
});

describe('who hears what', () => {
  it("gives a grid worker only their village's matters, live and on replay", async () => {
    // A second village of station A, with a household of its own.
    const [town] = await t.deps.database.db.select().from(units).where(sql`${units.id} = ${t.fx.units.townA}`);
    const [other] = await t.deps.database.db
      .insert(units)
      .values({
        parentId: t.fx.units.townA,
        kind: 'village',
        name: 'A镇二村',
        path: `${town?.path}x/`,
        phone: '0999-1',
      })
      .returning();
    const path = `${town?.path}${other?.id}/`;
    await t.deps.database.db.update(units).set({ path }).where(sql`${units.id} = ${other?.id}`);
    const [house] = await t.deps.database.db
      .insert(households)
      .values({
        unitId: other?.id as string,
        unitPath: path,
        address: '二村3号',
        doorplateCode: 'A2-3',
        doorplateToken: 'a2-three-token-000000',
      })
      .returning();
    const grid = await t.as('a.grid');
    const desk = await t.as('a.duty');
    const [gridStream, deskStream] = await Promise.all([
      SseReader.open(`${urlB}/api/v1/events`, { cookie: cookieOf(grid) }),
      SseReader.open(`${urlB}/api/v1/events`, { cookie: cookieOf(desk) }),
    ]);
    const mineNumber = (await submit(urlA, t.fx.doorplateTokens.a[1]!, '本村路灯不亮')).number;
    const elsewhere = (await submit(urlA, house?.doorplateToken as string, '二村的邻里纠纷')).number;
    expect(await deskStream.waitFor((ev) => [mineNumber, elsewhere].every((n) => numbers(ev).includes(n)))).toBe(true);
    expect(await gridStream.waitFor((ev) => numbers(ev).includes(mineNumber))).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(numbers(gridStream.events)).not.toContain(elsewhere);

    const replay = await SseReader.open(`${urlA}/api/v1/events?lastEventId=0`, { cookie: cookieOf(grid) });
    expect(await replay.waitFor((ev) => numbers(ev).includes(mineNumber))).toBe(true);
    expect(numbers(replay.events)).not.toContain(elsewhere);
    await Promise.all([gridStream.close(), deskStream.close(), replay.close()]);
  });

  it('ends a staff stream when its session ends, on either process', async () => {
    const desk = await t.as('a.duty');
    const stream = await SseReader.open(`${urlB}/api/v1/events`, { cookie: cookieOf(desk) });
    expect(stream.status).toBe(200);
    expect((await desk.post('/api/v1/auth/logout')).status).toBe(200);
    expect(await stream.waitFor(() => stream.ended, 5000)).toBe(true);

    // Suspension by the administrator ends every session of the account, and its streams.
    const officer = await t.as('a.officer');
    const other = await SseReader.open(`${urlA}/api/v1/events`, { cookie: cookieOf(officer) });
    const admin = await t.as('sysadmin');
    const res = await admin.patch(`/api/v1/staff/${t.fx.staffIds['a.officer']}`, { status: 'disabled' });
    expect(res.status).toBe(200);
    expect(await other.waitFor(() => other.ended, 5000)).toBe(true);
  });
});
