/**
 * 公开数据: the figures a station may publish on a public page (and its notice board's QR), the way the stations of
 * the seeds publish theirs in the press — by month, aggregates only, no name, address or free text. A count of one
 * to four, and a rate over fewer than five, is never published (a small count could point at a neighbour): it is
 * `null` with `suppressed` set, and the page shows "<5". Every figure is the dashboard's own (domain/kpis.ts, the
 * monthly dispute analysis, the warnings' reach counters), never counted another way.
 */
import { z } from 'zod';
import { Id, Shown } from './common.js';

/** The smallest count a public page shows; 1 to 4 are suppressed (0 is shown: it points at no one). */
export const PUBLIC_FIGURES_MIN_COUNT = 5;
/** Months on the page, this month (so far) last. */
export const PUBLIC_FIGURES_MONTHS = 12;

/** A published figure: the value, or null — suppressed (under five), or a rate of nothing (no denominator). */
export const PublicFigure = z.object({
  value: z.number().nullable(),
  /** Withheld because the count, or the rate's denominator, is between 1 and 4. */
  suppressed: z.boolean(),
});
export type PublicFigure = z.infer<typeof PublicFigure>;

/** A count as published: 1 to 4 withheld. */
export function publicCount(n: number): PublicFigure {
  return n > 0 && n < PUBLIC_FIGURES_MIN_COUNT ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

/** A rate as published: withheld over a denominator of 1 to 4, null (not suppressed) over none. */
export function publicRate(numerator: number, denominator: number): PublicFigure {
  if (denominator === 0) return { value: null, suppressed: false };
  if (denominator < PUBLIC_FIGURES_MIN_COUNT) return { value: null, suppressed: true };
  return { value: numerator / denominator, suppressed: false };
}

export const PublicFiguresMonth = z.object({
  /** `YYYY-MM`, Beijing time. */ month: Shown,
  /** This month, counted up to now. */ running: z.boolean(),
  /** 受理: matters submitted in the month. */ received: PublicFigure,
  /** 办结: matters resolved in the month. */ resolved: PublicFigure,
  /** 按时办结率 (open matters past their deadline count in the denominator). */ resolvedOnTime: PublicFigure,
  /** 满意率: satisfied and basically satisfied over rated. */ satisfaction: PublicFigure,
  /** 化解矛盾纠纷: dispute cases closed in the month. */ disputesResolved: PublicFigure,
  /** 发布预警: notices sent in the month. */ warningsSent: PublicFigure,
  /** 预警查收: devices that opened those notices. */ warningsOpened: PublicFigure,
});
export type PublicFiguresMonth = z.infer<typeof PublicFiguresMonth>;

/** The public page: the station's name and its months, oldest first. */
export const PublicFiguresView = z.object({
  stationName: Shown,
  /** The instant the figures were counted. */ asOf: z.iso.datetime(),
  months: z.array(PublicFiguresMonth),
});
export type PublicFiguresView = z.infer<typeof PublicFiguresView>;

export const PublicFiguresParams = z.object({ stationId: Id }).strict();

/** The chief's switch. */
export const PublicFiguresSwitch = z.object({ /** Publish the page. */ enabled: z.boolean() }).strict();
export type PublicFiguresSwitch = z.infer<typeof PublicFiguresSwitch>;

/** The chief's view: whether the page is on, its address and the QR for the notice board (SVG). */
export const PublicFiguresSetting = z.object({
  stationId: Id,
  stationName: Shown,
  enabled: z.boolean(),
  /** The public page's address (it answers only while enabled). */ url: Shown,
  /** The QR of `url`, SVG. */ qrSvg: Shown,
  /** When the switch was last changed (null: never). */ changedAt: z.iso.datetime().nullable(),
});
export type PublicFiguresSetting = z.infer<typeof PublicFiguresSetting>;
