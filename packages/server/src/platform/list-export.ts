/**
 * 清单导出: every console list exports as XLSX the way the household export does — with a reason (audited, with the
 * filters, before the first row leaves; the row count audited when the file is complete) and a watermark naming who
 * exported it and when — and streamed: rows are read a page at a time by keyset and written as they come, so a
 * 200,000-row export holds one page in memory, never the whole file.
 *
 * A list gives its columns and a `page(after, limit)` that reads the next rows after the last one written, in a
 * stable order, with the same filter (the same where-builder) as the list itself.
 */
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { actorOf, auditAlone, type Ctx } from './context.js';

/** Rows read per statement: a page is all the export holds at once. */
export const EXPORT_PAGE = 1000;

/** `?reason=` (导出事由), required on every export: 2–200 characters, audited. */
export const ExportReason = z.object({ reason: z.string().trim().min(2).max(200) });

export interface ExportColumn<R> {
  header: { zh: string; en: string };
  value: (row: R) => string | number | null | undefined;
  /** Characters wide (about); 14 when not given. */
  width?: number;
}

export interface ListExport<R> {
  /** The list's name: the audit action is `export.<list>`. */
  list: string;
  /** The sheet's and the file's name. */
  title: { zh: string; en: string };
  columns: ExportColumn<R>[];
  /** Up to `limit` rows after `after` (null: from the first), in a stable order. */
  page(after: R | null, limit: number): Promise<R[]>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `导出人 张三（zhangsan） 2026-12-02 21:30:05 北京时间` — on each sheet's footer and its last line. */
export function exportWatermark(ctx: Ctx): string {
  const actor = actorOf(ctx);
  const at = new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  return ctx.locale === 'en'
    ? `Exported by ${actor.displayName} (${actor.username}) at ${at} Beijing time`
    : `导出人 ${actor.displayName}（${actor.username}） ${at} 北京时间`;
}

/** A formula-looking text (= + - @) is written as text, never run by the spreadsheet. */
function cell(v: string | number | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export interface ExportHeaders {
  type: string;
  disposition: string;
}

/**
 * Audits the export (who, reason, filters), then returns the file as a stream the route sends; rows are written
 * page by page as the client reads (back-pressure: a slow download does not pile pages up in memory).
 */
export async function streamListExport<R>(
  ctx: Ctx,
  spec: ListExport<R>,
  input: { reason: string; filters: Record<string, unknown>; targetId?: string },
): Promise<{ stream: PassThrough; headers: ExportHeaders }> {
  await auditAlone(ctx, {
    action: `export.${spec.list}`,
    result: 'ok',
    targetType: 'list',
    targetId: input.targetId ?? null,
    details: { reason: input.reason, filters: input.filters },
  });
  const en = ctx.locale === 'en';
  const title = en ? spec.title.en : spec.title.zh;
  const watermark = exportWatermark(ctx);
  const stream = new PassThrough();
  // Loaded on the first export: exceljs costs about 15 MB that most processes never use.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet(title.slice(0, 31));
  sheet.headerFooter.oddFooter = watermark;
  sheet.columns = spec.columns.map((c) => ({ header: en ? c.header.en : c.header.zh, width: c.width ?? 14 }));
  const write = async () => {
    let after: R | null = null;
    let rows = 0;
    for (;;) {
      const page = await spec.page(after, EXPORT_PAGE);
      for (const row of page) sheet.addRow(spec.columns.map((c) => cell(c.value(row)))).commit();
      rows += page.length;
      // Wait for the client to take what is written before reading the next page.
      if (stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
      if (page.length < EXPORT_PAGE) break;
      after = page[page.length - 1] ?? null;
    }
    sheet.addRow([]).commit();
    sheet.addRow([watermark]).commit();
    sheet.commit();
    await book.commit();
    return rows;
  };
  write().then(
    (rows) =>
      auditAlone(ctx, {
        action: `export.${spec.list}`,
        result: 'ok',
        targetType: 'list',
        targetId: input.targetId ?? null,
        details: { reason: input.reason, rows, completed: true },
      }).catch((err) => ctx.log.error({ err }, 'export audit failed')),
    (err) => {
      ctx.log.error({ err, list: spec.list }, 'export failed');
      stream.destroy(err instanceof Error ? err : new Error(String(err)));
    },
  );
  const file = `${title}-${new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10)}.xlsx`;
  return {
    stream,
    headers: { type: XLSX_TYPE, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file)}` },
  };
}
