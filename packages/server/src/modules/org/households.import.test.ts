import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
});
afterAll(() => t.close());

function multipart(filename: string, content: Buffer) {
  const boundary = `----jm${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (client: Client, unitId: string, filename: string, content: Buffer) => {
  const { body, headers } = multipart(filename, content);
  return client.request('POST', `/api/v1/households/import?unitId=${unitId}`, body, headers);
};

type Report = { imported: number; failed: number; errors: { row: number; field: string; message: string }[] };

describe('household import', () => {
  it('imports the good rows of a CSV and reports each bad row by number, field and reason', async () => {
    const csv = [
      '\uFEFF网格,地址,门牌编码',
      'GA1,A村2组1号,IMP-1',
      'A村第2网格,A村2组2号,IMP-2',
      '不存在的网格,A村2组3号,IMP-3',
      'GA1,,IMP-4',
      'GA1,A村2组5号,IMP-1',
      'GA1,A村2组6号,A-1',
      `GA1,${'长'.repeat(201)},IMP-7`,
      'GA1,A村2组8号,IMP 8',
      '',
      'GA2,A村3组9号,IMP-9',
    ].join('\r\n');
    const res = await upload(officer, t.fx.units.stationA, 'households.csv', Buffer.from(csv));
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.imported).toBe(3);
    expect(report.failed).toBe(6);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [4, 'grid'],
      [5, 'address'],
      [6, 'doorplateCode'],
      [7, 'doorplateCode'],
      [8, 'address'],
      [9, 'doorplateCode'],
    ]);
    expect(report.errors[0]!.message).toContain('不存在的网格');
    const list = await officer.get(`/api/v1/households?unitId=${t.fx.units.stationA}&q=IMP`);
    expect((list.body as { total: number }).total).toBe(3);
  });

  it('imports an Excel file with English headers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('households');
    sheet.addRow(['grid', 'address', 'doorplateCode']);
    sheet.addRow(['GA2', 'A村4组1号', 'XLS-1']);
    sheet.addRow(['GB1', 'B村1组9号', 'XLS-2']);
    const res = await upload(
      officer,
      t.fx.units.stationA,
      'households.xlsx',
      Buffer.from(await book.xlsx.writeBuffer()),
    );
    expect(res.body).toMatchObject({ imported: 1, failed: 1 });
    // Station B's grid is outside the officer's station: not found there, not imported.
    expect((res.body as Report).errors[0]).toMatchObject({ row: 3, field: 'grid' });
  });

  it('refuses a file it cannot read, or one missing a column, with the reason', async () => {
    const garbage = await upload(officer, t.fx.units.stationA, 'x.xlsx', Buffer.from('not a spreadsheet at all'));
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ error: { code: 'IMPORT_FILE_INVALID' } });
    const missing = await upload(officer, t.fx.units.stationA, 'x.csv', Buffer.from('网格,地址\nGA1,A村'));
    expect(missing.status).toBe(400);
    expect((missing.body as { error: { message: string } }).error.message).toContain('门牌编码');
    const latin1 = await upload(
      officer,
      t.fx.units.stationA,
      'x.csv',
      Buffer.from([0x67, 0x72, 0x69, 0x64, 0x2c, 0xe9, 0xff, 0x0a]),
    );
    expect(latin1.status).toBe(400);
  });

  it('refuses a file over 5 MiB with 413, and an import outside the scope with 403', async () => {
    const big = await upload(officer, t.fx.units.stationA, 'big.csv', Buffer.alloc(6 * 1024 * 1024, 'a'));
    expect(big.status).toBe(413);
    const other = await upload(officer, t.fx.units.stationB, 'x.csv', Buffer.from('网格,地址,门牌编码\nGB1,B村,B-9'));
    expect(other.status).toBe(403);
    expect((await upload(await t.as('a.duty'), t.fx.units.stationA, 'x.csv', Buffer.from('a'))).status).toBe(403);
  });

  it('exports with a reason, a watermark, and an audit entry counting the rows', async () => {
    expect((await officer.get(`/api/v1/households/export?unitId=${t.fx.units.gridA1}`)).status).toBe(400);
    const res = await officer.get(
      `/api/v1/households/export?unitId=${t.fx.units.gridA1}&format=csv&reason=${encodeURIComponent('入户走访')}`,
    );
    expect(res.status).toBe(200);
    const text = String(res.body);
    expect(text).toContain('A村1组1号');
    expect(text).toMatch(/# a\.officer \d{4}-/);
    const auditor = await t.as('auditor');
    const trail = (await auditor.get('/api/v1/audit?action=household.export')).body as {
      items: { details: { rows: number; reason: string } }[];
    };
    expect(trail.items[0]!.details).toMatchObject({ reason: '入户走访' });
    expect(trail.items[0]!.details.rows).toBeGreaterThan(0);
  });
});
