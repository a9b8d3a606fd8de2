/**
 * 巡逻打卡 on a phone: an auxiliary starts an evening patrol along 镇区夜巡线 at /field/patrol, "scans" three points
 * by opening their printed addresses (/pp/<token>), sees 打卡成功 each time and three ✓ on the patrol page; the same
 * point again is refused with the reason; the patrol is ended, so the demo's data stay as they were for other specs.
 */
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { SHOTS, signIn } from '../fixtures';

const PHONE = { width: 375, height: 812 };
/** The chief's signed-in browser state: signed in once (a second factor each time would wait for a fresh code). */
let chiefState: Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;

test.describe.configure({ mode: 'serial' });

interface Point {
  id: string;
  name: string;
  code: string;
  url: string | null;
}

/** The three first points of 镇区夜巡线, with their printed addresses, read by the chief. */
async function routePoints(browser: Browser): Promise<Point[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'lt.chief');
  const json = async <T>(request: APIRequestContext, path: string) => {
    const res = await request.get(`/api/v1${path}`);
    expect(res.ok(), path).toBeTruthy();
    return (await res.json()) as T;
  };
  const session = await json<{ user: { scopeUnitId: string } }>(page.request, '/auth/session');
  const station = session.user.scopeUnitId;
  const routes = await json<{ items: { name: string; points: { id: string }[] }[] }>(
    page.request,
    `/stations/${station}/patrol-routes`,
  );
  const points = await json<{ items: Point[] }>(page.request, `/stations/${station}/patrol-points`);
  const route = routes.items.find((r) => r.name === '镇区夜巡线');
  expect(route).toBeTruthy();
  const picked = (route?.points ?? []).slice(0, 3).map((p) => points.items.find((x) => x.id === p.id));
  chiefState = await context.storageState();
  await context.close();
  return picked.filter((p): p is Point => Boolean(p?.url));
}

async function endIfUnderWay(page: Page) {
  await page.goto('/field/patrol');
  const end = page.getByRole('button', { name: '结束巡逻' });
  await expect(page.getByRole('button', { name: /开始巡逻|结束巡逻/ }).first()).toBeVisible();
  if (await end.isVisible()) {
    await end.click();
    await page.getByRole('dialog').getByRole('button', { name: '结束巡逻' }).click();
    await expect(page.getByRole('button', { name: '开始巡逻' })).toBeVisible();
  }
}

test('a patrol scans three points and sees them checked on the phone', async ({ browser }) => {
  test.setTimeout(180_000);
  const points = await routePoints(browser);
  expect(points).toHaveLength(3);
  const page = await (await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage();
  await signIn(page, 'lt.aux');
  await endIfUnderWay(page);

  await page.getByText('柳塘义警巡逻队').click();
  await page.getByText('镇区夜巡线').click();
  await page.screenshot({ path: `${SHOTS}/patrol-start-375.png`, fullPage: true });
  await page.getByRole('button', { name: '开始巡逻' }).click();
  await expect(page.getByText('巡逻进行中')).toBeVisible();
  await expect(page.getByText('未打卡')).toHaveCount(5);

  for (const [i, p] of points.entries()) {
    const token = new URL(p.url ?? '').pathname.split('/pp/')[1] ?? '';
    await page.goto(`/pp/${token}`);
    await expect(page).toHaveURL(new RegExp(`/field/patrol/scan/${token}$`));
    await expect(page.getByText('打卡成功')).toBeVisible();
    await expect(page.getByText(`${p.name}（${p.code}）`)).toBeVisible();
    if (i === 0) await page.screenshot({ path: `${SHOTS}/patrol-scan-ok-375.png`, fullPage: true });
    await page.getByRole('button', { name: '返回巡逻' }).click();
    await expect(page.getByTestId('checked')).toHaveCount(i + 1);
  }
  await expect(page.getByText('未打卡')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/patrol-three-checked-375.png`, fullPage: true });

  // The same point again in this patrol: refused, with the reason on the phone.
  const again = new URL(points[0]?.url ?? '').pathname.split('/pp/')[1] ?? '';
  await page.goto(`/pp/${again}`);
  await expect(page.getByText('本次巡逻已在该点打卡')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/patrol-scan-replay-375.png`, fullPage: true });
  await page.getByRole('button', { name: '返回巡逻' }).click();
  await expect(page.getByTestId('checked')).toHaveCount(3);

  // 发现问题: a broken street lamp near the last point, reported as a matter in one action; the patrol lists it.
  await page.getByText('上报事项').click();
  await page.getByPlaceholder(/桥头路灯不亮/).fill('加油站门前路灯不亮，夜间进出车辆看不清行人');
  await page.getByPlaceholder(/石桥东侧/).fill('便利店门口');
  await page.getByRole('button', { name: '上报事项' }).click();
  await expect(page.getByText(/已上报，回执号 JM\d{8}-\d+/)).toBeVisible();
  await page.getByRole('button', { name: '返回巡逻' }).click();
  await expect(page.getByText('本次巡逻已上报')).toBeVisible();
  await expect(page.getByText(/JM\d{8}-\d+/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/patrol-found-375.png`, fullPage: true });

  // End it: the demo's patrols are left as they were for the other specs.
  await page.getByRole('button', { name: '结束巡逻' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '结束巡逻' }).click();
  await expect(page.getByRole('button', { name: '开始巡逻' })).toBeVisible();
});

test('the chief reads the patrol and the coverage at 375 and 1440 px', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const viewport of [PHONE, { width: 1440, height: 900 }]) {
    const page = await (await browser.newContext({ viewport, storageState: chiefState })).newPage();
    await page.goto('/console/patrols');
    // The first paint loads the charts' chunk: allow a loaded machine its time (CI saw 10 s pass before it ran).
    await expect(page.getByText('巡逻次数')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.ant-table-row').filter({ hasText: '镇区夜巡线' }).first()).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/patrols-console-${viewport.width}.png`, fullPage: true });
    await page.getByRole('tab', { name: '必到点' }).click();
    const pane = page.getByRole('tabpanel');
    await expect(pane.getByText('柳塘镇中心小学校门口')).toBeVisible();
    await expect(page.getByRole('button', { name: '下载二维码打印页' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/patrols-points-${viewport.width}.png`, fullPage: true });
    await page.getByRole('tab', { name: '巡逻队' }).click();
    await expect(pane.getByText('柳塘义警巡逻队')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/patrols-teams-${viewport.width}.png`, fullPage: true });
    await page.context().close();
  }
});
