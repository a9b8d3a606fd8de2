/**
 * 事项清单导出 at a county's scale: 200,000 matters leave as one XLSX, streamed — the server reads a page, writes it
 * and waits for the client, so its memory stays about one page however long the list — and the file holds every row.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { submitAt } from '../../test/matters.js';

const ROWS = 200_000;
let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await buildTestApp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'jm-export-'));
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

/** Copies the one matter into `ROWS - 1` more, a minute apart, each with its own 回执号 and tracking hash. */
async function fillStation() {
  const db = t.deps.database.db;
  const columns = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'matters' ORDER BY ordinal_position`),
  ).map((c) => c.name);
  const fresh: Record<string, string> = {
    id: 'gen_random_uuid()',
    number: `m.number || '-' || g`,
    tracking_hash: `m.tracking_hash || '-' || g`,
    intake_key: 'NULL',
    external_no: 'NULL',
    created_at: `m.created_at - g * interval '1 minute'`,
  };
  const list = columns.map((c) => `"${c}"`).join(', ');
  const values = columns.map((c) => fresh[c] ?? `m."${c}"`).join(', ');
  await db.execute(
    sql.raw(`INSERT INTO matters (${list}) SELECT ${values} FROM matters m, generate_series(1, ${ROWS - 1}) g`),
  );
  await db.execute(sql`ANALYZE matters`);
}

describe('a 200,000-row export', () => {
  it('streams every row to the file while the server holds about a page', async () => {
    const chief = await t.as('a.chief');
    await submitAt(t, t.fx.doorplateTokens.a[0] as string, 'consult', '导出压力测试的事项');
    await fillStation();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = Object.entries(chief.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    // What the heap holds, not the garbage it has yet to collect: a full collection before each reading.
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, heap());
    }, 250);
    const file = path.join(dir, 'matters.xlsx');
    try {
      const res = await fetch(`${address}/api/v1/matters/export?reason=${encodeURIComponent('年度核查导出')}`, {
        headers: { cookie, 'accept-language': 'zh-CN' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('.xlsx');
      // A slow reader (a phone on a village's network) keeps the server waiting, not buffering.
      await pipeline(Readable.fromWeb(res.body as never), createWriteStream(file));
    } finally {
      clearInterval(sampler);
    }
    const grew = (peak - before) / 2 ** 20;
    // The whole list as rows in memory would be several hundred MB; a page of 1,000 is a few (4–6 MB measured).
    expect(grew, `heap grew ${grew.toFixed(0)} MB`).toBeLessThan(64);
    expect((await stat(file)).size).toBeGreaterThan(5 * 2 ** 20);

    // The file, read back as a stream too: the header, every matter, a blank line and the watermark.
    let rows = 0;
    let last = '';
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    for await (const sheet of reader)
      for await (const row of sheet) {
        rows += 1;
        last = String((row.values as unknown[])[1] ?? '');
      }
    expect(rows).toBe(ROWS + 2);
    expect(last).toContain('导出人');
    const [audited] = rowsOf<{ n: number }>(
      await t.deps.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'export.matters' AND details->>'rows' = ${String(ROWS)}`),
    );
    expect(audited?.n).toBe(1);
  }, 900_000);
});
