/**
 * A report as an XLSX workbook: a first sheet 说明 (the report, its status and every figure's definition),
 * then one sheet per table with Chinese headers — the same tables the PDF prints. The dispute analysis'
 * tables are built here from its figures.
 */
import {
  DISPUTE_ANALYSIS_DEFINITIONS,
  type DisputeHeadline,
  type DisputeMonthlyFigures,
  formatRate,
  periodLabel,
} from '@jingmin/shared';
import type { Worksheet } from 'exceljs';
import type { ReportTable } from './kinds.js';

type Cell = string | number | null;

/** `2026-11-30 14:05` in Beijing time. */
export const beijingTime = (d: Date | string) =>
  new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const counts = (rows: { label?: { zh: string }; name?: string; count: number }[]): Cell[][] =>
  rows.map((r) => [r.label?.zh ?? r.name ?? '', r.count]);

const headlineRow = (what: string, h: DisputeHeadline): Cell[] => [
  what,
  periodLabel(h.period),
  h.newCases,
  h.closed,
  h.openAtStart,
  h.openAtEnd,
  formatRate(h.resolutionRate),
];

/** The analysis' tables, in the order of its four sections. */
export function disputeTables(f: DisputeMonthlyFigures): (ReportTable & { section: string })[] {
  const o = f.occurrence;
  const s = f.stock;
  const r = f.results;
  const current: DisputeHeadline = {
    period: f.period,
    newCases: o.newCases,
    closed: r.closed,
    openAtStart: s.openAtStart,
    openAtEnd: s.openAtEnd,
    resolutionRate: r.resolutionRate,
  };
  return [
    {
      section: '发生特点',
      name: '新发概况',
      header: ['指标', '件数'],
      rows: [
        ['本月新发', o.newCases],
        ['其中摸排发现', o.proactive],
      ],
    },
    { section: '发生特点', name: '按类别', header: ['类别', '件数'], rows: counts(o.byCategory) },
    { section: '发生特点', name: '按等级', header: ['等级', '件数'], rows: counts(o.byLevel) },
    { section: '发生特点', name: '按颜色', header: ['颜色', '件数'], rows: counts(o.byColour) },
    { section: '发生特点', name: '按来源', header: ['来源', '件数'], rows: counts(o.bySource) },
    { section: '发生特点', name: '按村', header: ['村（社区）', '件数'], rows: counts(o.byVillage) },
    { section: '发生特点', name: '按网格', header: ['网格', '件数'], rows: counts(o.byGrid) },
    {
      section: '存量',
      name: '存量与账龄',
      header: ['指标', '件数'],
      rows: [
        ['月初存量', s.openAtStart],
        ['月末存量', s.openAtEnd],
        ['月末存量：30天以内', s.ageing.upTo30],
        ['月末存量：31至90天', s.ageing.upTo90],
        ['月末存量：91至180天', s.ageing.upTo180],
        ['月末存量：180天以上', s.ageing.over180],
      ],
    },
    {
      section: '处理结果',
      name: '处理结果',
      header: ['指标', '数值'],
      rows: [
        ['本月结案', r.closed],
        ['其中“三个不放”均满足', r.closedMet],
        ['其中所长特批结案', r.closedOverridden],
        ['移交', r.transferred],
        ['调解未成', r.failed],
        ['化解率', formatRate(r.resolutionRate)],
      ],
    },
    {
      section: '处理结果',
      name: '特批结案',
      header: ['案件编号', '结案时间', '理由'],
      rows: r.overridden.map((c) => [c.number, beijingTime(c.closedAt), c.reason]),
    },
    {
      section: '发展态势',
      name: '对比',
      header: ['对比', '月份', '新发', '结案', '月初存量', '月末存量', '化解率'],
      rows: [
        headlineRow('本月', current),
        headlineRow('上月', f.trend.lastMonth),
        headlineRow('去年同月', f.trend.lastYear),
      ],
    },
    { section: '发展态势', name: '热点村', header: ['村（社区）', '新发件数'], rows: counts(f.trend.hotspots) },
    {
      section: '发展态势',
      name: '重复发生',
      header: ['指标（近12个月）', '数量'],
      rows: [
        ['重复发生地点（户）', f.trend.repeatPlaces],
        ['重复当事人（人）', f.trend.repeatParties],
      ],
    },
    {
      section: '发展态势',
      name: '近12个月',
      header: ['月份', '新发', '结案'],
      rows: f.trend.months.map((m) => [m.period, m.newCases, m.closed]),
    },
  ];
}

function fill(sheet: Worksheet, header: string[], rows: Cell[][]) {
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, h.length * 2 + 4);
  });
}

/** The workbook: 说明 first (the report and the definitions), then the tables. */
export async function reportWorkbook(about: [string, string][], tables: ReportTable[]): Promise<Buffer> {
  // exceljs loads on the first export: it costs about 15 MB that most processes never use.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet('说明');
  fill(first, ['项目', '内容'], about);
  first.getColumn(2).width = 100;
  first.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  const used = new Set<string>(['说明']);
  for (const t of tables) {
    // Sheet names are unique and at most 31 characters.
    let name = t.name.slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${t.name.slice(0, 28)}-${n}`;
    used.add(name);
    fill(book.addWorksheet(name), t.header, t.rows);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The definitions as 说明 rows. */
export const disputeDefinitions = (): [string, string][] =>
  DISPUTE_ANALYSIS_DEFINITIONS.map((d) => [d.label.zh, d.how.zh]);
