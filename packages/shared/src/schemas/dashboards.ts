/**
 * The contract of the dashboards (监督、汇总、分析): a period of whole Beijing days, the KPIs of a station or of the
 * stations under a bureau for it, beside the previous period and the same days last year. What each count means is
 * written once in domain/kpis.ts.
 */
import { z } from 'zod';
import { DAY_PATTERN, daysIn, isCalendarDay, KPI_SETS, PERIOD_MAX_DAYS } from '../domain/kpis.js';
import type { Capability } from '../domain/roles.js';
import { Id, text } from './common.js';

export const Day = text(10)
  .regex(DAY_PATTERN, 'must be a day as YYYY-MM-DD')
  .refine(isCalendarDay, 'must be a calendar day');

const PeriodShape = {
  /** First day, Beijing time, `YYYY-MM-DD`. */ from: Day,
  /** Last day included. */ to: Day,
};

/** A reversed range, or one over ten years, is refused (400) naming the field; one given in part is left to `schema`. */
export function periodRules<T extends { from?: string | undefined; to?: string | undefined }>(schema: z.ZodType<T>) {
  return schema
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
    .refine((q) => !q.from || !q.to || daysIn(q.from, q.to) <= PERIOD_MAX_DAYS, {
      message: `at most ${PERIOD_MAX_DAYS} days (ten years)`,
      path: ['to'],
    });
}

export const PeriodQuery = periodRules(z.object(PeriodShape).strict());
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const KpiQuery = periodRules(
  z
    .object({
      ...PeriodShape,
      /** A station, or a bureau (its stations side by side); by default the caller's own unit. */
      unitId: Id.optional(),
    })
    .strict(),
);
export type KpiQuery = z.infer<typeof KpiQuery>;

const Count = z.number().int();
const Rate = z.number().nullable();

export const KpiCounts = z.object(
  Object.fromEntries(KPI_SETS.map((s) => [s, Count])) as Record<(typeof KPI_SETS)[number], typeof Count>,
);
export type KpiCounts = z.infer<typeof KpiCounts>;

/** A time distribution in minutes: one count per bucket (domain/kpis.ts bounds, the last open-ended). */
export const Distribution = z.object({
  buckets: z.array(Count),
  /** Median and 90th percentile, minutes; null with no matter. */
  median: z.number().nullable(),
  p90: z.number().nullable(),
  /** Matters of the base with no such time yet (never answered). */
  missing: Count,
});
export type Distribution = z.infer<typeof Distribution>;

export const KpiFigures = z.object({
  from: Day,
  to: Day,
  /** The instant the figures are judged at: the period's end, or now while it runs. */
  asOf: z.iso.datetime(),
  counts: KpiCounts,
  rates: z.object({
    takenOnTime: Rate,
    resolvedOnTime: Rate,
    satisfaction: Rate,
    reopenRate: Rate,
    callbackRate: Rate,
  }),
  callbacks: z.object({ due: Count, done: Count }),
  firstResponse: Distribution,
  resolution: Distribution,
});
export type KpiFigures = z.infer<typeof KpiFigures>;

export const UnitKpis = z.object({
  unitId: Id,
  unitName: z.string(),
  current: KpiFigures,
  previous: KpiFigures,
  lastYear: KpiFigures,
});
export type UnitKpis = z.infer<typeof UnitKpis>;

export const KpiDashboard = UnitKpis.extend({
  unitKind: z.string(),
  /** Under a bureau: each station, side by side, for the current period. */
  stations: z.array(z.object({ unitId: Id, unitName: z.string(), current: KpiFigures })),
});
export type KpiDashboard = z.infer<typeof KpiDashboard>;

// ---------------------------------------------------------------------------------------------------------------
// The dashboards' sections (接警台, 矛盾纠纷, 社区警务, 警民群, 宣传预警, 评价): each a list of figures and charts of
// one shape, so one page draws them all, the monthly report prints them and every number names the list behind it.

export const DASHBOARD_AREAS = ['desk', 'disputes', 'field', 'rooms', 'warnings', 'evaluations'] as const;
export type DashboardArea = (typeof DASHBOARD_AREAS)[number];

export const DASHBOARD_AREA_LABELS: Record<DashboardArea, { zh: string; en: string }> = {
  desk: { zh: '接警台', en: 'Desk' },
  disputes: { zh: '矛盾纠纷', en: 'Disputes' },
  field: { zh: '社区警务', en: 'Field work' },
  rooms: { zh: '警民群', en: 'Community rooms' },
  warnings: { zh: '宣传预警', en: 'Warnings' },
  evaluations: { zh: '评价', en: 'Evaluations' },
};

/** The console lists a figure can open; the web maps each to its page (the query is that page's address query). */
export const DRILL_LISTS = [
  'matters',
  'disputes',
  'visits',
  'patrols',
  'hazards',
  'rooms',
  'notices',
  'fraud',
  'evaluations',
  'reviews',
  'checks',
] as const;
export type DrillList = (typeof DRILL_LISTS)[number];

/**
 * The lists a reader of the dashboard may not open although the figure is theirs to see: 反诈指令 are the desk's and
 * the chief's (fraud.desk); the bureau sees the figure without the list behind it.
 */
export const DRILL_LIST_NEEDS: Partial<Record<DrillList, Capability>> = { fraud: 'fraud.desk' };

/** Whether an account with these capabilities may open a drill's list. */
export function canOpenDrill(capabilities: readonly string[], drill: { list: DrillList }) {
  const needs = DRILL_LIST_NEEDS[drill.list];
  return !needs || capabilities.includes(needs);
}

const Words = z.object({ zh: z.string(), en: z.string() });

/** The list behind a number: `list` filtered by `query` shows exactly the rows counted (tested per figure). */
export const DrillTarget = z.object({ list: z.enum(DRILL_LISTS), query: z.record(z.string(), z.string()) });
export type DrillTarget = z.infer<typeof DrillTarget>;

/** count: a number of rows; rate: 0–1; minutes: a duration; amount: 元; percent-free, the page formats. */
export const FIGURE_KINDS = ['count', 'rate', 'minutes', 'amount'] as const;
export const SectionFigure = z.object({
  id: z.string(),
  label: Words,
  kind: z.enum(FIGURE_KINDS),
  /** The current period's value (null: nothing to divide). */
  value: z.number().nullable(),
  /** A stock counted as of now (当前数): it has no 上期 or 去年同期 (absent in reports drafted before it was named). */
  now: z.boolean().optional(),
  /** The same figure over 上期 and 去年同期; null where a comparison means nothing (a stock "now"). */
  previous: z.number().nullable(),
  lastYear: z.number().nullable(),
  /** A rate's counts, current period: shown under it. */
  parts: z.object({ numerator: Count, denominator: Count }).optional(),
  /** The list of exactly what `value` counts (a rate: its numerator's or denominator's list, as labelled). */
  drill: DrillTarget.nullable(),
});
export type SectionFigure = z.infer<typeof SectionFigure>;

export const SectionChart = z.object({
  id: z.string(),
  title: Words,
  kind: z.enum(['bar', 'line', 'pie']),
  /** The x axis (bar, line) or the slices (pie). */
  categories: z.array(z.string()),
  series: z.array(
    z.object({
      name: Words,
      data: z.array(z.number()),
      /** Per category, the list behind that bar or slice. */
      drills: z.array(DrillTarget.nullable()).optional(),
    }),
  ),
});
export type SectionChart = z.infer<typeof SectionChart>;

export const DashboardSection = z.object({
  area: z.enum(DASHBOARD_AREAS),
  unitId: Id,
  unitName: z.string(),
  unitKind: z.string(),
  from: Day,
  to: Day,
  asOf: z.iso.datetime(),
  figures: z.array(SectionFigure),
  charts: z.array(SectionChart),
  /** Under a bureau: each station's current values by figure id, side by side. */
  stations: z.array(
    z.object({ unitId: Id, unitName: z.string(), values: z.record(z.string(), z.number().nullable()) }),
  ),
  /** Each figure in plain words: how it is computed. */
  definitions: z.array(z.object({ label: Words, how: Words })),
});
export type DashboardSection = z.infer<typeof DashboardSection>;

export const SectionParams = z.object({ area: z.enum(DASHBOARD_AREAS) }).strict();
