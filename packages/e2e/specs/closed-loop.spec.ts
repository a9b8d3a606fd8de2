/**
 * The closed loop in two browsers at once: a resident on a phone scans the
 * doorplate, submits, and watches the desk's and the officer's steps arrive
 * without reloading; the officer resolves; the resident rates; the desk sees it.
 */
import { expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';

async function doorplateUrl(page: Page) {
  return page.evaluate(async () => {
    const roots = await (await fetch('/api/v1/units/roots')).json();
    const list = await (await fetch(`/api/v1/households?unitId=${roots[0].id}&pageSize=1&page=7`)).json();
    return (await (await fetch(`/api/v1/households/${list.items[0].id}/doorplate-link`)).json()).url as string;
  });
}

test('resident → desk → officer → resident, live', async ({ browser }) => {
  test.setTimeout(180_000);
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const phone = await (
    await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
  ).newPage();
  const officer = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();

  await signIn(desk, 'lt.duty');
  const url = new URL(await doorplateUrl(desk));
  await desk.getByRole('menuitem', { name: '值班台' }).click();
  await expect(desk.getByText('实时')).toBeVisible();

  // The resident scans the doorplate.
  await phone.goto(url.pathname);
  await expect(phone.getByText('紧急情况请拨打 110')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/resident-doorplate.png`, fullPage: true });
  await phone.getByText('求助', { exact: true }).click();
  const text = `楼道灯坏了，老人晚上下楼看不见 ${Date.now()}`;
  await phone.getByPlaceholder('请写下发生了什么').fill(text);
  await phone.getByText('我已阅读上述告知').click();
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  await expect(phone).toHaveURL(/\/m\//);
  await expect(phone.getByText(/回执号 JM/)).toBeVisible();

  // It appears on the desk without a reload.
  const row = desk.locator('.ant-table-row', { hasText: text });
  await expect(row).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/desk-new-matter.png` });
  await row.click();
  await desk.getByRole('button', { name: /受\s*理/ }).click();
  await desk.getByRole('button', { name: /确\s*定/ }).click();
  await desk.getByRole('button', { name: /派\s*单/ }).click();
  await desk.getByRole('combobox', { name: '派给' }).click();
  await desk.keyboard.type('社区民警');
  await expect(desk.locator('.ant-select-item-option', { hasText: '社区民警' }).first()).toBeVisible();
  await desk.keyboard.press('Enter');
  await expect(desk.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await desk.getByRole('button', { name: /确\s*定/ }).click();
  await expect(phone.getByText('已派给责任民警/部门')).toBeVisible();

  // The community officer takes it on a phone and replies.
  await signIn(officer, 'lt.officer');
  await officer.goto('/console/desk');
  await officer.getByText('只看我的任务').click();
  await officer.locator('.ant-table-row', { hasText: text }).click();
  await officer.getByRole('button', { name: /接\s*单/ }).click();
  await officer.getByRole('button', { name: '回复群众' }).click();
  await officer.getByLabel('回复内容（群众可见）').fill('您好，已联系物业，今天下午换灯。');
  await officer.getByRole('button', { name: /确\s*定/ }).click();
  await expect(phone.getByText('您好，已联系物业，今天下午换灯。')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/resident-reply.png`, fullPage: true });
  await officer.getByRole('button', { name: /办\s*结/ }).click();
  await officer.getByLabel('办结情况').fill('物业已更换楼道灯');
  await officer.getByRole('button', { name: /确\s*定/ }).click();
  await expect(officer.locator('.ant-drawer').getByText('已办结').first()).toBeVisible();
  await officer.screenshot({ path: `${SHOTS}/officer-resolved.png` });

  // The resident rates, and the desk sees the rating.
  await expect(phone.getByText('请为这次办理评价')).toBeVisible();
  await phone.getByText('满意', { exact: true }).click();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByText('您的评价：满意')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/resident-rated.png`, fullPage: true });
  await desk.reload();
  await desk.locator('.ant-table-row', { hasText: text }).click();
  await expect(desk.locator('.ant-drawer').getByText('满意', { exact: true })).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/desk-rated.png` });
});

test('an unknown doorplate code reveals nothing', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/h/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByText('二维码无效')).toBeVisible();
  await expect(page.getByText('紧急情况请拨打 110')).toBeVisible();
});
