/**
 * 分析报告 through the API: who may read and write a unit's reports, generating a month's draft (not a future
 * month; regenerating a draft; a published one stays), the chief's commentary on a version, publishing, the
 * PDF (page 1 rendered, its Chinese text read back) and the XLSX, the monthly job run twice, the audit trail.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DisputeMonthlyFigures, ReportList, ReportView } from '@jingmin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, disputeCases, reports } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { reportKinds } from './kinds.js';
import { generateMonthlyDrafts } from './reports.service.js';

let t: TestApp;
let chief: Client;
let bureau: Client;
beforeAll(async () => {
  t = await buildTestApp();
  await addStaff(t, 'bureau.sup', ['bureau_supervisor'], t.fx.units.bureau);
  chief = await t.as('a.chief');
  bureau = await t.as('bureau.sup');
  const { path: unitPath } = { path: await pathOf(t.fx.units.gridA1) };
  for (const [at, closed] of [
    ['2026-10-03T02:00:00Z', '2026-10-20T02:00:00Z'],
    ['2026-10-12T02:00:00Z', null],
    ['2026-09-12T02:00:00Z', null],
  ] as const)
    await t.deps.database.db.insert(disputeCases).values({
      number: `MDREP-${at}`,
      stationId: t.fx.units.stationA,
      unitPath,
      source: 'walk_in',
      category: 'labour',
      title: '拖欠工资',
      facts: '春节前工资未结清',
      colourScheme: 'sangong',
      colour: 'green',
      level: 'ordinary',
      status: closed ? 'closed' : 'mediating',
      closedAt: closed ? new Date(closed) : null,
      acceptedAt: new Date(at),
      createdBy: t.fx.staffIds['a.duty']!,
    });
}, 60_000);
afterAll(() => t.close());

async function pathOf(unitId: string) {
  const { units } = await import('../../db/schema/index.js');
  const [u] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return u!.path;
}

const url = (unit: string) => `/api/v1/units/${unit}/reports`;
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string } }).error.code;

async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

const generate = (c: Client, unit: string, period: string) => c.post(url(unit), { kind: 'dispute_monthly', period });

describe('who may read and write reports', () => {
  it('answers 401 to a resident, 403 to a role without the right, 404 for a unit out of sight', async () => {
    expect((await t.anonymous().get(url(t.fx.units.stationA))).status).toBe(401);
    expect((await (await t.as('a.grid')).get(url(t.fx.units.stationA))).status).toBe(403);
    // A mediator reads only the cases given to them, never a station's figures.
    expect((await (await t.as('a.mediator')).get(url(t.fx.units.stationA))).status).toBe(403);
    expect((await generate(await t.as('a.duty'), t.fx.units.stationA, '2026-10')).status).toBe(403);
    const other = await t.as('b.chief');
    expect((await other.get(url(t.fx.units.stationA))).status).toBe(404);
    expect((await generate(other, t.fx.units.stationA, '2026-10')).status).toBe(404);
    expect((await generate(chief, t.fx.units.bureau, '2026-10')).status).toBe(404);
  });
});

describe('a month drafted, commented on and published', () => {
  let report: ReportView;

  it('refuses a future month and a unit that is not a station or the bureau', async () => {
    const future = await generate(chief, t.fx.units.stationA, '2026-12');
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('未来');
    expect((await generate(chief, t.fx.units.villageA, '2026-10')).status).toBe(400);
    expect((await chief.post(url(t.fx.units.stationA), { kind: 'nope', period: '2026-10' })).status).toBe(400);
    expect((await chief.post(url(t.fx.units.stationA), { kind: 'dispute_monthly', period: '2026-13' })).status).toBe(
      400,
    );
  });

  it('generates a draft for a past month, and regenerates it in place', async () => {
    report = await ok<ReportView>(generate(chief, t.fx.units.stationA, '2026-10'));
    expect(report).toMatchObject({
      status: 'draft',
      period: '2026-10',
      title: 'A派出所矛盾纠纷每月综合分析（2026年10月）',
    });
    expect(report.allowedActions).toEqual(['commentary', 'publish', 'generate']);
    const f = report.figures as unknown as DisputeMonthlyFigures;
    expect(f.occurrence.newCases).toBe(2);
    expect(f.stock.openAtStart).toBe(1);
    expect(f.results.closed).toBe(1);
    const again = await ok<ReportView>(generate(chief, t.fx.units.stationA, '2026-10'));
    expect(again.id).toBe(report.id);
    expect(again.version).toBe(report.version + 1);
    report = again;
    await ok(generate(chief, t.fx.units.stationA, '2026-11')); // the current month is allowed
    const list = await ok<ReportList>(chief.get(`${url(t.fx.units.stationA)}?kind=dispute_monthly`));
    expect(list.items.map((i) => i.period)).toEqual(['2026-11', '2026-10']);
    // The bureau reads a station's reports and the archive.
    expect((await bureau.get(`/api/v1/reports/${report.id}`)).status).toBe(200);
  });

  it("saves the chief's commentary on the version read, and refuses a stale one", async () => {
    const stale = await chief.put(`/api/v1/reports/${report.id}/commentary`, { commentary: '旧的', version: 1 });
    expect(stale.status).toBe(409);
    expect(errorOf(stale)).toBe('CONFLICT');
    const long = await chief.put(`/api/v1/reports/${report.id}/commentary`, {
      commentary: '长'.repeat(5001),
      version: report.version,
    });
    expect(long.status).toBe(400);
    report = await ok<ReportView>(
      chief.put(`/api/v1/reports/${report.id}/commentary`, {
        commentary: '本月劳资纠纷集中在春节前，须提前排查。',
        version: report.version,
      }),
    );
    expect(report.commentary).toContain('春节前');
  });

  it('publishes once; a published report no longer changes', async () => {
    report = await ok<ReportView>(chief.post(`/api/v1/reports/${report.id}/publish`));
    expect(report.status).toBe('published');
    expect(report.publishedBy).toBe('a.chief');
    expect(report.allowedActions).toEqual([]);
    const again = await chief.post(`/api/v1/reports/${report.id}/publish`);
    expect(errorOf(again)).toBe('REPORT_PUBLISHED');
    const edit = await chief.put(`/api/v1/reports/${report.id}/commentary`, {
      commentary: 'x',
      version: report.version,
    });
    expect(errorOf(edit)).toBe('REPORT_PUBLISHED');
    const regenerate = await generate(chief, t.fx.units.stationA, '2026-10');
    expect(regenerate.status).toBe(409);
    expect(errorOf(regenerate)).toBe('REPORT_PUBLISHED');
  });

  it('exports a PDF with its title, 化解率 and charts, page 1 rendered', async () => {
    const res = await chief.get(`/api/v1/reports/${report.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('矛盾纠纷月度分析-A派出所-2026-10.pdf')}`,
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-report-'));
    try {
      const file = path.join(dir, 'report.pdf');
      fs.writeFileSync(file, res.raw.rawPayload);
      const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain('A派出所矛盾纠纷每月综合分析（2026年10月）');
      expect(text).toContain('化解率');
      expect(text).toContain('本月劳资纠纷集中在春节前');
      expect(text).toContain('近12个月新发与结案'); // a chart's title, drawn from its SVG
      expect(text).toContain('已发布');
      spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
      const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'));
      expect(png).toBeDefined();
      expect(fs.statSync(path.join(dir, png!)).size).toBeGreaterThan(5_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports an XLSX with one sheet per table and Chinese headers', async () => {
    const res = await bureau.get(`/api/v1/reports/${report.id}/xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('矛盾纠纷月度分析-A派出所-2026-10.xlsx'));
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const names = book.worksheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['说明', '按类别', '存量与账龄', '处理结果', '近12个月']));
    expect(book.getWorksheet('按类别')!.getRow(2).values).toEqual([undefined, '劳资', 2]);
  });

  it('audits generating, publishing and exporting with ids only', async () => {
    const rows = await t.deps.database.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetId, report.id),
          inArray(auditLog.action, ['report.generate', 'report.publish', 'report.export']),
        ),
      );
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['report.generate', 'report.publish', 'report.export']));
    expect(JSON.stringify(rows)).not.toContain('春节');
  });
});

describe('the monthly job', () => {
  it('drafts last month for every station and the bureau once, and leaves a published report alone', async () => {
    const ctx = systemCtx(t.deps, t.app.log);
    const period = '2026-10';
    const ofKind = and(eq(reports.period, period), eq(reports.kind, 'dispute_monthly'));
    const before = await t.deps.database.db.select().from(reports).where(ofKind);
    const made = await generateMonthlyDrafts(ctx, reportKinds(), period);
    // Station A's analysis is published; B's and the bureau's are new, and each unit's 月度工作报告 too.
    expect(made).toBe(3 - before.length + 3);
    expect(await generateMonthlyDrafts(ctx, reportKinds(), period)).toBe(0);
    const after = await t.deps.database.db.select().from(reports).where(ofKind);
    expect(after).toHaveLength(3);
    const published = after.find((r) => r.unitId === t.fx.units.stationA)!;
    expect(published.status).toBe('published');
    expect(published.commentary).toContain('春节前');
    const ofBureau = after.find((r) => r.unitId === t.fx.units.bureau)!;
    expect((ofBureau.figures as DisputeMonthlyFigures).stations).toBe(2);
    expect(ofBureau.generatedBy).toBeNull();
    expect((await bureau.get(`/api/v1/reports/${ofBureau.id}`)).status).toBe(200);
    expect((await chief.get(`/api/v1/reports/${ofBureau.id}`)).status).toBe(404);
  });
});
