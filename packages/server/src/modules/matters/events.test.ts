/**
 * Live updates across processes: two app instances on one database, each
 * with its own LISTEN connection, stand in for two server processes.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let other: FastifyInstance;
let urlA: string;
let urlB: string;

beforeAll(async () => {
  t = await buildTestApp();
  other = await buildApp(t.deps);
  urlA = await t.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await other.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await other.close();
  await t.close();
});

interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/** Opens an EventSource-like stream and collects events until `until` holds or the time runs out. */
async function collect(
  url: string,
  headers: Record<string, string>,
  until: (events: SseEvent[]) => boolean,
  act?: () => Promise<unknown>,
) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + 10_000;
  const acting = act ? new Promise((r) => setTimeout(r, 200)).then(act) : Promise.resolve();
  while (!until(events) && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 500))]);
    if (chunk && !chunk.done) buffer += new TextDecoder().decode(chunk.value);
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        block
          .split('\n')
          .find((l) => l.startsWith(`${name}: `))
          ?.slice(name.length + 2);
      if (field('id'))
        events.push({ id: Number(field('id')), event: field('event')!, data: JSON.parse(field('data')!) });
      end = buffer.indexOf('\n\n');
    }
  }
  await acting;
  controller.abort();
  return events;
}

async function submit(body: string) {
  const res = await fetch(`${urlA}/api/v1/public/doorplates/${t.fx.doorplateTokens.a[0]}/matters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ kind: 'consult', body, noticeVersion: '2026-11' }),
  });
  return (await res.json()) as { number: string; trackingToken: string };
}

describe('live updates', () => {
  it('shows a new submission on the desk connected to the other process', async () => {
    const desk = await t.as('a.duty');
    const cookie = Object.entries(desk.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    let number = '';
    const events = await collect(
      `${urlB}/api/v1/events`,
      { cookie },
      (ev) => ev.some((e) => e.data.number === number && number !== ''),
      async () => {
        number = (await submit('户口迁移需要哪些材料？')).number;
      },
    );
    expect(events.find((e) => e.data.number === number)?.event).toBe('matter.submitted');
  });

  it('brings an officer reply to a resident connected to the other process, and replays it after a reconnect', async () => {
    const receipt = await submit('小区门口的摊贩占道');
    const desk = await t.as('a.duty');
    const list = await desk.get(`/api/v1/matters?q=${receipt.number}`);
    const id = (list.body as { items: { id: string }[] }).items[0]!.id;
    const stream = `${urlB}/api/v1/public/matters/${receipt.trackingToken}/events`;
    const live = await collect(
      stream,
      {},
      (ev) => ev.some((e) => e.event === 'matter.reply'),
      async () => {
        await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
        await desk.post(`/api/v1/matters/${id}/reply`, { text: '已通知城管中队' });
        await desk.post(`/api/v1/matters/${id}/note`, { text: '内部备注，群众看不到' });
      },
    );
    expect(live.map((e) => e.event)).toEqual(expect.arrayContaining(['matter.accept', 'matter.reply']));
    expect(live.map((e) => e.event)).not.toContain('matter.note');

    // The phone lost its connection after the first event: Last-Event-ID brings back the rest.
    const first = live[0]!;
    const replay = await collect(stream, { 'last-event-id': String(first.id) }, (ev) =>
      ev.some((e) => e.event === 'matter.reply'),
    );
    expect(replay[0]!.id).toBeGreaterThan(first.id);
    expect(replay.map((e) => e.event)).toContain('matter.reply');
  });

  it('opens no stream for an unknown tracking link or an anonymous desk', async () => {
    expect((await fetch(`${urlB}/api/v1/public/matters/${'z'.repeat(32)}/events`)).status).toBe(404);
    expect((await fetch(`${urlB}/api/v1/events`)).status).toBe(401);
  });
});
