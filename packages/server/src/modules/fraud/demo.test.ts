/** The demo's anti-fraud year, seeded into the test county: counted by the figures, the money as planned, three open. */
import type { FraudFigures } from '@jingmin/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedFraudDemo } from '../../seed/fraud-demo.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
}, 180_000);
afterAll(() => t.close());

it('seeds a year of instructions the figures count, about 250,000 元 kept from loss in the first station', async () => {
  const { units, staffIds } = t.fx;
  const path = async (id: string) =>
    (await t.deps.database.db.query.units.findFirst({ where: (u, { eq }) => eq(u.id, id) }))?.path ?? '';
  const paths = { bureau: await path(units.bureau), a: await path(units.stationA), b: await path(units.stationB) };
  // Paths first: the embedded database has one connection, held by the transaction.
  const count = await t.deps.database.db.transaction(async (tx) =>
    seedFraudDemo(tx, t.deps.keys.data, t.clock.now(), {
      bureau: { id: units.bureau, path: paths.bureau },
      stations: [
        {
          id: units.stationA,
          path: paths.a,
          officerId: staffIds['a.officer']!,
          deskId: staffIds['a.duty']!,
          count: 48,
          prevented: 250_000,
        },
        {
          id: units.stationB,
          path: paths.b,
          officerId: staffIds['b.officer']!,
          deskId: staffIds['b.chief']!,
          count: 12,
          prevented: 40_000,
        },
      ],
    }),
  );
  expect(count).toBe(60);
  const chief = await t.as('a.chief');
  const to = t.clock.now().toISOString().slice(0, 7);
  const from = `${Number(to.slice(0, 4)) - 1}-${to.slice(5, 7)}`;
  const res = await chief.get(`/api/v1/fraud/figures?stationId=${units.stationA}&from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  const f = res.body as FraudFigures;
  expect(f.totals.received).toBe(48);
  expect(Math.abs(f.totals.amountPrevented - 250_000)).toBeLessThan(3_000);
  expect(f.totals.contactedInTime / f.totals.verified).toBeGreaterThan(0.8);
  const open = await chief.get('/api/v1/fraud/instructions?view=all&status=open');
  expect((open.body as { items: unknown[] }).items).toHaveLength(2);
  const mine = await (await t.as('a.officer')).get('/api/v1/fraud/instructions?view=mine&status=open');
  expect((mine.body as { items: unknown[] }).items).toHaveLength(2);
}, 180_000);
