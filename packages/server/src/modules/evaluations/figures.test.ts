/**
 * 评价统计 through the API: each figure equals a count written here in plain
 * SQL over the same rows — flagged answers held out until accepted, expired
 * requests apart from open ones, officers under five rated answers hidden,
 * months in Beijing time — plus who may read them and the XLSX export.
 */
import { randomUUID } from 'node:crypto';
import {
  type EvaluationFigures,
  type EvaluationType,
  FIGURE_DEFINITIONS,
  type FigureCounts,
  type MyEvaluationFigures,
  type UnitEvaluationFigures,
} from '@jingmin/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import {
  evaluationAnswers,
  evaluationRequests,
  evaluationReviews,
  staff,
  teams,
  units,
} from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { addStaff, buildTestApp, type TestApp } from '../../test/harness.js';
import { requestEvaluation } from './evaluations.service.js';

let t: TestApp;
const RANGE = 'from=2026-10&to=2026-11';
const figuresUrl = (station: string, query = RANGE) => `/api/v1/stations/${station}/evaluation-figures?${query}`;

async function pathOf(unitId: string) {
  const [unit] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return unit!.path;
}

/** What another module does after its work: open a request (the real service). */
async function open(
  type: EvaluationType,
  opts: { unit?: string; station?: string; officer?: string; days?: number } = {},
) {
  const stationId = opts.station ?? t.fx.units.stationA;
  const ctx = systemCtx(t.deps, pino({ level: 'silent' }));
  return t.deps.database.db.transaction((tx) =>
    requestEvaluation(tx, ctx, {
      type,
      subject: { type, id: randomUUID() },
      stationId,
      unitPath: opts.unit ?? '',
      ratedStaffId: opts.officer ?? null,
      expiresInDays: opts.days ?? 30,
    }),
  );
}

let device = 0;
/** The resident answers on the public link, each from a phone of their own and some minutes apart. */
async function answer(token: string, overall: string) {
  t.clock.advance(20 * 60_000);
  device += 1;
  const answers: Record<string, unknown> = { overall };
  if (overall === 'unsatisfied') answers.wrong = ['slow'];
  const res = await t
    .anonymous()
    .post(`/api/v1/public/evaluations/${token}`, { version: 0, answers }, { 'user-agent': `phone-${device}` });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.deps.database.db;
  const { units: u, staffIds } = t.fx;
  const [team] = await db
    .insert(teams)
    .values({ stationId: u.stationA, name: '社区警务队', kind: 'community' })
    .returning({ id: teams.id });
  await db.update(staff).set({ teamId: team!.id }).where(eq(staff.id, staffIds['a.officer']!));
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], u.bureau);
  const grid = await pathOf(u.gridA1);
  const station = await pathOf(u.stationA);
  // Expires before the others are answered: 过期未评价.
  const expired = await open('visit', { unit: grid, officer: staffIds['a.officer'], days: 1 });
  ids.expired = expired.id;
  // a.officer: six visits and matters in grid A1 (one unsatisfied, one with no satisfaction given).
  const officer = staffIds['a.officer']!;
  for (const [type, overall] of [
    ['visit', 'satisfied'],
    ['visit', 'fairly_satisfied'],
    ['matter', 'satisfied'],
    ['matter', 'unsatisfied'],
    ['visit', 'satisfied'],
    ['matter', 'satisfied'],
    ['visit', null],
  ] as const) {
    const r = await open(type, { unit: grid, officer });
    await answer(r.token, overall ?? 'satisfied');
    // A station template may leave its scale optional: this answer gave no satisfaction.
    if (!overall)
      await db.update(evaluationAnswers).set({ satisfied: null }).where(eq(evaluationAnswers.requestId, r.id));
  }
  // a.duty: four answers only — 样本不足.
  for (const overall of ['satisfied', 'satisfied', 'unsatisfied', 'satisfied']) {
    const r = await open('reception', { unit: station, officer: staffIds['a.duty'] });
    await answer(r.token, overall);
  }
  // Meetings at the station, no one officer rated; one answer flagged and waiting, one flagged and accepted.
  for (const key of ['meeting1', 'flagged', 'accepted']) {
    const r = await open('meeting', { unit: station });
    await answer(r.token, key === 'flagged' ? 'unsatisfied' : 'satisfied');
    ids[key] = r.id;
  }
  await db.update(evaluationAnswers).set({ flagged: true }).where(eq(evaluationAnswers.requestId, ids.flagged!));
  await db
    .update(evaluationAnswers)
    .set({ flagged: true, acceptedAt: t.clock.now(), acceptedBy: staffIds['a.chief'] })
    .where(eq(evaluationAnswers.requestId, ids.accepted!));
  // Still open: 待评价.
  await open('answer', { unit: grid });
  // Station B's and an earlier month's work are not counted.
  const b = await open('matter', { station: u.stationB, unit: await pathOf(u.gridB1) });
  await answer(b.token, 'satisfied');
  const september = await open('visit', { unit: grid, officer });
  await answer(september.token, 'satisfied');
  await db
    .update(evaluationRequests)
    .set({ createdAt: new Date('2026-09-15T04:00:00Z') })
    .where(eq(evaluationRequests.id, september.id));
  // Two requests move to October; one at 01:00 on 1 November in Beijing (17:00 UTC the day before) stays in November.
  const [first, second] = await db
    .select({ id: evaluationRequests.id })
    .from(evaluationRequests)
    .where(eq(evaluationRequests.type, 'visit'))
    .orderBy(evaluationRequests.createdAt)
    .limit(3)
    .offset(1);
  await db
    .update(evaluationRequests)
    .set({ createdAt: new Date('2026-10-10T02:00:00Z') })
    .where(eq(evaluationRequests.id, first!.id));
  await db
    .update(evaluationRequests)
    .set({ createdAt: new Date('2026-10-31T17:00:00Z') })
    .where(eq(evaluationRequests.id, second!.id));
  await callBack();
  t.clock.advance(3 * 86_400_000); // the one-day request expires; an open review passes its due time
}, 120_000);
afterAll(() => t.close());

/** One review called back through the API (assigned to a.aux, who records the outcome); the others stay open. */
async function callBack() {
  const chief = await t.as('a.chief');
  const list = await chief.get(`/api/v1/stations/${t.fx.units.stationA}/evaluation-reviews`);
  expect(list.status).toBe(200);
  const review = (list.body as { items: { id: string }[] }).items[0]!;
  expect(
    (await chief.post(`/api/v1/evaluation-reviews/${review.id}/callback`, { staffId: t.fx.staffIds['a.aux'] })).status,
  ).toBe(200);
  const aux = await t.as('a.aux');
  const done = await aux.post(`/api/v1/evaluation-reviews/${review.id}/outcome`, {
    outcome: 'explained',
    note: '已解释',
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

const A = () => t.fx.units.stationA;
const IN_RANGE = sql`r.created_at >= '2026-09-30T16:00:00Z' AND r.created_at < '2026-11-30T16:00:00Z'`;
const COUNTED = sql`a.id IS NOT NULL AND (NOT a.flagged OR a.accepted_at IS NOT NULL)`;

/** An independent count over the station's requests of the range (joined to their answers). */
async function countIn(where: SQL, station = A()): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await t.deps.database.db.execute(sql`SELECT count(*)::int AS n FROM evaluation_requests r
      LEFT JOIN evaluation_answers a ON a.request_id = r.id
      WHERE r.station_id = ${station} AND ${IN_RANGE} AND ${where}`),
  );
  return rows[0]!.n;
}

/** The nine counts of a group, each counted on its own. */
async function expected(
  group: SQL = sql`true`,
  station = A(),
): Promise<Omit<FigureCounts, 'satisfactionRate' | 'responseRate'>> {
  const now = sql`${t.clock.now().toISOString()}::timestamptz`;
  const count = (where: SQL) => countIn(where, station);
  return {
    requests: await count(group),
    answered: await count(sql`${group} AND ${COUNTED}`),
    rated: await count(sql`${group} AND ${COUNTED} AND a.satisfied IS NOT NULL`),
    satisfied: await count(sql`${group} AND ${COUNTED} AND a.satisfied = true`),
    unsatisfied: await count(sql`${group} AND ${COUNTED} AND a.satisfied = false`),
    unrated: await count(sql`${group} AND ${COUNTED} AND a.satisfied IS NULL`),
    expired: await count(sql`${group} AND a.id IS NULL AND r.expires_at <= ${now}`),
    open: await count(sql`${group} AND a.id IS NULL AND r.expires_at > ${now}`),
    flagged: await count(sql`${group} AND a.flagged AND a.accepted_at IS NULL`),
  };
}

function expectCounts(actual: FigureCounts | null | undefined, want: Awaited<ReturnType<typeof expected>>) {
  expect(actual).toMatchObject(want);
  expect(actual!.satisfactionRate).toBe(want.rated ? want.satisfied / want.rated : null);
  expect(actual!.responseRate).toBe(
    want.answered + want.expired ? want.answered / (want.answered + want.expired) : null,
  );
}

let figures: EvaluationFigures;
describe('the figures of a station equal counts over its rows', () => {
  beforeAll(async () => {
    const res = await (await t.as('a.chief')).get(figuresUrl(A()));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    figures = res.body as EvaluationFigures;
  });

  it('counts the totals, with flagged answers, expired and open requests apart', async () => {
    expectCounts(figures.totals, await expected());
    // The fixture's own shape, so the SQL above is not vacuous.
    expect(figures.totals).toMatchObject({ flagged: 1, expired: 1, open: 1, unrated: 1 });
    expect(figures.totals.answered).toBe(13);
  });

  it('counts by type and by month (Beijing time)', async () => {
    for (const row of figures.byType) expectCounts(row, await expected(sql`r.type = ${row.type}`));
    expect(figures.byType.map((r) => r.type).sort()).toEqual(['answer', 'matter', 'meeting', 'reception', 'visit']);
    expect(figures.byMonth.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    for (const row of figures.byMonth)
      expectCounts(
        row,
        await expected(sql`to_char(r.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${row.month}`),
      );
    expect(figures.byMonth[0]!.requests).toBe(1);
  });

  it('shows an officer only from five rated answers up', async () => {
    const officer = figures.byOfficer.find((o) => o.staffId === t.fx.staffIds['a.officer']);
    expect(officer).toMatchObject({ sampleTooSmall: false, team: '社区警务队' });
    expectCounts(officer!.counts, await expected(sql`r.rated_staff_id = ${t.fx.staffIds['a.officer']!}`));
    const duty = figures.byOfficer.find((o) => o.staffId === t.fx.staffIds['a.duty']);
    expect(await countIn(sql`r.rated_staff_id = ${t.fx.staffIds['a.duty']!} AND ${COUNTED}`)).toBe(4);
    expect(duty).toMatchObject({ sampleTooSmall: true, counts: null });
  });

  it('counts by team and by village, with no team and the station level apart', async () => {
    const team = sql`EXISTS (SELECT 1 FROM staff s WHERE s.id = r.rated_staff_id AND s.team_id IS NOT NULL)`;
    expectCounts(
      figures.byTeam.find((x) => x.name === '社区警务队'),
      await expected(team),
    );
    expectCounts(
      figures.byTeam.find((x) => x.teamId === null),
      await expected(sql`NOT ${team}`),
    );
    const village = await pathOf(t.fx.units.villageA);
    const inVillage = sql`r.unit_path LIKE ${`${village}%`}`;
    expectCounts(
      figures.byVillage.find((x) => x.unitId === t.fx.units.villageA),
      await expected(inVillage),
    );
    expectCounts(
      figures.byVillage.find((x) => x.unitId === null),
      await expected(sql`NOT ${inVillage}`),
    );
    expect(figures.byVillage.find((x) => x.unitId === t.fx.units.villageA)?.name).toBe('A村');
  });

  it('counts reviews opened, called back on time, overdue and callbacks done', async () => {
    const reviews = async (where: SQL) =>
      rowsOf<{ n: number }>(
        await t.deps.database.db.execute(sql`SELECT count(*)::int AS n FROM evaluation_reviews rv
          JOIN evaluation_requests r ON r.id = rv.request_id JOIN evaluation_answers a ON a.id = rv.answer_id
          WHERE r.station_id = ${A()} AND ${IN_RANGE} AND NOT (a.flagged AND a.accepted_at IS NULL) AND ${where}`),
      )[0]!.n;
    const now = sql`${t.clock.now().toISOString()}::timestamptz`;
    expect(figures.reviews).toMatchObject({
      opened: await reviews(sql`true`),
      closed: await reviews(sql`rv.closed_at IS NOT NULL`),
      closedOnTime: await reviews(sql`rv.closed_at <= rv.due_at`),
      overdueOpen: await reviews(sql`rv.closed_at IS NULL AND rv.due_at < ${now}`),
      callbacksDone: await reviews(sql`rv.outcome IS NOT NULL`),
      byOutcome: { explained: await reviews(sql`rv.outcome = 'explained'`), still_unsatisfied: 0, rectification: 0 },
    });
    expect(figures.reviews).toMatchObject({ opened: 2, closedOnTime: 1, overdueOpen: 1 });
    // The flagged unsatisfied answer opened a review the figures leave out until it is accepted.
    const all = await t.deps.database.db.select().from(evaluationReviews).where(eq(evaluationReviews.stationId, A()));
    expect(all.length).toBe(3);
  });

  it('filters by type', async () => {
    const res = await (await t.as('a.chief')).get(figuresUrl(A(), `${RANGE}&type=visit`));
    expect(res.status).toBe(200);
    const visits = res.body as EvaluationFigures;
    expectCounts(visits.totals, await expected(sql`r.type = 'visit'`));
    expect(visits.byType.map((x) => x.type)).toEqual(['visit']);
  });
});

describe('我的评价: a rated officer reads their own figures, never the answers', () => {
  it('equals the counts of their own rated work, and says when the sample is small', async () => {
    const officer = await t.as('a.officer');
    const res = await officer.get(`/api/v1/evaluation-figures/mine?from=${figures.from}&to=${figures.to}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mine = res.body as MyEvaluationFigures;
    expectCounts(mine.totals, await expected(sql`r.rated_staff_id = ${t.fx.staffIds['a.officer']!}`));
    expect(mine.sampleTooSmall).toBe(mine.totals.rated < 5);
    for (const row of mine.byType)
      expectCounts(
        row,
        await expected(sql`r.rated_staff_id = ${t.fx.staffIds['a.officer']!} AND r.type = ${row.type}`),
      );
    // Figures only: no answer, no resident's words.
    expect(JSON.stringify(mine)).not.toMatch(/overall|remark|answers/);
    // The desk officer rated four times: shown to them, marked as too few to judge by.
    const desk = (await (await t.as('a.duty')).get('/api/v1/evaluation-figures/mine')).body as MyEvaluationFigures;
    expect(desk.sampleTooSmall).toBe(true);
    expect((await t.anonymous().get('/api/v1/evaluation-figures/mine')).status).toBe(401);
  });
});

describe('who reads the figures', () => {
  it('refuses anonymous callers, another station and a role without supervision', async () => {
    expect((await t.anonymous().get(figuresUrl(A()))).status).toBe(401);
    expect([403, 404]).toContain((await (await t.as('b.chief')).get(figuresUrl(A()))).status);
    expect((await (await t.as('a.officer')).get(figuresUrl(A()))).status).toBe(403);
    expect((await (await t.as('a.grid')).get(figuresUrl(A()))).status).toBe(403);
    expect((await (await t.as('b.chief')).get(`/api/v1/units/${t.fx.units.bureau}/evaluation-figures`)).status).toBe(
      403,
    );
  });

  it('refuses a bad range in plain words', async () => {
    const chief = await t.as('a.chief');
    expect((await chief.get(figuresUrl(A(), 'from=2026-11&to=2026-10'))).status).toBe(400);
    expect((await chief.get(figuresUrl(A(), 'from=2020-01&to=2026-11'))).status).toBe(400);
    expect((await chief.get(figuresUrl(A(), 'from=2026-13'))).status).toBe(400);
  });

  it('lets the bureau read each station and see them side by side', async () => {
    const bureau = await t.as('q.bureau');
    const one = await bureau.get(figuresUrl(A()));
    expect(one.status).toBe(200);
    expect((one.body as EvaluationFigures).totals).toEqual(figures.totals);
    const side = await bureau.get(`/api/v1/units/${t.fx.units.bureau}/evaluation-figures?${RANGE}`);
    expect(side.status).toBe(200);
    const body = side.body as UnitEvaluationFigures;
    expect(body.stations.map((s) => s.name)).toEqual(['A派出所', 'B派出所']);
    const [a, b] = body.stations;
    expect(a).toMatchObject({ ...figures.totals, reviews: { opened: figures.reviews.opened } });
    expectCounts(b, await expected(sql`true`, t.fx.units.stationB));
    expect(b!.satisfied).toBe(1);
  });
});

describe('the XLSX export', () => {
  it('has the definitions first, then one sheet per table with Chinese headers', async () => {
    const res = await (await t.as('a.chief')).get(`/api/v1/stations/${A()}/evaluation-figures.xlsx?${RANGE}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('spreadsheetml');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '说明',
      '总计',
      '按类型',
      '按月份',
      '按民警',
      '按队',
      '按村（社区）',
      '复核与回访',
    ]);
    const about = book.getWorksheet('说明')!;
    const texts = about.getColumn(2).values.map(String);
    for (const d of FIGURE_DEFINITIONS) expect(texts).toContain(d.how.zh);
    const totals = book.getWorksheet('总计')!;
    expect(totals.getRow(1).getCell(2).value).toBe('发出评价');
    expect(totals.getRow(2).getCell(2).value).toBe(figures.totals.requests);
    const officers = book.getWorksheet('按民警')!;
    const rows = officers.getSheetValues().flat().map(String);
    expect(rows.some((v) => v.startsWith('样本不足'))).toBe(true);
    expect((await t.anonymous().get(`/api/v1/stations/${A()}/evaluation-figures.xlsx`)).status).toBe(401);
  });
});
