/**
 * 平安联盟 on a phone: a volunteer signs in with its phone and a one-time code, reports what it sees with a
 * photo, and the desk — open on a desktop — sees the 网格上报 arrive live, with the volunteer's name and the photo.
 */
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { lastSmsCode, SHOTS, signIn } from '../fixtures';

test('a volunteer reports what it sees with a photo and the desk sees it live', async ({ browser }) => {
  test.setTimeout(120_000);
  const desk = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signIn(desk, 'lt.duty');
  const session = await (await desk.request.get('/api/v1/auth/session')).json();
  const volunteers = await (
    await desk.request.get(`/api/v1/stations/${session.user.scopeUnitId}/volunteers?state=active`)
  ).json();
  const volunteer = volunteers[0] as { name: string; phoneMasked: string; unitName: string };
  expect(volunteer.phoneMasked).toMatch(/^1\d{10}$/);
  await desk.goto('/console/desk');
  await expect(desk.getByText('实时')).toBeVisible({ timeout: 30_000 });

  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await phone.goto('/volunteer');
  await phone.getByRole('textbox', { name: '手机号' }).fill(volunteer.phoneMasked);
  await phone.getByRole('button', { name: '获取验证码' }).click();
  await expect(phone.getByText('验证码已发送')).toBeVisible();
  const code = await lastSmsCode(volunteer.phoneMasked.slice(-4));
  await phone.getByRole('textbox', { name: '验证码' }).fill(code);
  await phone.getByRole('button', { name: '登录' }).click();
  await expect(phone).toHaveURL(/\/field$/);
  await phone.screenshot({ path: `${SHOTS}/volunteer-field-375.png` });
  await phone.locator('.adm-list-item').filter({ hasText: '民情上报' }).click();

  const text = `村口石桥护栏断了一截，晚上骑车经过很危险 ${Date.now() % 100000}`;
  await phone.getByPlaceholder('如：村口石桥护栏断了，晚上很危险').fill(text);
  await phone.getByRole('textbox', { name: '在哪里' }).fill('村口石桥');
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#7a8' } })
    .jpeg()
    .toBuffer();
  await phone.locator('input[type=file]').setInputFiles({ name: 'bridge.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(phone.getByRole('button', { name: '上报' })).toBeEnabled({ timeout: 20_000 });
  await phone.screenshot({ path: `${SHOTS}/volunteer-report-375.png` });
  await phone.getByRole('button', { name: '上报' }).click();
  await expect(phone.getByText(/已上报，回执号 JM\d{8}-\d{6}，值班台已收到/)).toBeVisible();
  const number = (await phone.getByText(/回执号/).innerText()).match(/JM\d{8}-\d{6}/)?.[0] ?? '';

  // The desk did not reload: the inbox shows it, and the alert names it.
  await expect(desk.getByText(`新事项 ${number}`)).toBeVisible({ timeout: 20_000 });
  await desk.getByText(number).first().click();
  const drawer = desk.getByRole('dialog');
  await expect(drawer.getByText(text)).toBeVisible();
  await expect(drawer.getByText(volunteer.name).first()).toBeVisible();
  await expect(drawer.locator('img').first()).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/volunteer-report-desk-1440.png` });
  await phone.close();
  await desk.close();
});
