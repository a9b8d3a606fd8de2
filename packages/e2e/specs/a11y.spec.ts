/**
 * Accessibility (WCAG 2.1 A and AA, checked by axe-core): no violation on the
 * pages residents use — the doorplate page in normal and elder mode, a
 * submitted matter, "my matters" — nor on the console's sign-in and the desk.
 */
import { expect, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';
import { acceptByDesk, doorplatePath, expectNoAxeViolations, phonePage, sendMatter } from '../resident';

test('the resident pages have no WCAG 2.1 AA violation, in normal and elder mode', async ({ browser }) => {
  test.setTimeout(120_000);
  const doorplate = await doorplatePath(browser);
  for (const elder of [false, true]) {
    const phone = await phonePage(browser, { elder });
    const mode = elder ? 'elder' : 'normal';
    await phone.goto(doorplate);
    await expect(phone.getByRole('button', { name: '提交给派出所' })).toBeVisible();
    await expectNoAxeViolations(phone, `doorplate (${mode})`);

    const matter = await sendMatter(phone, doorplate, `单元门禁坏了，外人随便进出 ${mode}`);
    await phone.goto(matter.path);
    await expect(phone.getByText(matter.number).first()).toBeVisible();
    await expectNoAxeViolations(phone, `matter (${mode})`);
    await phone.screenshot({ path: `${SHOTS}/a11y-matter-${mode}.png`, fullPage: true });

    await phone.goto('/my');
    await expect(phone.getByText(matter.number).first()).toBeVisible();
    await expectNoAxeViolations(phone, `my matters (${mode})`);
    await phone.context().close();
  }
});

test('the console sign-in and the desk have no WCAG 2.1 AA violation', async ({ page, browser }) => {
  // Every status colour on the desk's list: a matter just sent (red) and one accepted (orange).
  const doorplate = await doorplatePath(browser, 5);
  await page.goto('/login');
  await sendMatter(page, doorplate, '村口垃圾桶满了没人清');
  const accepted = await sendMatter(page, doorplate, '想问问办理暂住证需要什么材料');
  await acceptByDesk(browser, accepted.number);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expectNoAxeViolations(page, 'sign-in');

  await signIn(page, 'lt.duty');
  await page.getByRole('menuitem', { name: '值班台' }).click();
  await expect(page.locator('.ant-table-row', { hasText: accepted.number })).toBeVisible();
  await expectNoAxeViolations(page, 'desk');
  await page.screenshot({ path: `${SHOTS}/a11y-desk-1440.png` });
});
