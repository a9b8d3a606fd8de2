/**
 * 宣传与预警 and 反诈预警劝阻 in Chromium. The chief, on a desktop, writes a 紧急 反诈 warning to one village of 柳塘 on
 * the composer (the village ticked on the tree, the reach shown before sending), asks residents to tap 已知晓 and
 * sends it; a resident of that village, whose doorplate page is already open on a phone, sees the red banner arrive
 * without a reload, taps 我已知晓 and reads the notice; the chief's page then counts the village's 查看 and 已知晓.
 * Then an anti-fraud instruction posted by an upstream system (its own API key, allow-listed address) reaches the
 * grid's responsible officer on a phone, who records 劝阻成功 with the money kept from loss; the result goes back to
 * the upstream's webhook (a server of this test) with a body signed by the upstream's secret.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, expect, type Page, type TestInfo, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';
import { phonePage } from '../resident';

test.use({ actionTimeout: 20_000 });

interface Unit {
  id: string;
  kind: string;
  name: string;
}
interface Session {
  csrfToken: string;
  user: { displayName: string; scopeUnitId: string };
}
interface ReachUnit {
  unitId: string;
  name: string;
  opened: number;
  acknowledged: number;
}
interface Reach {
  totals: { deliveredHouseholds: number; opened: number; acknowledged: number };
  units: ReachUnit[];
}

/** A staff call from a signed-in console page (its cookie and CSRF token); 200 or 201 expected. */
async function staffCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/v1/auth/session')).json()) as Session;
  const res = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': session.csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { data: body } : {}),
  });
  expect([200, 201], `${method} ${path}: ${await res.text()}`).toContain(res.status());
  return (await res.json()) as T;
}

/** A page that has not reloaded since `mark` still carries the mark. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { jmNoReload: true }));
const notReloaded = async (page: Page) =>
  expect(await page.evaluate(() => (window as { jmNoReload?: boolean }).jmNoReload)).toBe(true);

/** A screenshot among the test's outputs; the telling ones (`keep`) also go to test-results/screens. */
async function shot(page: Page, info: TestInfo, name: string, { keep = false, fullPage = false } = {}) {
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  if (!keep) return;
  for (const dir of [SHOTS, process.env.E2E_KEEP_SHOTS].filter((d): d is string => Boolean(d))) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path, `${dir}/${name}.png`);
  }
}

/** An antd card by its title, exactly. */
const cardTitled = (page: Page, title: string) =>
  page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText(title, { exact: true }) });

/** One of the reach figures on a notice's page (送达, 查看, 已知晓 …), by its title. */
const figure = (page: Page, title: string) =>
  page
    .locator('.ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title').getByText(title, { exact: true }) });

/** The villages of the chief's station (station → 乡镇 → 村), and the station's id. */
async function villagesOf(chief: Page) {
  const session = await staffCall<Session>(chief, 'GET', '/auth/session');
  const stationId = session.user.scopeUnitId;
  const villages: Unit[] = [];
  for (const top of await staffCall<Unit[]>(chief, 'GET', `/units/${stationId}/children`)) {
    if (top.kind === 'village') villages.push(top);
    else if (top.kind === 'township')
      villages.push(...(await staffCall<Unit[]>(chief, 'GET', `/units/${top.id}/children`)));
  }
  const found = villages.filter((v) => v.kind === 'village');
  expect(found.length, 'the demo station has villages').toBeGreaterThan(2);
  return { stationId, villages: found };
}

/** A household of the village: its id, doorplate code and the path of its doorplate page. */
async function householdIn(chief: Page, village: Unit, nth: number) {
  const list = await staffCall<{ items: { id: string; doorplateCode: string; address: string }[] }>(
    chief,
    'GET',
    `/households?unitId=${village.id}&pageSize=1&page=${nth}`,
  );
  const home = list.items[0];
  if (!home) throw new Error(`no household in ${village.name}`);
  const { url } = await staffCall<{ url: string }>(chief, 'GET', `/households/${home.id}/doorplate-link`);
  return { ...home, doorplate: new URL(url).pathname };
}

/** A desktop console page signed in as `username`. */
async function desk(browser: Browser, username: string) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, username);
  return page;
}

test('the chief sends a 紧急 反诈 warning to one village; a resident sees it live and taps 已知晓; the reach counts it', async ({
  browser,
}, info) => {
  test.setTimeout(240_000);
  const chief = await desk(browser, 'lt.chief');
  const { villages } = await villagesOf(chief);
  const village = villages[2] as Unit;
  const home = await householdIn(chief, village, 4);
  const stamp = Date.now().toString().slice(-5);
  const title = `警惕冒充快递客服退款诈骗 ${stamp}`;

  const resident = await phonePage(browser);
  await test.step('a resident of the village has the doorplate page open on a phone', async () => {
    await resident.goto(home.doorplate);
    await expect(resident.getByText(home.address)).toBeVisible({ timeout: 30_000 });
    await expect(resident.getByRole('alert', { name: '紧急提醒' }).filter({ hasText: title })).toHaveCount(0);
    await mark(resident);
    await shot(resident, info, 'w-resident-doorplate-before');
  });

  await test.step('the chief writes the warning: 紧急, 反诈, 已知晓 asked, the village ticked, the reach shown', async () => {
    await chief.goto('/console/warnings');
    await chief.getByRole('button', { name: /新\s*建/ }).click();
    await expect(chief).toHaveURL(/\/console\/warnings\/new/);
    await expect(chief.getByText('新建通知')).toBeVisible();
    await chief.locator('.ant-segmented-item', { hasText: '紧急' }).click();
    await chief.getByRole('combobox', { name: '类别' }).click();
    await chief.locator('.ant-select-item-option[title="反诈"]').click();
    await chief.getByRole('textbox', { name: '标题' }).fill(title);
    await chief
      .getByRole('textbox', { name: '正文' })
      .fill(
        '近期有人冒充快递客服，以“快递丢失理赔”“退款”为由，诱导开通共享屏幕、转账到“安全账户”。' +
          '快递理赔不会要求您转账或共享屏幕，接到此类电话请立即挂断，拨打 96110 或 110 咨询。',
      );
    await chief.getByRole('checkbox', { name: '需要群众确认“已知晓”' }).check();

    const picker = cardTitled(chief, '发送范围');
    const preview = cardTitled(chief, '触达预估');
    await expect(preview.getByText('请先选择发送范围')).toBeVisible();
    const node = picker
      .locator('.ant-tree-treenode')
      .filter({ has: chief.locator('.ant-tree-title', { hasText: new RegExp(`^${village.name} · `) }) });
    await node.locator('.ant-tree-checkbox').click();
    await expect(node.locator('.ant-tree-checkbox')).toHaveClass(/ant-tree-checkbox-checked/);
    await expect(preview).toContainText(/覆盖 [\d,]+ 户（已扫码 [\d,]+ 户）/);
    const households = Number(/覆盖 ([\d,]+) 户/.exec((await preview.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    expect(households).toBeGreaterThan(0);
    await shot(chief, info, 'w-chief-composer', { keep: true, fullPage: true });

    // The chief's own 紧急 notice is sent by the chief: saved as a draft, then 发布 on its page.
    await chief.getByRole('button', { name: /保存草稿/ }).click();
    await expect(chief).toHaveURL(/\/console\/warnings\/[0-9a-f-]{36}$/);
    await expect(chief.getByRole('heading', { name: title, level: 4 })).toBeVisible();
    await expect(cardTitled(chief, '发送范围与方式')).toContainText(village.name);
  });

  await test.step('the chief sends it; the banner comes up live on the phone', async () => {
    await chief.getByRole('button', { name: /^发\s*布$/ }).click();
    const confirm = chief.locator('.ant-modal-confirm', { hasText: '确认发布？' });
    await expect(confirm).toContainText(`范围：${village.name}`);
    await expect(confirm).toContainText(/覆盖 [\d,]+ 户/);
    await expect(chief.locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
    await shot(chief, info, 'w-chief-confirm-send');
    await confirm.getByRole('button', { name: /^发\s*布$/ }).click();
    await expect(confirm).toBeHidden();
    await expect(chief.locator('.ant-tag', { hasText: '已发布' })).toBeVisible();
    await expect(chief.getByText('触达情况')).toBeVisible();
    // Nothing opened or acknowledged yet.
    await expect(figure(chief, '查看').locator('.ant-statistic-content-value')).toHaveText('0');
    await expect(figure(chief, '已知晓').locator('.ant-statistic-content-value')).toHaveText('0');

    const banner = resident.getByRole('alert', { name: '紧急提醒' });
    await expect(banner).toContainText(title, { timeout: 20_000 });
    await expect(banner.getByRole('button', { name: '我已知晓' })).toBeVisible();
    await notReloaded(resident);
    await shot(resident, info, 'w-resident-banner-live', { keep: true });
  });

  await test.step('the resident taps 我已知晓 on the banner, then reads the notice', async () => {
    const banner = resident.getByRole('alert', { name: '紧急提醒' }).filter({ hasText: title });
    await banner.getByRole('button', { name: '我已知晓' }).click();
    await expect(resident.getByText('已知晓，谢谢')).toBeVisible();
    await expect(banner).toHaveCount(0);
    await notReloaded(resident);
    // The doorplate's 平安提醒 received it live too.
    const item = resident.locator('.adm-list-item').filter({ hasText: title });
    await expect(item).toBeVisible();
    await item.click();
    await expect(resident).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
    await expect(resident.getByRole('heading', { name: title })).toBeVisible();
    await expect(resident.getByRole('status').filter({ hasText: '已知晓 ✓' })).toBeVisible();
    await shot(resident, info, 'w-resident-notice-acknowledged', { keep: true });
  });

  await test.step("the chief's page counts the village's 查看 and 已知晓", async () => {
    const id = /\/console\/warnings\/([0-9a-f-]{36})$/.exec(chief.url())?.[1] ?? '';
    await expect
      .poll(async () => {
        const r = await staffCall<Reach>(chief, 'GET', `/warnings/${id}/reach`);
        const v = r.units.find((u) => u.unitId === village.id);
        return [v?.opened ?? 0, v?.acknowledged ?? 0].map((n) => Math.min(n, 1));
      })
      .toEqual([1, 1]);
    await chief.reload();
    await expect(chief.getByText('触达情况')).toBeVisible();
    const value = async (name: string) =>
      Number(
        ((await figure(chief, name).locator('.ant-statistic-content-value').textContent()) ?? '').replace(/,/g, ''),
      );
    await expect(figure(chief, '送达')).toBeVisible();
    expect(await value('送达')).toBeGreaterThan(0);
    expect(await value('查看')).toBeGreaterThanOrEqual(1);
    expect(await value('已知晓')).toBeGreaterThanOrEqual(1);
    const row = chief.locator('.ant-table-row').filter({ hasText: village.name }).first();
    const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
    // 村/网格, 户数, 已扫码, 查看, 已知晓, …
    expect(cells[0]).toContain(village.name);
    expect(Number(cells[3]?.replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
    expect(Number(cells[4]?.replace(/,/g, ''))).toBeGreaterThanOrEqual(1);
    await shot(chief, info, 'w-chief-reach-after', { keep: true, fullPage: true });
  });
});

interface Hit {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The upstream's webhook: a server of this test that records what it is sent and answers 200. */
async function fakeWebhook() {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { hits, url: `http://127.0.0.1:${port}/jingmin/feedback`, close: () => server.close() };
}

test('an upstream instruction reaches the grid officer on a phone; 劝阻成功 is recorded and fed back signed', async ({
  browser,
  request,
}, info) => {
  test.setTimeout(300_000);
  const hook = await fakeWebhook();
  try {
    const officer = await (
      await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
    ).newPage();
    await signIn(officer, 'lt.officer');
    const officerName = (await staffCall<Session>(officer, 'GET', '/auth/session')).user.displayName;

    const chief = await desk(browser, 'lt.chief');
    const { stationId, villages } = await villagesOf(chief);
    const home = await householdIn(chief, villages[1] as Unit, 6);
    const created = await staffCall<{ upstream: { id: string }; apiKey: string; webhookSecret: string }>(
      chief,
      'POST',
      '/fraud/upstreams',
      {
        name: `省反诈中心预警平台 ${Date.now().toString().slice(-5)}`,
        unitId: stationId,
        allowedIps: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
        feedback: 'webhook',
        webhookUrl: hook.url,
      },
    );
    expect(created.apiKey).toMatch(/^jmk_/);

    const externalId = `FZ-E2E-${Date.now()}`;
    const name = '王秀英';
    const posted = await request.post('/api/v1/upstream/fraud/instructions', {
      headers: { authorization: `Bearer ${created.apiKey}` },
      data: {
        externalId,
        issuedAt: new Date().toISOString(),
        name,
        phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        doorplateCode: home.doorplateCode,
        fraudType: 'customer_service',
        level: 'high',
        detail: '当事人正与自称快递客服的人通话，已下载屏幕共享软件，准备向“安全账户”转账约 3.8 万元。',
      },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    const answer = (await posted.json()) as { id: string; number: string; routedTo: string };
    expect(answer.routedTo).toBe('officer');
    const routed = await staffCall<{ assignee: { name: string } | null; household: { address: string } | null }>(
      chief,
      'GET',
      `/fraud/instructions/${answer.id}`,
    );
    expect(routed.assignee?.name).toBe(officerName);
    expect(routed.household?.address).toBe(home.address);

    await test.step('the officer opens 反诈任务 on the phone and the task', async () => {
      await officer.goto('/field/fraud');
      await expect(officer.getByText(/待核查 \d+ 条/)).toBeVisible({ timeout: 30_000 });
      const task = officer.locator('.adm-list-item').filter({ hasText: answer.number });
      await expect(task).toBeVisible();
      await expect(task).toContainText('冒充电商物流客服');
      await shot(officer, info, 'w-officer-fraud-list', { keep: true });
      await task.click();
      await expect(officer).toHaveURL(new RegExp(`/field/fraud/${answer.id}$`));
      await expect(officer.getByText(name, { exact: true })).toBeVisible();
      await expect(officer.getByRole('link', { name: '拨打电话' })).toBeVisible();
      await expect(officer.getByText(home.address)).toBeVisible();
      await shot(officer, info, 'w-officer-fraud-task', { keep: true });
    });

    let verifiedAt = 0;
    await test.step('the officer records 劝阻成功 by phone with the money kept from loss', async () => {
      await expect(officer.locator('.adm-selector-item-active', { hasText: '电话劝阻' })).toBeVisible();
      await officer.locator('.adm-selector-item', { hasText: '劝阻成功' }).click();
      await officer.getByRole('spinbutton', { name: '挽回损失' }).fill('38000');
      await officer.locator('.adm-selector-item', { hasText: '安装国家反诈中心APP' }).click();
      await officer
        .getByPlaceholder('如：已电话劝阻，当事人停止转账')
        .fill('已电话劝阻，当事人已挂断并卸载共享屏幕软件。');
      await shot(officer, info, 'w-officer-verify-form', { fullPage: true });
      await officer.getByRole('button', { name: '提交核查结果' }).click();
      verifiedAt = Date.now();
      await expect(officer.getByText('已核查 · 劝阻成功')).toBeVisible();
      const result = officer.locator('.adm-list').filter({ hasText: '核查结果' });
      await expect(result).toContainText('电话劝阻');
      await expect(result).toContainText('¥38,000');
      await expect(result).toContainText('安装国家反诈中心APP');
      await expect(officer.getByText('核查结果已提交')).toBeHidden();
      await shot(officer, info, 'w-officer-verified', { keep: true, fullPage: true });
    });

    await test.step('the feedback reaches the upstream, signed with its secret', async () => {
      await expect.poll(() => hook.hits.length, { timeout: 75_000, intervals: [1000] }).toBeGreaterThan(0);
      const waited = `webhook received ${((Date.now() - verifiedAt) / 1000).toFixed(1)} s after 提交核查结果`;
      info.annotations.push({ type: 'feedback', description: waited });
      console.log(waited);
      const hit = hook.hits[0] as Hit;
      expect(hit.method).toBe('POST');
      expect(hit.url).toBe('/jingmin/feedback');
      const body = JSON.parse(hit.body) as Record<string, unknown>;
      expect(body).toMatchObject({
        externalId,
        number: answer.number,
        outcome: 'dissuaded',
        method: 'phone',
        amountPrevented: 38000,
        withinDeadline: true,
      });
      const timestamp = String(hit.headers['x-jingmin-timestamp']);
      expect(timestamp).toMatch(/^\d{10}$/);
      const expected = `v1=${createHmac('sha256', created.webhookSecret).update(`${timestamp}.${hit.body}`).digest('hex')}`;
      expect(hit.headers['x-jingmin-signature']).toBe(expected);
      expect(hit.headers['idempotency-key']).toBe(answer.id);

      await officer.reload();
      const result = officer.locator('.adm-list').filter({ hasText: '核查结果' });
      await expect(result).toContainText('已反馈');
      await shot(officer, info, 'w-officer-fed-back', { keep: true, fullPage: true });
    });
  } finally {
    hook.close();
  }
});
