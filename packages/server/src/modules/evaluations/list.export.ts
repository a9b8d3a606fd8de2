/**
 * 评价清单导出 (`GET /evaluations/export`): the evaluations list with the same filters as XLSX, read a page at a time
 * by keyset (newest first) through the list's own query, so the file holds exactly the list's rows.
 */
import {
  EVALUATION_TYPE_LABELS,
  type EvaluationExportQuery,
  type EvaluationListItem,
  labelOf,
  REVIEW_STATUS_LABELS,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.js';
import type { Ctx } from '../../platform/context.js';
import { type ExportColumn, streamListExport } from '../../platform/list-export.js';
import { type EvaluationRow, evaluationRows, LIST_COLUMNS, presentEvaluation } from './list.queries.js';

const beijing = (v: string | null) =>
  v ? new Date(new Date(v).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

const STATE_LABELS: Record<EvaluationListItem['state'], { zh: string; en: string }> = {
  counted: { zh: '已评价', en: 'Answered' },
  flagged: { zh: '待确认', en: 'To confirm' },
  expired: { zh: '过期未评价', en: 'Expired' },
  open: { zh: '待评价', en: 'Open' },
};

function columns(ctx: Ctx): ExportColumn<EvaluationListItem>[] {
  const l = (label: { zh: string; en: string }) => labelOf(label, ctx.locale);
  const en = ctx.locale === 'en';
  return [
    { header: { zh: '类型', en: 'Type' }, value: (r) => l(EVALUATION_TYPE_LABELS[r.type]), width: 16 },
    { header: { zh: '派出所', en: 'Station' }, value: (r) => r.stationName },
    { header: { zh: '被评价人', en: 'Rated officer' }, value: (r) => r.officerName },
    { header: { zh: '发出时间', en: 'Requested' }, value: (r) => beijing(r.createdAt), width: 18 },
    { header: { zh: '评价时间', en: 'Answered' }, value: (r) => beijing(r.answeredAt), width: 18 },
    { header: { zh: '状态', en: 'State' }, value: (r) => l(STATE_LABELS[r.state]) },
    {
      header: { zh: '满意度', en: 'Satisfaction' },
      value: (r) =>
        r.satisfied === null ? null : r.satisfied ? (en ? 'Satisfied' : '满意') : en ? 'Unsatisfied' : '不满意',
    },
    {
      header: { zh: '复核', en: 'Review' },
      value: (r) => (r.reviewStatus ? l(REVIEW_STATUS_LABELS[r.reviewStatus]) : null),
    },
  ];
}

/** The export's file, streamed; the reason and filters are audited as `export.evaluations` before the first row. */
export async function exportEvaluations(ctx: Ctx, query: EvaluationExportQuery) {
  const { reason, ...filters } = query;
  return streamListExport<EvaluationListItem>(
    ctx,
    {
      list: 'evaluations',
      title: { zh: '评价清单', en: 'Evaluations' },
      columns: columns(ctx),
      page: async (last, limit) => {
        const after = last
          ? sql`AND (base.created_at, base.id) < (${last.createdAt}::timestamptz, ${last.id}::uuid)`
          : sql``;
        const statement = await evaluationRows(
          ctx,
          filters,
          LIST_COLUMNS,
          sql`${after} ORDER BY base.created_at DESC, base.id DESC LIMIT ${limit}`,
        );
        return rowsOf<EvaluationRow>(await ctx.db.execute(statement)).map(presentEvaluation);
      },
    },
    { reason, filters, targetId: filters.unitId },
  );
}
