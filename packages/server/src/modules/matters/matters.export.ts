/**
 * 事项清单导出 (`GET /matters/export`): the desk list with the same filters as XLSX, read a page at a time by keyset
 * (newest first) through the list's own where-builder, so the file holds exactly the list's rows. The resident's
 * phone is never exported; the text is as staff see it (a deleted one reads as deleted).
 */
import {
  labelOf,
  MATTER_CHANNEL_LABELS,
  MATTER_KIND_LABELS,
  MATTER_STATUS_LABELS,
  type MatterExportQuery,
  RATING_LABELS,
  shownBody,
  URGENCY_LABELS,
} from '@jingmin/shared';
import { and, desc, type SQL, sql } from 'drizzle-orm';
import { matters } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { type ExportColumn, streamListExport } from '../../platform/list-export.js';
import { deadlineNow } from './deadline-now.js';
import { matterListWhere } from './list.where.js';
import { type LoadedMatter, selectLoaded } from './matters.service.js';

/** An instant as Beijing time, `YYYY-MM-DD HH:mm`. */
const beijing = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

function columns(ctx: Ctx): ExportColumn<LoadedMatter>[] {
  const l = (label: { zh: string; en: string }) => labelOf(label, ctx.locale);
  const yes = ctx.locale === 'en' ? 'Yes' : '是';
  return [
    { header: { zh: '回执号', en: 'Number' }, value: (m) => m.number, width: 20 },
    { header: { zh: '派出所', en: 'Station' }, value: (m) => m.stationName },
    { header: { zh: '类型', en: 'Kind' }, value: (m) => l(MATTER_KIND_LABELS[m.kind]) },
    { header: { zh: '渠道', en: 'Channel' }, value: (m) => l(MATTER_CHANNEL_LABELS[m.channel]) },
    { header: { zh: '警情/工单编号', en: '110/12345 no.' }, value: (m) => m.externalNo, width: 18 },
    { header: { zh: '状态', en: 'Status' }, value: (m) => l(MATTER_STATUS_LABELS[m.status]) },
    { header: { zh: '紧急程度', en: 'Urgency' }, value: (m) => l(URGENCY_LABELS[m.urgency]) },
    { header: { zh: '内容', en: 'Text' }, value: (m) => shownBody(m, ctx.locale), width: 50 },
    { header: { zh: '地址', en: 'Address' }, value: (m) => m.address, width: 30 },
    { header: { zh: '提交时间', en: 'Submitted' }, value: (m) => beijing(m.createdAt), width: 18 },
    { header: { zh: '办结期限', en: 'Resolve by' }, value: (m) => beijing(m.resolveDueAt), width: 18 },
    { header: { zh: '办结时间', en: 'Resolved' }, value: (m) => beijing(m.resolvedAt), width: 18 },
    {
      header: { zh: '超期', en: 'Overdue' },
      value: (m) => (deadlineNow(m, ctx.now()).overdue ? yes : null),
      width: 8,
    },
    { header: { zh: '办结情况', en: 'Outcome' }, value: (m) => m.outcome, width: 40 },
    { header: { zh: '评价', en: 'Rating' }, value: (m) => (m.rating ? l(RATING_LABELS[m.rating]) : null) },
  ];
}

/** The export's file, streamed; the reason and filters are audited as `export.matters` before the first row. */
export async function exportMatters(ctx: Ctx, query: MatterExportQuery) {
  const { reason, ...filters } = query;
  const where = await matterListWhere(ctx, filters);
  const after = (m: LoadedMatter | null): SQL | undefined =>
    m
      ? sql`(${matters.createdAt}, ${matters.id}) < (${m.createdAt.toISOString()}::timestamptz, ${m.id}::uuid)`
      : undefined;
  return streamListExport<LoadedMatter>(
    ctx,
    {
      list: 'matters',
      title: { zh: '事项清单', en: 'Matters' },
      columns: columns(ctx),
      page: async (last, limit) => {
        const rows = await selectLoaded(ctx.db)
          .where(and(where, after(last)))
          .orderBy(desc(matters.createdAt), desc(matters.id))
          .limit(limit);
        return rows.map((r) => ({ ...r.matter, address: r.address, stationName: r.stationName }));
      },
    },
    { reason, filters, targetId: filters.unitId },
  );
}
