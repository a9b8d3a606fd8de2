/** The figures page's three charts as ECharts options (rates in percent, counts beside them). */
import {
  EVALUATION_TYPE_LABELS,
  type EvaluationFigures,
  type FigureCounts,
  MIN_ANSWERS_PER_OFFICER,
} from '@jingmin/shared';
import type { ChartOption } from '../../../components/Chart';

type T = (zh: string, en: string) => string;
type L = (label: { zh: string; en: string }) => string;

// '-' is ECharts' empty value: a month with nothing rated leaves a gap, never a 0%.
const percent = (rate: number | null) => (rate === null ? '-' : Math.round(rate * 1000) / 10);

const asPercent = { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : '—') };

const axes = (
  names: string[],
  t: T,
  rotate = 0,
): Pick<ChartOption, 'xAxis' | 'yAxis' | 'grid' | 'tooltip' | 'legend'> => ({
  grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  xAxis: { type: 'category', data: names, axisLabel: { rotate, interval: 0, hideOverlap: true } },
  yAxis: [
    { type: 'value', name: t('条数', 'Count'), minInterval: 1 },
    { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
  ],
});

/** Bars of rated answers with the satisfaction rate as a line on the right axis. */
function ratedWithRate(names: string[], rows: FigureCounts[], t: T, kind: 'line' | 'bar', rotate = 0): ChartOption {
  const satisfaction = t('满意率', 'Satisfaction rate');
  const rates = rows.map((r) => percent(r.satisfactionRate));
  return {
    ...axes(names, t, rotate),
    series: [
      { type: 'bar', name: t('有满意度', 'Rated'), data: rows.map((r) => r.rated), barMaxWidth: 32 },
      kind === 'line'
        ? { type: 'line', name: satisfaction, yAxisIndex: 1, data: rates, tooltip: asPercent }
        : { type: 'bar', name: satisfaction, yAxisIndex: 1, data: rates, barMaxWidth: 32, tooltip: asPercent },
      {
        type: 'line',
        name: t('参评率', 'Response rate'),
        yAxisIndex: 1,
        data: rows.map((r) => percent(r.responseRate)),
        lineStyle: { type: 'dashed' },
        tooltip: asPercent,
      },
    ],
  };
}

/** A month just begun has a handful of answers: its rate is left off the line rather than drawn as a plunge. */
export const byMonthChart = (f: EvaluationFigures, t: T) =>
  ratedWithRate(
    f.byMonth.map((m) => m.month),
    f.byMonth.map((m) => (m.rated >= MIN_ANSWERS_PER_OFFICER ? m : { ...m, satisfactionRate: null })),
    t,
    'line',
  );

export const byTypeChart = (f: EvaluationFigures, t: T, label: L) =>
  ratedWithRate(
    f.byType.map((r) => label(EVALUATION_TYPE_LABELS[r.type])),
    f.byType,
    t,
    'bar',
  );

export const byVillageChart = (f: EvaluationFigures, t: T) =>
  ratedWithRate(
    f.byVillage.map((v) => v.name ?? t('所本级', 'Station level')),
    f.byVillage,
    t,
    'bar',
    f.byVillage.length > 4 ? 30 : 0,
  );
