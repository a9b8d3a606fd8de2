import { expect, test } from '@playwright/test';
import { SHOTS } from '../fixtures';

test('the address in the README leads to sign-in, and tells residents they need none', async ({ page }) => {
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('群众无需登录')).toBeVisible();
});

test('an unknown page says so in Chinese and leads back', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await expect(page.getByText('紧急情况请立即拨打110')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/not-found-375.png` });
  await page.getByRole('link', { name: /工作人员登录/ }).click();
  await expect(page).toHaveURL(/\/login/);
});
