/**
 * The live banner: a notice sent (or withdrawn) to an area reaches the open doorplate pages of that area — from
 * the other server process — with the notice's id and priority only, and not the pages of another area.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { systemCtx } from '../../platform/context.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { SseReader } from '../../test/sse.js';
import { type LiveWarning, publishWarningLive } from './live.js';
import { otherVillage, pathOf, sentNotice } from './notices.testkit.js';

let t: TestApp;
let other: FastifyInstance;
let urlB: string;
let village2: Awaited<ReturnType<typeof otherVillage>>;

beforeAll(async () => {
  t = await buildTestApp();
  other = await buildApp(t.deps);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  urlB = await other.listen({ port: 0, host: '127.0.0.1' });
  village2 = await otherVillage(t);
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const streamOf = (doorplate: string) => SseReader.open(`${urlB}/api/v1/public/doorplates/${doorplate}/warning-stream`);

async function announce(unitIds: string[], type: 'warning.sent' | 'warning.withdrawn' = 'warning.sent') {
  const notice = await sentNotice(t, { unitIds, priority: 'urgent' });
  const live: LiveWarning = {
    id: notice.id,
    stationId: notice.stationId,
    priority: 'urgent',
    targetPaths: await Promise.all(unitIds.map((id) => pathOf(t, id))),
    targetSubscribers: false,
  };
  await t.deps.database.db.transaction((tx) => publishWarningLive(tx, systemCtx(t.deps, t.app.log), live, type));
  return notice;
}

describe('the live banner', () => {
  it('refuses a stream of an unknown doorplate', async () => {
    expect((await streamOf('no-such-plate')).status).toBe(404);
  });

  it("reaches an open page of the notice's area and not another area's", async () => {
    const here = await streamOf(t.fx.doorplateTokens.a[0]!);
    const there = await streamOf(village2.token);
    expect([here.status, there.status]).toEqual([200, 200]);
    const toA = await announce([t.fx.units.villageA]);
    const toVillage2 = await announce([village2.grid]);
    expect(await here.waitFor((ev) => ev.some((e) => e.data.warningId === toA.id))).toBe(true);
    expect(await there.waitFor((ev) => ev.some((e) => e.data.warningId === toVillage2.id))).toBe(true);
    expect(here.events.find((e) => e.data.warningId === toA.id)).toMatchObject({
      event: 'warning.sent',
      data: { warningId: toA.id, priority: 'urgent' },
    });
    expect(JSON.stringify(here.events)).not.toContain(toA.title);
    expect(here.events.some((e) => e.data.warningId === toVillage2.id)).toBe(false);
    expect(there.events.some((e) => e.data.warningId === toA.id)).toBe(false);
    const stationWide = await announce([t.fx.units.stationA], 'warning.withdrawn');
    for (const s of [here, there]) {
      expect(await s.waitFor((ev) => ev.some((e) => e.data.warningId === stationWide.id))).toBe(true);
      expect(s.events.find((e) => e.data.warningId === stationWide.id)?.event).toBe('warning.withdrawn');
    }
    await here.close();
    await there.close();
  });
});
