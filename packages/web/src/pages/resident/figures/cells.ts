/**
 * What the public page of figures prints in each cell and draws in its chart: a suppressed figure (1 to 4, or a rate
 * over fewer than five — shared `publicCount` / `publicRate`) is "<5" in the table and a gap in the chart, never a
 * number; a rate of nothing is "—".
 */
import {
  formatRate,
  type Label,
  PUBLIC_FIGURES_MIN_COUNT,
  type PublicFigure,
  type PublicFiguresMonth,
} from '@jingmin/shared';

export type FigureKey = Exclude<keyof PublicFiguresMonth, 'month' | 'running'>;

/** The table's columns, in order: what each is, and whether it is a count or a rate. */
export const FIGURE_COLUMNS: readonly { key: FigureKey; label: Label; rate: boolean }[] = [
  { key: 'received', label: { zh: '受理', en: 'Received' }, rate: false },
  { key: 'resolved', label: { zh: '办结', en: 'Resolved' }, rate: false },
  { key: 'resolvedOnTime', label: { zh: '按时办结率', en: 'On time' }, rate: true },
  { key: 'satisfaction', label: { zh: '满意率', en: 'Satisfaction' }, rate: true },
  { key: 'disputesResolved', label: { zh: '化解纠纷', en: 'Disputes resolved' }, rate: false },
  { key: 'warningsSent', label: { zh: '发布预警', en: 'Warnings sent' }, rate: false },
  { key: 'warningsOpened', label: { zh: '预警查收', en: 'Warnings opened' }, rate: false },
];

/** The suppressed cell's text. */
export const SUPPRESSED = `<${PUBLIC_FIGURES_MIN_COUNT}`;

/** A cell: "<5" when withheld, "—" when there is nothing to show, else the count or the rate ("96.5%"). */
export function cellText(figure: PublicFigure, rate: boolean): string {
  if (figure.suppressed) return SUPPRESSED;
  if (figure.value === null) return '—';
  return rate ? formatRate(figure.value) : String(figure.value);
}

/** A figure as a chart point: withheld and empty ones are gaps; a rate in percent, one decimal. */
export function chartValue(figure: PublicFigure, rate: boolean): number | null {
  if (figure.suppressed || figure.value === null) return null;
  return rate ? Math.round(figure.value * 1000) / 10 : figure.value;
}

/** A month's name: 2026年11月, and 本月（截至今日） while it runs. */
export function monthLabel(m: Pick<PublicFiguresMonth, 'month' | 'running'>): Label {
  const [y, mm] = m.month.split('-');
  if (m.running) return { zh: `${Number(mm)}月（截至今日）`, en: `${m.month} (so far)` };
  return { zh: `${y}年${Number(mm)}月`, en: m.month };
}

/** Whether any cell is withheld: the page then explains "<5". */
export function hasSuppressed(months: readonly PublicFiguresMonth[]): boolean {
  return months.some((m) => FIGURE_COLUMNS.some((c) => m[c.key].suppressed));
}
