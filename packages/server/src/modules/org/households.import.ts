/**
 * Household import from CSV or XLSX. Every row is checked on its own: good
 * rows are imported in one transaction, bad rows come back in a report with
 * their row number, field and reason. Nothing is dropped silently.
 */
import { HOUSEHOLD_UNIT_KINDS, type HouseholdImportResult, HouseholdImportRow } from '@jingmin/shared';
import { and, inArray } from 'drizzle-orm';
import { households, units } from '../../db/schema/index.js';
import { audit, type Ctx } from '../../platform/context.js';
import { randomToken } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { under } from '../../platform/scope.js';
import { getUnitInScope } from './org.service.js';

export const MAX_IMPORT_ROWS = 20_000;

const HEADER_ALIASES: Record<string, keyof HouseholdImportRow> = {
  grid: 'grid',
  网格: 'grid',
  网格名称: 'grid',
  网格编码: 'grid',
  address: 'address',
  地址: 'address',
  详细地址: 'address',
  doorplatecode: 'doorplateCode',
  门牌编码: 'doorplateCode',
  门牌号码: 'doorplateCode',
  门牌码: 'doorplateCode',
};

type RawRow = { row: number; values: Record<string, string> };
type ImportError = HouseholdImportResult['errors'][number];

async function readRows(file: Buffer, filename: string): Promise<string[][]> {
  const isXlsx = file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  // The parsers load on the first import: exceljs alone holds about 15 MB a process need not carry.
  if (isXlsx) {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new AppError('IMPORT_FILE_INVALID', { detail: 'no worksheet' });
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) =>
          v == null
            ? ''
            : typeof v === 'object' && 'text' in (v as object)
              ? String((v as { text: unknown }).text)
              : String(v),
        );
      rows[n - 1] = values;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  if (/\.(xls|xlsx)$/i.test(filename)) throw new AppError('IMPORT_FILE_INVALID', { detail: 'not a valid .xlsx file' });
  const textContent = file.toString('utf8');
  if (textContent.includes('\uFFFD')) throw new AppError('IMPORT_FILE_INVALID', { detail: 'CSV must be UTF-8' });
  const { parse } = await import('csv-parse/sync');
  try {
    return parse(textContent, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    throw new AppError('IMPORT_FILE_INVALID', { detail: (err as Error).message });
  }
}

function toRecords(table: string[][], locale: Ctx['locale']): RawRow[] {
  const [header, ...body] = table;
  const keys = (header ?? []).map((h) => HEADER_ALIASES[h.trim().toLowerCase().replace(/[\s_]/g, '')]);
  for (const needed of ['grid', 'address', 'doorplateCode'] as const) {
    if (!keys.includes(needed)) {
      throw new AppError('IMPORT_FILE_INVALID', {
        detail:
          locale === 'en'
            ? `missing column "${needed}" (expected grid, address, doorplateCode)`
            : `缺少“${needed}”列（应为：网格, 地址, 门牌编码）`,
      });
    }
  }
  if (body.length > MAX_IMPORT_ROWS)
    throw new AppError('IMPORT_FILE_INVALID', { detail: `more than ${MAX_IMPORT_ROWS} rows` });
  return body
    .map((cells, i) => ({
      row: i + 2,
      values: Object.fromEntries(keys.flatMap((k, c) => (k ? [[k, (cells[c] ?? '').trim()]] : []))),
    }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
}

export async function importHouseholds(
  ctx: Ctx,
  rootUnitId: string,
  file: Buffer,
  filename: string,
): Promise<HouseholdImportResult> {
  const root = await getUnitInScope(ctx, rootUnitId);
  const records = toRecords(await readRows(file, filename), ctx.locale);
  const targets = await ctx.db
    .select({ id: units.id, name: units.name, code: units.code, path: units.path })
    .from(units)
    .where(and(under(units.path, root.path), inArray(units.kind, [...HOUSEHOLD_UNIT_KINDS])));
  const errors: ImportError[] = [];
  const fail = (row: number, field: string, zh: string, en: string) =>
    errors.push({ row, field, message: ctx.locale === 'en' ? en : zh });
  const accepted: { row: number; unit: (typeof targets)[number]; address: string; doorplateCode: string }[] = [];
  const seen = new Set<string>();
  for (const { row, values } of records) {
    const parsed = HouseholdImportRow.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        fail(row, String(issue.path[0] ?? ''), `格式不正确：${issue.message}`, issue.message);
      continue;
    }
    const { grid, address, doorplateCode } = parsed.data;
    const byCode = targets.filter((t) => t.code === grid);
    const matches = byCode.length > 0 ? byCode : targets.filter((t) => t.name === grid);
    const [unit] = matches;
    if (!unit || matches.length > 1) {
      fail(
        row,
        'grid',
        matches.length === 0 ? `找不到网格“${grid}”` : `网格名称“${grid}”不唯一，请用网格编码`,
        matches.length === 0
          ? `no grid "${grid}" under ${root.name}`
          : `grid name "${grid}" is ambiguous; use its code`,
      );
      continue;
    }
    if (seen.has(doorplateCode)) {
      fail(
        row,
        'doorplateCode',
        `门牌编码 ${doorplateCode} 在文件中重复`,
        `doorplate code ${doorplateCode} appears twice in the file`,
      );
      continue;
    }
    seen.add(doorplateCode);
    accepted.push({ row, unit, address, doorplateCode });
  }
  const existing = new Set<string>();
  for (let i = 0; i < accepted.length; i += 1000) {
    const codes = accepted.slice(i, i + 1000).map((a) => a.doorplateCode);
    const found = await ctx.db
      .select({ code: households.doorplateCode })
      .from(households)
      .where(inArray(households.doorplateCode, codes));
    for (const f of found) existing.add(f.code);
  }
  const fresh = accepted.filter((a) => {
    if (!existing.has(a.doorplateCode)) return true;
    fail(
      a.row,
      'doorplateCode',
      `门牌编码 ${a.doorplateCode} 已存在`,
      `doorplate code ${a.doorplateCode} already exists`,
    );
    return false;
  });
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < fresh.length; i += 500) {
      await tx.insert(households).values(
        fresh.slice(i, i + 500).map((a) => ({
          unitId: a.unit.id,
          unitPath: a.unit.path,
          address: a.address,
          doorplateCode: a.doorplateCode,
          doorplateToken: randomToken(16),
        })),
      );
    }
    await audit(ctx, tx, {
      action: 'household.import',
      result: 'ok',
      targetType: 'unit',
      targetId: root.id,
      details: { filename, imported: fresh.length, failed: errors.length },
    });
  });
  errors.sort((a, b) => a.row - b.row);
  return { imported: fresh.length, failed: errors.length, errors };
}
