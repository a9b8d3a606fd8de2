/** Staff notifications as module tests drive them: a dispatched matter, one run of the delivery job, the rows it wrote. */
import { asc, eq } from 'drizzle-orm';
import { type Logger, pino } from 'pino';
import { expect } from 'vitest';
import { notifyDeliveries } from '../db/schema/index.js';
import { deliverNotifications } from '../modules/notify/jobs.js';
import { systemCtx } from '../platform/context.js';
import type { Client, TestApp } from './harness.js';
import { matterIdOf, submitAt } from './matters.js';

const silent = pino({ level: 'silent' });

/** One run of the `notify.deliver` job, after the sealer has numbered every committed outbox row. */
export async function deliver(t: TestApp, log: Logger = silent) {
  await t.app.sealer.flush();
  return deliverNotifications(systemCtx(t.deps, log));
}

/** A resident's matter, accepted by the desk and dispatched to `assignee` (a fixture username); expects 200 each step. */
export async function dispatchedMatter(
  t: TestApp,
  assignee: string,
  kind = 'consult',
  body = '楼道灯坏了，晚上看不见',
) {
  const receipt = await submitAt(t, t.fx.doorplateTokens.a[0]!, kind, body);
  const desk = await t.as('a.duty');
  const id = await matterIdOf(desk, receipt.number);
  expect((await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' })).status).toBe(200);
  const res = await desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeStaffId: t.fx.staffIds[assignee] });
  expect(res.status).toBe(200);
  return { id, number: receipt.number, trackingToken: receipt.trackingToken, desk };
}

/** Every delivery queued for a matter, oldest first. */
export async function deliveriesOf(t: TestApp, matterId: string) {
  return t.deps.database.db
    .select()
    .from(notifyDeliveries)
    .where(eq(notifyDeliveries.matterId, matterId))
    .orderBy(asc(notifyDeliveries.id));
}

/** Moves the test clock forward to the next time it is `hh:mm` in Beijing. */
export function advanceToBeijing(t: TestApp, hh: number, mm = 0) {
  const now = t.clock.now().getTime();
  const dayMs = 86_400_000;
  const target = (((hh - 8) * 60 + mm) * 60_000 + dayMs) % dayMs;
  const into = now % dayMs;
  t.clock.advance((target - into + dayMs) % dayMs || dayMs);
}

/** Sets `username`'s own channels and quiet hours through the API. */
export async function choose(
  t: TestApp,
  username: string,
  channels: string[],
  quietHours: { startMinute: number; endMinute: number } | null = null,
): Promise<Client> {
  const me = await t.as(username);
  const res = await me.put('/api/v1/me/notifications', { channels, quietHours });
  expect(res.status).toBe(200);
  return me;
}
