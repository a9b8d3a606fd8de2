/** The product's reports (分析报告): one per kind, unit and month; drafted, commented, published, exported. */
import { z } from 'zod';
import { Shown, text } from './common.js';

export const REPORT_STATUSES = ['draft', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** `YYYY-MM`. */
export const ReportPeriod = text(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM 格式的月份');

export const GenerateReportInput = z
  .object({
    /** The report kind, e.g. `dispute_monthly`. */
    kind: text(40, 1),
    /** The month, `YYYY-MM`: a past month or the current one. */
    period: ReportPeriod,
  })
  .strict();
export type GenerateReportInput = z.infer<typeof GenerateReportInput>;

export const ReportListQuery = z.object({ kind: text(40, 1).optional() }).strict();
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const CommentaryInput = z
  .object({
    /** The chief's commentary (所长点评), plain text. */
    commentary: text(5000),
    /** The version read: a stale one is refused with CONFLICT. */
    version: z.number().int().positive(),
  })
  .strict();
export type CommentaryInput = z.infer<typeof CommentaryInput>;

const ReportBase = {
  id: z.uuid(),
  kind: Shown,
  /** The kind's title, e.g. 矛盾纠纷每月综合分析. */
  title: Shown,
  unitId: z.uuid(),
  unitName: Shown,
  period: Shown,
  status: z.enum(REPORT_STATUSES),
  generatedAt: z.iso.datetime(),
  /** Who generated it (null: the monthly job). */
  generatedBy: Shown.nullable(),
  publishedAt: z.iso.datetime().nullable(),
  publishedBy: Shown.nullable(),
  version: z.number().int(),
};

export const ReportListItem = z.object(ReportBase);
export type ReportListItem = z.infer<typeof ReportListItem>;

export const ReportList = z.object({ items: z.array(ReportListItem) });
export type ReportList = z.infer<typeof ReportList>;

export const ReportView = z.object({
  ...ReportBase,
  commentary: Shown,
  /** The kind's figures (for `dispute_monthly`: shared `DisputeMonthlyFigures`). */
  figures: z.record(Shown, z.unknown()),
  /** What the reader may do: `commentary`, `publish`, `generate`. */
  allowedActions: z.array(z.enum(['commentary', 'publish', 'generate'])),
});
export type ReportView = z.infer<typeof ReportView>;
