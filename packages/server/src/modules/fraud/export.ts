/**
 * 反诈预警指令清单导出: the list with its filters as XLSX, page by page in the list's order (newest received first).
 * Like the list, a row carries the masked name and phone only; the person's sealed data never leaves in a file.
 */
import {
  FRAUD_LEVEL_LABELS,
  FRAUD_OUTCOME_LABELS,
  FRAUD_STATUS_LABELS,
  FRAUD_TYPE_LABELS,
  type FraudExportQuery,
  labelOf,
} from '@jingmin/shared';
import { and, desc, sql } from 'drizzle-orm';
import { fraudInstructions } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { type ListExport, streamListExport } from '../../platform/list-export.js';
import { type InstructionRow, selectInstructions } from './fraud.view.js';
import { fraudListWhere } from './list-filter.js';

const f = fraudInstructions;
const beijing = (d: Date | null) =>
  d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

export async function exportInstructions(ctx: Ctx, q: FraudExportQuery) {
  const { reason, ...filters } = q;
  const where = await fraudListWhere(ctx, filters);
  const l = (label: { zh: string; en: string }) => labelOf(label, ctx.locale);
  const spec: ListExport<InstructionRow> = {
    list: 'fraud_instructions',
    title: { zh: '反诈预警指令', en: 'Anti-fraud instructions' },
    columns: [
      { header: { zh: '编号', en: 'Number' }, value: (r) => r.i.number, width: 18 },
      { header: { zh: '接收时间', en: 'Received' }, value: (r) => beijing(r.i.receivedAt), width: 17 },
      { header: { zh: '派出所', en: 'Station' }, value: (r) => r.stationName },
      { header: { zh: '村（社区）/网格', en: 'Place' }, value: (r) => r.placeName },
      { header: { zh: '姓名', en: 'Name' }, value: (r) => r.i.nameMasked, width: 10 },
      { header: { zh: '手机号', en: 'Phone' }, value: (r) => r.i.phoneMasked },
      { header: { zh: '诈骗类型', en: 'Fraud type' }, value: (r) => l(FRAUD_TYPE_LABELS[r.i.fraudType]) },
      { header: { zh: '等级', en: 'Level' }, value: (r) => l(FRAUD_LEVEL_LABELS[r.i.level]), width: 8 },
      { header: { zh: '状态', en: 'Status' }, value: (r) => l(FRAUD_STATUS_LABELS[r.i.status]), width: 8 },
      { header: { zh: '负责民警', en: 'Handler' }, value: (r) => r.assigneeName, width: 10 },
      { header: { zh: '联系时间', en: 'Contacted' }, value: (r) => beijing(r.i.contactedAt), width: 17 },
      {
        header: { zh: '核查结果', en: 'Outcome' },
        value: (r) => (r.i.outcome ? l(FRAUD_OUTCOME_LABELS[r.i.outcome]) : null),
        width: 10,
      },
      { header: { zh: '挽损金额（元）', en: 'Prevented (yuan)' }, value: (r) => r.i.amountPrevented },
      { header: { zh: '被骗金额（元）', en: 'Lost (yuan)' }, value: (r) => r.i.amountLost },
      { header: { zh: '核查人', en: 'Verified by' }, value: (r) => r.verifierName, width: 10 },
    ],
    page: (after, limit) =>
      selectInstructions(
        ctx.db,
        and(
          where,
          // The last row's own received_at (microseconds, not the JS date's milliseconds).
          after
            ? sql`(${f.receivedAt}, ${f.id}) < (SELECT x.received_at, x.id FROM ${f} x WHERE x.id = ${after.i.id})`
            : undefined,
        ),
      )
        .orderBy(desc(f.receivedAt), desc(f.id))
        .limit(limit),
  };
  return streamListExport(ctx, spec, { reason, filters });
}
