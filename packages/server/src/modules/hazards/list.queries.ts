/**
 * 隐患台账 and its export: a station's hazards the actor sees, filtered by status, kind, place, overdue, mine and a
 * dashboard figure's set (hazard-sets.ts: the same condition the figure counts), newest found first.
 */
import {
  HAZARD_SOURCE_LABELS,
  HAZARD_STATUS_LABELS,
  type HazardExportQuery,
  type HazardListItem,
  type HazardListQuery,
  type HazardPage,
  periodBounds,
  toCalendarDate,
} from '@jingmin/shared';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { hazards } from '../../db/schema/index.js';
import { actorOf, type Ctx } from '../../platform/context.js';
import { type ExportColumn, streamListExport } from '../../platform/list-export.js';
import { under, visibleUnits } from '../../platform/scope.js';
import { beijingTime } from '../reports/report-xlsx.js';
import { stationInScope } from '../settings/settings.service.js';
import { listUnit } from '../visits/visit-filter.js';
import { hazardSetSql, overdueSql } from './hazard-sets.js';
import { itemsQuery, toItem } from './hazards.queries.js';
import { hazardSettings } from './settings.js';

type Filters = Omit<HazardListQuery, 'page' | 'pageSize'>;

/** The register's condition: the station (or the `unitId` subtree instead, in sight), what the actor sees, the filters. */
async function hazardListWhere(ctx: Ctx, stationId: string, q: Filters): Promise<SQL | undefined> {
  await stationInScope(ctx, stationId);
  const actor = actorOf(ctx);
  const now = ctx.now();
  const unit = q.unitId ? await listUnit(ctx, q.unitId) : null;
  const bounds = q.from && q.to ? periodBounds({ from: q.from, to: q.to }, now) : null;
  return and(
    unit ? under(hazards.unitPath, unit.path) : eq(hazards.stationId, stationId),
    visibleUnits(actor, hazards.unitPath, 'field.read'),
    q.status ? eq(hazards.status, q.status) : undefined,
    q.kind ? eq(hazards.kind, q.kind) : undefined,
    q.overdue ? overdueSql(toCalendarDate(now)) : undefined,
    q.set ? hazardSetSql(q.set, bounds ?? { start: now, asOf: now }, now) : undefined,
    q.mine
      ? and(
          or(eq(hazards.responsibleId, actor.id), eq(hazards.foundBy, actor.id)),
          inArray(hazards.status, ['open', 'rectified']),
        )
      : undefined,
  );
}

/** A station's hazards the actor sees, newest found first (`mine`: soonest deadline first). */
export async function listHazards(ctx: Ctx, stationId: string, q: HazardListQuery): Promise<HazardPage> {
  const where = await hazardListWhere(ctx, stationId, q);
  const today = toCalendarDate(ctx.now());
  const [total] = await ctx.db.select({ n: count() }).from(hazards).where(where);
  const rows = await itemsQuery(ctx.db, where)
    .orderBy(...(q.mine ? [asc(hazards.deadlineOn)] : []), desc(hazards.foundAt), desc(hazards.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const s = await hazardSettings(ctx.db, stationId);
  return { items: rows.map((r) => toItem(r, s, today)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

const COLUMNS: ExportColumn<HazardListItem>[] = [
  { header: { zh: '发现时间', en: 'Found at' }, value: (h) => beijingTime(h.foundAt), width: 18 },
  { header: { zh: '村（社区）', en: 'Village' }, value: (h) => h.village?.name ?? '', width: 16 },
  { header: { zh: '地点', en: 'Place' }, value: (h) => h.place || h.unit.name, width: 30 },
  { header: { zh: '类别', en: 'Kind' }, value: (h) => h.kindName, width: 14 },
  { header: { zh: '来源', en: 'Source' }, value: (h) => HAZARD_SOURCE_LABELS[h.source].zh, width: 12 },
  { header: { zh: '整改责任方', en: 'To fix it' }, value: (h) => h.rectifier, width: 18 },
  { header: { zh: '跟踪责任人', en: 'Followed by' }, value: (h) => h.responsible.name, width: 12 },
  { header: { zh: '整改期限', en: 'Deadline' }, value: (h) => h.deadlineOn, width: 12 },
  { header: { zh: '状态', en: 'Status' }, value: (h) => HAZARD_STATUS_LABELS[h.status].zh, width: 10 },
  { header: { zh: '逾期', en: 'Overdue' }, value: (h) => (h.overdue ? '是' : '否'), width: 8 },
];

/** GET /stations/:id/hazards/export: the register with its filters as XLSX, a page at a time by (found_at, id). */
export async function exportHazards(ctx: Ctx, stationId: string, q: HazardExportQuery) {
  const { reason, ...filters } = q;
  const where = await hazardListWhere(ctx, stationId, filters);
  const today = toCalendarDate(ctx.now());
  const s = await hazardSettings(ctx.db, stationId);
  return streamListExport<HazardListItem>(
    ctx,
    {
      list: 'hazards',
      title: { zh: '隐患台账', en: 'Hazard register' },
      columns: COLUMNS,
      page: async (after, limit) => {
        const next = after
          ? sql`(${hazards.foundAt}, ${hazards.id}) < (${after.foundAt}::timestamptz, ${after.id}::uuid)`
          : undefined;
        const rows = await itemsQuery(ctx.db, and(where, next))
          .orderBy(desc(hazards.foundAt), desc(hazards.id))
          .limit(limit);
        return rows.map((r) => toItem(r, s, today));
      },
    },
    { reason, filters, targetId: stationId },
  );
}
