/**
 * 考核指标 as China's 12345 hotlines count them, each defined once here in plain words: the server computes by these
 * rules (modules/dashboards/kpi-sets.ts, one SQL condition per set), the dashboard prints them under 计算说明, and a
 * click on any figure opens the list of exactly the matters it counted (`GET /matters?kpi=…&from=…&to=…`).
 *
 * A period is a range of whole days in Beijing time, `from` and `to` both included; it is judged "as of" its end, or
 * now while it is still running. A figure of a past period therefore never changes.
 */
import type { Label } from '../i18n.js';
import type { FigureDefinition } from './evaluation-figures.js';

/** The longest period one request may cover: ten years (3,653 days with leap days). */
export const PERIOD_MAX_DAYS = 3653;

export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The first instant of a Beijing day `YYYY-MM-DD`. */
export function dayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS);
}

/** The Beijing day of an instant, `YYYY-MM-DD`. */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when reversed). */
export function daysIn(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1);
}

/** Whether `day` is a real calendar day (2026-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  return DAY_PATTERN.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

export interface Period {
  from: string;
  to: string;
}

/** The instants a period covers: [start, end), end capped at `now` while the period runs (its "as of"). */
export function periodBounds(p: Period, now: Date): { start: Date; end: Date; asOf: Date } {
  const start = dayStart(p.from);
  const end = dayStart(addDays(p.to, 1));
  return { start, end, asOf: end < now ? end : now };
}

/**
 * 上期: whole calendar months (a month, a quarter) are compared with as many whole months just before — October
 * with September, not with the 31 days before it; a month so far with the same days of the month before; any other
 * period with as many days just before.
 */
export function previousPeriod(p: Period): Period {
  const next = addDays(p.to, 1);
  if (p.from.endsWith('-01') && next.endsWith('-01')) {
    const months = monthIndex(next) - monthIndex(p.from);
    const from = monthDay(monthIndex(p.from) - months);
    return { from, to: addDays(p.from, -1) };
  }
  const n = daysIn(p.from, p.to);
  // 本月至今 (1–3 December): the same days of the month before (1–3 November), never past its end.
  if (p.from.endsWith('-01') && p.to.slice(0, 7) === p.from.slice(0, 7)) {
    const from = monthDay(monthIndex(p.from) - 1);
    const to = addDays(from, n - 1);
    return { from, to: to < p.from ? to : addDays(p.from, -1) };
  }
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthDay = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/** The same days a year earlier (29 February becomes the 28th). */
export function sameLastYear(p: Period): Period {
  const back = (day: string) => {
    const [y, m, d] = day.split('-');
    const candidate = `${Number(y) - 1}-${m}-${d}`;
    return isCalendarDay(candidate) ? candidate : `${Number(y) - 1}-${m}-28`;
  };
  return { from: back(p.from), to: back(p.to) };
}

/**
 * The sets of matters the KPIs count. Each is one condition over a matter and a period (kpi-sets.ts); the figures
 * are counts of these sets, and the list filter `kpi=` uses the same condition.
 */
export const KPI_SETS = [
  /** 应签收: dispatched in the period and taken, or still untaken with the taking deadline passed. */
  'take_due',
  /** 按时签收: of those, taken by the taking deadline. */
  'take_on_time',
  /** 未按时签收: taken late, or not taken and past the deadline. */
  'take_late',
  /** 应办结: resolved in the period, plus open matters whose resolution deadline had passed by the period's end. */
  'resolve_due',
  /** 按时办结: resolved in the period by the resolution deadline, and not open and overdue again at its end. */
  'resolve_on_time',
  /** 超期: resolved late in the period, or still open and past the deadline at its end. */
  'resolve_late',
  /** 在办超期: of those, not resolved at the period's end. */
  'open_overdue',
  /** 办结: resolved in the period (the base of 发回重办率 and of the 办结 time). */
  'resolved',
  /** 发回重办: reopened in the period (after the resident's or the chief's review). */
  'reopened',
  /** 已评价: rated in the period. */
  'rated',
  /** 满意（含基本满意）: rated 满意 or 基本满意 in the period. */
  'satisfied',
  /** 不满意: rated 不满意 in the period. */
  'unsatisfied',
  /** 未评价: resolved in the period and never rated; apart from 满意率. */
  'unrated',
  /** 受理: submitted in the period (the base of 首次响应 time). */
  'submitted',
  /** 提级督办: escalated to the bureau in the period (reopened or transferred too often). */
  'escalated',
] as const;
export type KpiSet = (typeof KPI_SETS)[number];

export const KPI_SET_LABELS: Record<KpiSet, Label> = {
  take_due: { zh: '应签收', en: 'To take' },
  take_on_time: { zh: '按时签收', en: 'Taken on time' },
  take_late: { zh: '未按时签收', en: 'Taken late' },
  resolve_due: { zh: '应办结', en: 'Due for resolution' },
  resolve_on_time: { zh: '按时办结', en: 'Resolved on time' },
  resolve_late: { zh: '超期办结或在办超期', en: 'Late or open overdue' },
  open_overdue: { zh: '在办超期', en: 'Open, overdue' },
  resolved: { zh: '办结', en: 'Resolved' },
  reopened: { zh: '发回重办', en: 'Reopened' },
  rated: { zh: '已评价', en: 'Rated' },
  satisfied: { zh: '满意（含基本满意）', en: 'Satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
  unrated: { zh: '未评价', en: 'Not rated' },
  submitted: { zh: '受理', en: 'Received' },
  escalated: { zh: '提级督办', en: 'Escalated' },
};

/** The rates: a numerator set over a denominator set (null when the denominator is empty). */
export const KPI_RATES = {
  takenOnTime: { numerator: 'take_on_time', denominator: 'take_due' },
  resolvedOnTime: { numerator: 'resolve_on_time', denominator: 'resolve_due' },
  satisfaction: { numerator: 'satisfied', denominator: 'rated' },
  reopenRate: { numerator: 'reopened', denominator: 'resolved' },
} as const satisfies Record<string, { numerator: KpiSet; denominator: KpiSet }>;
export type KpiRate = keyof typeof KPI_RATES;

/** The list a rate drills into: what a chief wants to see behind it (the misses, not the hits). */
export const KPI_DRILL: Record<KpiRate, KpiSet> = {
  takenOnTime: 'take_late',
  resolvedOnTime: 'resolve_late',
  satisfaction: 'unsatisfied',
  reopenRate: 'reopened',
};

/** Upper bounds (minutes) of the time distributions' buckets; the last bucket is everything above. */
export const FIRST_RESPONSE_BUCKETS = [5, 15, 30, 60, 240, 1440] as const;
export const RESOLUTION_BUCKETS = [60, 240, 1440, 3 * 1440, 7 * 1440, 30 * 1440] as const;

/**
 * The fine bins (upper bounds, minutes) both time distributions are counted in, the last bin open-ended: the
 * buckets shown are sums of them, and the median and 90th percentile are read from them, linear inside the bin the
 * rank falls in (as Prometheus's histogram_quantile reads a histogram) — so a figure over a year comes from a few
 * counts per day, and the dashboard's rollups and the direct count give the same number.
 */
export const TIME_BINS = [
  1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 5760, 7200, 10080,
  14400, 20160, 30240, 43200,
] as const;

/** The buckets of `bounds` (each one of TIME_BINS) summed from the fine bins' counts. */
export function bucketsOfBins(bins: readonly number[], bounds: readonly number[]): number[] {
  const buckets = new Array<number>(bounds.length + 1).fill(0);
  bins.forEach((n, i) => {
    const upper = TIME_BINS[i] ?? Number.POSITIVE_INFINITY;
    const bucket = bounds.filter((b) => b < upper).length;
    buckets[bucket] = (buckets[bucket] ?? 0) + n;
  });
  return buckets;
}

/** The `q` quantile (0–1) of the fine bins' counts, minutes to one decimal; null when they are empty. */
export function binQuantile(bins: readonly number[], q: number): number | null {
  const total = bins.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let before = 0;
  for (let i = 0; i < bins.length; i++) {
    const n = bins[i] ?? 0;
    if (n > 0 && before + n >= rank) {
      const lo = i === 0 ? 0 : (TIME_BINS[i - 1] ?? 0);
      const hi = TIME_BINS[i];
      if (hi === undefined) return lo;
      return Math.round((lo + ((hi - lo) * (rank - before)) / n) * 10) / 10;
    }
    before += n;
  }
  return TIME_BINS[TIME_BINS.length - 1] ?? null;
}

/** A bucket's words: "5分钟内", "1至4小时", "30天以上". */
export function bucketLabel(bounds: readonly number[], i: number): Label {
  const words = (m: number): Label =>
    m % 1440 === 0
      ? { zh: `${m / 1440}天`, en: `${m / 1440} d` }
      : m % 60 === 0
        ? { zh: `${m / 60}小时`, en: `${m / 60} h` }
        : { zh: `${m}分钟`, en: `${m} min` };
  const at = (k: number) => words(bounds[Math.max(0, Math.min(k, bounds.length - 1))] ?? 0);
  if (i === 0) {
    const w = at(0);
    return { zh: `${w.zh}内`, en: `≤ ${w.en}` };
  }
  if (i >= bounds.length) {
    const w = at(bounds.length - 1);
    return { zh: `${w.zh}以上`, en: `> ${w.en}` };
  }
  const lo = at(i - 1);
  const hi = at(i);
  return { zh: `${lo.zh}至${hi.zh}`, en: `${lo.en}–${hi.en}` };
}

/** Escalation to the bureau (提级督办): a station's thresholds; these are the defaults. */
export interface EscalationRules {
  /** Reopened this many times (发回重办) → escalated, once. */
  reopens: number;
  /** Transferred between departments this many times → escalated, once. */
  transfers: number;
}
export const DEFAULT_ESCALATION_RULES: EscalationRules = { reopens: 3, transfers: 3 };

export const ESCALATION_REASONS = ['reopened', 'transferred'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];
export const ESCALATION_REASON_LABELS: Record<EscalationReason, Label> = {
  reopened: { zh: '多次发回重办', en: 'Reopened repeatedly' },
  transferred: { zh: '多次转办', en: 'Transferred repeatedly' },
};

/** Every KPI of the dashboard, in the order 计算说明 explains them. */
export const KPI_DEFINITIONS: readonly FigureDefinition[] = [
  {
    id: 'period',
    label: { zh: '统计期间', en: 'Period' },
    how: {
      zh: '按北京时间的整天计算，起止日都包含；期间未结束时算到此刻为止，已结束的期间数字不再变化。对比“上期”（紧挨着的同样天数）和“去年同期”。',
      en: 'Whole days in Beijing time, both ends included; a running period counts up to now, a past one never changes. Compared with the previous period of the same length and the same days last year.',
    },
  },
  {
    id: 'takenOnTime',
    label: { zh: '按时签收率', en: 'Taken on time' },
    how: {
      zh: '按时签收率 = 按时签收 ÷ 应签收。应签收：期间内派出（指派）的事项中，已签收的，加上签收期限已过仍未签收的；还没到签收期限的不计入。按时签收：在签收期限内签收的。事项多次派出时按最后一次。',
      en: 'Taken on time ÷ to take. To take: matters dispatched in the period that were taken, plus those still untaken past the taking deadline; those not yet due are left out. A matter dispatched again counts by its last dispatch.',
    },
  },
  {
    id: 'resolvedOnTime',
    label: { zh: '按时办结率', en: 'Resolved on time' },
    how: {
      zh: '按时办结率 = 按时办结 ÷ 应办结。应办结：期间内办结的事项，加上到期末仍未办结、已过办结期限的事项（在办超期也算在分母里，不能因为没办完就不计）。按时办结：期间内都在办结期限内办结、且到期末没有重新办理又超期的。',
      en: 'Resolved on time ÷ due. Due: matters resolved in the period, plus matters still open at its end past their resolution deadline (open overdue matters count in the denominator). On time: every resolution in the period by the deadline, and not reopened and overdue again at its end.',
    },
  },
  {
    id: 'satisfaction',
    label: { zh: '满意率', en: 'Satisfaction' },
    how: {
      zh: '满意率 =（满意 + 基本满意）÷ 已评价，按期间内群众评价的事项计算。办结后没有评价的（未评价）单独列出，不算满意，也不算不满意。',
      en: '(Satisfied + basically satisfied) ÷ rated, over matters rated in the period. Resolved matters never rated are shown apart, counted neither way.',
    },
  },
  {
    id: 'reopenRate',
    label: { zh: '发回重办率', en: 'Reopen rate' },
    how: {
      zh: '发回重办率 = 期间内被发回重办的事项数 ÷ 期间内办结的事项数（同一事项期间内重办几次都计一件；重办次数多的见提级督办）。',
      en: 'Matters reopened in the period ÷ matters resolved in the period (a matter reopened twice counts once; repeated reopenings lead to escalation).',
    },
  },
  {
    id: 'firstResponse',
    label: { zh: '首次响应时长', en: 'First response time' },
    how: {
      zh: '期间内受理的事项，从群众提交到第一次回应（受理、答复或派出）的时长分布，另给中位数和九成事项的时长（在细分时段内按比例读出）；还没有回应的单独计数。',
      en: 'For matters received in the period: time from submission to the first answer (acceptance, reply or dispatch), as a distribution with the median and 90th percentile (read linearly inside fine time bins); those never answered are counted apart.',
    },
  },
  {
    id: 'resolution',
    label: { zh: '办结时长', en: 'Time to resolve' },
    how: {
      zh: '期间内办结的事项，从群众提交到办结的时长分布，另给中位数和九成事项的时长（在细分时段内按比例读出）。',
      en: 'For matters resolved in the period: time from submission to resolution, as a distribution with the median and 90th percentile (read linearly inside fine time bins).',
    },
  },
  {
    id: 'callbackRate',
    label: { zh: '回访率', en: 'Callback rate' },
    how: {
      zh: '回访率 = 已回访 ÷ 应回访。应回访：期间内发起的不满意复核（各类工作的评价）；已回访：其中已记录回访结果的。',
      en: 'Called back ÷ to call back: reviews of unsatisfied answers opened in the period (every kind of work), and those with a callback outcome recorded.',
    },
  },
  {
    id: 'escalated',
    label: { zh: '提级督办', en: 'Escalated' },
    how: {
      zh: '同一事项发回重办达到 3 次、或在部门之间转办达到 3 次（各所可调整），自动提级到县局督办，只提一次，并列入督办清单。',
      en: 'A matter reopened three times, or transferred between departments three times (each station may change this), is escalated to the bureau automatically, once, and listed.',
    },
  },
];
