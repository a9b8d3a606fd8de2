import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_URL: 'https://jingmin.example.gov.cn' });
});
afterAll(() => t.close());

function decode(png: PNG, crop?: { x: number; y: number; w: number; h: number }) {
  const area = crop ?? { x: 0, y: 0, w: png.width, h: png.height };
  const out = new Uint8ClampedArray(area.w * area.h * 4);
  for (let row = 0; row < area.h; row++) {
    const from = ((area.y + row) * png.width + area.x) * 4;
    out.set(png.data.subarray(from, from + area.w * 4), row * area.w * 4);
  }
  return jsQR(out, area.w, area.h)?.data;
}

const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;

describe('doorplates', () => {
  it('gives each household a QR code of its resident page', async () => {
    const officer = await t.as('a.officer');
    const res = await officer.get(`/api/v1/households/${t.fx.households.a[0]}/doorplate.png`);
    expect(res.headers['content-type']).toBe('image/png');
    expect(decode(PNG.sync.read(res.raw.rawPayload))).toBe(
      `https://jingmin.example.gov.cn/h/${t.fx.doorplateTokens.a[0]}`,
    );
    const svg = await officer.get(`/api/v1/households/${t.fx.households.a[0]}/doorplate.svg`);
    expect(String(svg.body)).toContain('<svg');
    expect(
      (await (await t.as('b.officer')).get(`/api/v1/households/${t.fx.households.a[0]}/doorplate.svg`)).status,
    ).toBe(403);
  });

  it('rotates a damaged plate: the old code stops working at once, the new one opens the page', async () => {
    const officer = await t.as('a.officer');
    const old = t.fx.doorplateTokens.a[1]!;
    const res = await officer.post(`/api/v1/households/${t.fx.households.a[1]}/doorplate/rotate`, {
      reason: '门牌被涂改',
    });
    const fresh = (res.body as { url: string }).url.split('/h/')[1]!;
    expect(fresh).not.toBe(old);
    const gone = await t.anonymous().get(`/api/v1/public/doorplates/${old}`);
    expect((await t.anonymous().get(`/api/v1/public/doorplates/${fresh}`)).status).toBe(200);
    // A rotated, a cut-off and a made-up code all get the same plain answer, revealing nothing.
    const cut = await t.anonymous().get(`/api/v1/public/doorplates/${fresh.slice(0, 9)}`);
    const madeUp = await t.anonymous().get('/api/v1/public/doorplates/doesnotexist123');
    for (const res of [gone, cut, madeUp]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(gone.body);
    }
  });

  it('prints a grid as an A4 PDF with the Chinese font embedded and codes that scan', async () => {
    const officer = await t.as('a.officer');
    expect((await officer.get(`/api/v1/units/${t.fx.units.gridA1}/doorplates.pdf`)).status).toBe(400);
    const res = await officer.get(
      `/api/v1/units/${t.fx.units.gridA1}/doorplates.pdf?reason=${encodeURIComponent('新装门牌')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.raw.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\+WenQuanYiMicroHei/); // embedded subset
    if (!hasPdftoppm) return; // CI installs poppler-utils; without it the scan is checked there
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-pdf-'));
    fs.writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
    spawnSync('pdftoppm', [
      '-png',
      '-r',
      '144',
      '-f',
      '1',
      '-l',
      '1',
      path.join(dir, 'sheet.pdf'),
      path.join(dir, 'page'),
    ]);
    const page = PNG.sync.read(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.png'))!)));
    fs.rmSync(dir, { recursive: true, force: true });
    const scale = 144 / 72;
    const text = decode(page, {
      x: Math.round(28 * scale),
      y: Math.round(60 * scale),
      w: Math.round(140 * scale),
      h: Math.round(130 * scale),
    });
    expect(text).toMatch(/^https:\/\/jingmin\.example\.gov\.cn\/h\/[A-Za-z0-9_-]{22}$/);
  });
});
