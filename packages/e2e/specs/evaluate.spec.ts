/**
 * 五必评 in Chromium: a resident on a phone scans the station's window QR, names
 * the service and rates the window and the staff; the link then says it was
 * used. The desk's meeting page shows a meeting's attendance QR.
 */
import { expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

/** A staff call from the signed-in console page (its cookie and CSRF token). */
async function staffCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { data: body } : {}),
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

test('a resident scans the window QR on a phone, names the service and rates', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'lt.chief');
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const stationId: string = session.user.scopeUnitId;
  const { url } = await staffCall<{ url: string }>(page, 'POST', `/stations/${stationId}/window-qr`);
  const scanPath = url.slice(url.indexOf('/api/v1/'));

  // The resident's own phone: no staff cookie.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  const resident = await phone.newPage();
  await resident.goto(scanPath);
  await expect(resident).toHaveURL(/\/e\/[A-Za-z0-9_-]{20,}$/);
  await expect(resident.getByRole('heading', { name: /派出所/ })).toBeVisible();
  await expect(resident.getByText('您这次办理的是什么业务？')).toBeVisible();
  await resident.screenshot({ path: `${SHOTS}/evaluate-375-empty.png`, fullPage: true });

  // Sending without answers names the first required question.
  await resident.getByRole('button', { name: '提交评价' }).click();
  await expect(resident.getByRole('alert')).toContainText('第 1 题');

  await resident.getByText('居住证', { exact: true }).click();
  await resident.getByText('不满意', { exact: true }).click();
  // 不满意 asks what went wrong; 满意 skips it again.
  await expect(resident.getByText('哪里做得不好？')).toBeVisible();
  await resident.getByText('满意', { exact: true }).click();
  await expect(resident.getByText('哪里做得不好？')).toHaveCount(0);
  await resident.locator('.adm-rate-star').nth(4).click();
  await expect(resident.getByText('5 星')).toBeVisible();
  await resident.getByRole('textbox').fill('窗口民警讲得很清楚，谢谢');
  await expect(resident.getByRole('alert')).toHaveCount(0);
  await resident.screenshot({ path: `${SHOTS}/evaluate-375-filled.png`, fullPage: true });
  await resident.getByRole('button', { name: '提交评价' }).click();
  await expect(resident.getByText('感谢您的评价')).toBeVisible();
  await resident.screenshot({ path: `${SHOTS}/evaluate-375-thanks.png`, fullPage: true });

  // The same link again: used, in plain words.
  await resident.reload();
  await expect(resident.getByText('这次评价已经提交过了')).toBeVisible();

  // A second scan is a fresh evaluation; in elder mode on a small phone.
  await resident.setViewportSize({ width: 320, height: 568 });
  await resident.goto(scanPath);
  await resident.getByRole('button', { name: /长辈模式/ }).click();
  await expect(resident.getByText('您这次办理的是什么业务？')).toBeVisible();
  await resident.screenshot({ path: `${SHOTS}/evaluate-320-elder.png`, fullPage: true });
  await phone.close();
});

test('the desk records a meeting and shows its attendance QR', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'lt.duty');
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const stationId: string = session.user.scopeUnitId;
  await staffCall(page, 'POST', `/stations/${stationId}/meetings`, {
    type: 'community_dialogue',
    place: '东关村村委会二楼会议室',
    heldAt: new Date().toISOString(),
    hostStaffId: session.user.id,
  });
  await page.goto('/console/meetings');
  await expect(page.getByText('东关村村委会二楼会议室').first()).toBeVisible();
  await page.getByRole('button', { name: '出示二维码' }).first().click();
  await expect(page.getByAltText('到会二维码')).toBeVisible();
  // Let the dialog finish opening before the picture.
  await expect(page.locator('.ant-modal')).toHaveCSS('opacity', '1');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/meetings-1440.png` });
});
