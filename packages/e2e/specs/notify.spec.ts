/**
 * 通知设置 in 我的账号: an officer chooses channels and quiet hours, allows
 * browser notifications, and a test notification arrives as a system
 * notification through the live stream. Screenshots at phone and desktop sizes.
 */
import { expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';

/** Records every Notification the page creates (headless Chromium shows none on screen). */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const seen: { title: string; body: string }[] = [];
    (window as unknown as { __notes: typeof seen }).__notes = seen;
    class Recorded {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        seen.push({ title, body: options?.body ?? '' });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = Recorded;
  });
}

const card = (page: Page) => page.locator('.ant-card', { hasText: '通知设置' });

test('an officer sets channels and quiet hours, and a test notification reaches the browser', async ({ page }) => {
  await recordNotifications(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'lt.officer');
  await page.getByRole('menuitem', { name: '我的账号' }).click();
  await expect(card(page)).toBeVisible();
  // The demo officer has browser notifications and quiet hours 22:30–06:30.
  await expect(card(page).getByRole('checkbox', { name: /浏览器通知/ })).toBeChecked();
  await expect(card(page).getByText('22:30')).toBeVisible();
  await expect(card(page).getByText('未关联（由系统管理员在人员账号中填写）')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/notify-1440.png`, fullPage: true });

  await card(page).getByRole('checkbox', { name: /短信/ }).check();
  await card(page)
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.getByText('通知设置已保存')).toBeVisible();
  await card(page).getByRole('button', { name: '发送测试通知' }).click();
  await expect(card(page).getByText(/浏览器通知：已发送/)).toBeVisible();
  await expect(card(page).getByText(/短信：已发送/)).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __notes: { title: string }[] }).__notes.map((n) => n.title)),
    )
    .toContain('警民 · 测试通知');

  for (const [width, height] of [
    [375, 812],
    [320, 568],
  ] as const) {
    await page.setViewportSize({ width, height });
    await card(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/notify-${width}.png`, fullPage: true });
  }
});

test('the system administrator links an officer’s WeCom account, which the officer then reads', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'sysadmin');
  await page.getByRole('menuitem', { name: '人员账号' }).click();
  await page.getByPlaceholder('用户名或姓名').fill('lt.officer');
  await page.getByPlaceholder('用户名或姓名').press('Enter');
  const row = page.locator('.ant-table-row', { hasText: 'lt.officer' });
  await row.getByRole('button', { name: '企业微信' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('企业微信账号（UserID）').fill('HeWen');
  await page.screenshot({ path: `${SHOTS}/notify-wecom-link.png` });
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, 'lt.officer');
  await page.getByRole('menuitem', { name: '我的账号' }).click();
  await expect(card(page).getByText('HeWen')).toBeVisible();
});
