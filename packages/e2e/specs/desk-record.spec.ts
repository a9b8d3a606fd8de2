/**
 * 登记事项: the desk records a non-police matter handed down by 110 for a caller, tells the caller the
 * 回执号, and finds it again by its channel and its 警情编号 — on a desktop and on a phone.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';

async function openForm(page: Page): Promise<Locator> {
  await page.goto('/console/desk');
  await page.getByRole('button', { name: '登记事项' }).click();
  const form = page.getByRole('dialog', { name: '登记事项' });
  await expect(form).toBeVisible();
  return form;
}

test('the desk records a 110 handover for a caller, reads out its number and finds it by 警情编号', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'lt.duty');
  const drawer = await openForm(page);
  await drawer.getByText('110', { exact: true }).click();
  const no = `20261123${String(Date.now()).slice(-5)}`;
  await drawer.getByLabel('警情编号').fill(no);
  await drawer.getByText('矛盾纠纷', { exact: true }).click();
  await drawer.getByLabel('内容').fill('110 转来（非警务警情）：东岭村两户因为排水沟堵塞争吵，需社区民警上门协调。');
  await drawer.locator('.ant-select').first().click();
  await page.keyboard.type('东岭村1组');
  await page.locator('.ant-select-item-option').first().click();
  await drawer.getByLabel('来电人手机号').fill('13912345678');
  await drawer.getByText('同意接收回执短信').click();
  await page.screenshot({ path: `${SHOTS}/desk-record-form.png` });
  await drawer.getByRole('button', { name: '登记并受理' }).click();
  await expect(drawer.getByText('已登记并受理')).toBeVisible();
  await expect(drawer.getByText('回执短信已发送')).toBeVisible();
  const number = (await drawer.getByText(/^JM\d{8}-\d{6}$/).innerText()).trim();
  expect(number).toMatch(/^JM\d{8}-\d{6}$/);
  await page.screenshot({ path: `${SHOTS}/desk-record-receipt.png` });

  await drawer.getByRole('button', { name: '打开事项去派单' }).click();
  const facts = page.getByRole('dialog', { name: new RegExp(number) });
  await expect(facts.getByText(`110 · 警情编号 ${no}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/desk-record-drawer.png` });
  await page.keyboard.press('Escape');

  await page.getByPlaceholder('回执号、内容、警情/工单编号').fill(no);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-table-row', { hasText: number })).toBeVisible();
  await page.getByPlaceholder('回执号、内容、警情/工单编号').fill('');
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: '渠道' }).click();
  await page.locator('.ant-select-item-option', { hasText: '12345' }).click();
  await expect(page.locator('.ant-table-row').first()).toContainText('12345');
  await page.screenshot({ path: `${SHOTS}/desk-inbox-channel.png` });
});

for (const [width, height] of [
  [375, 812],
  [320, 568],
] as const) {
  test(`the record form fills a ${width}px phone screen`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, 'lt.duty');
    const drawer = await openForm(page);
    expect((await drawer.boundingBox())?.width).toBeGreaterThanOrEqual(width - 1);
    await drawer.getByText('12345', { exact: true }).click();
    await expect(drawer.getByLabel('工单编号')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/desk-record-form-${width}.png` });
    await drawer.getByRole('button', { name: '登记并受理' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/desk-record-form-${width}-end.png` });
  });
}
