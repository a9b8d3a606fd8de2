/**
 * 公开数据: a station's figures by month for anyone (only while its chief has switched the page on), and the chief's
 * switch with the page's address and QR. Each figure is the dashboard's own — 受理, 办结, 按时办结率 and 满意率 from
 * the KPI sets (dashboards/kpis.service.ts), 化解 from the monthly dispute analysis, 预警 from the notices' reach
 * counters — then passed through the one suppression rule of shared `publicCount` / `publicRate`.
 */
import {
  addDays,
  dayOf,
  KPI_RATES,
  type KpiCounts,
  type KpiFigures,
  type KpiRate,
  PUBLIC_FIGURES_MONTHS,
  type PublicFiguresMonth,
  type PublicFiguresSetting,
  type PublicFiguresView,
  periodStart,
  publicCount,
  publicRate,
  shiftPeriod,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import { units } from '../../db/schema/index.js';
import { actorOf, audit, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';
import { unitKpis } from '../dashboards/kpis.service.js';
import { disputeMonthlyFigures } from '../disputes/analysis.js';
import { stationInScope } from '../settings/settings.service.js';
import { publicFiguresSwitch, savePublicFiguresSwitch } from './public-figures.settings.js';

/** The public page's address: short, for the QR on the notice board (web route /f/:stationId). */
export const publicFiguresUrl = (ctx: Ctx, stationId: string) => `${ctx.deps.config.http.publicUrl}/f/${stationId}`;

/** The figures are counted at most once per this long per station and process: the page is open to anyone. */
const KEEP_MS = 5 * 60_000;
const kept = new WeakMap<Ctx['db'], Map<string, { view: PublicFiguresView; until: number }>>();

/** GET /public/stations/:id/figures: 404 — the same as for no station — unless the chief switched the page on. */
export async function publicFigures(ctx: Ctx, stationId: string): Promise<PublicFiguresView> {
  const [station] = await ctx.db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(eq(units.id, stationId), eq(units.kind, 'station')));
  if (!station || !(await publicFiguresSwitch(ctx.db, stationId)).enabled)
    throw new AppError('NOT_FOUND', { what: 'station' });
  const byStation = kept.get(ctx.db) ?? new Map<string, { view: PublicFiguresView; until: number }>();
  kept.set(ctx.db, byStation);
  const hit = byStation.get(stationId);
  if (hit && hit.until > performance.now()) return hit.view;
  const view = await countFigures(ctx, station);
  byStation.set(stationId, { view, until: performance.now() + KEEP_MS });
  return view;
}

/** The month's days for the KPI period rule: its first and last Beijing day. */
function monthDays(month: string) {
  return { from: `${month}-01`, to: addDays(`${shiftPeriod(month, 1)}-01`, -1) };
}

async function countFigures(ctx: Ctx, station: { id: string; name: string; path: string }): Promise<PublicFiguresView> {
  const now = ctx.now();
  const current = dayOf(now).slice(0, 7);
  const months = Array.from({ length: PUBLIC_FIGURES_MONTHS }, (_, i) =>
    shiftPeriod(current, i - PUBLIC_FIGURES_MONTHS + 1),
  );
  // Month by month: an open page must not take a dozen of the pool's connections at once.
  const kpis: KpiFigures[] = [];
  for (const m of months) kpis.push(await unitKpis(ctx, station.path, monthDays(m)));
  const disputes = await disputeMonthlyFigures(ctx.db, { ...station, kind: 'station' }, current, now);
  const warnings = await warningsByMonth(ctx, station.id, months, now);
  return {
    stationName: station.name,
    asOf: now.toISOString(),
    months: months.map((month, i): PublicFiguresMonth => {
      const c = kpis[i]?.counts;
      const closed = disputes.trend.months.find((d) => d.period === month)?.closed ?? 0;
      const w = warnings.get(month) ?? { sent: 0, opened: 0 };
      return {
        month,
        running: month === current,
        received: publicCount(c?.submitted ?? 0),
        resolved: publicCount(c?.resolved ?? 0),
        resolvedOnTime: rateOf(c, 'resolvedOnTime'),
        satisfaction: rateOf(c, 'satisfaction'),
        disputesResolved: publicCount(closed),
        warningsSent: publicCount(w.sent),
        warningsOpened: publicCount(w.opened),
      };
    }),
  };
}

/** A KPI rate of the dashboard (its numerator and denominator sets), as published. */
const rateOf = (counts: KpiCounts | undefined, rate: KpiRate) =>
  publicRate(counts?.[KPI_RATES[rate].numerator] ?? 0, counts?.[KPI_RATES[rate].denominator] ?? 0);

/** 预警: the station's notices sent each month and the devices that opened them (the per-grid reach counters). */
async function warningsByMonth(ctx: Ctx, stationId: string, months: string[], now: Date) {
  const start = periodStart(months[0] ?? dayOf(now).slice(0, 7)).toISOString();
  const found = rowsOf<{ month: string; sent: number; opened: number }>(
    await ctx.db.execute(sql`
      SELECT to_char(w.sent_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS sent,
             coalesce(sum(r.opened), 0)::int AS opened
        FROM warnings w
        LEFT JOIN (SELECT warning_id, sum(opened) AS opened FROM warning_reach GROUP BY warning_id) r
          ON r.warning_id = w.id
       WHERE w.station_id = ${stationId} AND w.sent_at >= ${start}::timestamptz
         AND w.sent_at < ${now.toISOString()}::timestamptz
       GROUP BY 1`),
  );
  return new Map(found.map((r) => [r.month, { sent: Number(r.sent), opened: Number(r.opened) }]));
}

/** The chief's view of the switch: on or off, the page's address and the QR for the notice board. */
export async function readPublicFiguresSetting(ctx: Ctx, stationId: string): Promise<PublicFiguresSetting> {
  await stationInScope(ctx, stationId);
  const [station] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, stationId));
  const stored = await publicFiguresSwitch(ctx.db, stationId);
  const url = publicFiguresUrl(ctx, stationId);
  const { default: QRCode } = await import('qrcode');
  return {
    stationId,
    stationName: station?.name ?? '',
    enabled: stored.enabled,
    url,
    qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    changedAt: stored.changedAt,
  };
}

/** The chief of the station (or above it) switches the page on or off; audited with the value before. */
export async function switchPublicFigures(ctx: Ctx, stationId: string, enabled: boolean) {
  const actor = actorOf(ctx);
  const station = await stationInScope(ctx, stationId);
  // Staff below the station read the switch; only the station or above may change it.
  if (!canSeePath(actor, station.path)) throw new AppError('FORBIDDEN');
  const before = await publicFiguresSwitch(ctx.db, stationId);
  await ctx.db.transaction(async (tx) => {
    await savePublicFiguresSwitch(tx, stationId, enabled, actor.id, ctx.now());
    await audit(ctx, tx, {
      action: 'public_figures.switch',
      result: 'ok',
      targetType: 'station',
      targetId: stationId,
      details: { from: before.enabled, to: enabled },
    });
  });
  // A page switched on shows this moment's figures, not those counted before it was last switched off.
  kept.get(ctx.db)?.delete(stationId);
  return readPublicFiguresSetting(ctx, stationId);
}
