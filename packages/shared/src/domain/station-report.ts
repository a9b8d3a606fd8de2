/**
 * 派出所月度工作报告 (the monthly station report): the month's 考核指标 beside last month and the same month last
 * year, every dashboard section's figures and charts, the bureau's stations side by side, and the dispute analysis
 * — a snapshot on the report mechanism (generated on the 1st, the chief's commentary, published, PDF and XLSX).
 */
import type { DashboardArea, KpiFigures, SectionChart, SectionFigure } from '../schemas/dashboards.js';
import type { DisputeMonthlyFigures } from './dispute-analysis.js';
import { formatRate } from './evaluation-figures.js';
import { KPI_DEFINITIONS, KPI_RATES, KPI_SET_LABELS, type KpiRate } from './kpis.js';

export const STATION_MONTHLY_KIND = 'station_monthly';

export interface StationMonthlyFigures {
  period: string;
  from: string;
  to: string;
  unitName: string;
  unitKind: string;
  kpis: { current: KpiFigures; previous: KpiFigures; lastYear: KpiFigures };
  sections: { area: DashboardArea; figures: SectionFigure[]; charts: SectionChart[] }[];
  /** Under a bureau: each station's month. */
  stations: { unitName: string; current: KpiFigures }[];
  disputes: DisputeMonthlyFigures;
}

const RATE_ROWS: KpiRate[] = ['takenOnTime', 'resolvedOnTime', 'satisfaction', 'reopenRate'];
const titleOf = (id: string) => KPI_DEFINITIONS.find((d) => d.id === id)?.label.zh ?? id;

/** 考核指标 as table rows: the figure, this month, last month, the same month last year, and the counts. */
export function kpiReportRows(k: StationMonthlyFigures['kpis']): (string | number)[][] {
  const { current: c, previous: p, lastYear: y } = k;
  const rates = RATE_ROWS.map((r) => {
    const { numerator, denominator } = KPI_RATES[r];
    return [
      titleOf(r),
      formatRate(c.rates[r]),
      formatRate(p.rates[r]),
      formatRate(y.rates[r]),
      `${KPI_SET_LABELS[numerator].zh} ${c.counts[numerator]} / ${KPI_SET_LABELS[denominator].zh} ${c.counts[denominator]}`,
    ];
  });
  return [
    ['受理', c.counts.submitted, p.counts.submitted, y.counts.submitted, ''],
    ['办结', c.counts.resolved, p.counts.resolved, y.counts.resolved, ''],
    ...rates,
    [
      titleOf('callbackRate'),
      formatRate(c.rates.callbackRate),
      formatRate(p.rates.callbackRate),
      formatRate(y.rates.callbackRate),
      `已回访 ${c.callbacks.done} / 应回访 ${c.callbacks.due}`,
    ],
    [titleOf('escalated'), c.counts.escalated, p.counts.escalated, y.counts.escalated, ''],
    [
      KPI_SET_LABELS.open_overdue.zh,
      c.counts.open_overdue,
      p.counts.open_overdue,
      y.counts.open_overdue,
      '期末仍在办且已超过办结时限',
    ],
  ];
}

export const KPI_REPORT_HEADER = ['指标', '本月', '上月', '去年同月', '计数'];

/** A station's month in one row, for the bureau's 各所对比. */
export function stationReportRow(s: StationMonthlyFigures['stations'][number]): (string | number)[] {
  const r = s.current.rates;
  return [
    s.unitName,
    s.current.counts.submitted,
    s.current.counts.resolved,
    formatRate(r.takenOnTime),
    formatRate(r.resolvedOnTime),
    formatRate(r.satisfaction),
    formatRate(r.reopenRate),
    s.current.counts.escalated,
  ];
}

export const STATION_REPORT_HEADER = [
  '派出所',
  '受理',
  '办结',
  '按时签收率',
  '按时办结率',
  '满意率',
  '发回重办率',
  '提级督办',
];
