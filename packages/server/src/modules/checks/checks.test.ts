/**
 * 双率抽查 through the API: A's chief draws five households from a.officer's
 * area (grid A1, and grid A2 inherited from village A); b.officer of station B
 * inspects them through a grant narrowed to exactly those households, records
 * two yes/no answers each, and the rates come with a Wilson interval that
 * matches the database's own counts.
 */
import { wilsonInterval } from '@jingmin/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { policeBeatAreas } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';

const DAY = 86_400_000;

let t: TestApp;
/** Every household a.officer answers for. */
let area: string[];

type Answer = Awaited<ReturnType<Client['get']>>;
type Item = { id: string; householdId: string; knowsOfficer: boolean | null; phoneOnRecord: boolean };
type Sample = {
  id: string;
  seed: string;
  inspectorId: string;
  crossStation: boolean;
  population: number;
  size: number;
  items: Item[];
};
type RateRow = {
  officerId: string | null;
  knowsOfficer: { yes: number; answered: number; rate: number | null; low: number | null; high: number | null };
  officerKnows: { yes: number; answered: number; rate: number | null; low: number | null; high: number | null };
};

async function ok<T>(answer: Promise<Answer>): Promise<T> {
  const res = await answer;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

beforeAll(async () => {
  t = await buildTestApp();
  const chief = await t.as('a.chief');
  const add = async (unitId: string, n: number) =>
    (
      await ok<{ id: string }>(
        chief.post('/api/v1/households', { unitId, address: `A村3组${n}号`, doorplateCode: `A-X${n}` }),
      )
    ).id;
  // Grid A1 is in a.officer's beat; grid A2 lies in no beat, so it inherits village A's — a.officer's too.
  const [beat] = await t.deps.database.db
    .select({ id: policeBeatAreas.beatId })
    .from(policeBeatAreas)
    .where(eq(policeBeatAreas.unitId, t.fx.units.gridA1));
  await t.deps.database.db.insert(policeBeatAreas).values({ beatId: beat!.id, unitId: t.fx.units.villageA });
  const more = [
    await add(t.fx.units.gridA1, 1),
    await add(t.fx.units.gridA1, 2),
    await add(t.fx.units.gridA2, 3),
    await add(t.fx.units.gridA2, 4),
  ];
  area = [...t.fx.households.a, ...more];
});
afterAll(() => t.close());

const draw = (extra: Record<string, unknown> = {}) => ({
  officerId: t.fx.staffIds['a.officer'],
  size: 5,
  seed: 'pinggu-2026-1',
  ...extra,
});

describe('drawing a 双率 sample', () => {
  it('refuses an officer, and the chief of another station', async () => {
    expect((await (await t.as('a.officer')).post('/api/v1/checks/samples', draw())).status).toBe(403);
    expect((await (await t.as('a.duty')).post('/api/v1/checks/samples', draw())).status).toBe(403);
    expect((await (await t.as('b.chief')).post('/api/v1/checks/samples', draw())).status).toBe(403);
  });

  it("draws five distinct households of the officer's area, the same again from the same seed", async () => {
    const chief = await t.as('a.chief');
    const first = await ok<Sample>(chief.post('/api/v1/checks/samples', draw()));
    const ids = first.items.map((i) => i.householdId);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    for (const id of ids) expect(area).toContain(id);
    // 交叉互评: by default the inspector comes from another station.
    expect(first).toMatchObject({ seed: 'pinggu-2026-1', population: area.length, size: 5, crossStation: true });
    expect(first.inspectorId).toBe(t.fx.staffIds['b.officer']);

    const again = await ok<Sample>(chief.post('/api/v1/checks/samples', draw()));
    expect(again.items.map((i) => i.householdId)).toEqual(ids);
    const fresh = await ok<Sample>(chief.post('/api/v1/checks/samples', draw({ seed: undefined, size: 50 })));
    expect(fresh.seed).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    expect(fresh.items.map((i) => i.householdId).sort()).toEqual([...area].sort());
  });
});

describe('the inspector of another station', () => {
  it('reads exactly the sampled households while the grant is in force, and no others', async () => {
    const chief = await t.as('a.chief');
    const mine = await ok<Sample>(chief.post('/api/v1/checks/samples', draw({ seed: 'reads', size: 3 })));
    const other = await ok<Sample>(
      chief.post('/api/v1/checks/samples', draw({ seed: 'others', size: 2, inspectorId: t.fx.staffIds['b.chief'] })),
    );

    const inspector = await t.as('b.officer');
    const seen = await ok<Sample>(inspector.get(`/api/v1/checks/samples/${mine.id}`));
    expect(seen.items.map((i) => i.householdId)).toEqual(mine.items.map((i) => i.householdId));
    const item = mine.items[0]!;
    expect(await ok<Item>(inspector.get(`/api/v1/checks/samples/${mine.id}/items/${item.id}`))).toMatchObject({
      householdId: item.householdId,
      phoneOnRecord: false,
    });
    // Not the grid's list, not another sample, not another sample's household through this one.
    expect((await inspector.get(`/api/v1/households?unitId=${t.fx.units.gridA1}`)).status).toBe(403);
    expect((await inspector.get(`/api/v1/checks/samples/${other.id}`)).status).toBe(404);
    const foreign =
      other.items.find((i) => !mine.items.some((m) => m.householdId === i.householdId)) ?? other.items[0]!;
    expect((await inspector.get(`/api/v1/checks/samples/${mine.id}/items/${foreign.id}`)).status).toBe(404);
    expect((await inspector.get(`/api/v1/checks/samples/${other.id}/items/${foreign.id}`)).status).toBe(404);
    const listed = await ok<Sample[]>(inspector.get('/api/v1/checks/samples'));
    expect(listed.map((s) => s.id)).toContain(mine.id);
    expect(listed.map((s) => s.id)).not.toContain(other.id);

    t.clock.advance(7 * DAY + 60_000);
    const later = await t.as('b.officer');
    expect((await later.get(`/api/v1/checks/samples/${mine.id}`)).status).toBe(404);
    expect((await later.get(`/api/v1/checks/samples/${mine.id}/items/${item.id}`)).status).toBe(404);
  });
});

describe('answers and rates', () => {
  it('records two yes/no answers once per household and rates them with a Wilson interval', async () => {
    const sample = await ok<Sample>((await t.as('a.chief')).post('/api/v1/checks/samples', draw({ seed: 'rates' })));
    const inspector = await t.as('b.officer');
    const url = (i: Item) => `/api/v1/checks/samples/${sample.id}/items/${i.id}/answer`;
    const [first, ...rest] = sample.items as [Item, ...Item[]];

    // Two answers and how, nothing more; phone only where a number is on record; only the inspector.
    const extra = await inspector.post(url(first), {
      knowsOfficer: true,
      officerKnows: true,
      method: 'visit',
      note: 'x',
    });
    expect(extra.status).toBe(400);
    const phone = await inspector.post(url(first), { knowsOfficer: true, officerKnows: true, method: 'phone' });
    expect(phone.status).toBe(400);
    const chief = await t.as('a.chief');
    expect((await chief.post(url(first), { knowsOfficer: true, officerKnows: true, method: 'visit' })).status).toBe(
      403,
    );

    const answered = await ok<Item>(
      inspector.post(url(first), { knowsOfficer: false, officerKnows: true, method: 'visit' }),
    );
    expect(answered.knowsOfficer).toBe(false);
    const twice = await inspector.post(url(first), { knowsOfficer: true, officerKnows: true, method: 'visit' });
    expect(twice.status).toBe(409);
    for (const [n, item] of rest.entries())
      await ok(inspector.post(url(item), { knowsOfficer: true, officerKnows: n !== 0, method: 'visit' }));

    const counts = rowsOf<{ answered: number; knows: number; familiar: number }>(
      await t.deps.database.db.execute(sql`
        SELECT count(*)::int AS answered,
          (count(*) FILTER (WHERE i.knows_officer))::int AS knows,
          (count(*) FILTER (WHERE i.officer_knows))::int AS familiar
        FROM check_items i JOIN check_samples s ON s.id = i.sample_id
        WHERE i.answered_at IS NOT NULL AND s.officer_staff_id = ${t.fx.staffIds['a.officer']}`),
    )[0]!;
    expect(counts).toEqual({ answered: 5, knows: 4, familiar: 4 });

    const rates = await ok<{ officers: RateRow[]; stations: RateRow[] }>(chief.get('/api/v1/checks/rates'));
    const officer = rates.officers.find((r) => r.officerId === t.fx.staffIds['a.officer'])!;
    expect(officer.knowsOfficer).toEqual(wilsonInterval(counts.knows, counts.answered));
    expect(officer.officerKnows).toEqual(wilsonInterval(counts.familiar, counts.answered));
    expect(officer.knowsOfficer.low).toBeCloseTo(0.3755, 3);
    expect(rates.stations).toHaveLength(1);
    expect(rates.stations[0]!.knowsOfficer).toEqual(officer.knowsOfficer);

    // Another station's chief sees none of A's figures; an officer none at all.
    const elsewhere = await ok<{ officers: RateRow[] }>((await t.as('b.chief')).get('/api/v1/checks/rates'));
    expect(elsewhere.officers).toEqual([]);
    expect((await (await t.as('a.officer')).get('/api/v1/checks/rates')).status).toBe(403);
  });
});

type Officers = {
  stationName: string;
  officers: { id: string; name: string; households: number }[];
  inspectors: { id: string; stationId: string; crossStation: boolean }[];
};

describe('the officers a sample may be drawn for', () => {
  const url = (station: string) => `/api/v1/checks/officers?stationId=${station}`;

  it("lists a station's officers with their area sizes and the bureau's inspectors, other stations first", async () => {
    await addStaff(t, 'qh.bureau', ['bureau_supervisor'], t.fx.units.bureau);
    const bureau = await t.as('qh.bureau');
    const a = await ok<Officers>(bureau.get(url(t.fx.units.stationA)));
    expect(a.stationName).toBe('A派出所');
    expect(a.officers).toContainEqual(
      expect.objectContaining({ id: t.fx.staffIds['a.officer'], name: 'a.officer', households: area.length }),
    );
    expect(a.inspectors[0]).toMatchObject({ id: t.fx.staffIds['b.officer'], crossStation: true });
    expect(a.inspectors.find((i) => i.id === t.fx.staffIds['a.officer'])).toMatchObject({ crossStation: false });

    // B's community officer answers for no household yet: listed with none, never left out.
    const b = await ok<Officers>(bureau.get(url(t.fx.units.stationB)));
    expect(b.officers).toEqual([expect.objectContaining({ id: t.fx.staffIds['b.officer'], households: 0 })]);
    expect(b.inspectors[0]).toMatchObject({ id: t.fx.staffIds['a.officer'], crossStation: true });

    // The count is the draw's own population.
    const chief = await t.as('a.chief');
    const mine = await ok<Officers>(chief.get(url(t.fx.units.stationA)));
    const drawn = await ok<Sample>(chief.post('/api/v1/checks/samples', draw({ seed: 'sizes', size: 1 })));
    expect(mine.officers.find((o) => o.id === t.fx.staffIds['a.officer'])?.households).toBe(drawn.population);
  });

  it('refuses another station, an account that does not draw, and no session', async () => {
    expect((await (await t.as('b.chief')).get(url(t.fx.units.stationA))).status).toBe(403);
    expect((await (await t.as('a.officer')).get(url(t.fx.units.stationA))).status).toBe(403);
    expect((await t.anonymous().get(url(t.fx.units.stationA))).status).toBe(401);
    const unknown = await (await t.as('a.chief')).get(url('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect((await (await t.as('a.chief')).get('/api/v1/checks/officers')).status).toBe(400);
  });
});
