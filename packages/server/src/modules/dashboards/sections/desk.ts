/**
 * The dashboard's desk section (接警台): matters received and resolved in the period, open and overdue now, and the
 * intake by kind and by hour of the day. Every count is a condition the desk list filters by (`GET /matters`): the
 * KPI sets of kpi-sets.ts, the 工作台's `open` counter and the list's `hour`, so each number opens its own rows.
 */
import { dayOf, dayStart, MATTER_KIND_LABELS, MATTER_KINDS, type MatterKind, type SectionChart } from '@jingmin/shared';
import { and, type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../../db/rows.js';
import { matters } from '../../../db/schema/index.js';
import type { Ctx } from '../../../platform/context.js';
import { under } from '../../../platform/scope.js';
import { counterSql } from '../../matters/counters.js';
import { submittedHourSql } from '../../matters/list.where.js';
import { type Bounds, kpiCandidates, kpiSetSql } from '../kpi-sets.js';
import { drillPeriod, type FigureValue, type SectionScope, type SectionSpec } from './section.js';

/** "Now" as a KPI period: today (Beijing) up to this instant — 在办超期 judged at `asOf` is overdue now. */
function today(ctx: Ctx): { day: string; bounds: Bounds } {
  const now = ctx.now();
  const day = dayOf(now);
  return { day, bounds: { start: dayStart(day), asOf: now } };
}

const count = (condition: SQL) => sql<number>`count(*) FILTER (WHERE ${condition})::int`;

async function compute(ctx: Ctx, scope: SectionScope): Promise<FigureValue[]> {
  const b = scope.bounds;
  const now = today(ctx);
  const overdueNow = and(kpiCandidates(now.bounds), kpiSetSql('open_overdue', now.bounds)) as SQL;
  const [row] = await ctx.db
    .select({
      submitted: count(kpiSetSql('submitted', b)),
      resolved: count(kpiSetSql('resolved', b)),
      open: count(counterSql('open', ctx.now())),
      overdue: count(overdueNow),
    })
    .from(matters)
    .where(under(matters.unitPath, scope.path));
  const value = (n: number | undefined) => Number(n ?? 0);
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
    { id: 'open', value: value(row?.open), drill: nowDrill({ counter: 'open' }) },
    {
      id: 'overdueNow',
      value: value(row?.overdue),
      drill: nowDrill({ kpi: 'open_overdue', from: now.day, to: now.day }),
    },
  ];
}

const submittedDrill = (scope: SectionScope, extra: Record<string, string>) => ({
  list: 'matters' as const,
  query: drillPeriod(scope, { kpi: 'submitted', ...extra }),
});

async function charts(ctx: Ctx, scope: SectionScope): Promise<SectionChart[]> {
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
  const byKind = new Map(kinds.map((k) => [k.kind, Number(k.n)]));
  const byHour = new Map(hours.map((h) => [Number(h.hour), Number(h.n)]));
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
  charts,
};
