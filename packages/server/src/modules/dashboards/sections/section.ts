/**
 * A dashboard section (接警台, 矛盾纠纷, 社区警务, 警民群, 宣传预警, 评价): the figures it shows, each defined once in
 * plain words, and how they are computed for a unit's subtree over a period. sections.service.ts runs a section for
 * the period, 上期 and 去年同期, and for each station under a bureau; the page and the monthly report draw it.
 */
import type { DashboardArea, DrillTarget, Period, SectionChart, SectionFigure } from '@jingmin/shared';
import type { Ctx } from '../../../platform/context.js';
import type { Bounds } from '../kpi-sets.js';

export interface FigureSpec {
  id: string;
  label: { zh: string; en: string };
  kind: SectionFigure['kind'];
  /** How it is computed, in plain words (计算说明). */
  how: { zh: string; en: string };
  /** A stock "now" (open cases, overdue hazards): no 上期 / 去年同期 comparison. */
  now?: boolean;
}

export interface FigureValue {
  id: string;
  value: number | null;
  parts?: { numerator: number; denominator: number };
  drill: DrillTarget | null;
}

/** What a section is computed over: a unit's subtree (`path`), the period's days and its instants. */
export interface SectionScope {
  unitId: string;
  path: string;
  period: Period;
  bounds: Bounds;
  /** 上期 or 去年同期: its figures of now (`now: true`) are not shown, and need not be counted. */
  comparison?: boolean;
}

export interface SectionSpec {
  area: DashboardArea;
  figures: FigureSpec[];
  /**
   * One value for every figure of `figures`, over the scope. Runs without an actor too (the monthly report's job):
   * the scope is already checked, so never ask `actorOf(ctx)` here.
   */
  compute(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]>;
  /**
   * The same for a bureau's stations side by side (`scopes`, all under `path`, one period) in one go, when the section
   * can read them together; otherwise `compute` runs station by station.
   */
  computeStations?(ctx: Ctx, path: string, scopes: SectionScope[]): Promise<FigureValue[][]>;
  /** The section's charts for the scope (current period only). */
  charts(ctx: Ctx, scope: SectionScope): Promise<SectionChart[]>;
}

/** The drill query of a period and unit: every list reads `from`, `to` (Beijing days) and `unitId` (its subtree). */
export const drillPeriod = (scope: SectionScope, extra: Record<string, string> = {}): Record<string, string> => ({
  from: scope.period.from,
  to: scope.period.to,
  unitId: scope.unitId,
  ...extra,
});
