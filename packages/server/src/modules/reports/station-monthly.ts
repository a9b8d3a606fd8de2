/**
 * 派出所月度工作报告: the report kind that gathers, for a station or the bureau and one month, the 考核指标 beside last
 * month and the same month last year, every dashboard section (the same figures and charts the dashboard shows), the
 * bureau's stations side by side and the dispute analysis; drawn into the PDF and one workbook sheet per table.
 */
import {
  addDays,
  DASHBOARD_AREA_LABELS,
  DASHBOARD_AREAS,
  formatFigure,
  KPI_DEFINITIONS,
  KPI_REPORT_HEADER,
  kpiReportRows,
  type Period,
  periodLabel,
  STATION_MONTHLY_KIND,
  STATION_REPORT_HEADER,
  type StationMonthlyFigures,
  sectionChartOption,
  shiftPeriod,
  stationReportRow,
} from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { units } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { under } from '../../platform/scope.js';
import { unitKpis } from '../dashboards/kpis.service.js';
import { SECTIONS } from '../dashboards/sections/index.js';
import { unitSection } from '../dashboards/sections.service.js';
import { disputeMonthlyFigures } from '../disputes/analysis.js';
import type { PdfCanvas, ReportKind, ReportTable, ReportUnit } from './kinds.js';
import { drawDisputeMonthly, heading, table } from './report-pdf.js';
import { disputeDefinitions, disputeTables } from './report-xlsx.js';

/** `2026-11` as whole Beijing days: 2026-11-01 to 2026-11-30. */
export function monthPeriod(period: string): Period {
  return { from: `${period}-01`, to: addDays(`${shiftPeriod(period, 1)}-01`, -1) };
}

export async function stationMonthlyFigures(
  ctx: Ctx,
  unit: ReportUnit,
  period: string,
): Promise<StationMonthlyFigures> {
  const month = monthPeriod(period);
  const [current, previous, lastYear] = await Promise.all([
    unitKpis(ctx, unit.path, month),
    unitKpis(ctx, unit.path, monthPeriod(shiftPeriod(period, -1))),
    unitKpis(ctx, unit.path, monthPeriod(shiftPeriod(period, -12))),
  ]);
  const sections: StationMonthlyFigures['sections'] = [];
  for (const area of DASHBOARD_AREAS) {
    const { figures, charts } = await unitSection(ctx, SECTIONS[area], unit, month);
    sections.push({ area, figures, charts });
  }
  const stations: StationMonthlyFigures['stations'] = [];
  if (unit.kind !== 'station') {
    const list = await ctx.db
      .select({ name: units.name, path: units.path })
      .from(units)
      .where(and(eq(units.kind, 'station'), under(units.path, unit.path)))
      .orderBy(units.name);
    for (const s of list) stations.push({ unitName: s.name, current: await unitKpis(ctx, s.path, month) });
  }
  return {
    period,
    ...month,
    unitName: unit.name,
    unitKind: unit.kind,
    kpis: { current, previous, lastYear },
    sections,
    stations,
    disputes: await disputeMonthlyFigures(ctx.db, unit, period, ctx.now()),
  };
}

const compared = (f: StationMonthlyFigures['sections'][number]['figures'][number]) => [
  f.label.zh,
  formatFigure(f.kind, f.value),
  formatFigure(f.kind, f.previous),
  formatFigure(f.kind, f.lastYear),
  f.parts ? `${f.parts.numerator} / ${f.parts.denominator}` : '',
];

/** The report's tables, in print order; the dispute analysis' own tables come last. */
export function stationTables(f: StationMonthlyFigures): (ReportTable & { area?: string })[] {
  const tables: (ReportTable & { area?: string })[] = [
    { name: '考核指标', header: KPI_REPORT_HEADER, rows: kpiReportRows(f.kpis) },
  ];
  if (f.stations.length > 0)
    tables.push({ name: '各所对比', header: STATION_REPORT_HEADER, rows: f.stations.map(stationReportRow) });
  for (const s of f.sections) {
    const name = DASHBOARD_AREA_LABELS[s.area].zh;
    tables.push({ area: s.area, name, header: KPI_REPORT_HEADER, rows: s.figures.map(compared) });
    for (const c of s.charts)
      tables.push({
        area: s.area,
        name: `${name}-${c.title.zh}`,
        header: [c.kind === 'pie' ? '项' : '类别', ...c.series.map((x) => x.name.zh)],
        rows: c.categories.map((cat, i) => [cat, ...c.series.map((x) => x.data[i] ?? 0)]),
      });
  }
  return [...tables, ...disputeTables(f.disputes).map((t) => ({ ...t, name: `矛盾纠纷-${t.name}` }))];
}

export function drawStationMonthly(canvas: PdfCanvas, f: StationMonthlyFigures) {
  const { doc } = canvas;
  const tables = stationTables(f);
  heading(doc, `一、考核指标（${periodLabel(f.period)}）`);
  table(doc, tables[0] as ReportTable);
  const res = f.kpis.current.resolution;
  if (res.buckets.some((n) => n > 0))
    doc
      .moveDown(0.3)
      .font('cjk')
      .fontSize(9)
      .fillColor('#595959')
      .text(`办结时长：中位数 ${formatFigure('minutes', res.median)}，90%在 ${formatFigure('minutes', res.p90)}内。`)
      .fillColor('#000');
  let n = 2;
  const numeral = () => '一二三四五六七八九十'[n++ - 1] ?? String(n);
  if (f.stations.length > 0) {
    heading(doc, `${numeral()}、各所对比`);
    table(doc, tables.find((t) => t.name === '各所对比') as ReportTable);
  }
  for (const s of f.sections) {
    heading(doc, `${numeral()}、${DASHBOARD_AREA_LABELS[s.area].zh}`);
    table(doc, tables.find((t) => t.area === s.area) as ReportTable);
    for (const c of s.charts) {
      const empty = c.series.every((x) => x.data.every((v) => v === 0));
      if (!empty)
        canvas.chart(
          sectionChartOption(c, (w) => w.zh, true),
          180,
        );
    }
  }
  heading(doc, `${numeral()}、矛盾纠纷分析`);
  drawDisputeMonthly(canvas, f.disputes);
}

export function stationDefinitions(): [string, string][] {
  return [
    ...KPI_DEFINITIONS.map((d): [string, string] => [d.label.zh, d.how.zh]),
    ...DASHBOARD_AREAS.flatMap((a) =>
      SECTIONS[a].figures.map((f): [string, string] => [`${DASHBOARD_AREA_LABELS[a].zh}：${f.label.zh}`, f.how.zh]),
    ),
    ...disputeDefinitions().map(([k, v]): [string, string] => [`矛盾纠纷：${k}`, v]),
  ];
}

export const stationMonthlyKind: ReportKind<StationMonthlyFigures> = {
  kind: STATION_MONTHLY_KIND,
  title: (unitName, period) => `${unitName}月度工作报告（${periodLabel(period)}）`,
  fileStem: '月度工作报告',
  readCapability: 'dashboard.read',
  compute: stationMonthlyFigures,
  pdf: drawStationMonthly,
  sheets: stationTables,
  definitions: stationDefinitions,
};
