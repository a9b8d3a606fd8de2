/**
 * 隐患登记 on a phone where the signal drops: the officer opens the hazard page (the station's kinds and its
 * villages kept on the phone), loses the network and records a hazard with a photo — kept on the phone with the
 * photo — then the network returns: the photo and the hazard are sent once, and the hazard is in my list.
 */
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { SHOTS, signIn } from '../fixtures';

test.use({ viewport: { width: 375, height: 812 } });

test('an officer records a hazard with a photo offline; it syncs once when online and is in the list', async ({
  page,
  context,
}) => {
  const stamp = Date.now().toString().slice(-6);
  const place = `村口石桥北侧 ${stamp}`;
  const description = `离线登记：石桥护栏断裂约两米，夜间无照明 ${stamp}`;
  await signIn(page, 'lt.officer');
  await page.goto('/field/hazard');
  await expect(page.getByText(/我的隐患（跟踪或发现、未销号）\d+ 条/)).toBeVisible();
  // The page keeps what it needs offline (kinds, villages and grids, my hazards); the worker keeps the files.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const k = JSON.parse(localStorage.getItem('jingmin-field-hazard') ?? '{}');
        return Boolean(k.settings && k.places?.length && k.mine);
      }),
    )
    .toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect(page.locator('html[data-offline-ready="1"]')).toHaveCount(1, { timeout: 30_000 });

  await context.setOffline(true);
  await expect(page.getByText('没有网络：登记的隐患和整改先保存在手机上，联网后自动提交')).toBeVisible();
  await page.getByRole('button', { name: '登记隐患' }).click();
  await page.getByRole('button', { name: '点此选择' }).click();
  await expect(page.getByText('没有网络：只能选村或网格，联网后可按门牌地址搜索')).toBeVisible();
  await page.locator('.adm-popup .adm-list-item').first().click();
  await page.getByLabel('具体地点').fill(place);
  await page.getByText('交通安全', { exact: true }).click();
  await page.getByLabel('隐患情况').fill(description);
  await page.getByLabel('整改责任方').fill('柳塘镇交管站');
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8a7' } })
    .jpeg()
    .toBuffer();
  await page.getByLabel('拍照或选择照片').setInputFiles({ name: 'bridge.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(page.getByRole('img', { name: '照片 1' })).toBeVisible();
  await page.getByRole('button', { name: '登记隐患' }).click();

  await expect(page.getByText('本机记录（1 条待提交）')).toBeVisible();
  await expect(page.getByText('等待网络')).toBeVisible();
  await expect(page.getByText(/隐患登记 · 1 张照片/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/field-hazard-offline-375.png` });

  await context.setOffline(false);
  await expect(page.getByText('本机记录（0 条待提交）')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('已提交')).toBeVisible();
  await expect(page.locator('.adm-list-item').filter({ hasText: place })).toHaveCount(2);

  // Sent once: the station holds one hazard at this place, with its words and its photo.
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const unit = await (await page.request.get(`/api/v1/units/${session.user.scopeUnitId}`)).json();
  const list = await (await page.request.get(`/api/v1/stations/${unit.id}/hazards?pageSize=100`)).json();
  const ours = list.items.filter((h: { place: string }) => h.place === place);
  expect(ours).toHaveLength(1);
  const hazard = await (await page.request.get(`/api/v1/hazards/${ours[0].id}`)).json();
  expect(hazard).toMatchObject({ description, kindName: '交通安全', status: 'open', rectifier: '柳塘镇交管站' });
  expect(hazard.photos.found).toHaveLength(1);
  await page.screenshot({ path: `${SHOTS}/field-hazard-synced-375.png` });
});
