/**
 * 评价统计 as an XLSX workbook: a first sheet 说明 with every definition
 * (shared FIGURE_DEFINITIONS, the same text the page shows), then one sheet
 * per table with Chinese headers. Each sheet carries the exporter's watermark.
 */
import {
  CALLBACK_OUTCOME_LABELS,
  EVALUATION_TYPE_LABELS,
  type EvaluationFigures,
  FIGURE_DEFINITIONS,
  type FigureCounts,
  MIN_ANSWERS_PER_OFFICER,
} from '@jingmin/shared';
import type { Worksheet } from 'exceljs';

type Cell = string | number | null;

/** `2026-11-30 14:05` in Beijing time (UTC+8, no daylight saving). */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const COUNT_HEADERS = [
  '发出评价',
  '已评价',
  '有满意度',
  '满意（含基本满意）',
  '不满意',
  '未评满意度',
  '过期未评价',
  '待评价',
  '待确认',
  '满意率',
  '参评率',
];

const countCells = (c: FigureCounts): Cell[] => [
  c.requests,
  c.answered,
  c.rated,
  c.satisfied,
  c.unsatisfied,
  c.unrated,
  c.expired,
  c.open,
  c.flagged,
  c.satisfactionRate,
  c.responseRate,
];

/** The sheets after 说明: name, header row and rows; rate columns are formatted as percentages. */
function tables(f: EvaluationFigures): { name: string; header: string[]; rows: Cell[][] }[] {
  const r = f.reviews;
  return [
    { name: '总计', header: ['范围', ...COUNT_HEADERS], rows: [[`${f.from} 至 ${f.to}`, ...countCells(f.totals)]] },
    {
      name: '按类型',
      header: ['评价类型', ...COUNT_HEADERS],
      rows: f.byType.map((t) => [EVALUATION_TYPE_LABELS[t.type].zh, ...countCells(t)]),
    },
    { name: '按月份', header: ['月份', ...COUNT_HEADERS], rows: f.byMonth.map((m) => [m.month, ...countCells(m)]) },
    {
      name: '按民警',
      header: ['民警', '所在队', ...COUNT_HEADERS],
      rows: f.byOfficer.map((o) =>
        o.counts
          ? [o.name, o.team ?? '', ...countCells(o.counts)]
          : [o.name, o.team ?? '', `样本不足（有满意度的评价少于 ${MIN_ANSWERS_PER_OFFICER} 条）`],
      ),
    },
    {
      name: '按队',
      header: ['队', ...COUNT_HEADERS],
      rows: f.byTeam.map((t) => [t.name ?? '未编入队', ...countCells(t)]),
    },
    {
      name: '按村（社区）',
      header: ['村（社区）', ...COUNT_HEADERS],
      rows: f.byVillage.map((v) => [v.name ?? '所本级', ...countCells(v)]),
    },
    {
      name: '复核与回访',
      header: [
        '复核发起',
        '已回访',
        '按时回访',
        '按时率',
        '逾期未回访',
        '未到期',
        '已指派回访',
        '回访完成',
        ...Object.values(CALLBACK_OUTCOME_LABELS).map((l) => l.zh),
      ],
      rows: [
        [
          r.opened,
          r.closed,
          r.closedOnTime,
          r.onTimeRate,
          r.overdueOpen,
          r.pending,
          r.callbacksAssigned,
          r.callbacksDone,
          r.byOutcome.explained,
          r.byOutcome.still_unsatisfied,
          r.byOutcome.rectification,
        ],
      ],
    },
  ];
}

const RATE_HEADERS = new Set(['满意率', '参评率', '按时率']);

function fill(sheet: Worksheet, header: string[], rows: Cell[][], watermark: string) {
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  header.forEach((h, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(10, h.length * 2 + 2);
    if (RATE_HEADERS.has(h)) column.numFmt = '0.0%';
  });
  sheet.headerFooter.oddFooter = watermark;
}

export async function figuresWorkbook(f: EvaluationFigures, watermark: string): Promise<Buffer> {
  // Loaded on the first export: exceljs costs about 15 MB that most processes never use.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const about = book.addWorksheet('说明');
  const scope = `${f.stationName}，${f.from} 至 ${f.to}，${f.type ? EVALUATION_TYPE_LABELS[f.type].zh : '全部类型'}，截至北京时间 ${beijing(f.asOf)}`;
  fill(
    about,
    ['指标', '计算方法'],
    [['统计范围', scope], ...FIGURE_DEFINITIONS.map((d) => [d.label.zh, d.how.zh])],
    watermark,
  );
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  for (const t of tables(f)) fill(book.addWorksheet(t.name), t.header, t.rows, watermark);
  about.addRow([]);
  about.addRow([watermark]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
