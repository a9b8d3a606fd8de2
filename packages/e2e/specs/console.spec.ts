import { expect, test } from '@playwright/test';
import { menuItems, SHOTS, signIn } from '../fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

// Handlers work from 我的任务; the 值班台 is for desk duty (a community officer only where the station allows it).
// They log household visits (走访入户), answer 双率 samples lent to them and call back when the chief asks (我的回访);
// all but the grid worker work dispute cases (矛盾纠纷: parties' particulars stay with the police and mediators).
const GRID = [
  '工作台',
  '我的任务',
  '辖区管理',
  '警务区',
  '走访入户',
  '巡逻防控',
  '隐患台账',
  '平安联盟',
  '议事厅',
  '宣传预警',
  '双率抽查',
  '我的回访',
  '工作日历',
  '我的账号',
];
const MEDIATOR = [
  '工作台',
  '我的任务',
  '矛盾纠纷',
  '辖区管理',
  '警务区',
  '双率抽查',
  '我的回访',
  '工作日历',
  '我的账号',
];
// Who reads a station's cases also reads its monthly analysis (分析报告); a mediator only the cases given to them.
const HANDLER = [
  '工作台',
  '我的任务',
  '矛盾纠纷',
  '分析报告',
  '辖区管理',
  '警务区',
  '走访入户',
  '巡逻防控',
  '隐患台账',
  '平安联盟',
  '议事厅',
  '宣传预警',
  '反诈预警',
  '双率抽查',
  '我的回访',
  '工作日历',
  '我的账号',
];
const MENUS: Record<string, string[]> = {
  'lt.duty': [
    '工作台',
    '值班台',
    '我的任务',
    '矛盾纠纷',
    '分析报告',
    '辖区管理',
    '警务区',
    '个人信息申请',
    '会议评价',
    '走访入户',
    '巡逻防控',
    '隐患台账',
    '平安联盟',
    '议事厅',
    '宣传预警',
    '反诈预警',
    '窗口评价',
    '双率抽查',
    '评价统计',
    '我的回访',
    '码上办设置',
    '工作日历',
    '我的账号',
  ],
  'lt.officer': HANDLER,
  'lt.aux': HANDLER,
  'lt.grid': GRID,
  'lt.mediator': MEDIATOR,
  // A partner department handles what is transferred to it and may be asked to call back; it visits no households.
  // A department's liaison reaches the dispute cases transferred to its department under 矛盾纠纷.
  'lt.liaison': ['工作台', '我的任务', '矛盾纠纷', '辖区管理', '警务区', '我的回访', '工作日历', '我的账号'],
  'lt.chief': [
    '工作台',
    '值班台',
    '我的任务',
    '矛盾纠纷',
    '分析报告',
    '辖区管理',
    '警务区',
    '个人信息申请',
    '会议评价',
    '走访入户',
    '巡逻防控',
    '隐患台账',
    '平安联盟',
    '议事厅',
    '宣传预警',
    '反诈预警',
    '窗口评价',
    '双率抽查',
    '监督分析',
    '公开数据',
    '评价统计',
    '评价复核',
    '我的回访',
    '码上办设置',
    '工作日历',
    '人员账号',
    '我的账号',
  ],
  'qh.bureau': [
    '工作台',
    '值班台',
    '矛盾纠纷',
    '分析报告',
    '辖区管理',
    '警务区',
    '走访入户',
    '巡逻防控',
    '隐患台账',
    '平安联盟',
    '议事厅',
    '宣传预警',
    '反诈预警',
    '双率抽查',
    '监督分析',
    '公开数据',
    '评价统计',
    '工作日历',
    '我的账号',
  ],
  sysadmin: ['工作台', '辖区管理', '警务区', '反诈预警', '双率抽查', '工作日历', '人员账号', '我的账号'],
  secadmin: ['工作台', '辖区管理', '警务区', '工作日历', '人员账号', '安全策略', '我的账号'],
  auditor: ['工作台', '审计日志', '我的账号'],
};

test('each demo role signs in and sees exactly its menu', async ({ page }) => {
  test.setTimeout(240_000);
  for (const [username, menu] of Object.entries(MENUS)) {
    await signIn(page, username);
    expect(await menuItems(page), username).toEqual(menu);
    await page.getByRole('button', { name: '退出' }).click();
    await expect(page).toHaveURL(/\/login/);
  }
});

test('an administrator enrols a second factor with a QR code', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('cg.chief');
  await page.getByLabel('密码').fill('Jingmin#2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByAltText('双因素认证二维码')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/totp-enrol.png` });
});

test('a duty officer browses the tree down to a village and its households', async ({ page }) => {
  await signIn(page, 'lt.duty');
  await page.screenshot({ path: `${SHOTS}/console-home.png` });
  await page.getByRole('menuitem', { name: '辖区管理' }).click();
  await page.getByRole('cell', { name: '柳塘镇', exact: true }).click();
  await page.getByRole('cell', { name: '东岭村', exact: true }).click();
  await expect(page.locator('.ant-breadcrumb')).toContainText('柳塘派出所');
  await expect(page.locator('.ant-breadcrumb')).toContainText('东岭村');
  await page.getByRole('tab', { name: '门牌' }).click();
  await expect(page.locator('.ant-table-row', { hasText: '青禾县柳塘镇东岭村' }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tree.png` });
});

test('the auditor finds the sign-ins in the audit trail and the chain verifies', async ({ page }) => {
  await signIn(page, 'auditor');
  await page.getByRole('menuitem', { name: '审计日志' }).click();
  await page.getByLabel('操作', { exact: true }).fill('auth.login');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.locator('.ant-table-row', { hasText: 'lt.duty' }).first()).toBeVisible();
  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByText(/审计链完整/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/audit.png` });
});
