/**
 * GET /dashboards/sections/:area — one section of the dashboard for a station, or a bureau with its stations side
 * by side: every figure over the period, 上期 and 去年同期 (a stock "now" has no comparison), and the charts.
 */
import {
  canOpenDrill,
  type DashboardArea,
  type DashboardSection,
  type DrillTarget,
  type KpiQuery,
  type Period,
  periodBounds,
  previousPeriod,
  sameLastYear,
} from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { units } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { under } from '../../platform/scope.js';
import { sharingReads } from '../../platform/shared-reads.js';
import { dashboardUnit } from './kpis.service.js';
import { SECTIONS } from './sections/index.js';
import type { FigureValue, SectionScope, SectionSpec } from './sections/section.js';

type Unit = { id: string; path: string };

const scopeOf = (ctx: Ctx, unit: Unit, period: Period, comparison = false): SectionScope => {
  const { start, asOf } = periodBounds(period, ctx.now());
  return { unitId: unit.id, path: unit.path, period, bounds: { start, asOf }, comparison };
};

const byId = (values: FigureValue[]) => new Map(values.map((v) => [v.id, v]));

/** The section's figures for a unit over `period`, its comparisons and charts (no stations). */
export async function unitSection(ctx: Ctx, spec: SectionSpec, unit: Unit, period: Period) {
  const scope = scopeOf(ctx, unit, period);
  const [current, previous, lastYear, charts] = await Promise.all([
    spec.compute(ctx, scope),
    spec.compute(ctx, scopeOf(ctx, unit, previousPeriod(period), true)),
    spec.compute(ctx, scopeOf(ctx, unit, sameLastYear(period), true)),
    spec.charts(ctx, scope),
  ]);
  const [now, before, yearAgo] = [byId(current), byId(previous), byId(lastYear)];
  const figures = spec.figures.map((f) => {
    const v = now.get(f.id);
    return {
      id: f.id,
      label: f.label,
      kind: f.kind,
      now: Boolean(f.now),
      value: v?.value ?? null,
      previous: f.now ? null : (before.get(f.id)?.value ?? null),
      lastYear: f.now ? null : (yearAgo.get(f.id)?.value ?? null),
      ...(v?.parts ? { parts: v.parts } : {}),
      drill: v?.drill ?? null,
    };
  });
  return { asOf: scope.bounds.asOf.toISOString(), figures, charts };
}

/** A bureau's stations side by side: the section's figures of each over the period. */
async function stationsSideBySide(
  ctx: Ctx,
  spec: SectionSpec,
  unit: Unit,
  period: Period,
): Promise<DashboardSection['stations']> {
  const list = await ctx.db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.kind, 'station'), under(units.path, unit.path)))
    .orderBy(units.name);
  const scopes = list.map((s) => scopeOf(ctx, s, period));
  let values: FigureValue[][] = [];
  if (spec.computeStations) values = await spec.computeStations(ctx, unit.path, scopes);
  else for (const scope of scopes) values.push(await spec.compute(ctx, scope));
  return list.map((s, i) => ({
    unitId: s.id,
    unitName: s.name,
    values: Object.fromEntries((values[i] ?? []).map((v) => [v.id, v.value])),
  }));
}

export async function dashboardSection(request: Ctx, area: DashboardArea, q: KpiQuery): Promise<DashboardSection> {
  // The unit's figures, charts and stations side by side read the same rows once (a bureau's 接警台: the rollups).
  const ctx = sharingReads(request);
  const spec = SECTIONS[area];
  const unit = await dashboardUnit(ctx, q.unitId);
  const period = { from: q.from, to: q.to };
  const { asOf, figures, charts } = await unitSection(ctx, spec, unit, period);
  // After the unit's own figures (not beside them: one request holds a few connections of the pool, not a dozen).
  const stations = unit.kind === 'station' ? [] : await stationsSideBySide(ctx, spec, unit, period);
  // A figure the reader may see, behind which lies a list they may not open: the figure without its drill.
  const { capabilities } = actorOf(ctx);
  const open = <D extends { list: DrillTarget['list'] }>(d: D | null | undefined) =>
    d && canOpenDrill(capabilities, d) ? d : null;
  for (const f of figures) f.drill = open(f.drill);
  for (const c of charts) for (const s of c.series) if (s.drills) s.drills = s.drills.map(open);
  return {
    area,
    unitId: unit.id,
    unitName: unit.name,
    unitKind: unit.kind,
    from: period.from,
    to: period.to,
    asOf,
    figures,
    charts,
    stations,
    definitions: spec.figures.map((f) => ({ label: f.label, how: f.how })),
  };
}
