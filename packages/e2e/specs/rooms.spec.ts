/**
 * 网上警民议事厅 (一警一群) in three browsers at once: resident A joins its village's room from the doorplate (a
 * verified phone, then a nickname) and "@"s the community officer; the officer, on the room's console page, sees
 * it arrive live and answers, and A reads the answer live; the officer makes it a matter, and A alone gets the
 * private link to follow it while B, of another household of the same village, reads only the neutral note; B's
 * post is hidden with a reason — B reads the reason, A no longer reads the post; B posts a lost item and closes it.
 * Then an elder on the smallest phone, in WeChat's browser and 长辈模式, reads a room, votes on a 议事 topic once and
 * reads the station's lost and found: no axe violation, nothing wider than the screen, text and targets large.
 */
import fs from 'node:fs';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { lastSmsCode, SHOTS, signIn } from '../fixtures';
import { agedCareProblems, expectNoAxeViolations, phonePage } from '../resident';

test.use({ actionTimeout: 20_000 });

interface Room {
  id: string;
  name: string;
  kind: 'area' | 'group';
  unitId: string | null;
  hosts: { staffId: string; nickname: string; role: string }[];
}

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

/** A mobile number of this run, ending in four digits the SMS log is searched by. */
const newPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

/** A page that has not reloaded since `mark` still carries the mark. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { jmNoReload: true }));
const notReloaded = async (page: Page) =>
  expect(await page.evaluate(() => (window as { jmNoReload?: boolean }).jmNoReload)).toBe(true);

/**
 * A post on the console, by its author and text: the innermost block holding both and a host's actions (标记类别
 * is on every post). The author's name, exactly, tells it from a reply quoting it.
 */
const staffPost = (page: Page, author: string, text: string) =>
  page
    .locator('div')
    .filter({ hasText: text })
    .filter({ has: page.getByText(author, { exact: true }) })
    .filter({ has: page.getByRole('button', { name: '标记类别' }) })
    .last();

/** The member's composer: antd-mobile's TextArea puts its aria-label on a wrapper, so the placeholder names it. */
const composer = (page: Page) => page.getByPlaceholder('说点什么，或 @ 民警求助');

/** A post as a member reads it, by its author and text. */
const bubble = (page: Page, author: string, text: string) =>
  page.getByRole('article', { name: `${author} 的发言` }).filter({ hasText: text });

/**
 * A screenshot among the test's outputs; a phone's is of the screen scrolled to the newest post when `newest`.
 * The telling ones (`keep`) go to test-results/screens like the other specs', and to $E2E_KEEP_SHOTS when set.
 */
async function shot(page: Page, info: TestInfo, name: string, { keep = false, newest = false, fullPage = false } = {}) {
  if (newest) await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  if (!keep) return;
  for (const dir of [SHOTS, process.env.E2E_KEEP_SHOTS].filter((d): d is string => Boolean(d))) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path, `${dir}/${name}.png`);
  }
}

/** From the doorplate page: the room's line, 加入, the phone by one-time code, a nickname; ends in the room. */
async function joinFromDoorplate(phone: Page, doorplate: string, room: Room, nickname: string, info: TestInfo) {
  await phone.goto(doorplate);
  await expect(phone.getByText('紧急情况请拨打 110')).toBeVisible();
  const line = phone.locator('.adm-list-item', { hasText: room.name });
  await expect(line).toContainText('加入');
  await line.click();
  const popup = phone.locator('.adm-popup-body');
  await expect(popup.getByText('请先验证手机号', { exact: false })).toBeVisible();
  const number = newPhone();
  await popup.getByRole('textbox', { name: '手机号' }).fill(number);
  await popup.getByRole('button', { name: '获取验证码' }).click();
  await expect(popup.getByText(/验证码已发送至/)).toBeVisible();
  await popup.getByRole('textbox', { name: '验证码' }).fill(await lastSmsCode(number.slice(-4)));
  await popup.getByRole('button', { name: '验证', exact: true }).click();
  await expect(popup.getByText(/已验证/)).toBeVisible();
  await popup.getByLabel(/群昵称/).fill(nickname);
  await shot(phone, info, `join-${nickname}`);
  await popup.getByRole('button', { name: '加入议事厅' }).click();
  await expect(phone).toHaveURL(new RegExp(`/rooms/${room.id}$`));
  await expect(phone.getByText('实时')).toBeVisible();
}

test('a resident "@"s the officer, gets a live answer and a matter; another reads the note only; a post hidden', async ({
  browser,
}, info) => {
  test.setTimeout(300_000);
  const stamp = Date.now().toString().slice(-5);

  // The community officer (the owner of the village rooms) on a desktop; the room and two of its households.
  const officer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(officer, 'lt.officer');
  const session = await (await officer.request.get('/api/v1/auth/session')).json();
  const rooms = await staffCall<Room[]>(officer, 'GET', `/stations/${session.user.scopeUnitId}/rooms`);
  const room = rooms.find((r) => r.kind === 'area' && r.unitId);
  if (!room?.unitId) throw new Error('the demo has no area room');
  const owner = room.hosts.find((h) => h.role === 'owner');
  if (!owner) throw new Error(`${room.name} has no owner`);
  const homes = await staffCall<{ items: { id: string }[] }>(
    officer,
    'GET',
    `/households?unitId=${room.unitId}&pageSize=2&page=3`,
  );
  const [plateA, plateB] = await Promise.all(
    homes.items.map(async (h) => {
      const { url } = await staffCall<{ url: string }>(officer, 'GET', `/households/${h.id}/doorplate-link`);
      return new URL(url).pathname;
    }),
  );
  if (!plateA || !plateB) throw new Error(`fewer than two households under ${room.name}`);

  await officer.goto(`/console/rooms/${room.id}`);
  await expect(officer.getByRole('heading', { name: room.name })).toBeVisible();
  await expect(officer.getByText('实时', { exact: true })).toBeVisible();
  await mark(officer);

  const residentA = await phonePage(browser);
  const residentB = await phonePage(browser);
  const question = `我家户口簿找不到了，补办需要带什么？${stamp}`;
  const answer = `您好，补办户口簿请户主带身份证到柳塘派出所户籍窗口，当场可办。${stamp}`;
  const advert = `低价出售二手电瓶车，要的私聊 ${stamp}`;
  const reason = '广告信息，与本群无关';

  await test.step('A joins its village room from the doorplate and "@"s the officer', async () => {
    await joinFromDoorplate(residentA, plateA, room, '小雨外婆', info);
    await mark(residentA);
    await residentA.getByRole('button', { name: '@ / 照片' }).click();
    await residentA.getByRole('option', { name: `@${owner.nickname}` }).click();
    await composer(residentA).fill(question);
    await residentA.getByRole('button', { name: '发送', exact: true }).click();
    const mine = bubble(residentA, '小雨外婆', question);
    await expect(mine).toContainText(`@${owner.nickname}`);
    await expect(composer(residentA)).toHaveValue('');
  });

  await test.step('the officer sees it arrive live and answers; A reads the answer live', async () => {
    const post = staffPost(officer, '小雨外婆', question);
    await expect(post).toBeVisible();
    await expect(post.getByText(/@ 待回复/)).toBeVisible();
    await notReloaded(officer);
    await shot(officer, info, 'officer-post-arrived');
    await post.getByRole('button', { name: /回\s*复/ }).click();
    await expect(officer.getByRole('alert').filter({ hasText: '回复 小雨外婆' })).toBeVisible();
    await officer.getByRole('textbox', { name: '发言内容' }).fill(answer);
    await officer.getByRole('button', { name: /发\s*送/ }).click();
    await expect(staffPost(officer, '小雨外婆', question).getByText('@ 已回复')).toBeVisible();

    const reply = bubble(residentA, owner.nickname, answer);
    await expect(reply).toBeVisible();
    await expect(reply).toContainText(owner.nickname);
    await expect(reply).toContainText(`回复 小雨外婆：${question}`);
    await expect(bubble(residentA, '小雨外婆', question).getByText('已回复')).toBeVisible();
    await notReloaded(residentA);
    // As the phone shows it when the answer arrives, unscrolled.
    await shot(residentA, info, 'resident-a-answer-arrived');
  });

  let matterNumber = '';
  await test.step('the officer makes it a matter; A reads the note and follows its private link', async () => {
    await staffPost(officer, '小雨外婆', question).getByRole('button', { name: '转为事项' }).click();
    const dialog = officer.locator('.ant-modal', { hasText: '事项内容（值班台看到的）' });
    await expect(dialog.getByText('发言人会在群里私下收到跟进链接')).toBeVisible();
    await dialog.getByLabel('事项类型').click();
    await officer.locator('.ant-select-item-option', { hasText: '业务办理' }).click();
    await dialog.getByRole('button', { name: '转为事项' }).click();
    const done = officer.locator('.ant-modal-confirm', { hasText: '已转为事项' });
    matterNumber = /JM\d{8}-\d{6}/.exec((await done.textContent()) ?? '')?.[0] ?? '';
    expect(matterNumber).not.toBe('');
    await done.getByRole('button').click();
    await expect(staffPost(officer, '小雨外婆', question).getByText(`已转为事项 ${matterNumber}`)).toBeVisible();
    await notReloaded(officer);
    await shot(officer, info, 'officer-answered-and-matter', { keep: true });

    const mine = bubble(residentA, '小雨外婆', question);
    await expect(mine.getByText('已转为事项，正在办理')).toBeVisible();
    const follow = mine.getByRole('link', { name: '查看办理进度' });
    await expect(follow).toBeVisible();
    await notReloaded(residentA);
    await shot(residentA, info, 'resident-a-answered-matter', { keep: true, newest: true });
    await follow.click();
    await expect(residentA).toHaveURL(/\/m\/[A-Za-z0-9_-]{20,}$/);
    await expect(residentA.getByText(matterNumber)).toBeVisible();
    await expect(residentA.getByText('业务办理').first()).toBeVisible();
    await shot(residentA, info, 'resident-a-tracking', { fullPage: true });
    await residentA.goBack();
    await expect(residentA).toHaveURL(new RegExp(`/rooms/${room.id}$`));
    await expect(residentA.getByText('实时')).toBeVisible();
    await mark(residentA);
  });

  await test.step('B, of another household of the village, reads the note but not the link', async () => {
    await joinFromDoorplate(residentB, plateB, room, '种菜的老陈', info);
    const theirs = bubble(residentB, '小雨外婆', question);
    await expect(theirs.getByText('已转为事项，正在办理')).toBeVisible();
    await expect(theirs.getByRole('link')).toHaveCount(0);
    await expect(theirs).not.toContainText('查看办理进度');
    await expect(theirs).not.toContainText(matterNumber);
    await mark(residentB);
  });

  await test.step('B posts an advert; the officer hides it with a reason; B reads why, A no longer reads it', async () => {
    await composer(residentB).fill(advert);
    await residentB.getByRole('button', { name: '发送', exact: true }).click();
    await expect(bubble(residentB, '种菜的老陈', advert)).toBeVisible();
    await expect(bubble(residentA, '种菜的老陈', advert)).toBeVisible();
    const post = staffPost(officer, '种菜的老陈', advert);
    await expect(post).toBeVisible();
    await post.getByRole('button', { name: /隐\s*藏/ }).click();
    const dialog = officer.locator('.ant-modal', { hasText: '隐藏 种菜的老陈 的发言' });
    await dialog.getByRole('textbox', { name: '隐藏原因' }).fill(reason);
    await dialog.getByRole('button', { name: /隐\s*藏/ }).click();
    await expect(dialog).toBeHidden();
    // The hosts still read the hidden text, with the reason; the room does not.
    await expect(staffPost(officer, '种菜的老陈', `隐藏原因：${reason}`).getByText('已隐藏')).toBeVisible();
    await notReloaded(officer);

    const hidden = bubble(residentB, '种菜的老陈', advert);
    await expect(hidden.getByText(`已被群主隐藏，原因：${reason}`)).toBeVisible();
    await notReloaded(residentB);
    await shot(residentB, info, 'resident-b-note-and-hidden', { keep: true, newest: true });
    await expect(residentA.getByText(advert)).toHaveCount(0);
    await notReloaded(residentA);
    await shot(residentA, info, 'resident-a-after-hide', { newest: true });
  });

  await test.step('失物招领: B posts a lost item, A reads it live, B closes it as 已找到', async () => {
    const what = '蓝色小学生书包';
    await residentB.getByRole('button', { name: '失物招领 · 寻物启事' }).click();
    const board = residentB.getByRole('region', { name: '失物招领' });
    await board.getByRole('button', { name: '发布启事' }).click();
    const form = residentB.getByRole('region', { name: '发布启事' });
    await form.getByLabel('什么东西').fill(what);
    await form.getByLabel('在哪里丢的').fill('村小学门口');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await expect(board.getByText(what)).toBeVisible();
    await shot(residentB, info, 'resident-b-lost-and-found', { keep: true });
    await board.getByRole('button', { name: '关闭' }).click();

    const notice = bubble(residentB, '种菜的老陈', what);
    await expect(notice.getByText('村小学门口')).toBeVisible();
    await expect(bubble(residentA, '种菜的老陈', what)).toBeVisible();
    await expect(staffPost(officer, '种菜的老陈', what)).toBeVisible();
    await notice.getByRole('button', { name: '东西找到了？标记结束' }).click();
    await residentB.getByText('已找到', { exact: true }).click();
    await expect(notice.getByText('已找到')).toBeVisible();
    await expect(notice.getByRole('button', { name: '东西找到了？标记结束' })).toHaveCount(0);
    // A and the officer read it closed without a reload.
    await expect(bubble(residentA, '种菜的老陈', what).getByText('已找到')).toBeVisible();
    await expect(staffPost(officer, '种菜的老陈', what).getByText('已找到').first()).toBeVisible();
    await notReloaded(residentA);
    await notReloaded(residentB);
    await notReloaded(officer);
    await shot(residentA, info, 'resident-a-item-closed', { newest: true });
  });
});

test('an elder on a 320 px phone (长辈模式, WeChat) reads a room, votes on a topic once, reads the lost and found', async ({
  browser,
}, info) => {
  test.setTimeout(180_000);
  const officer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(officer, 'lt.officer');
  const session = await (await officer.request.get('/api/v1/auth/session')).json();
  const rooms = await staffCall<Room[]>(officer, 'GET', `/stations/${session.user.scopeUnitId}/rooms`);
  const room = rooms.filter((r) => r.kind === 'area' && r.unitId).at(-1);
  if (!room?.unitId) throw new Error('the demo has no area room');
  const homes = await staffCall<{ items: { id: string }[] }>(
    officer,
    'GET',
    `/households?unitId=${room.unitId}&pageSize=1&page=5`,
  );
  const home = homes.items[0];
  if (!home) throw new Error(`no household under ${room.name}`);
  const { url } = await staffCall<{ url: string }>(officer, 'GET', `/households/${home.id}/doorplate-link`);
  const question = `村口路灯先修哪一段？${Date.now().toString().slice(-5)}`;
  const opened = await officer.request.post(`/api/v1/rooms/${room.id}/topics`, {
    headers: { 'x-csrf-token': session.csrfToken, 'idempotency-key': crypto.randomUUID() },
    data: { question, body: '请大家投票，派出所汇总后与村委会商量。', options: ['小学门口一段', '卫生院路口一段'] },
  });
  expect(opened.status(), await opened.text()).toBe(200);

  const elder = await phonePage(browser, { width: 320, height: 568, elder: true });
  await joinFromDoorplate(elder, new URL(url).pathname, room, '李奶奶', info);
  const topic = elder.getByRole('region', { name: `议事：${question}` });
  await topic.scrollIntoViewIfNeeded();
  await expect(topic).toBeVisible();
  expect(await elder.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(elder, 'room (elder, 320)');
  await shot(elder, info, 'elder-320-topic', { keep: true });

  await topic.getByRole('button', { name: '卫生院路口一段' }).click();
  await elder.getByRole('button', { name: '投票', exact: true }).click();
  await expect(topic.getByText('您已投票')).toBeVisible();
  await expect(topic.getByRole('button', { name: '小学门口一段' })).toHaveCount(0);
  // Once each: the server refuses a second vote from this phone.
  const token = await elder.evaluate(() => {
    for (const k of Object.keys(localStorage)) {
      const v = localStorage.getItem(k) ?? '';
      const m = v.match(/"phoneToken":"([^"]+)"/);
      if (m) return m[1];
    }
    return null;
  });
  expect(token, 'the verified phone kept on the device').toBeTruthy();
  const posts = await (
    await elder.request.get(`/api/v1/public/rooms/${room.id}/posts`, { headers: { 'x-phone-token': token ?? '' } })
  ).json();
  const post = (posts.items as { id: string; topic: { question: string } | null }[]).find(
    (p) => p.topic?.question === question,
  );
  const again = await elder.request.post(`/api/v1/public/room-posts/${post?.id}/vote`, {
    headers: { 'x-phone-token': token ?? '' },
    data: { option: 0 },
  });
  expect(again.status()).toBe(409);

  await elder.getByRole('button', { name: '失物招领 · 寻物启事' }).click();
  const board = elder.getByRole('region', { name: '失物招领' });
  await expect(board.getByText('已找到/已归还')).toBeVisible();
  expect(await elder.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await agedCareProblems(elder, 18, 60)).toEqual([]);
  await expectNoAxeViolations(elder, 'lost and found (elder, 320)');
  await shot(elder, info, 'elder-320-lost-and-found', { keep: true });
});
