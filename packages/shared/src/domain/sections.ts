/**
 * The dashboard sections drawn the same way everywhere: a figure's value in words (the page, the monthly report's
 * PDF and workbook) and a section chart as an ECharts option (plain data: the console draws it, the server renders
 * it into the PDF).
 */
import type { SectionChart, SectionFigure } from '../schemas/dashboards.js';
import { formatRate } from './evaluation-figures.js';

type Words = { zh: string; en: string };
type Pick = (w: Words) => string;

/** 25分钟, 3.5小时, 2.1天. */
export function formatMinutes(m: number | null, pick: Pick = (w) => w.zh): string {
  if (m === null) return '—';
  const one = (n: number) => String(Math.round(n * 10) / 10);
  if (m < 60) return pick({ zh: `${Math.round(m)}分钟`, en: `${Math.round(m)} min` });
  if (m < 1440) return pick({ zh: `${one(m / 60)}小时`, en: `${one(m / 60)} h` });
  return pick({ zh: `${one(m / 1440)}天`, en: `${one(m / 1440)} d` });
}

/** 1.2万元 from ten thousand up, else 3,500元. */
export function formatAmount(yuan: number | null, pick: Pick = (w) => w.zh): string {
  if (yuan === null) return '—';
  if (yuan >= 10_000) {
    const wan = String(Math.round(yuan / 1000) / 10);
    return pick({ zh: `${wan}万元`, en: `¥${(yuan / 1000).toFixed(1)}k` });
  }
  return pick({
    zh: `${Math.round(yuan).toLocaleString('en-US')}元`,
    en: `¥${Math.round(yuan).toLocaleString('en-US')}`,
  });
}

/** A figure's value as read: a count, a rate (98.5%), a duration or an amount; "—" with nothing to show. */
export function formatFigure(kind: SectionFigure['kind'], value: number | null, pick: Pick = (w) => w.zh): string {
  if (value === null) return '—';
  switch (kind) {
    case 'rate':
      return formatRate(value);
    case 'minutes':
      return formatMinutes(value, pick);
    case 'amount':
      return formatAmount(value, pick);
    default:
      return String(value);
  }
}

/** The chart as an ECharts option; `title` adds its name on top (the PDF, where no card names it). */
export function sectionChartOption(chart: SectionChart, pick: Pick = (w) => w.zh, title = false): object {
  const head = title ? { title: { text: pick(chart.title), left: 'center', textStyle: { fontSize: 13 } } } : {};
  const top = title ? 36 : 16;
  if (chart.kind === 'pie') {
    const [series] = chart.series;
    return {
      ...head,
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['30%', '60%'],
          top: title ? 24 : 0,
          label: { formatter: '{b} {c}', color: '#333' },
          data: chart.categories.map((name, i) => ({ name, value: series?.data[i] ?? 0 })),
        },
      ],
    };
  }
  const many = chart.series.length > 1;
  return {
    ...head,
    tooltip: { trigger: 'axis' },
    legend: many ? { bottom: 0 } : undefined,
    grid: { left: 8, right: 8, top: top + (many ? 0 : 8), bottom: many ? 32 : 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: chart.categories,
      axisLabel: { interval: chart.categories.length > 12 ? 'auto' : 0, rotate: chart.categories.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: chart.series.map((s) => ({
      type: chart.kind,
      name: pick(s.name),
      data: s.data,
      barMaxWidth: 28,
      ...(chart.kind === 'bar' && chart.categories.length <= 12 ? { label: { show: true, position: 'top' } } : {}),
    })),
  };
}
