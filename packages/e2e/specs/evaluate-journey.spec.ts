/**
 * 五必评 end to end, as the issue tells it: an attendee scans a meeting's QR on
 * a phone and rates it; a resident rates a handled matter 不满意; the chief
 * finds it on 评价复核 and names a callback person (not the one rated), who
 * records the callback on 我的回访; the resident's page says the chief reviewed
 * it and called back; the chief's 评价统计 shows the figures, on a desktop
 * and on a phone.
 */
import { expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';
import { doorplatePath, phonePage, resolveByDesk } from '../resident';

test.use({ actionTimeout: 20_000 });

/** A staff call from a signed-in console page (its cookie and CSRF token). */
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

test('a meeting QR, an unsatisfied rating, the chief’s review and callback, the resident told, the figures', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const chief = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(chief, 'lt.chief');
  const session = await (await chief.request.get('/api/v1/auth/session')).json();
  const stationId: string = session.user.scopeUnitId;

  // 召开会议必评: the chief records a 警民恳谈会; an attendee scans its QR on a phone and rates it.
  const meeting = await staffCall<{ id: string }>(chief, 'POST', `/stations/${stationId}/meetings`, {
    type: 'community_dialogue',
    place: '柳塘村村委会二楼会议室',
    heldAt: new Date().toISOString(),
    hostStaffId: session.user.id,
  });
  const { url } = await staffCall<{ url: string }>(chief, 'GET', `/stations/${stationId}/meetings/${meeting.id}/qr`);
  const attendee = await phonePage(browser);
  await attendee.goto(url.slice(url.indexOf('/api/v1/')));
  await expect(attendee).toHaveURL(/\/e\/[A-Za-z0-9_-]{20,}$/);
  await expect(attendee.getByText('您对这次召开会议满意吗？')).toBeVisible();
  await attendee.getByText('满意', { exact: true }).click();
  await attendee.getByRole('textbox').fill('讲的反诈案例很实用，回去给家里老人说');
  await attendee.getByRole('button', { name: '提交评价' }).click();
  await expect(attendee.getByText('感谢您的评价')).toBeVisible();
  await attendee.screenshot({ path: `${SHOTS}/journey-meeting-answered-375.png`, fullPage: true });

  // 接处警必评: a resident's matter is handled, and the resident is not satisfied.
  const phone = await phonePage(browser);
  await phone.goto(await doorplatePath(browser, 13));
  await phone.getByRole('option', { name: '咨询' }).click();
  await phone.getByPlaceholder('请写下发生了什么').fill(`想问一下居住证续签要带哪些材料 ${Date.now()}`);
  await phone.getByText('我已阅读上述告知', { exact: true }).click();
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  await expect(phone).toHaveURL(/\/m\//);
  const number = ((await phone.locator('.jm-receipt').textContent()) ?? '').trim();
  await resolveByDesk(browser, number, '已电话告知所需材料');
  await expect(phone.getByText('已电话告知所需材料').first()).toBeVisible();
  await phone.getByRole('option', { name: '不满意' }).click();
  await phone.getByLabel('想说的话（可选）').fill('电话里没说清楚要不要本人到场');
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByText('已转所长复核，承诺 24 小时内回访')).toBeVisible();

  // 评价复核: the chief names the community officer to call back; the desk officer, who handled it and is
  // rated, is not offered.
  const officer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(officer, 'lt.officer');
  const officerName: string = (await (await officer.request.get('/api/v1/auth/session')).json()).user.displayName;
  await chief.goto('/console/reviews');
  const row = chief.locator('.ant-table-row', { hasText: number });
  await expect(row).toBeVisible();
  await expect(row.getByText('电话里没说清楚要不要本人到场')).toBeVisible();
  await chief.screenshot({ path: `${SHOTS}/journey-reviews-1440.png` });
  await row.getByRole('button', { name: '指定回访人' }).click();
  const assign = chief.locator('.ant-modal', { hasText: '指定回访人' });
  await expect(assign.getByText(/不能回访/)).toBeVisible();
  await assign.getByLabel('回访人').click();
  await chief.locator('.ant-select-item-option', { hasText: officerName }).first().click();
  // The dropdown closes after the choice; until then it covers the button.
  await expect(chief.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await assign.getByRole('button', { name: /指\s*定/ }).click();
  await expect(row.getByText(officerName)).toBeVisible();

  // 我的回访: the officer calls the resident and records what came of it.
  await officer.goto('/console/callbacks');
  const mine = officer.locator('.ant-table-row', { hasText: number });
  await mine.getByRole('button', { name: '登记回访结果' }).click();
  const record = officer.locator('.ant-modal', { hasText: '登记回访结果' });
  await record.getByLabel('回访结果').click();
  await officer.locator('.ant-select-item-option', { hasText: '经解释，群众认可' }).click();
  await record.getByLabel('回访情况（可选）').fill('已电话说明可由家属代办，群众表示理解');
  await record.getByRole('button', { name: /登\s*记/ }).click();
  await expect(officer.getByText('回访结果已登记')).toBeVisible();
  await officer.screenshot({ path: `${SHOTS}/journey-callback-recorded-1440.png` });

  // The resident's page says the review happened (what was said stays with the station).
  await phone.reload();
  await expect(phone.getByText('所长已复核并回访')).toBeVisible();
  await expect(phone.getByRole('status').filter({ hasText: '所长已复核，并已回访' })).toBeVisible();
  expect(await phone.locator('body').innerText()).not.toContain('已电话说明可由家属代办');
  await phone.screenshot({ path: `${SHOTS}/journey-resident-reviewed-375.png`, fullPage: true });

  // 评价统计: the figures, with how each is computed, on the desktop and on the chief's phone.
  await chief.goto('/console/evaluations');
  await expect(chief.getByText('计算说明')).toBeVisible();
  await expect(chief.getByText('满意率').first()).toBeVisible();
  await expect(chief.getByText('回访完成').first()).toBeVisible();
  await expect(chief.locator('canvas').first()).toBeVisible();
  await chief.screenshot({ path: `${SHOTS}/journey-figures-1440.png`, fullPage: true });
  await chief.setViewportSize({ width: 375, height: 812 });
  await chief.reload();
  await expect(chief.getByText('计算说明')).toBeVisible();
  await chief.screenshot({ path: `${SHOTS}/journey-figures-375.png`, fullPage: true });
});
