/**
 * The 宣传预警 section on crafted notices and instructions through the real API: notices sent in the period and their
 * reach as stored (delivered, opened, acknowledged), QR scan coverage as the warnings module counts it, 劝阻成功率
 * and the money kept from loss; every figure opens the notices or instructions it counted; the bureau sees its
 * stations side by side, another station's chief is refused; both lists export with the same filters.
 */
import type { DashboardSection, DrillTarget, FraudPage, ScanCoverage, WarningPage } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, households } from '../../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../../test/harness.js';
import { instruction, verifyBody, viewOf } from '../../fraud/fraud.testkit.js';
import { DAY, device, notice, receipt } from '../../warnings/receipts.testkit.js';

let t: TestApp;
const PERIOD = 'from=2026-11-23&to=2026-11-23';
const REASON = `reason=${encodeURIComponent('月度工作汇报')}`;

/** An instruction entered at station A's desk for doorplate A-1, verified by its handler when `verify` is given. */
async function fraudCase(verify?: Record<string, unknown>) {
  const desk = await t.as('a.duty');
  const { externalId: _, ...body } = instruction();
  const res = await desk.post('/api/v1/fraud/instructions', { ...body, stationId: t.fx.units.stationA });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  let view = viewOf(res);
  if (!view.assignee) {
    const assigned = await desk.post(`/api/v1/fraud/instructions/${view.id}/assign`, {
      staffId: t.fx.staffIds['a.officer'],
      version: view.version,
    });
    view = viewOf(assigned);
  }
  if (!verify) return;
  const handler = await t.as(view.assignee?.id === t.fx.staffIds['a.aux'] ? 'a.aux' : 'a.officer');
  const done = await handler.post(
    `/api/v1/fraud/instructions/${view.id}/verify`,
    verifyBody(view.version, { contactedAt: t.clock.now().toISOString(), ...verify }),
  );
  expect(done.status, JSON.stringify(done.body)).toBe(200);
}

beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'q.bureau', ['bureau_supervisor'], t.fx.units.bureau);
  const resident = t.anonymous();
  const [a0, a1] = t.fx.doorplateTokens.a;
  // 2026-11-23 10:00 Beijing. Two notices sent an hour ago at station A: one asks to be acknowledged.
  const urgent = await notice(t, { targets: [t.fx.units.villageA], ackRequired: true, deliveredHouseholds: 3 });
  const traffic = await notice(t, { category: 'traffic', deliveredHouseholds: 5 });
  for (const [id, kind, plate] of [
    [urgent, 'open', a0],
    [urgent, 'open', a1],
    [urgent, 'ack', a1],
    [traffic, 'open', a0],
  ] as const) {
    const res = await receipt(resident, id, device(), kind, plate);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  }
  // Not of the period: one sent the day before, a draft never sent; one of station B.
  await notice(t, { sentAt: new Date(t.clock.now().getTime() - DAY), deliveredHouseholds: 7 });
  await notice(t, { status: 'draft', sentAt: null });
  await notice(t, { station: 'B', targets: undefined, deliveredHouseholds: 2 });
  // One of station A's homes has opened its doorplate page.
  await t.deps.database.db
    .update(households)
    .set({ firstScannedAt: t.clock.now() })
    .where(eq(households.doorplateToken, a0!));
  // Three instructions: dissuaded with 5,000 kept, defrauded of 2,000 with 300 kept, one still open.
  await fraudCase({ outcome: 'dissuaded', amountPrevented: 5000 });
  await fraudCase({ outcome: 'defrauded', amountLost: 2000, amountPrevented: 300 });
  await fraudCase();
});
afterAll(() => t.close());

const section = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/dashboards/sections/warnings?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as DashboardSection;
};
const figure = (s: DashboardSection, id: string) => {
  const f = s.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
async function notices(c: Client, drill: DrillTarget | null) {
  expect(drill?.list).toBe('notices');
  const res = await c.get(`/api/v1/warnings?${new URLSearchParams({ ...drill?.query, limit: '100' })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as WarningPage;
}
async function instructions(c: Client, drill: DrillTarget | null) {
  expect(drill?.list).toBe('fraud');
  const res = await c.get(`/api/v1/fraud/instructions?${new URLSearchParams({ ...drill?.query, limit: '100' })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as FraudPage;
}

describe('the warnings section', () => {
  it('counts the period’s notices and their stored reach; each opens exactly those notices', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    expect(figure(s, 'sent')).toMatchObject({ value: 2, previous: 1 });
    expect(figure(s, 'delivered')).toMatchObject({ value: 8, previous: 7 });
    expect(figure(s, 'opened').value).toBe(3);
    expect(figure(s, 'acknowledged').value).toBe(1);
    const list = await notices(chief, figure(s, 'sent').drill);
    expect(list.total).toBe(2);
    const sum = (k: 'deliveredHouseholds' | 'opened' | 'acknowledged') =>
      list.items.reduce((n, i) => n + i.reach[k], 0);
    expect([sum('deliveredHouseholds'), sum('opened'), sum('acknowledged')]).toEqual([8, 3, 1]);
    for (const id of ['delivered', 'opened', 'acknowledged'])
      expect((await notices(chief, figure(s, id).drill)).total).toBe(2);
    // The chart's bar of a category opens that category's notices.
    const chart = s.charts.find((c) => c.id === 'sentByCategory');
    const i = chart?.categories.indexOf('交通安全') ?? -1;
    expect(chart?.series[0]?.data[i]).toBe(1);
    expect((await notices(chief, chart?.series[0]?.drills?.[i] ?? null)).total).toBe(1);
  });

  it('reads QR scan coverage as the warnings module counts it, as a stock of now', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    const coverage = (await chief.get(`/api/v1/warnings/coverage?stationId=${t.fx.units.stationA}`))
      .body as ScanCoverage;
    expect(coverage.scannedHouseholds).toBe(1);
    expect(figure(s, 'scanCoverage')).toMatchObject({
      value: 1 / coverage.households,
      parts: { numerator: 1, denominator: coverage.households },
      previous: null,
      lastYear: null,
    });
  });

  it('counts 劝阻成功率 over the verified and the money kept; each opens its instructions', async () => {
    const chief = await t.as('a.chief');
    const s = await section(chief, PERIOD);
    expect(figure(s, 'fraudReceived').value).toBe(3);
    expect(figure(s, 'dissuadeRate')).toMatchObject({ value: 0.5, parts: { numerator: 1, denominator: 2 } });
    expect(figure(s, 'amountPrevented').value).toBe(5300);
    expect((await instructions(chief, figure(s, 'fraudReceived').drill)).total).toBe(3);
    expect((await instructions(chief, figure(s, 'dissuadeRate').drill)).total).toBe(1);
    const verified = await instructions(chief, figure(s, 'amountPrevented').drill);
    expect(verified.total).toBe(2);
    expect(verified.items.reduce((n, i) => n + (i.amountPrevented ?? 0), 0)).toBe(5300);
    const pie = s.charts.find((c) => c.id === 'fraudOutcomes');
    expect(pie?.series[0]?.data).toEqual([1, 1, 0, 0]);
  });

  it('shows the bureau its stations side by side, without the instructions’ list', async () => {
    const s = await section(await t.as('q.bureau'), PERIOD);
    expect(s.unitKind).toBe('bureau');
    expect(figure(s, 'sent').value).toBe(3);
    expect(figure(s, 'fraudReceived').drill).toBeNull();
    const byName = Object.fromEntries(s.stations.map((x) => [x.unitId, x.values]));
    expect(byName[t.fx.units.stationA]).toMatchObject({ sent: 2, delivered: 8, fraudReceived: 3 });
    expect(byName[t.fx.units.stationB]).toMatchObject({ sent: 1, delivered: 2, fraudReceived: 0 });
    expect((await notices(await t.as('q.bureau'), figure(s, 'sent').drill)).total).toBe(3);
  });

  it('refuses another station, a unit outside sight in the lists, and a bad period', async () => {
    const other = await t.as('b.chief');
    const a = `unitId=${t.fx.units.stationA}`;
    expect((await other.get(`/api/v1/dashboards/sections/warnings?${PERIOD}&${a}`)).status).toBe(403);
    expect((await other.get(`/api/v1/warnings?${PERIOD}&${a}`)).status).toBe(403);
    expect((await other.get(`/api/v1/fraud/instructions?view=all&${PERIOD}&${a}`)).status).toBe(403);
    const chief = await t.as('a.chief');
    expect((await chief.get('/api/v1/dashboards/sections/warnings?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    expect((await chief.get('/api/v1/warnings?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    expect((await chief.get('/api/v1/fraud/instructions?view=all&outcome=lost')).status).toBe(400);
  });
});

async function sheetRows(res: { raw: { rawPayload: unknown } }) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.raw.rawPayload as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}
const audited = async (action: string, username: string) =>
  (
    await t.deps.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, action),
          eq(auditLog.actorId, t.fx.staffIds[username]!),
          // The entry before the first row names the filters; the one after the last, the rows.
          sql`${auditLog.details}->'filters' IS NOT NULL`,
        ),
      )
  )[0];

describe('the notices and instructions exports', () => {
  it('writes the filtered notices as XLSX with the watermark last, and audits the reason', async () => {
    const chief = await t.as('a.chief');
    const filter = `${PERIOD}&unitId=${t.fx.units.stationA}&category=antifraud`;
    const { total } = (await chief.get(`/api/v1/warnings?${filter}`)).body as WarningPage;
    expect(total).toBe(1);
    const res = await chief.get(`/api/v1/warnings/export?${filter}&${REASON}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res);
    expect(rows[0]?.slice(0, 2)).toEqual(['标题', '类别']);
    expect(rows.slice(1, -1)).toHaveLength(total);
    expect(rows[1]?.[1]).toBe('反诈');
    expect(String(rows.at(-1)?.[0])).toContain('导出人 a.chief');
    expect((await audited('export.warnings', 'a.chief'))?.details).toMatchObject({
      reason: '月度工作汇报',
      filters: { category: 'antifraud' },
    });
  });

  it('writes the filtered instructions as XLSX, masked, and audits the reason', async () => {
    const desk = await t.as('a.duty');
    const filter = `view=all&${PERIOD}&status=verified`;
    const { total } = (await desk.get(`/api/v1/fraud/instructions?${filter}`)).body as FraudPage;
    expect(total).toBe(2);
    const res = await desk.get(`/api/v1/fraud/instructions/export?${filter}&${REASON}`);
    expect(res.status).toBe(200);
    const rows = await sheetRows(res);
    expect(rows[0]?.[0]).toBe('编号');
    expect(rows.slice(1, -1)).toHaveLength(total);
    expect(JSON.stringify(rows)).not.toContain('13912345678');
    expect(String(rows.at(-1)?.[0])).toContain('导出人 a.duty');
    expect(await audited('export.fraud_instructions', 'a.duty')).toBeDefined();
  });

  it('refuses an export without a reason, and one outside the caller’s sight', async () => {
    const chief = await t.as('a.chief');
    expect((await chief.get(`/api/v1/warnings/export?${PERIOD}`)).status).toBe(400);
    expect((await chief.get(`/api/v1/fraud/instructions/export?view=all&${PERIOD}`)).status).toBe(400);
    const other = await t.as('b.chief');
    const a = `unitId=${t.fx.units.stationA}&${REASON}`;
    expect((await other.get(`/api/v1/warnings/export?${a}`)).status).toBe(403);
    expect((await other.get(`/api/v1/fraud/instructions/export?view=all&${a}`)).status).toBe(403);
    expect((await (await t.as('a.officer')).get(`/api/v1/fraud/instructions/export?view=all&${REASON}`)).status).toBe(
      403,
    );
  });
});
