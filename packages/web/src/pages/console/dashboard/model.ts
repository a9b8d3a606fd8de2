/**
 * The dashboard's plain logic: the period presets (本月, 上月, 本季度, 本年, 自定义) as Beijing days, where each figure
 * drills into (the desk's list of exactly the matters it counted), and how a change is told (percentage points).
 */
import {
  addDays,
  DAY_PATTERN,
  type DrillList,
  type DrillTarget,
  dayOf,
  isCalendarDay,
  type KpiQuery,
  type KpiSet,
  type Period,
} from '@jingmin/shared';

export const PRESETS = ['month', 'lastMonth', 'quarter', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, { zh: string; en: string }> = {
  month: { zh: '本月', en: 'This month' },
  lastMonth: { zh: '上月', en: 'Last month' },
  quarter: { zh: '本季度', en: 'This quarter' },
  year: { zh: '本年', en: 'This year' },
  custom: { zh: '自定义', en: 'Custom' },
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A preset's days as of `today` (a Beijing day). A running period ends today, not at the month's end: 上期 is then
 * the same number of days just before, a fair comparison.
 */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): Period {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthStart = `${y}-${pad(m)}-01`;
  switch (preset) {
    case 'month':
      return { from: monthStart, to: today };
    case 'lastMonth': {
      const to = addDays(monthStart, -1);
      return { from: `${to.slice(0, 7)}-01`, to };
    }
    case 'quarter':
      return { from: `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`, to: today };
    case 'year':
      return { from: `${y}-01-01`, to: today };
  }
}

const day = (v: string | null) => (v && DAY_PATTERN.test(v) && isCalendarDay(v) ? v : null);

/** The dashboard's state from its address: `?p=` a preset (本月 by default), `from`/`to` for 自定义, `unitId`. */
export function readQuery(params: URLSearchParams, now: Date = new Date()): { preset: Preset; query: KpiQuery } {
  const raw = params.get('p');
  const preset = PRESETS.find((p) => p === raw) ?? 'month';
  const unitId = params.get('unitId') || undefined;
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  if (preset === 'custom' && from && to) return { preset, query: { from, to, unitId } };
  const p = presetPeriod(preset === 'custom' ? 'month' : preset, dayOf(now));
  return { preset: preset === 'custom' ? 'month' : preset, query: { ...p, unitId } };
}

export const kpiQueryKey = (q: KpiQuery) => ['kpi-dashboard', q.from, q.to, q.unitId ?? null] as const;

/** The desk's list of exactly the matters `set` counted over the period (GET /matters?kpi=&from=&to=). */
export const drillLink = (set: KpiSet, period: Period & { unitId?: string }) =>
  `/console/desk?${new URLSearchParams({ kpi: set, from: period.from, to: period.to, ...(period.unitId ? { unitId: period.unitId } : {}) })}`;

/** The same dashboard for another unit (a station under the bureau), keeping the period; none: one's own. */
export function unitLink(params: URLSearchParams, unitId: string | null) {
  const next = new URLSearchParams(params);
  if (unitId) next.set('unitId', unitId);
  else next.delete('unitId');
  return `/console/dashboard?${next}`;
}

/** The change of a rate in percentage points, one decimal; null when either side has nothing to divide. */
export function pointsDelta(current: number | null, before: number | null): number | null {
  if (current === null || before === null) return null;
  return Math.round((current - before) * 1000) / 10;
}

/** The console page of each list a section's figure opens (its query is that page's address query). */
export const DRILL_PATHS: Record<DrillList, string> = {
  matters: '/console/desk',
  disputes: '/console/disputes',
  visits: '/console/visits',
  patrols: '/console/patrols',
  hazards: '/console/hazards',
  rooms: '/console/rooms',
  notices: '/console/warnings',
  fraud: '/console/fraud',
  evaluations: '/console/evaluations',
  reviews: '/console/reviews',
  checks: '/console/checks',
};

/** The address of the list behind a section's figure. */
export const drillHref = (d: DrillTarget) => `${DRILL_PATHS[d.list]}?${new URLSearchParams(d.query)}`;
