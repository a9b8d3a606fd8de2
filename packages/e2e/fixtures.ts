/** Shared steps: signing in as a demo account (second factor included) and saving screenshots to look at. */
import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';

export const DEMO_PASSWORD = 'Jingmin#2026';
export const SHOTS = 'test-results/screens';

/**
 * TOTP secrets enrolled during this run, by username: kept in a file of the run (playwright.config.ts names it),
 * so a worker started afresh after a failed test still answers the second factor of accounts enrolled before.
 */
const secrets = {
  file: process.env.E2E_TOTP_FILE,
  all(): Record<string, string> {
    return this.file && fs.existsSync(this.file)
      ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>)
      : {};
  },
  get(username: string): string | undefined {
    return this.all()[username];
  },
  set(username: string, secret: string) {
    if (this.file) fs.writeFileSync(this.file, JSON.stringify({ ...this.all(), [username]: secret }));
  },
};

async function code(secret: string) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) });
}

/** Signs in; enrols a second factor when the role requires one, or answers the challenge when already enrolled. */
export async function signIn(page: Page, username: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const enrol = page.getByRole('button', { name: /绑\s*定/ });
  const verify = page.getByRole('button', { name: /验\s*证/ });
  await expect(page.getByText(/您好|绑定|动态验证码/).first()).toBeVisible({ timeout: 30_000 });
  if (await enrol.isVisible()) {
    const secret = (await page.locator('.totp-secret').textContent())!.trim();
    secrets.set(username, secret);
    await page.getByRole('textbox', { name: '动态验证码' }).fill(await code(secret));
    await enrol.click();
  } else if (await verify.isVisible()) {
    const secret = secrets.get(username);
    if (!secret) throw new Error(`${username} has a second factor this run did not enrol`);
    // A code works once: wait for the next 30-second step if this one was used at enrolment.
    await page.waitForTimeout(((30 - (Math.floor(Date.now() / 1000) % 30)) % 30) * 1000 + 500);
    await page.getByRole('textbox', { name: '动态验证码' }).fill(await code(secret));
    await verify.click();
  }
  await expect(page).toHaveURL(/\/console/);
  await expect(page.getByText(/您好/)).toBeVisible({ timeout: 30_000 });
}

export async function menuItems(page: Page) {
  return (await page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts()).map((s) => s.trim());
}

/** The newest one-time code texted to the phone ending in `lastFour` (the server's SMS provider is `log`). */
export async function lastSmsCode(lastFour: string): Promise<string> {
  const file = process.env.E2E_SMS_FILE;
  if (!file) throw new Error('E2E_SMS_FILE is not set (playwright.config.ts sets it)');
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(file, 'utf8').catch(() => ''))
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { kind: string; phone: string; code?: string });
  const code = lines.findLast((l) => l.kind === 'otp' && l.phone.endsWith(lastFour))?.code;
  if (!code) throw new Error(`no code texted to …${lastFour}`);
  return code;
}

/**
 * Picks an option of the antd Select labelled `label` inside `scope`, until the select shows it. A click that lands
 * while the dropdown is still opening (or closing) on a loaded machine chooses nothing, so the option is clicked only
 * once its dropdown has finished its motion, and a try that failed closes the dropdown before the next one.
 */
export async function choose(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await pick(page, scope, label, (options) => options.filter({ hasText: option }).first());
}

/** As `choose`, the last option of the list (e.g. a partner department after the station's own teams). */
export async function chooseLast(page: Page, scope: Locator, label: string) {
  await pick(page, scope, label, (options) => options.last());
}

async function pick(page: Page, scope: Locator, label: string, which: (options: Locator) => Locator) {
  const field = scope.getByLabel(label, { exact: true });
  const select = scope.locator('.ant-select', { has: page.getByLabel(label, { exact: true }) }).first();
  const settled = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])',
  );
  await expect(async () => {
    if (await select.evaluate((element) => element.classList.contains('ant-select-open'))) {
      await field.press('Escape');
    }
    await field.click();
    await expect(settled).toHaveCount(1, { timeout: 2_000 });
    const option = which(settled.locator('.ant-select-item-option'));
    const text = (await option.innerText({ timeout: 2_000 })).trim();
    await option.click({ timeout: 2_000 });
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Sets the antd date picker labelled `label` inside `scope` to today (its 今天/此刻 button), until it shows a date. */
export async function pickToday(page: Page, scope: Locator, label: string) {
  const field = scope.getByLabel(label, { exact: true });
  const settled = page.locator(
    '.ant-picker-dropdown:not(.ant-picker-dropdown-hidden):not([class*="-enter"]):not([class*="-appear"]):not([class*="-leave"])',
  );
  await expect(async () => {
    await field.click();
    await expect(settled).toHaveCount(1, { timeout: 2_000 });
    await settled.locator('.ant-picker-today-btn, .ant-picker-now-btn').first().click({ timeout: 2_000 });
    await expect(field).toHaveValue(/\d/, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
