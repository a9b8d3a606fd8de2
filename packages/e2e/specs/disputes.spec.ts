/**
 * 矛盾纠纷, first step, in Chromium: a resident sends a 矛盾纠纷 from the doorplate on a phone; the desk turns
 * it into a case from the matter's drawer; the community officer, on a phone in the village, assesses it
 * and colours it with a reason; the resident's page says it went to mediation; the desk's drawer now links
 * to the case instead of offering another.
 */
import { expect, test } from '@playwright/test';
import { choose, SHOTS, signIn } from '../fixtures';
import { doorplatePath, phonePage } from '../resident';

test.use({ actionTimeout: 20_000 });

test('a resident’s 矛盾纠纷 becomes a case; the officer assesses and colours it on a phone', async ({ browser }) => {
  test.setTimeout(240_000);
  const phone = await phonePage(browser);
  await phone.goto(await doorplatePath(browser, 17));
  await phone.getByRole('option', { name: '矛盾纠纷' }).click();
  const words = `隔壁装修每天晚上十点后还在电钻，沟通几次都没用 ${Date.now()}`;
  await phone.getByPlaceholder('请写下发生了什么').fill(words);
  await phone.getByText('我已阅读上述告知', { exact: true }).click();
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  await expect(phone).toHaveURL(/\/m\//);
  const number = ((await phone.locator('.jm-receipt').textContent()) ?? '').trim();

  // The desk opens the matter and turns it into a case.
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(desk, 'lt.duty');
  await desk.goto('/console/desk?status=all');
  await desk.getByPlaceholder(/回执号/).fill(number);
  await desk.getByPlaceholder(/回执号/).press('Enter');
  await desk.locator('.ant-table-row', { hasText: number }).click();
  const drawer = desk.locator('.ant-drawer');
  // 受理 first (the resident is answered in time); then the case.
  await drawer
    .getByRole('button', { name: /受\s*理/ })
    .first()
    .click();
  await drawer
    .locator('form')
    .getByRole('button', { name: /受\s*理/ })
    .click();
  await drawer.getByRole('button', { name: '转为矛盾纠纷' }).click();
  const modal = desk.locator('.ant-modal', { hasText: '转为矛盾纠纷' });
  await choose(desk, modal, '类别', '治安');
  await choose(desk, modal, '细类', '邻里');
  await modal.getByRole('button', { name: /转为案件/ }).click();
  await expect(desk).toHaveURL(/\/console\/disputes\/[0-9a-f-]{36}$/);
  const caseUrl = new URL(desk.url()).pathname;
  await expect(desk.getByText(/MD\d{8}-\d{6}/).first()).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/disputes-case-1440.png`, fullPage: true });

  // The resident reads that it went to mediation.
  await expect(phone.getByText('已转为矛盾纠纷调解，民警将联系各方约定调解')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/disputes-resident-375.png`, fullPage: true });

  // The community officer, on a phone: 分级评估, then 定色 with a reason.
  const officer = await (
    await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
  ).newPage();
  await signIn(officer, 'lt.officer');
  await officer.goto(caseUrl);
  await officer.getByRole('button', { name: /^评\s*估$/ }).click();
  await officer.getByText('一般', { exact: true }).click();
  await officer.getByLabel('涉及人数').fill('2');
  await officer.getByRole('button', { name: '保存评估' }).click();
  await expect(officer.getByText('评估已记录')).toBeVisible();
  await officer.getByRole('button', { name: /^定\s*色$/ }).click();
  await officer.getByRole('radio', { name: /绿/ }).check();
  await officer.getByLabel('调整理由').fill('邻里噪音，村调委会可以化解');
  await officer
    .getByRole('button', { name: /保\s*存/ })
    .last()
    .click();
  await expect(officer.getByText('颜色已调整')).toBeVisible();
  await expect(officer.getByText('邻里噪音，村调委会可以化解').first()).toBeVisible();
  await officer.screenshot({ path: `${SHOTS}/disputes-case-officer-375.png`, fullPage: true });

  // The desk's drawer now links to the case instead of offering to open another.
  await desk.goto('/console/desk?status=all');
  await desk.getByPlaceholder(/回执号/).fill(number);
  await desk.getByPlaceholder(/回执号/).press('Enter');
  await desk.locator('.ant-table-row', { hasText: number }).click();
  await expect(desk.locator('.ant-drawer').getByText(/已转为矛盾纠纷案件 MD/)).toBeVisible();
  await expect(desk.locator('.ant-drawer').getByRole('button', { name: '转为矛盾纠纷' })).toHaveCount(0);

  // The list with its 三色 board, on a desktop: a count opens the open cases behind it.
  await desk.goto('/console/disputes');
  const board = desk.locator('.ant-card', { hasText: '三色看板' });
  await expect(board).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/disputes-list-1440.png` });
  await board.locator('.ant-table-row', { hasText: '绿' }).getByRole('button').last().click();
  await expect(desk).toHaveURL(/colour=green/);
  await expect(desk.getByText('只看未结案件')).toBeVisible();
  await expect(desk.locator('.ant-table-row').first()).toBeVisible();
});
