/**
 * What the residents' warnings tests share: notices written straight into `warnings` as the send step leaves them
 * (the staff side is tested on its own), a second village with a household, verified phones, subscriptions.
 */
import { randomUUID } from 'node:crypto';
import type { PublicNotice, PublicNoticeList, SubscriptionInput } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { households, phoneSessions, units, warnings } from '../../db/schema/index.js';
import { maskPhone, randomToken, sm3 } from '../../platform/crypto.js';
import type { TestApp } from '../../test/harness.js';
import { sealPhone } from '../residents/phone.service.js';

export async function pathOf(t: TestApp, unitId: string) {
  const [u] = await t.deps.database.db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  if (!u) throw new Error(`test: no unit ${unitId}`);
  return u.path;
}

type NoticeOver = Partial<typeof warnings.$inferInsert> & { unitIds?: string[] };

/** A notice of station A as sent now (to village A unless told), written directly. */
export async function sentNotice(t: TestApp, over: NoticeOver = {}) {
  const { unitIds = [t.fx.units.villageA], ...rest } = over;
  const station = rest.stationId ?? t.fx.units.stationA;
  const paths = await Promise.all(unitIds.map((id) => pathOf(t, id)));
  const author = t.fx.staffIds['a.officer'];
  if (!author) throw new Error('test: the fixture has no a.officer');
  const [row] = await t.deps.database.db
    .insert(warnings)
    .values({
      stationId: station,
      stationPath: await pathOf(t, station),
      category: 'antifraud',
      priority: 'advisory',
      title: `冒充客服退款诈骗提醒${randomUUID().slice(0, 4)}`,
      body: '近期有人冒充电商客服，以“商品质量问题退款”为由诱导转账。客服不会要求您转账或开通贷款，请挂断后拨打官方电话核实。',
      status: 'sent',
      targetUnitIds: unitIds,
      targetPaths: paths,
      sentAt: t.clock.now(),
      authorId: author,
      ...rest,
    })
    .returning();
  if (!row) throw new Error('test: notice not written');
  return row;
}

let villages = 0;
/** A second village of town A with one grid and one household; answers their ids and the doorplate token. */
export async function otherVillage(t: TestApp) {
  const { db } = t.deps.database;
  const n = ++villages;
  const townPath = await pathOf(t, t.fx.units.townA);
  const village = randomUUID();
  const grid = randomUUID();
  await db.insert(units).values([
    { id: village, parentId: t.fx.units.townA, kind: 'village', name: `柳塘${n}村`, path: `${townPath}${village}/` },
    {
      id: grid,
      parentId: village,
      kind: 'grid',
      name: `柳塘${n}村第1网格`,
      code: `GL${n}`,
      path: `${townPath}${village}/${grid}/`,
    },
  ]);
  const token = randomToken(16);
  await db.insert(households).values({
    unitId: grid,
    unitPath: `${townPath}${village}/${grid}/`,
    address: `柳塘${n}村3组12号`,
    doorplateCode: `L${n}-12`,
    doorplateToken: token,
  });
  return { village, grid, token };
}

let phones = 0;
/** A fresh verified phone (its session written as verifying leaves it); answers the number and its token. */
export async function verifiedPhone(t: TestApp) {
  const phone = `1390000${String(++phones).padStart(4, '0')}`;
  const token = randomToken(24);
  const sealed = sealPhone(t.deps.keys.data, phone);
  await t.deps.database.db.insert(phoneSessions).values({
    tokenHash: sm3(token),
    phoneIndex: sealed.phoneIndex,
    phoneEnc: sealed.phoneEnc,
    phoneMasked: maskPhone(phone),
    expiresAt: new Date(t.clock.now().getTime() + 30 * 86_400_000),
    createdAt: t.clock.now(),
  });
  return { phone, token };
}

export function subscribe(t: TestApp, token: string, input: SubscriptionInput) {
  return t.anonymous().request('PUT', '/api/v1/public/phone/warning-subscription', input, { 'x-phone-token': token });
}

/** A subscribed phone at a doorplate, with SMS as told. */
export async function subscribedPhone(t: TestApp, doorplate: string, categories: string[], sms: boolean) {
  const p = await verifiedPhone(t);
  const res = await subscribe(t, p.token, { doorplate, categories, sms });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return p;
}

/** The ids of a doorplate's notices, in order. */
export async function doorplateNoticeIds(t: TestApp, doorplate: string, headers: Record<string, string> = {}) {
  const res = await t.anonymous().request('GET', `/api/v1/public/doorplates/${doorplate}/notices`, undefined, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as PublicNoticeList).items.map((n) => n.id);
}

export const noticeOf = (res: { body: unknown }) => res.body as PublicNotice;
export const codeOf = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;
