/**
 * The contract of the dashboards (监督、汇总、分析): a period of whole Beijing days, the KPIs of a station or of the
 * stations under a bureau for it, beside the previous period and the same days last year. What each count means is
 * written once in domain/kpis.ts.
 */
import { z } from 'zod';
import { DAY_PATTERN, daysIn, isCalendarDay, KPI_SETS, PERIOD_MAX_DAYS } from '../domain/kpis.js';
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
