/**
 * 走访入户 on a phone where the signal drops: the officer opens the field page (its files kept by the service
 * worker), loses the network, opens the page again from the kept files and logs a visit at the door — kept on the phone — then the network returns: the
 * visit is sent once, and the household's rating QR appears and opens its evaluation.
 */
import { expect, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';

test.use({ viewport: { width: 375, height: 812 } });

test('an officer logs a visit offline; it syncs once when online and the household can rate it', async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, 'lt.officer');
  await page.goto('/field/visits');
  await expect(page.getByText(/待走访 \d+ 户/)).toBeVisible();
  const first = page
    .locator('.adm-list-item')
    .filter({ hasText: /青禾县柳塘镇/ })
    .first();
  const address = (await first.locator('.adm-list-item-content-main').first().innerText()).split('\n')[0]!.trim();
  // The service worker keeps the app's files for the next time there is no signal; the page says when all are kept.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect(page.locator('html[data-offline-ready="1"]')).toHaveCount(1, { timeout: 30_000 });

  // The signal drops; the page opens again from the kept files, for the account seen last, with who is due.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText(/待走访 \d+ 户/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('没有网络：登记的走访先保存在手机上，联网后自动提交')).toBeVisible();
  await page.locator('.adm-list-item').filter({ hasText: address }).first().click();
  await page.getByPlaceholder('如：宣传反诈，检查用电安全').fill('离线登记：宣传反诈，检查电动车充电');
  await page.getByRole('button', { name: '登记走访' }).click();
  await expect(page.getByText('本机记录（1 条待提交）')).toBeVisible();
  await expect(page.getByText('等待网络')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/field-visit-offline-375.png` });

  await context.setOffline(false);
  await expect(page.getByText('本机记录（0 条待提交）')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('已提交')).toBeVisible();
  // Sent once: the station's list holds this visit a single time.
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const unit = await (await page.request.get(`/api/v1/units/${session.user.scopeUnitId}`)).json();
  const list = await (await page.request.get(`/api/v1/stations/${unit.id}/visits?pageSize=50`)).json();
  const mine = list.items.filter(
    (v: { address: string; note: string | null }) => v.address === address && v.note?.startsWith('离线登记'),
  );
  expect(mine).toHaveLength(1);

  // The household's rating request: the QR on the phone opens its evaluation.
  await page.getByRole('button', { name: '请住户评价' }).click();
  const qr = page.locator('[data-url]');
  await expect(qr.getByText('请住户扫码评价')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/field-visit-synced-375.png` });
  const url = await qr.getAttribute('data-url');
  expect(url).toMatch(/\/e\/[A-Za-z0-9_-]{20,}$/);
  const resident = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await resident.goto(url!);
  await expect(resident.getByText(/走访入户/).first()).toBeVisible();
  await resident.close();
});
