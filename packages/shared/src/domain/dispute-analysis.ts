/**
 * 矛盾纠纷每月综合分析: the figures, defined once with the plain-words definitions the page, the PDF and the
 * workbook show. The month is [the 1st 00:00, the next 1st 00:00) in Beijing time; a bureau's figures cover every
 * station under it. The server computes them with SQL (modules/disputes/analysis.ts); a report keeps a snapshot.
 */
import type { Label } from '../i18n.js';

/** The report kind of the monthly dispute analysis. */
export const DISPUTE_MONTHLY_KIND = 'dispute_monthly';

/** One group of a breakdown: its key (null: not set), its label and how many cases. */
export interface AnalysisCount {
  key: string | null;
  label: Label;
  count: number;
  /** CSS colour (the colour scheme's), for the colour breakdown only. */
  colour?: string;
}

/** A place (a village or a grid) and its new cases. */
export interface PlaceCount {
  unitId: string;
  name: string;
  count: number;
}

/** The headline counts of one month, to compare months. */
export interface DisputeHeadline {
  period: string;
  newCases: number;
  closed: number;
  openAtStart: number;
  openAtEnd: number;
  /** 化解率 as a fraction (0.873), null when nothing was open or new. */
  resolutionRate: number | null;
}

/** A close that 三个不放 did not allow, overridden by the chief with a written reason. */
export interface OverriddenClose {
  number: string;
  reason: string;
  closedAt: string;
}

export interface DisputeMonthlyFigures {
  unit: { id: string; name: string; kind: string };
  period: string;
  /** The month's bounds as instants (Beijing midnight); a month still running ends when the report was made. */
  from: string;
  to: string;
  /** Stations covered (1 for a station). */
  stations: number;
  /** 发生特点: cases accepted in the month. */
  occurrence: {
    newCases: number;
    /** 摸排: found proactively, reported apart. */
    proactive: number;
    byCategory: AnalysisCount[];
    byLevel: AnalysisCount[];
    byColour: AnalysisCount[];
    bySource: AnalysisCount[];
    byVillage: PlaceCount[];
    byGrid: PlaceCount[];
  };
  /** 存量 */
  stock: {
    openAtStart: number;
    openAtEnd: number;
    /** Open at the end of the month by days since acceptance. */
    ageing: { upTo30: number; upTo90: number; upTo180: number; over180: number };
  };
  /** 处理结果 */
  results: {
    closed: number;
    /** Closed with 三个不放 met. */
    closedMet: number;
    closedOverridden: number;
    overridden: OverriddenClose[];
    transferred: number;
    failed: number;
    resolutionRate: number | null;
  };
  /** 发展态势 */
  trend: {
    lastMonth: DisputeHeadline;
    lastYear: DisputeHeadline;
    /** The five villages with the most new cases. */
    hotspots: PlaceCount[];
    /** Households with two or more cases in the twelve months to the month's end (a count, never who). */
    repeatPlaces: number;
    /**
     * Parties (by phone) in two or more of one station's cases in those twelve months — the station mediates and
     * follows up, so a party coming back is its figure; a bureau's is the sum of its stations' (a count, never who).
     */
    repeatParties: number;
    /** New and closed cases of each of the twelve months to this one, oldest first. */
    months: { period: string; newCases: number; closed: number }[];
  };
}

/** What each figure means, in plain words: shown beside the figures on the page, in the PDF and the workbook. */
export const DISPUTE_ANALYSIS_DEFINITIONS: { key: string; label: Label; how: Label }[] = [
  {
    key: 'newCases',
    label: { zh: '新发案件', en: 'New cases' },
    how: {
      zh: '本月（北京时间当月1日0时至次月1日0时）受理的案件数，按类别、等级（未评估单列）、颜色（未定色单列）、来源、村和网格分组；摸排发现的单独统计。',
      en: 'Cases accepted in the month (Beijing time), by category, level, colour, source, village and grid; those found proactively are counted apart.',
    },
  },
  {
    key: 'open',
    label: { zh: '存量案件', en: 'Open cases' },
    how: {
      zh: '某一时刻的存量：在该时刻之前受理、且在该时刻之前尚未结案的案件。月初存量取本月1日0时，月末存量取次月1日0时。',
      en: 'Open at a moment: accepted before it and not closed before it. Open at the start is taken at the 1st, at the end at the next 1st.',
    },
  },
  {
    key: 'ageing',
    label: { zh: '存量账龄', en: 'Ageing' },
    how: {
      zh: '月末存量按受理至月末的时长分为30天以内、31至90天、91至180天、180天以上。',
      en: 'Open at the end, by time since acceptance: up to 30 days, 31–90, 91–180, over 180.',
    },
  },
  {
    key: 'closed',
    label: { zh: '化解结案', en: 'Closed' },
    how: {
      zh: '本月结案的案件数：其中“三个不放”条件均满足的，和所长书面说明理由后特批结案的（逐件列出编号和理由）。',
      en: 'Cases closed in the month: with the three conditions met, and those the chief overrode with a written reason (listed).',
    },
  },
  {
    key: 'transferred',
    label: { zh: '移交', en: 'Transferred' },
    how: {
      zh: '本月发出的移交（移交政府及职能部门、调委会）次数。',
      en: 'Transfers to partner departments sent in the month.',
    },
  },
  {
    key: 'failed',
    label: { zh: '调解未成', en: 'Not settled' },
    how: {
      zh: '本月最近一次被认定调解未成的案件数。',
      en: 'Cases last found not settled in the month.',
    },
  },
  {
    key: 'resolutionRate',
    label: { zh: '化解率', en: 'Resolution rate' },
    how: {
      zh: '化解率 = 本月结案数 ÷（月初存量 + 本月新发），保留一位小数；分母为0时不计算。',
      en: 'Closed in the month ÷ (open at the start + new in the month), one decimal; none when the divisor is 0.',
    },
  },
  {
    key: 'trend',
    label: { zh: '发展态势', en: 'Trend' },
    how: {
      zh: '与上月、去年同月的新发、结案、存量和化解率对比；热点为本月新发最多的5个村；重复发生地点为近12个月内有2件及以上案件的门牌户数，重复当事人为近12个月内在同一派出所2件及以上案件中出现的当事人（按电话）人数，分局为各所之和；只计数，不列姓名和地址。',
      en: 'Against last month and the same month last year; hotspots are the five villages with most new cases; repeat places are households with two or more cases in the twelve months to the end, repeat parties are parties (by phone) in two or more cases of one station in those months, for a bureau the sum over its stations: counts only.',
    },
  },
];

/** `2026-11` → `2026年11月`. */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-');
  return `${y}年${Number(m)}月`;
}

/** The month before `period` (`2026-01` → `2025-12`), and the same month a year before. */
export function shiftPeriod(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instant a Beijing month starts: `2026-11` → 2026-10-31T16:00:00Z. */
export function periodStart(period: string): Date {
  return new Date(`${period}-01T00:00:00+08:00`);
}

const bar = (title: string, names: string[], series: { name: string; data: number[] }[]) => ({
  title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
  legend: series.length > 1 ? { bottom: 0 } : undefined,
  grid: { left: 40, right: 16, top: 36, bottom: series.length > 1 ? 36 : 24 },
  xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: 'top' } })),
});

/**
 * The analysis' four charts as ECharts options (plain data): the server renders them into the PDF, the console
 * draws the same options.
 */
export function disputeChartOptions(f: DisputeMonthlyFigures) {
  const o = f.occurrence;
  const a = f.stock.ageing;
  return {
    byCategory: bar(
      '新发案件（按类别）',
      o.byCategory.map((c) => c.label.zh),
      [{ name: '新发', data: o.byCategory.map((c) => c.count) }],
    ),
    byColour: {
      title: { text: '新发案件（按颜色）', left: 'center', textStyle: { fontSize: 13 } },
      series: [
        {
          type: 'pie',
          radius: ['30%', '60%'],
          top: 24,
          label: { formatter: '{b} {c}', color: '#333' },
          data: o.byColour.map((c) => ({ name: c.label.zh, value: c.count, itemStyle: { color: c.colour } })),
        },
      ],
    },
    stock: bar(
      '存量与账龄',
      ['月初存量', '月末存量', '30天内', '31–90天', '91–180天', '180天以上'],
      [
        {
          name: '件数',
          data: [f.stock.openAtStart, f.stock.openAtEnd, a.upTo30, a.upTo90, a.upTo180, a.over180],
        },
      ],
    ),
    trend: {
      title: { text: '近12个月新发与结案', left: 'center', textStyle: { fontSize: 13 } },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: f.trend.months.map((m) => m.period.slice(2)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: '新发', data: f.trend.months.map((m) => m.newCases) },
        { type: 'line', name: '结案', data: f.trend.months.map((m) => m.closed) },
      ],
    },
  };
}
