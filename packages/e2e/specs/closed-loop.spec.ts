/**
 * The closed loop in two browsers at once: a resident on a phone scans the
 * doorplate, submits with a photo, and watches the desk's dispatch and the
 * officer's reply arrive without reloading; the officer resolves on a phone;
 * the resident rates; the desk sees the rating.
 */
import { expect, type Page, test } from '@playwright/test';
import sharp from 'sharp';
import { SHOTS, signIn } from '../fixtures';
import { WECHAT } from '../resident';

async function doorplateUrl(page: Page) {
  return page.evaluate(async () => {
    const roots = await (await fetch('/api/v1/units/roots')).json();
    const list = await (await fetch(`/api/v1/households?unitId=${roots[0].id}&pageSize=1&page=7`)).json();
    return (await (await fetch(`/api/v1/households/${list.items[0].id}/doorplate-link`)).json()).url as string;
  });
}

/** A phone photo of a dark stairwell, as a camera would save it (JPEG with a GPS position). */
async function stairwellPhoto() {
  const buffer = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2b2f36' } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="1200" height="900"><rect x="520" y="80" width="160" height="60" fill="#777"/></svg>',
        ),
      },
    ])
    .jpeg()
    .withExif({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
    })
    .toBuffer();
  return { name: 'IMG_20261129_0812.jpg', mimeType: 'image/jpeg', buffer };
}

test('resident → desk → officer → resident, live, with a photo', async ({ browser }) => {
  test.setTimeout(180_000);
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  // The resident opens the page inside WeChat, as most do after scanning.
  const phone = await (
    await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      userAgent: WECHAT,
    })
  ).newPage();
  const officer = await (
    await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  ).newPage();

  await signIn(desk, 'lt.duty');
  const url = new URL(await doorplateUrl(desk));
  await desk.getByRole('menuitem', { name: '值班台' }).click();
  await expect(desk.getByText('实时')).toBeVisible();

  // The resident scans the doorplate and sends a request for help with a photo.
  await phone.goto(url.pathname);
  await expect(phone.getByText('紧急情况请拨打 110')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/resident-doorplate.png`, fullPage: true });
  await phone.getByText('求助', { exact: true }).click();
  const text = `楼道灯坏了，老人晚上下楼看不见 ${Date.now()}`;
  await phone.getByPlaceholder('请写下发生了什么').fill(text);
  await phone
    .locator('input[type=file]')
    .first()
    .setInputFiles(await stairwellPhoto());
  await expect(phone.getByRole('button', { name: /删除 照片 1/ })).toBeVisible();
  await expect(phone.getByText('等待')).toHaveCount(0);
  await phone.getByText('我已阅读上述告知').click();
  await phone.screenshot({ path: `${SHOTS}/resident-form-photo.png`, fullPage: true });
  await phone.getByRole('button', { name: '提交给派出所' }).click();
  const sentAt = Date.now();
  await expect(phone).toHaveURL(/\/m\//);
  await expect(phone.getByText(/回执号 JM/)).toBeVisible();
  await expect(phone.getByRole('button', { name: '查看照片 1' })).toBeVisible();

  // It appears on the desk without a reload, photo included; the desk accepts and takes the suggestion.
  const row = desk.locator('.ant-table-row', { hasText: text });
  await expect(row).toBeVisible();
  // Reported, not asserted: timings belong in the benchmark (npm run bench), not in a pass/fail test.
  test.info().annotations.push({ type: 'submit → desk row', description: `${Date.now() - sentAt} ms` });
  console.log(`resident submit → row on the desk: ${Date.now() - sentAt} ms`);
  await desk.screenshot({ path: `${SHOTS}/desk-new-matter.png` });
  await row.click();
  const drawer = desk.locator('.ant-drawer');
  await expect(drawer.getByRole('img', { name: '照片 1' })).toBeVisible();
  await drawer.getByRole('button', { name: /受\s*理/ }).click();
  await drawer
    .locator('form')
    .getByRole('button', { name: /受\s*理/ })
    .click();
  await drawer.getByRole('button', { name: /派\s*单/ }).click();
  await expect(drawer.getByText(/建议派给：.+责任民警/)).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/desk-dispatch-suggested.png` });
  await drawer
    .locator('form')
    .getByRole('button', { name: /派\s*单/ })
    .click();
  await expect(phone.getByText('已派给责任民警')).toBeVisible();

  // The community officer takes it from 我的任务 on a phone and replies.
  await signIn(officer, 'lt.officer');
  await officer.goto('/console/tasks');
  const card = officer.locator('.ant-card', { hasText: text });
  await card.getByRole('button', { name: /接\s*单/ }).click();
  await card.click();
  const task = officer.locator('.ant-drawer');
  await task.getByRole('button', { name: '回复群众' }).click();
  await task.getByLabel('回复内容（群众可见）').fill('您好，已联系物业，今天下午换灯。');
  await task.locator('form').getByRole('button', { name: '回复群众' }).click();
  await expect(phone.getByText('您好，已联系物业，今天下午换灯。')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/resident-reply.png`, fullPage: true });
  await task.getByRole('button', { name: /办\s*结/ }).click();
  await task.getByLabel('办结情况').fill('物业已更换楼道灯');
  await task
    .locator('form')
    .getByRole('button', { name: /办\s*结/ })
    .click();
  await expect(task.getByText('已办结').first()).toBeVisible();
  await officer.screenshot({ path: `${SHOTS}/officer-resolved.png` });

  // The resident rates, and the desk sees the rating.
  await expect(phone.getByText('请为这次办理评价')).toBeVisible();
  await phone.getByText('满意', { exact: true }).click();
  await phone.getByRole('button', { name: '提交评价' }).click();
  await expect(phone.getByText('您的评价：满意')).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/resident-rated.png`, fullPage: true });
  await desk.reload();
  // Rated is done: the desk's default list holds what still waits, so the desk looks in the history.
  await desk.getByLabel('状态').click();
  await desk.getByTitle('全部（含历史）').click();
  await desk.locator('.ant-table-row', { hasText: text }).click();
  await expect(desk.locator('.ant-drawer').getByText('满意', { exact: true }).first()).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/desk-rated.png` });
});

test('an unknown doorplate code reveals nothing', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/h/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(page.getByText('二维码无效')).toBeVisible();
  await expect(page.getByText('紧急情况请拨打 110')).toBeVisible();
});
