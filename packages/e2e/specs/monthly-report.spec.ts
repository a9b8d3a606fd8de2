/**
 * 监督、汇总、分析 in Chromium: the chief of 柳塘 reads every area of the dashboard on a desktop and a phone, generates a
 * past month's 月度工作报告, writes the commentary, publishes it and downloads its PDF (page 1 rendered and looked
 * at) and its workbook; then switches on 公开数据 and a resident opens the public page from the notice board's QR.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';
import { phonePage } from '../resident';

test.use({ actionTimeout: 20_000 });

const AREAS = [
  ['desk', '接处警'],
  ['disputes', '矛盾纠纷'],
  ['field', '社区警务'],
  ['rooms', '社区群'],
  ['warnings', '预警'],
  ['evaluations', '评价'],
] as const;

async function downloaded(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), path, head: readFileSync(path).subarray(0, 5).toString() };
}

const noOverflow = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);

test('the chief reads every area, on a desktop and a phone', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'lt.chief');
  for (const [width, height] of [
    [1440, 900],
    [375, 812],
    [320, 568],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const [tab] of AREAS) {
      await page.goto(`/console/dashboard?tab=${tab}&p=quarter`);
      await expect(page.locator('.ant-card').nth(2)).toBeVisible();
      await expect(page.getByText('上期').first()).toBeVisible();
      if (width < 400) await noOverflow(page);
      await page.screenshot({ path: `${SHOTS}/dashboard-${tab}-${width}.png`, fullPage: true });
    }
  }
});

test('the chief drills from 受理 of 矛盾纠纷 to its cases and exports them with a reason', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'lt.chief');
  await page.goto('/console/dashboard?tab=disputes&p=quarter');
  const figure = page.getByRole('link', { name: /^受理：查看清单/ });
  const shown = Number((await figure.innerText()).replace(/\D/g, ''));
  await figure.click();
  await expect(page).toHaveURL(/\/console\/disputes\?.*set=accepted/);
  await expect(page.getByText(/看板：期内受理的案件/)).toBeVisible();
  await expect(page.getByText(`共 ${shown} 件`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-drill-disputes-1440.png`, fullPage: true });
  await page.getByRole('button', { name: /导出 XLSX/ }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('向镇政府汇报本季度矛盾纠纷受理情况');
  const xlsx = await downloaded(page, () =>
    page
      .getByRole('dialog')
      .getByRole('button', { name: /^导\s*出$/ })
      .click(),
  );
  expect(xlsx.head.slice(0, 2)).toBe('PK');
});

test('the chief publishes a past month’s report and downloads its PDF and workbook', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'lt.chief');
  await page.goto('/console/reports?kind=station_monthly');
  await expect(page.getByText('报告档案').first()).toBeVisible();
  // Two months back: a whole past month, whatever the monthly job has drafted already.
  const now = new Date(Date.now() + 8 * 3_600_000);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString().slice(0, 7);
  await page.getByLabel('月份').fill(month);
  await page.getByLabel('月份').press('Enter');
  await page.getByRole('button', { name: /生\s*成/ }).click();
  await expect(page.getByText('报告已生成').first()).toBeVisible();
  await expect(page.getByText('按时办结率').first()).toBeVisible();
  await expect(page.getByText('化解率').first()).toBeVisible();

  const words = `本月群众诉求按时办结，矛盾纠纷化解率保持高位；下月重点做好冬季防火和反诈宣传。${Date.now()}`;
  await page.getByLabel('所长点评').fill(words);
  await page.getByRole('button', { name: '保存点评' }).click();
  await expect(page.getByText('点评已保存').first()).toBeVisible();
  await page.getByRole('button', { name: /^发\s*布$/ }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /^发\s*布$/ })
    .click();
  await expect(page.getByText('报告已发布').first()).toBeVisible();
  await expect(page.getByText(words)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/report-station-1440.png`, fullPage: true });

  const pdf = await downloaded(page, () => page.getByRole('button', { name: '下载 PDF' }).click());
  expect(pdf.head).toBe('%PDF-');
  expect(pdf.name).toMatch(/柳塘派出所.*\.pdf$/);
  // Page 1 as the township government would see it.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf.path,
    `${SHOTS}/report-pdf-1`,
  ]);
  const text = execFileSync('pdftotext', ['-l', '2', pdf.path, '-']).toString();
  expect(text).toContain('按时办结率');
  expect(text.replace(/\s/g, '')).toContain(words.slice(0, 12));
  const xlsx = await downloaded(page, () => page.getByRole('button', { name: '下载 XLSX' }).click());
  expect(xlsx.head.slice(0, 2)).toBe('PK');
  expect(xlsx.name).toMatch(/\.xlsx$/);
});

test('the chief switches on 公开数据 and a resident opens it from the QR', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'lt.chief');
  await page.goto('/console/public-figures');
  await expect(page.getByText('页面地址：')).toBeVisible();
  await expect(page.locator('svg').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/public-figures-chief-1440.png`, fullPage: true });
  const address = await page.getByRole('link', { name: /\/f\// }).first().getAttribute('href');
  expect(address).toMatch(/\/f\/[0-9a-f-]{36}$/);
  const path = new URL(address as string, 'http://localhost').pathname;

  const resident = await phonePage(browser);
  for (const [width, height] of [
    [375, 812],
    [320, 568],
  ] as const) {
    await resident.setViewportSize({ width, height });
    await resident.goto(path);
    await expect(resident.getByText('柳塘派出所 · 公开数据')).toBeVisible();
    await expect(resident.getByText('逐月数字')).toBeVisible();
    await noOverflow(resident);
    await resident.screenshot({ path: `${SHOTS}/public-figures-${width}.png`, fullPage: true });
  }
});
