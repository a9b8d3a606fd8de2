/**
 * 矛盾纠纷, the whole way in Chromium: a resident's 矛盾纠纷 matter becomes a case (the desk's drawer action is
 * walked in disputes.spec.ts; here the desk does it through the API); the community officer, on a phone in
 * the village, records the parties, assesses, chooses 治安调解, plans and holds a session, draws up and
 * prints the 调解协议书, records the duty performed; a follow-up comes due (the board lists it) and is
 * recorded with each party satisfied; the case closes only then (三个不放). The chief opens the month's
 * analysis and its PDF.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { choose, pickToday, SHOTS, signIn } from '../fixtures';
import { deskByApi, doorplatePath, phonePage, sendMatter } from '../resident';

test.use({ actionTimeout: 20_000 });

/** The PDF a button downloads: its name and its first bytes. */
async function downloaded(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), head: readFileSync(path).subarray(0, 5).toString() };
}

test('a 矛盾纠纷 is mediated on a phone, its agreement printed, followed up and closed by 三个不放', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  // The resident's matter, accepted by the desk and opened as a case.
  const resident = await phonePage(browser);
  const doorplate = await doorplatePath(browser, 23);
  await resident.goto(doorplate);
  const words = `楼上邻居装修噪音到半夜，多次沟通无果，请派出所调解 ${Date.now()}`;
  const sent = await sendMatter(resident, doorplate, words, 'dispute');
  const { context, staffPage, post } = await deskByApi(browser);
  const found = await (await staffPage.request.get(`/api/v1/matters?q=${sent.number}&status=submitted`)).json();
  const matterId = found.items[0].id as string;
  await post(`/api/v1/matters/${matterId}/accept`, { urgency: 'normal' });
  const opened = await post(`/api/v1/matters/${matterId}/dispute`, { category: 'public_order', subcategory: '邻里' });
  await context.close();
  await resident.goto(sent.path);
  await expect(resident.getByText('已转为矛盾纠纷调解，民警将联系各方约定调解')).toBeVisible();

  // The community officer, on a phone in the village.
  const officer = await (
    await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
  ).newPage();
  await signIn(officer, 'lt.officer');
  await officer.goto(`/console/disputes/${opened.id}`);
  await expect(officer.getByText(opened.number)).toBeVisible();

  // The parties: the neighbour who complained, and the one renovating.
  for (const [role, name, phone] of [
    ['申请人', '张建华', '13912345678'],
    ['被申请人', '李卫东', '13887654321'],
  ] as const) {
    await officer.getByRole('button', { name: '添加当事人' }).click();
    const modal = officer.locator('.ant-modal', { hasText: '添加当事人' });
    await choose(officer, modal, '身份', role);
    await modal.getByLabel('姓名', { exact: true }).fill(name);
    await modal.getByLabel('手机号码', { exact: true }).fill(phone);
    await modal.getByRole('button', { name: /添\s*加/ }).click();
    await expect(officer.getByText('当事人已添加').first()).toBeVisible();
    await expect(modal).toBeHidden();
  }

  // 分级评估.
  await officer.getByRole('button', { name: /^评\s*估$/ }).click();
  await officer.getByText('一般', { exact: true }).click();
  await officer.getByLabel('涉及人数', { exact: true }).fill('2');
  await officer.getByRole('button', { name: '保存评估' }).click();
  await expect(officer.getByText('评估已记录').first()).toBeVisible();

  // 分流: 治安调解, which starts its working-day deadline.
  await officer.getByRole('button', { name: /^分\s*流$/ }).click();
  const channel = officer.locator('.ant-modal', { hasText: '分流化解' });
  await choose(officer, channel, '化解渠道', '公安行政调解');
  await channel.getByRole('button', { name: /保\s*存/ }).click();
  await expect(officer.getByText('已分流').first()).toBeVisible();
  await expect(officer.getByText('调解期限').first()).toBeVisible();

  // 安排调解, then 登记结果: both parties came, an agreement.
  await officer.getByRole('button', { name: '安排调解' }).click();
  const plan = officer.locator('.ant-modal', { hasText: '安排调解' });
  await plan.getByLabel('地点', { exact: true }).fill('柳塘派出所警调对接调解室');
  await plan.getByRole('button', { name: /安\s*排/ }).click();
  await expect(officer.getByText('调解已安排').first()).toBeVisible();
  await officer.getByRole('button', { name: '登记结果' }).click();
  const held = officer.locator('.ant-modal', { hasText: '到场当事人' });
  await held.getByText('达成协议', { exact: true }).click();
  await held.getByLabel('调解记录（仅内部）', { exact: true }).fill('双方陈述后，民警释法说理，约定施工时段，当场签字');
  await held.getByRole('button', { name: /登\s*记/ }).click();
  await expect(officer.getByText('调解结果已登记').first()).toBeVisible();
  await officer.screenshot({ path: `${SHOTS}/disputes-session-375.png`, fullPage: true });

  // 调解协议书: drawn up on the phone, printed as a PDF.
  await officer.getByRole('button', { name: '制作调解协议书' }).click();
  const agreement = officer.locator('.ant-modal', { hasText: '制作调解协议书' });
  await agreement.getByLabel('争议事项', { exact: true }).fill('装修施工的时间和噪音');
  await agreement.getByLabel('各方责任', { exact: true }).fill('装修方应遵守相邻关系规定，控制施工时段');
  await agreement.getByLabel('事项', { exact: true }).fill('装修方每日8:00—12:00、14:00—18:00施工，节假日不施工');
  await agreement.getByLabel('履行方式', { exact: true }).fill('按约定时段施工，调解员回访核实');
  await agreement.getByLabel('履行地点', { exact: true }).fill('青禾县柳塘镇');
  await pickToday(officer, agreement, '履行期限');
  await agreement.getByRole('button', { name: /保\s*存/ }).click();
  await expect(officer.getByText('调解协议书已制作，案件转入跟踪回访').first()).toBeVisible();
  await expect(officer.getByText('跟踪回访').first()).toBeVisible();
  const pdf = await downloaded(officer, () => officer.getByRole('button', { name: '打印协议书' }).click());
  expect(pdf.name).toMatch(/^调解协议书-MD\d{8}-\d{6}-1\.pdf$/);
  expect(pdf.head).toBe('%PDF-');
  await officer.getByRole('button', { name: '登记履行' }).click();
  await officer
    .locator('.ant-modal', { hasText: '登记履行' })
    .getByRole('button', { name: /登\s*记/ })
    .click();
  await expect(officer.getByText('已登记履行').first()).toBeVisible();

  // A follow-up comes due today: the board lists it, and the officer records it with each party satisfied.
  await officer.getByRole('button', { name: '安排回访' }).click();
  const planFollowUp = officer.locator('.ant-modal', { hasText: '回访日期' });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  await planFollowUp.getByLabel('回访日期', { exact: true }).fill(today);
  await planFollowUp.getByLabel('回访日期', { exact: true }).press('Enter');
  await planFollowUp.getByRole('button', { name: /确\s*定|安\s*排|保\s*存/ }).click();
  await expect(officer.getByText('回访已安排').first()).toBeVisible();
  const board = await (await officer.request.get(`/api/v1/stations/${opened.stationId}/disputes/board`)).json();
  expect(
    board.due.some((d: { case: { id: string }; what: string }) => d.case.id === opened.id && d.what === 'follow_up'),
  ).toBe(true);
  await officer.getByRole('button', { name: '登记回访' }).first().click();
  const recordFollowUp = officer.locator('.ant-modal', { hasText: '登记回访' });
  for (const label of await recordFollowUp.locator('.ant-radio-group').all())
    await label.getByText('满意', { exact: true }).click();
  await recordFollowUp.getByLabel('回访情况', { exact: true }).fill('上门回访，装修已按时段施工，双方关系缓和');
  await recordFollowUp.getByRole('button', { name: /登\s*记|保\s*存/ }).click();
  await expect(officer.getByText('回访已登记').first()).toBeVisible();

  // 三个不放 all hold: the case closes.
  const close = officer.locator('.ant-card', { hasText: '结案（三个不放）' });
  await close.getByRole('button', { name: /^结\s*案$/ }).click();
  await officer
    .locator('.ant-popover, .ant-popconfirm')
    .getByRole('button', { name: /结\s*案/ })
    .click();
  await expect(officer.getByText('案件已结案').first()).toBeVisible();
  await expect(officer.getByText('已化解').first()).toBeVisible();
  await officer.screenshot({ path: `${SHOTS}/disputes-closed-375.png`, fullPage: true });

  // The chief opens this month's analysis (the closed case counts in it) and its PDF.
  const chief = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(chief, 'lt.chief');
  await chief.goto('/console/reports');
  await expect(chief.getByText('报告档案').first()).toBeVisible();
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  await chief.getByLabel('月份').fill(month);
  await chief.getByLabel('月份').press('Enter');
  await chief.getByRole('button', { name: /生\s*成/ }).click();
  await expect(chief.getByText('报告已生成').first()).toBeVisible();
  await expect(chief.getByText('化解率').first()).toBeVisible();
  await expect(chief.getByText(/柳塘派出所矛盾纠纷每月综合分析/).first()).toBeVisible();
  await chief.screenshot({ path: `${SHOTS}/disputes-analysis-1440.png`, fullPage: true });
  const analysis = await downloaded(chief, () => chief.getByRole('button', { name: '下载 PDF' }).click());
  expect(analysis.name).toMatch(/^矛盾纠纷月度分析-柳塘派出所-\d{4}-\d{2}\.pdf$/);
  expect(analysis.head).toBe('%PDF-');
});
