/** Export files carry a watermark line naming who exported them and when (J-05). */

function csvCell(value: string): string {
  // A leading = + - @ makes spreadsheets run a formula: neutralise it.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: string[][], watermark: string): string {
  const lines = table.map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n# ${csvCell(watermark)}\r\n`;
}

export async function toXlsx(table: string[][], watermark: string): Promise<Buffer> {
  // Loaded on the first export: exceljs costs about 15 MB that most processes never use.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('data');
  for (const row of table) sheet.addRow(row);
  sheet.headerFooter.oddFooter = watermark;
  sheet.addRow([]);
  sheet.addRow([watermark]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
