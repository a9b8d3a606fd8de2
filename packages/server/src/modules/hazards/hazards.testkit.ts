/** What the hazard tests share: a hazard recorded through the API, visits and patrols to link, error reading. */
import { randomUUID } from 'node:crypto';
import type { HazardView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { households, patrolSessions, visits } from '../../db/schema/index.js';
import type { Client, TestApp } from '../../test/harness.js';

/** A value the fixture made: its absence is a bug in the test. */
function must<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('test: missing fixture value');
  return v;
}
const first = <T>(list: readonly T[]) => must(list[0]);

export const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

export async function ok<T = HazardView>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

/** POST /stations/:id/hazards with a fresh key (or the one given). */
export function record(client: Client, stationId: string, body: Record<string, unknown>, key: string = randomUUID()) {
  return client.post(`/api/v1/stations/${stationId}/hazards`, body, { 'idempotency-key': key });
}

/** A plain hazard in grid A1, found by an inspection. */
export const inspection = (t: TestApp, extra: Record<string, unknown> = {}) => ({
  unitId: t.fx.units.gridA1,
  place: 'A村1组村口加油站',
  kind: 'fire',
  description: '加油站灭火器过期，消防沙池缺沙',
  source: 'inspection',
  rectifier: 'A村加油站',
  ...extra,
});

/** A visit of a household of station `side`, logged by `username` (the visits module is built beside this one). */
export async function visitOf(t: TestApp, side: 'a' | 'b', username: string) {
  const [row] = await t.deps.database.db
    .insert(visits)
    .values({
      stationId: side === 'a' ? t.fx.units.stationA : t.fx.units.stationB,
      unitPath: await pathOfHousehold(t, side),
      householdId: first(t.fx.households[side]),
      line: 'police',
      staffId: must(t.fx.staffIds[username]),
      visitedAt: t.clock.now(),
    })
    .returning({ id: visits.id });
  return must(row).id;
}

async function pathOfHousehold(t: TestApp, side: 'a' | 'b') {
  const [h] = await t.deps.database.db
    .select({ unitPath: households.unitPath })
    .from(households)
    .where(eq(households.id, first(t.fx.households[side])));
  return must(h).unitPath;
}

/** A patrol session of station `side`, started by `username`. */
export async function patrolOf(t: TestApp, side: 'a' | 'b', username: string) {
  const [row] = await t.deps.database.db
    .insert(patrolSessions)
    .values({
      stationId: side === 'a' ? t.fx.units.stationA : t.fx.units.stationB,
      startedBy: must(t.fx.staffIds[username]),
      startedAt: t.clock.now(),
    })
    .returning({ id: patrolSessions.id });
  return must(row).id;
}
