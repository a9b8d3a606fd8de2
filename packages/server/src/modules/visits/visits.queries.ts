/**
 * 走访入户列表 and its export: the station's visits the actor sees, filtered by period, unit, line, address kind and
 * "each household once" — the same condition (visit-filter.ts) as the dashboard's 社区警务 figures, so a figure's
 * drill-down lists exactly what it counted.
 */
import {
  ADDRESS_KIND_LABELS,
  periodBounds,
  VISIT_LINE_LABELS,
  VISIT_PURPOSE_LABELS,
  type VisitExportQuery,
  type VisitListQuery,
} from '@jingmin/shared';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { visits } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type ExportColumn, streamListExport } from '../../platform/list-export.js';
import { isDepartmentOnly, visibleUnits } from '../../platform/scope.js';
import { beijingTime } from '../reports/report-xlsx.js';
import { stationInScope } from '../settings/settings.service.js';
import { listUnit, visitFilterSql } from './visit-filter.js';
import { view, visitRows } from './visits.service.js';

type Filters = Omit<VisitListQuery, 'page' | 'pageSize'>;

/** The list's condition: the station (or the `unitId` subtree instead), in the actor's sight, and the filters. */
async function visitListWhere(ctx: Ctx, stationId: string, q: Filters): Promise<SQL> {
  const actor = actorOf(ctx);
  if (isDepartmentOnly(actor)) throw new AppError('FORBIDDEN');
  const station = await stationInScope(ctx, stationId);
  const unit = q.unitId ? await listUnit(ctx, q.unitId) : null;
  const bounds = q.from && q.to ? periodBounds({ from: q.from, to: q.to }, ctx.now()) : undefined;
  const filter = visitFilterSql({
    bounds,
    path: unit?.path ?? station.path,
    line: q.line,
    kind: q.kind,
    first: Boolean(q.first),
  });
  return (
    and(
      unit ? undefined : eq(visits.stationId, stationId),
      visibleUnits(actor, visits.unitPath, 'household.read'),
      filter,
    ) ?? filter
  );
}

/** The station's visits the actor sees, newest first, with whether each was evaluated. */
export async function listVisits(ctx: Ctx, stationId: string, query: VisitListQuery) {
  const where = await visitListWhere(ctx, stationId, query);
  const [total] = await ctx.db.select({ n: count() }).from(visits).where(where);
  const rows = await visitRows(ctx)
    .where(where)
    .orderBy(desc(visits.visitedAt), desc(visits.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(view), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}

type Row = ReturnType<typeof view>;

const yes = (b: boolean) => (b ? '是' : '否');

const COLUMNS: ExportColumn<Row>[] = [
  { header: { zh: '走访时间', en: 'Visited at' }, value: (r) => beijingTime(r.visitedAt), width: 18 },
  { header: { zh: '地址', en: 'Address' }, value: (r) => r.address, width: 36 },
  { header: { zh: '类型', en: 'Kind' }, value: (r) => ADDRESS_KIND_LABELS[r.householdKind].zh, width: 10 },
  { header: { zh: '企业/单位名称', en: 'Enterprise' }, value: (r) => r.householdName, width: 20 },
  { header: { zh: '条线', en: 'Line' }, value: (r) => VISIT_LINE_LABELS[r.line].zh, width: 14 },
  { header: { zh: '目的', en: 'Purpose' }, value: (r) => VISIT_PURPOSE_LABELS[r.purpose].zh, width: 18 },
  { header: { zh: '走访人', en: 'Visitor' }, value: (r) => r.staffName, width: 12 },
  {
    header: { zh: '同行人员', en: 'Companions' },
    value: (r) => [...r.companions.map((c) => c.name), ...(r.otherVisitors ? [r.otherVisitors] : [])].join('、'),
    width: 24,
  },
  { header: { zh: '住户已评价', en: 'Evaluated' }, value: (r) => yes(r.evaluated), width: 10 },
  { header: { zh: '转为事项', en: 'Raised a matter' }, value: (r) => yes(Boolean(r.raisedMatterId)), width: 10 },
  { header: { zh: '转为纠纷', en: 'Raised a dispute' }, value: (r) => yes(Boolean(r.raisedDisputeId)), width: 10 },
];

/** GET /stations/:id/visits/export: the list with its filters as XLSX, read a page at a time by (visited_at, id). */
export async function exportVisits(ctx: Ctx, stationId: string, q: VisitExportQuery) {
  const { reason, ...filters } = q;
  const where = await visitListWhere(ctx, stationId, filters);
  return streamListExport<Row>(
    ctx,
    {
      list: 'visits',
      title: { zh: '走访入户记录', en: 'Household visits' },
      columns: COLUMNS,
      page: async (after, limit) => {
        const rows = await visitRows(ctx)
          .where(
            and(
              where,
              after
                ? sql`(${visits.visitedAt}, ${visits.id}) < (${after.visitedAt}::timestamptz, ${after.id}::uuid)`
                : undefined,
            ),
          )
          .orderBy(desc(visits.visitedAt), desc(visits.id))
          .limit(limit);
        return rows.map(view);
      },
    },
    { reason, filters, targetId: stationId },
  );
}
