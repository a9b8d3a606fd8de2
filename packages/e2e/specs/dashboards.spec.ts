/**
 * 考核指标 in Chromium: the chief of 柳塘 opens the dashboard on a desktop and on a phone, drills from 按时办结率 to the
 * list of the matters it missed (超期办结或在办超期); the bureau compares its two stations and opens one of them.
 */
import { expect, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';

test('the chief reads the KPIs on a desktop and a phone and drills into the late matters', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'lt.chief');
  await page.goto('/console/dashboard?p=year');
  await expect(page.getByText('按时办结率').first()).toBeVisible();
  await expect(page.getByText('较上期').first()).toBeVisible();
  await expect(page.getByText('首次响应时长').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-chief-1440.png`, fullPage: true });

  await page.getByRole('link', { name: /^按时办结率：/ }).click();
  await expect(page).toHaveURL(/\/console\/desk\?kpi=resolve_late/);
  await expect(page.getByText(/考核指标：超期办结或在办超期/)).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-drill-1440.png`, fullPage: true });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/console/dashboard');
  await expect(page.getByText('按时签收率').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SHOTS}/dashboard-chief-375.png`, fullPage: true });
});

test('the bureau compares its stations and opens one', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'qh.bureau');
  await page.goto('/console/dashboard?p=year');
  await expect(page.getByText('城关派出所').first()).toBeVisible();
  await expect(page.getByText('柳塘派出所').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-bureau-1440.png`, fullPage: true });
  await page.getByRole('link', { name: '柳塘派出所' }).first().click();
  await expect(page).toHaveURL(/unitId=/);
  await expect(page.getByText('返回本单位').first()).toBeVisible();
});
