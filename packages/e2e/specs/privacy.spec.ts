/**
 * 个人信息权利 in two browsers: a resident sends a matter from a doorplate on a
 * phone and asks, from the matter page, for their information to be deleted;
 * the desk answers in 个人信息申请 — first a refusal with a reason while the
 * matter is open, then, once the matter is finished, the deletion itself —
 * and the resident reads each answer on the page without reloading.
 */
import { expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';
import { expectNoAxeViolations, phonePage } from '../resident';

async function doorplatePath(desk: Page) {
  const url = await desk.evaluate(async () => {
    const roots = await (await fetch('/api/v1/units/roots')).json();
    const list = await (await fetch(`/api/v1/households?unitId=${roots[0].id}&pageSize=1&page=11`)).json();
    return (await (await fetch(`/api/v1/households/${list.items[0].id}/doorplate-link`)).json()).url as string;
  });
  return new URL(url).pathname;
}

/** The smallest height of the card's buttons: 44 px to tap, 60 px in elder mode. */
async function smallestButton(page: Page) {
  const heights = await page
    .locator('.jm-mydata .adm-button')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(0);
  return Math.min(...heights);
}

test('a resident asks for deletion; the desk refuses, then deletes; the resident reads each answer', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const phone = await phonePage(browser);
  await signIn(desk, 'lt.duty');

  // The resident sends a matter from the doorplate page.
  await phone.goto(await doorplatePath(desk));
  await phone.getByText('咨询', { exact: true }).click();
  const text = `想问问孩子转学要开什么证明 ${Date.now()}`;
  await phone.getByPlaceholder('请写下发生了什么').fill(text);
  await phone.getByText('我已阅读上述告知').click();
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  await expect(phone).toHaveURL(/\/m\//);
  const number = (
    (await phone
      .getByText(/回执号 JM/)
      .first()
      .textContent()) ?? ''
  ).replace(/.*(JM[\d-]+).*/, '$1');

  // 我的信息: the rights the notice promised, each a large button.
  const card = phone.locator('.jm-mydata');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByText('联系电话：')).toBeVisible();
  expect(await smallestButton(phone)).toBeGreaterThanOrEqual(44);
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-card.png`, fullPage: true });
  await card.getByRole('button', { name: '申请删除' }).click();
  await expect(phone.getByText('依法保留')).toBeVisible();
  await phone.waitForTimeout(500); // the dialog's fade-in, for the screenshot
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-confirm.png` });
  await phone.getByRole('button', { name: '提交申请' }).click();
  await expect(card.getByText('待答复')).toBeVisible();
  await expect(card.getByText(/派出所将于 \d+月\d+日 前答复/)).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-asked.png`, fullPage: true });
  await expectNoAxeViolations(phone, '.jm-mydata', '.jm-mydata');

  // The desk finds it in 个人信息申请 and, the matter being open, refuses with a reason.
  await desk.getByRole('menuitem', { name: '个人信息申请' }).click();
  const row = desk.locator('.ant-table-row', { hasText: number });
  await expect(row).toBeVisible();
  await expect(row.getByText('待答复')).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/privacy-desk-queue.png` });
  await expectNoAxeViolations(desk, '.ant-layout-content', '.ant-layout-content');
  await row.getByRole('button', { name: /答\s*复/ }).click();
  const modal = desk.locator('.ant-modal');
  await expect(modal.getByRole('radio', { name: '同意删除' })).toBeDisabled();
  const reason = '您好，事项正在办理中，办结后可以再次申请删除。';
  await modal.getByLabel('理由（群众可见）').fill(reason);
  await desk.waitForTimeout(500);
  await desk.screenshot({ path: `${SHOTS}/privacy-desk-refuse.png` });
  await modal.getByRole('button', { name: '答复不予删除' }).click();
  await expect(phone.getByText('派出所答复：暂不删除')).toBeVisible();
  await expect(card.getByText(reason)).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-refused.png`, fullPage: true });

  // The desk finishes the matter (无效: a question answered by phone); the resident asks again; the desk deletes.
  // Answered, it leaves the queue; 全部 still lists it, and its number opens the matter.
  await desk.getByLabel('范围').click();
  await desk.getByTitle('全部（含已答复）').click();
  await desk.locator('.ant-table-row', { hasText: number }).first().getByRole('button', { name: number }).click();
  const drawer = desk.locator('.ant-drawer');
  await drawer.getByRole('button', { name: /无\s*效/ }).click();
  await drawer.getByLabel('原因').fill('已电话答复群众');
  await drawer
    .locator('form')
    .getByRole('button', { name: /无\s*效/ })
    .click();
  await expect(drawer.getByText('无效').first()).toBeVisible();
  await drawer.locator('.ant-drawer-close').click();
  await card.getByRole('button', { name: '申请删除' }).click();
  await phone.getByRole('button', { name: '提交申请' }).click();
  await expect(card.getByText('待答复')).toBeVisible();
  await desk.reload();
  await desk
    .locator('.ant-table-row', { hasText: number })
    .getByRole('button', { name: /答\s*复/ })
    .click();
  await expect(modal.getByRole('radio', { name: '同意删除' })).toBeChecked();
  await modal.getByLabel(/给群众的话/).fill('已按您的要求删除您的个人信息。');
  await modal.getByRole('button', { name: '同意并删除' }).click();
  await expect(phone.getByText('派出所已按您的要求删除个人信息')).toBeVisible();
  await expect(phone.getByText('（内容已应群众要求删除）')).toBeVisible();
  await expect(phone.getByText(text)).toHaveCount(0);
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-deleted.png`, fullPage: true });
  await desk.getByLabel('范围').click();
  await desk.getByTitle('全部（含已答复）').click();
  await expect(desk.locator('.ant-table-row', { hasText: number }).first()).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/privacy-desk-answered.png` });

  // Elder mode: 60 px targets; and the smallest phone.
  await phone.evaluate(() => localStorage.setItem('jm.elder', '1'));
  await phone.reload();
  await expect(card).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-elder.png`, fullPage: true });
  await expectNoAxeViolations(phone, '.jm-mydata', '.jm-mydata');
  await phone.setViewportSize({ width: 320, height: 568 });
  await phone.evaluate(() => localStorage.setItem('jm.elder', '0'));
  await phone.reload();
  await card.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-320.png`, fullPage: true });
});

test('in elder mode 我的信息 has 60 px targets, and a corrected number is verified first', async ({ browser }) => {
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(desk, 'lt.duty');
  const doorplate = await doorplatePath(desk);
  const phone = await phonePage(browser, { elder: true });
  await phone.goto(doorplate);
  await phone.getByText('咨询', { exact: true }).click();
  await phone.getByPlaceholder('请写下发生了什么').fill('身份证快到期了，换证要预约吗？');
  await phone.getByText('我已阅读上述告知').click();
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  await expect(phone).toHaveURL(/\/m\//);
  const card = phone.locator('.jm-mydata');
  await card.scrollIntoViewIfNeeded();
  expect(await smallestButton(phone)).toBeGreaterThanOrEqual(60);
  await card.getByRole('button', { name: '补充联系电话' }).click();
  await expect(card.getByText('新号码需先用短信验证码验证。')).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${SHOTS}/privacy-resident-correct-elder.png`, fullPage: true });
  await expectNoAxeViolations(phone, '.jm-mydata', '.jm-mydata');
});
