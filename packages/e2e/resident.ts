/** Steps the resident journeys share: a doorplate to scan, a matter sent, phone contexts, and the axe check. */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './fixtures';

/** WeChat's in-app browser on Android, as most residents open the page after scanning. */
export const WECHAT =
  'Mozilla/5.0 (Linux; Android 14; V2302A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/122.0.6261.120 Mobile Safari/537.36 XWEB/1220133 MMWEBSDK/20240404 MMWEBID/2307 MicroMessenger/8.0.49.2600(0x2800313D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** A phone: 375×812 by default, 320×568 for the smallest screens; `elder` starts in 长辈模式 (kept on the device). */
export async function phonePage(browser: Browser, opts: { width?: number; height?: number; elder?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 375, height: opts.height ?? 812 },
    isMobile: true,
    hasTouch: true,
    userAgent: WECHAT,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  if (opts.elder) await context.addInitScript(() => localStorage.setItem('jm.elder', '1'));
  return context.newPage();
}

/** The desk (lt.duty) signed in through the API in a context of its own; `post` sends its CSRF token. */
export async function deskByApi(browser: Browser) {
  const context = await browser.newContext();
  const staffPage = await context.newPage();
  await staffPage.goto('/login');
  const origin = new URL(staffPage.url()).origin;
  const login = await staffPage.request.post('/api/v1/auth/login', {
    data: { username: 'lt.duty', password: DEMO_PASSWORD },
    headers: { origin },
  });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = async (path: string, data: unknown) => {
    const res = await staffPage.request.post(path, { data, headers: { origin, 'x-csrf-token': csrfToken } });
    expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    return res.json();
  };
  return { context, staffPage, post };
}

/** 受理 by the desk, through the API: the desk's list then holds an accepted matter (an orange tag). */
export async function acceptByDesk(browser: Browser, number: string) {
  const { context, staffPage, post } = await deskByApi(browser);
  const found = await (await staffPage.request.get(`/api/v1/matters?q=${number}&status=submitted`)).json();
  await post(`/api/v1/matters/${found.items[0].id}/accept`, { urgency: 'normal' });
  await context.close();
}

/** 受理 and 办结 by the desk, through the API: the resident's page then asks for the rating. */
export async function resolveByDesk(browser: Browser, number: string, outcome: string) {
  const { context, staffPage, post } = await deskByApi(browser);
  const found = await (await staffPage.request.get(`/api/v1/matters?q=${number}&status=submitted`)).json();
  const id = found.items[0].id;
  await post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' });
  await post(`/api/v1/matters/${id}/resolve`, { outcome });
  await context.close();
}

/** The path of a demo doorplate, read through the console API as the desk. */
export async function doorplatePath(browser: Browser, nth = 7) {
  const { context, staffPage } = await deskByApi(browser);
  const url = await staffPage.evaluate(async (page) => {
    const roots = await (await fetch('/api/v1/units/roots')).json();
    const list = await (await fetch(`/api/v1/households?unitId=${roots[0].id}&pageSize=1&page=${page}`)).json();
    return (await (await fetch(`/api/v1/households/${list.items[0].id}/doorplate-link`)).json()).url as string;
  }, nth);
  await context.close();
  return new URL(url).pathname;
}

/** Sends a matter from the doorplate as the page would; answers the tracking path `/m/…` and the 回执号. */
export async function sendMatter(page: Page, doorplate: string, body: string, kind = 'help') {
  const token = doorplate.split('/').pop();
  const receipt = await page.evaluate(
    async ({ token, body, kind }) => {
      const res = await fetch(`/api/v1/public/doorplates/${token}/matters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ kind, body, noticeVersion: '2026-11.2', photoIds: [] }),
      });
      return (await res.json()) as { number: string; trackingToken: string };
    },
    { token, body, kind },
  );
  return { path: `/m/${receipt.trackingToken}`, number: receipt.number };
}

/** WCAG 2.1 A and AA by axe-core: zero violations, listed readably when there are some. */
export async function expectNoAxeViolations(page: Page, what: string, within?: string) {
  const builder = new AxeBuilder({ page });
  if (within) builder.include(within);
  const result = await builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`,
  );
  expect.soft(found, `${what}: axe violations`).toEqual([]);
}

/**
 * What breaks the MIIT 适老化 rules on the visible page: text under `minFont`
 * px, lines spaced under 1.3, touch targets (buttons, links, switches,
 * options, checkboxes) under `minTarget` px either way. Each as a short description.
 */
export async function agedCareProblems(page: Page, minFont: number, minTarget: number) {
  return page.evaluate(
    ({ minFont, minTarget }) => {
      const problems: string[] = [];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.opacity !== '0';
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const seen = new Set<Element>();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !(n.textContent ?? '').trim() || !visible(el)) continue;
        if (el.closest('style, script, [aria-hidden="true"]')) continue;
        seen.add(el);
        const s = getComputedStyle(el);
        const size = Number.parseFloat(s.fontSize);
        if (size < minFont) problems.push(`text ${size}px: ${name(el)}`);
        const line = s.lineHeight === 'normal' ? size * 1.2 : Number.parseFloat(s.lineHeight);
        if (line / size < 1.295) problems.push(`line spacing ${(line / size).toFixed(2)}: ${name(el)}`);
      }
      const targets = document.querySelectorAll(
        'button, a[href], [role="switch"], [role="option"], .adm-checkbox, .adm-list-item-clickable, label:has(input[type=file])',
      );
      for (const el of targets) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width < minTarget || r.height < minTarget)
          problems.push(`target ${Math.round(r.width)}×${Math.round(r.height)}: ${name(el)}`);
      }
      return problems;
    },
    { minFont, minTarget },
  );
}
