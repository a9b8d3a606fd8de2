/**
 * What the resident sees, on a phone in WeChat, while the station works on the
 * desktop console: the hint when the notice is not ticked, the chief's
 * promise after 不满意, a reopened matter as a new round with the first one
 * as history (and never the chief's internal reason), and elder mode on the
 * smallest phone (320×568) with the 回执号 on one line.
 */
import { expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';
import { agedCareProblems, doorplatePath, phonePage, sendMatter } from '../resident';

const REOPEN_REASON = '请责任民警再次上门核实处理';

test.use({ actionTimeout: 20_000 });

/** Picks a kind, writes the text, taps 提交 before ticking the notice: the page says what is missing, then sends. */
async function submitWithConsentHint(phone: Page, body: string, shot: string) {
  await phone.getByRole('option', { name: '咨询' }).click();
  await phone.getByPlaceholder('请写下发生了什么').fill(body);
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  const hint = phone.getByRole('alert').filter({ hasText: '请先勾选“我已阅读上述告知”' });
  await expect(hint).toBeVisible();
  await expect(hint).toBeInViewport();
  await expect(phone).toHaveURL(/\/h\//);
  await phone.screenshot({ path: `${SHOTS}/${shot}` });
  await phone.getByText('我已阅读上述告知', { exact: true }).click();
  await expect(hint).toHaveCount(0);
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  await expect(phone).toHaveURL(/\/m\//);
  return (await phone.locator('.jm-receipt').textContent())?.trim() ?? '';
}

/** Opens a matter in the desk's drawer by its 回执号, finished ones included. */
async function openOnDesk(desk: Page, number: string) {
  if (await desk.locator('.ant-drawer-open').count()) {
    await desk.keyboard.press('Escape');
    await expect(desk.locator('.ant-drawer-open')).toHaveCount(0);
  }
  await desk.getByRole('menuitem', { name: '值班台' }).click();
  await desk.getByLabel('状态').click();
  await desk.getByTitle('全部（含历史）').click();
  await desk.getByPlaceholder(/回执号/).fill(number);
  await desk.getByPlaceholder(/回执号/).press('Enter');
  await desk.locator('.ant-table-row', { hasText: number }).click();
  return desk.locator('.ant-drawer');
}

/** A step in the drawer: its button, the form's fields, the form's own button. */
async function step(drawer: ReturnType<Page['locator']>, name: RegExp, fill: Record<string, string> = {}) {
  await drawer.getByRole('button', { name }).first().click();
  for (const [label, text] of Object.entries(fill)) await drawer.getByLabel(label).fill(text);
  await drawer.locator('form').getByRole('button', { name }).click();
}

test('reopened: the resident sees the new round, the old one as history, the promise, and no internal note', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const doorplate = await doorplatePath(browser, 9);
  const phone = await phonePage(browser);
  await phone.goto(doorplate);
  const body = `小区东门的路灯坏了一个月，晚上很黑 ${Date.now()}`;
  const number = await submitWithConsentHint(phone, body, 'rounds-consent-hint-375.png');
  await expect(phone).toHaveTitle(new RegExp(`派出所 · 回执号 ${number} · 码上办`));
  await expect(phone.getByRole('button', { name: '复制链接' })).toBeVisible();
  await phone.getByRole('button', { name: '复制链接' }).click();
  await expect(phone.getByText('链接已复制')).toBeVisible();
  expect(await phone.evaluate(() => navigator.clipboard.readText())).toBe(phone.url());

  // The desk answers it itself: 受理, then 办结 with an outcome the resident reads.
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(desk, 'lt.duty');
  let drawer = await openOnDesk(desk, number);
  await step(drawer, /受\s*理/);
  await step(drawer, /办\s*结/, { 办结情况: '已联系供电所，今晚更换灯泡' });
  await expect(phone.getByText('已联系供电所，今晚更换灯泡').first()).toBeVisible();

  // 不满意: the resident is told what happens next, and the timeline shows the review with its hours.
  await phone.getByRole('option', { name: '不满意' }).click();
  await phone.getByLabel('想说的话（可选）').fill('灯还是不亮');
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByRole('status').filter({ hasText: /所长将复核，并在 24 小时内回访/ })).toBeVisible();
  await expect(phone.getByText('已转所长复核，承诺 24 小时内回访')).toBeVisible();
  await expect(phone.getByText(/谢谢/)).toHaveCount(0);
  await phone.screenshot({ path: `${SHOTS}/rounds-unsatisfied-375.png`, fullPage: true });

  // The chief reopens it with a reason written to staff only (the default for a reopening).
  const chief = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(chief, 'lt.chief');
  drawer = await openOnDesk(chief, number);
  await step(drawer, /重新办理/, { 原因: REOPEN_REASON });
  await expect(drawer.getByText(REOPEN_REASON).first()).toBeVisible();
  await chief.screenshot({ path: `${SHOTS}/rounds-chief-reopened-1440.png` });

  // The resident's page turns to round 2; round 1 stays as history; the chief's reason never shows.
  await expect(phone.getByText('办理进度 · 第2次办理')).toBeVisible();
  await expect(phone.getByText('您的评价：')).toHaveCount(0);
  await phone.getByText('第1次办理', { exact: true }).click();
  const history = phone.locator('.adm-card', { hasText: '以往办理记录' });
  await expect(history.getByText('已联系供电所，今晚更换灯泡').first()).toBeVisible();
  await expect(history.getByText(/不满意（灯还是不亮）/)).toBeVisible();
  await expect(history.getByText(/所长将复核，并在 24 小时内回访/)).toBeVisible();
  expect(await phone.locator('body').innerText()).not.toContain(REOPEN_REASON);
  await phone.screenshot({ path: `${SHOTS}/rounds-reopened-375.png`, fullPage: true });

  // Round 2 is resolved and rated once more.
  drawer = await openOnDesk(desk, number);
  await step(drawer, /办\s*结/, { 办结情况: '灯泡和线路都已更换，已亮' });
  await expect(phone.getByText('请为第2次办理评价')).toBeVisible();
  await phone.getByRole('option', { name: '满意', exact: true }).click();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByText('第2次办理结果')).toBeVisible();
  await expect(phone.getByText('谢谢您的评价！')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/rounds-round2-rated-375.png`, fullPage: true });
});

test('elder mode on a 320×568 phone: large text and targets, a short 110 bar, the 回执号 on one line', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const doorplate = await doorplatePath(browser, 11);
  const phone = await phonePage(browser, { width: 320, height: 568, elder: true });
  await phone.goto(doorplate);
  await expect(phone.getByRole('button', { name: /长辈模式/ })).toHaveAttribute('aria-pressed', 'true');
  await phone.screenshot({ path: `${SHOTS}/elder-320-doorplate.png`, fullPage: true });

  // The 110 bar: a title line and a subtitle line, never a third.
  const bar = phone.getByRole('complementary', { name: '紧急求助' });
  const lines = await bar.evaluate((el) => {
    const text = el.querySelector('div') as HTMLElement;
    const lineHeight = Number.parseFloat(getComputedStyle(text.querySelector('strong') as HTMLElement).lineHeight);
    return text.getBoundingClientRect().height / lineHeight;
  });
  expect(lines).toBeLessThan(2.2);
  expect(await agedCareProblems(phone, 18, 60)).toEqual([]);
  // The form, from the top of the page to its submit button (what follows it — my matters, the rooms — is extra).
  const submit = await phone.getByRole('button', { name: '提交给派出所' }).boundingBox();
  const screens = await phone.evaluate(
    (bottom) => (bottom + window.scrollY) / window.innerHeight,
    (submit?.y ?? 0) + (submit?.height ?? 0),
  );
  test.info().annotations.push({ type: 'doorplate form length', description: `${screens.toFixed(1)} screens` });
  expect(screens).toBeLessThan(3.2);

  const number = await submitWithConsentHint(phone, '想问问给老人办身份证要带什么材料', 'elder-320-consent-hint.png');
  const receipt = phone.locator('.jm-receipt');
  await expect(receipt).toHaveText(number);
  const oneLine = await receipt.evaluate((el) => {
    const s = getComputedStyle(el);
    return el.getBoundingClientRect().height <= Number.parseFloat(s.lineHeight) * 1.2;
  });
  expect(oneLine, `回执号 ${number} on one line`).toBe(true);
  await expect(phone.getByPlaceholder('写下补充情况或问题')).toBeVisible();
  expect(await agedCareProblems(phone, 18, 60)).toEqual([]);
  await phone.screenshot({ path: `${SHOTS}/elder-320-matter.png`, fullPage: true });

  await phone.goto('/my');
  await expect(phone.getByText(number).first()).toBeVisible();
  expect(await agedCareProblems(phone, 18, 60)).toEqual([]);
  await phone.screenshot({ path: `${SHOTS}/elder-320-my.png`, fullPage: true });
});

test('normal mode: touch targets at least 44×44 on the doorplate, matter and "my matters" pages', async ({
  browser,
}) => {
  const doorplate = await doorplatePath(browser, 13);
  const phone = await phonePage(browser);
  await phone.goto(doorplate);
  await expect(phone.getByRole('button', { name: '提交给派出所' })).toBeVisible();
  expect(await agedCareProblems(phone, 12, 44)).toEqual([]);
  await phone.screenshot({ path: `${SHOTS}/resident-doorplate-375.png`, fullPage: true });
  const matter = await sendMatter(phone, doorplate, '楼下有人长期占用消防通道停车');
  await phone.goto(matter.path);
  await expect(phone.locator('.jm-receipt')).toHaveText(matter.number);
  expect(await agedCareProblems(phone, 12, 44)).toEqual([]);
  await phone.goto('/my');
  await expect(phone.getByText(matter.number).first()).toBeVisible();
  expect(await agedCareProblems(phone, 12, 44)).toEqual([]);
  await phone.screenshot({ path: `${SHOTS}/resident-my-375.png`, fullPage: true });
});
