/**
 * 预警与宣传清单导出: the staff list with its filters as XLSX, page by page in the list's own order (newest first),
 * each page's reach read in one grouped statement like the list's — delivered, opened and acknowledged as stored.
 */
import {
  DEFAULT_WARNING_RULES,
  labelOf,
  WARNING_PRIORITY_LABELS,
  WARNING_STATUS_LABELS,
  type WarningExportQuery,
  type WarningReachTotals,
} from '@jingmin/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { staff, units, warnings } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { type ListExport, streamListExport } from '../../platform/list-export.js';
import { warningListWhere } from './list-filter.js';
import { categoryLabel, stationsRules } from './settings.js';
import { reachTotals } from './warnings.view.js';

type Row = {
  w: typeof warnings.$inferSelect;
  stationName: string;
  authorName: string;
  category: string;
  reach: WarningReachTotals | undefined;
};

const beijing = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

export async function exportWarnings(ctx: Ctx, q: WarningExportQuery) {
  const { reason, ...filters } = q;
  const where = await warningListWhere(ctx, filters);
  const l = (label: { zh: string; en: string }) => labelOf(label, ctx.locale);
  const spec: ListExport<Row> = {
    list: 'warnings',
    title: { zh: '预警与宣传', en: 'Notices' },
    columns: [
      { header: { zh: '标题', en: 'Title' }, value: (r) => r.w.title, width: 36 },
      { header: { zh: '类别', en: 'Category' }, value: (r) => r.category },
      { header: { zh: '等级', en: 'Priority' }, value: (r) => l(WARNING_PRIORITY_LABELS[r.w.priority]), width: 8 },
      { header: { zh: '状态', en: 'Status' }, value: (r) => l(WARNING_STATUS_LABELS[r.w.status]), width: 10 },
      { header: { zh: '派出所', en: 'Station' }, value: (r) => r.stationName },
      { header: { zh: '起草人', en: 'Author' }, value: (r) => r.authorName, width: 10 },
      { header: { zh: '发布时间', en: 'Sent' }, value: (r) => beijing(r.w.sentAt), width: 17 },
      { header: { zh: '过期时间', en: 'Expires' }, value: (r) => beijing(r.w.expiresAt), width: 17 },
      { header: { zh: '送达户数', en: 'Households' }, value: (r) => r.reach?.deliveredHouseholds ?? 0, width: 10 },
      { header: { zh: '短信送达', en: 'SMS' }, value: (r) => r.reach?.deliveredPhones ?? 0, width: 10 },
      { header: { zh: '查看', en: 'Opened' }, value: (r) => r.reach?.opened ?? 0, width: 8 },
      { header: { zh: '知晓', en: 'Acknowledged' }, value: (r) => r.reach?.acknowledged ?? 0, width: 8 },
      { header: { zh: '回复', en: 'Replies' }, value: (r) => r.reach?.replies ?? 0, width: 8 },
    ],
    async page(after, limit) {
      const rows = await ctx.db
        .select({ w: warnings, stationName: units.name, authorName: staff.displayName })
        .from(warnings)
        .innerJoin(units, eq(units.id, warnings.stationId))
        .innerJoin(staff, eq(staff.id, warnings.authorId))
        .where(
          and(
            where,
            // The last row's own created_at (microseconds, not the JS date's milliseconds).
            after
              ? sql`(${warnings.createdAt}, ${warnings.id}) < (SELECT x.created_at, x.id FROM ${warnings} x WHERE x.id = ${after.w.id})`
              : undefined,
          ),
        )
        .orderBy(desc(warnings.createdAt), desc(warnings.id))
        .limit(limit);
      const ws = rows.map((r) => r.w);
      const [reach, rules] = await Promise.all([
        reachTotals(ctx.db, ws),
        stationsRules(
          ctx.db,
          ws.map((w) => w.stationId),
        ),
      ]);
      return rows.map((r) => ({
        ...r,
        category: categoryLabel(rules.get(r.w.stationId) ?? DEFAULT_WARNING_RULES, r.w.category, ctx.locale),
        reach: reach.get(r.w.id),
      }));
    },
  };
  return streamListExport(ctx, spec, { reason, filters });
}
