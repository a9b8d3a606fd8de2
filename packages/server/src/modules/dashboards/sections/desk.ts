/**
 * The dashboard's desk section (接警台): matters received and resolved in the period, open and overdue now, and the
 * intake by kind and by hour of the day. Every count is a condition the desk list filters by (`GET /matters`): the
 * KPI sets of kpi-sets.ts, the 工作台's `open` counter and the list's `hour`, so each number opens its own rows.
 */
import { dayOf, MATTER_KIND_LABELS, MATTER_KINDS, type MatterKind, type SectionChart } from '@jingmin/shared';
import { and, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows.js';
import { matters, units } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { under } from '../../../platform/scope.js';
import { readOnce } from '../../../platform/shared-reads.js';
import { counterSql } from '../../matters/counters.js';
import { submittedHourSql } from '../../matters/list.where.js';
import { kpiSetSql } from '../kpi-sets.js';
import { kpiRows, type Row, submittedByKindAndHour } from '../kpis.service.js';
import { drillPeriod, type FigureValue, type SectionScope, type SectionSpec } from './section.js';

/** "Now" as a KPI period: today (Beijing) up to this instant — 在办超期 judged now is overdue now. */
const today = (ctx: Ctx) => ({ day: dayOf(ctx.now()) });

/**
 * 在办 now (the 工作台's rule) by station: for each station under `path`, its matters in an open status (an index of
 * station and status, never a scan of a county's matters); for a unit below a station, the matters under it.
 */
async function openNow(ctx: Ctx, path: string) {
  const open = counterSql('open', ctx.now());
  const rows = await readOnce(ctx, `desk-open ${path}`, async () =>
    rowsOf<{ station_id: string; n: number }>(
      await ctx.db.execute(sql`SELECT s.id::text AS station_id,
        (SELECT count(*) FROM ${matters} WHERE ${matters.stationId} = s.id AND ${open})::int AS n
      FROM ${units} s WHERE s.kind = 'station' AND ${under(sql`s.path`, path)}
      UNION ALL SELECT ${matters.stationId}::text, count(*)::int FROM ${matters}
      WHERE ${under(matters.unitPath, path)} AND ${open}
        AND NOT EXISTS (SELECT 1 FROM ${units} s WHERE s.kind = 'station' AND ${under(sql`s.path`, path)})
      GROUP BY 1`),
    ),
  );
  return new Map(rows.map((r) => [r.station_id, Number(r.n)]));
}

/**
 * The figures of `scopes` (one unit, or a bureau's stations side by side under `path`): 受理 and 办结 over the
 * period and 当前超期 as today's 在办超期 — the KPI rows, from the rollups when they answer — and 在办 now.
 */
async function computeFor(ctx: Ctx, path: string, scopes: SectionScope[], byStation: boolean) {
  const now = today(ctx);
  const period = scopes[0]?.period ?? { from: now.day, to: now.day };
  // A comparison period shows no figure of now: those are counted for the period asked only.
  const ofNow = !scopes[0]?.comparison;
  const [rows, todays, open] = await Promise.all([
    kpiRows(ctx, path, period, byStation),
    ofNow ? kpiRows(ctx, path, { from: now.day, to: now.day }, byStation) : [],
    ofNow ? openNow(ctx, path) : new Map<string, number>(),
  ]);
  const of = (list: Row[], scope: SectionScope) =>
    byStation ? list.find((r) => r.station_id === scope.unitId) : list[0];
  const value = (n: unknown) => Number(n ?? 0);
  return scopes.map((scope): FigureValue[] => {
    const [row, todayRow] = [of(rows, scope), of(todays, scope)];
    const opened = byStation ? (open.get(scope.unitId) ?? 0) : [...open.values()].reduce((a, b) => a + b, 0);
    // A stock of now is listed as of now: no period, or today's for the KPI rule (its start does not matter to it).
    const nowDrill = (query: Record<string, string>) => ({
      list: 'matters' as const,
      query: { unitId: scope.unitId, ...query },
    });
    return [
      {
        id: 'submitted',
        value: value(row?.submitted),
        drill: { list: 'matters', query: drillPeriod(scope, { kpi: 'submitted' }) },
      },
      {
        id: 'resolved',
        value: value(row?.resolved),
        drill: { list: 'matters', query: drillPeriod(scope, { kpi: 'resolved' }) },
      },
      { id: 'open', value: opened, drill: nowDrill({ counter: 'open' }) },
      {
        id: 'overdueNow',
        value: value(todayRow?.open_overdue),
        drill: nowDrill({ kpi: 'open_overdue', from: now.day, to: now.day }),
      },
    ];
  });
}

async function compute(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]> {
  const [values] = await computeFor(ctx, scope.path, [scope], false);
  return values ?? [];
}

const submittedDrill = (scope: SectionScope, extra: Record<string, string>) => ({
  list: 'matters' as const,
  query: drillPeriod(scope, { kpi: 'submitted', ...extra }),
});

/** 受理 by kind and by hour: from the rollups when they answer, else counted over the period's matters. */
async function submittedBy(ctx: Ctx, scope: SectionScope) {
  const rolled = await submittedByKindAndHour(ctx, scope.path, scope.period);
  if (rolled) return rolled;
  const where = and(under(matters.unitPath, scope.path), kpiSetSql('submitted', scope.bounds));
  const kinds = await ctx.db
    .select({ kind: matters.kind, n: sql<number>`count(*)::int` })
    .from(matters)
    .where(where)
    .groupBy(matters.kind);
  const hours = rowsOf<{ hour: number; n: number }>(
    await ctx.db.execute(sql`SELECT ${submittedHourSql} AS hour, count(*)::int AS n FROM ${matters}
      WHERE ${where} GROUP BY 1`),
  );
  return {
    kinds: new Map(kinds.map((k) => [k.kind, Number(k.n)])),
    hours: new Map(hours.map((h) => [Number(h.hour), Number(h.n)])),
  };
}

async function charts(ctx: Ctx, scope: SectionScope): Promise<SectionChart[]> {
  const { kinds: byKind, hours: byHour } = await submittedBy(ctx, scope);
  const hourList = Array.from({ length: 24 }, (_, h) => h);
  const received = { zh: '受理', en: 'Received' };
  return [
    {
      id: 'byKind',
      title: { zh: '按类型受理', en: 'Received by kind' },
      kind: 'bar',
      categories: MATTER_KINDS.map((k: MatterKind) => MATTER_KIND_LABELS[k].zh),
      series: [
        {
          name: received,
          data: MATTER_KINDS.map((k) => byKind.get(k) ?? 0),
          drills: MATTER_KINDS.map((k) => submittedDrill(scope, { kind: k })),
        },
      ],
    },
    {
      id: 'byHour',
      title: { zh: '按时段受理（北京时间）', en: 'Received by hour (Beijing time)' },
      kind: 'bar',
      categories: hourList.map((h) => `${h}时`),
      series: [
        {
          name: received,
          data: hourList.map((h) => byHour.get(h) ?? 0),
          drills: hourList.map((h) => submittedDrill(scope, { hour: String(h) })),
        },
      ],
    },
  ];
}

export const deskSection: SectionSpec = {
  area: 'desk',
  figures: [
    {
      id: 'submitted',
      label: { zh: '受理', en: 'Received' },
      kind: 'count',
      how: {
        zh: '期间内群众提交或值班台登记的事项数（各渠道合计）。',
        en: 'Matters submitted by residents or recorded by the desk in the period, every channel.',
      },
    },
    {
      id: 'resolved',
      label: { zh: '办结', en: 'Resolved' },
      kind: 'count',
      how: {
        zh: '期间内办结的事项数（同一事项期间内办结几次都计一件；重新办理后再办结的也算）。',
        en: 'Matters resolved in the period (a matter resolved twice counts once; one resolved again after reopening counts).',
      },
    },
    {
      id: 'open',
      label: { zh: '在办', en: 'Open' },
      kind: 'count',
      now: true,
      how: {
        zh: '此刻尚未办结的事项数（待受理、已受理、已派单、办理中），与工作台的“在办”同一口径，不随所选期间变化。',
        en: 'Matters not finished right now (waiting, accepted, dispatched, in progress), as the 工作台 counts 在办; the period does not change it.',
      },
    },
    {
      id: 'overdueNow',
      label: { zh: '当前超期', en: 'Overdue now' },
      kind: 'count',
      now: true,
      how: {
        zh: '此刻仍未办结、且已过办结期限的事项数，与考核指标“在办超期”同一规则，不随所选期间变化。',
        en: 'Matters still open right now past their resolution deadline, by the same rule as the KPI "open, overdue"; the period does not change it.',
      },
    },
  ],
  compute,
  computeStations: (ctx, path, scopes) => computeFor(ctx, path, scopes, true),
  charts,
};
