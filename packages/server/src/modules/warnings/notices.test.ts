/**
 * Which notices a resident sees: a village's notice on its households' doorplate pages and not another village's,
 * a station-wide one everywhere in the station, one to a category's subscribers only on the subscribed phone's
 * pages, nothing expired, a withdrawn one's correction for a week; urgent first; what this device already did.
 */
import { randomUUID } from 'node:crypto';
import type { PublicNoticeList } from '@jingmin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warningReach, warningReceipts } from '../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import {
  codeOf,
  doorplateNoticeIds,
  noticeOf,
  otherVillage,
  sentNotice,
  subscribedPhone,
  verifiedPhone,
} from './notices.testkit.js';
import { deviceReceiptHash } from './receipt-key.js';

let t: TestApp;
let village2: Awaited<ReturnType<typeof otherVillage>>;
const DEVICE = 'dev_7Yh2kLmQ9xTz3pRw';

beforeAll(async () => {
  t = await buildTestApp();
  village2 = await otherVillage(t);
});
afterAll(() => t.close());

const a = () => t.fx.doorplateTokens.a[0]!;
const b = () => t.fx.doorplateTokens.b[0]!;

describe("a doorplate's notices", () => {
  it('answers an unknown doorplate with 404 and a bad device id with 400', async () => {
    expect((await t.anonymous().get('/api/v1/public/doorplates/nope-nope/notices')).status).toBe(404);
    const bad = await t.anonymous().get(`/api/v1/public/doorplates/${a()}/notices?device=short`);
    expect(bad.status).toBe(400);
  });

  it("shows a village's notice to its households and not to another village's", async () => {
    const notice = await sentNotice(t, { unitIds: [t.fx.units.villageA] });
    expect(await doorplateNoticeIds(t, a())).toContain(notice.id);
    expect(await doorplateNoticeIds(t, village2.token)).not.toContain(notice.id);
    expect(await doorplateNoticeIds(t, b())).not.toContain(notice.id);
    const toGrid2 = await sentNotice(t, { unitIds: [village2.grid] });
    expect(await doorplateNoticeIds(t, village2.token)).toContain(toGrid2.id);
    expect(await doorplateNoticeIds(t, a())).not.toContain(toGrid2.id);
  });

  it('shows a station-wide notice in every village of the station, not in another station', async () => {
    const notice = await sentNotice(t, { unitIds: [t.fx.units.stationA] });
    expect(await doorplateNoticeIds(t, a())).toContain(notice.id);
    expect(await doorplateNoticeIds(t, village2.token)).toContain(notice.id);
    expect(await doorplateNoticeIds(t, b())).not.toContain(notice.id);
  });

  it('shows nothing unsent or expired, and a withdrawn one as its correction for a week', async () => {
    const draft = await sentNotice(t, { status: 'draft', sentAt: null });
    const expired = await sentNotice(t, { expiresAt: new Date(t.clock.now().getTime() - 1000) });
    const withdrawn = await sentNotice(t, {
      status: 'withdrawn',
      body: '来电号码 95566-8 自称银行客服，要求提供验证码，系诈骗电话。',
      withdrawnAt: t.clock.now(),
      correction: '经核实，该号码为银行官方客服，特此更正。',
    });
    const ids = await doorplateNoticeIds(t, a());
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(expired.id);
    expect(ids).toContain(withdrawn.id);
    const res = await t.anonymous().get(`/api/v1/public/doorplates/${a()}/notices`);
    const shown = (res.body as PublicNoticeList).items.find((n) => n.id === withdrawn.id);
    expect(shown).toMatchObject({ withdrawn: true, body: '', correction: '经核实，该号码为银行官方客服，特此更正。' });
    expect(JSON.stringify(res.body)).not.toContain(withdrawn.body);
    t.clock.advance(8 * 86_400_000);
    expect(await doorplateNoticeIds(t, a())).not.toContain(withdrawn.id);
    // Still readable by its id (notices are public), as its correction.
    const one = await t.anonymous().get(`/api/v1/public/warnings/${withdrawn.id}`);
    expect(noticeOf(one)).toMatchObject({ withdrawn: true, body: '' });
    expect((await t.anonymous().get(`/api/v1/public/warnings/${draft.id}`)).status).toBe(404);
  });

  it('lists urgent notices first, then the newest', async () => {
    const older = await sentNotice(t, { unitIds: [village2.village] });
    t.clock.advance(60_000);
    const newer = await sentNotice(t, { unitIds: [village2.village], sentAt: t.clock.now() });
    const urgent = await sentNotice(t, {
      unitIds: [village2.village],
      priority: 'urgent',
      sentAt: new Date(t.clock.now().getTime() - 3_600_000),
    });
    const ids = (await doorplateNoticeIds(t, village2.token)).filter((id) =>
      [older.id, newer.id, urgent.id].includes(id),
    );
    expect(ids).toEqual([urgent.id, newer.id, older.id]);
  });
});

describe("subscribers' notices", () => {
  it('reach the subscribed phone only, in its categories', async () => {
    const notice = await sentNotice(t, { unitIds: [], targetPaths: [], targetSubscribers: true, category: 'traffic' });
    const follower = await subscribedPhone(t, a(), ['traffic'], false);
    const other = await subscribedPhone(t, a(), ['antidrug'], false);
    expect(await doorplateNoticeIds(t, a())).not.toContain(notice.id);
    expect(await doorplateNoticeIds(t, a(), { 'x-phone-token': follower.token })).toContain(notice.id);
    expect(await doorplateNoticeIds(t, a(), { 'x-phone-token': other.token })).not.toContain(notice.id);
    const mine = await t
      .anonymous()
      .request('GET', '/api/v1/public/phone/notices', undefined, { 'x-phone-token': follower.token });
    expect(mine.status).toBe(200);
    const ids = (mine.body as PublicNoticeList).items.map((n) => n.id);
    expect(ids).toContain(notice.id);
    const theirs = await t
      .anonymous()
      .request('GET', '/api/v1/public/phone/notices', undefined, { 'x-phone-token': other.token });
    expect((theirs.body as PublicNoticeList).items.map((n) => n.id)).not.toContain(notice.id);
  });

  it("lists the subscription's area on the phone's page, and asks for a verified phone", async () => {
    const area = await sentNotice(t, { unitIds: [village2.grid] });
    const p = await subscribedPhone(t, village2.token, [], false);
    const res = await t
      .anonymous()
      .request('GET', '/api/v1/public/phone/notices', undefined, { 'x-phone-token': p.token });
    expect((res.body as PublicNoticeList).items.map((n) => n.id)).toContain(area.id);
    const unverified = await t.anonymous().get('/api/v1/public/phone/notices');
    expect([unverified.status, codeOf(unverified)]).toEqual([401, 'PHONE_SESSION_REQUIRED']);
    const lone = await verifiedPhone(t);
    const none = await t
      .anonymous()
      .request('GET', '/api/v1/public/phone/notices', undefined, { 'x-phone-token': lone.token });
    expect(none.body).toEqual({ items: [] });
  });
});

describe('one notice', () => {
  it("tells this device what it already did and everyone's reaction totals, never another device's", async () => {
    const notice = await sentNotice(t, { ackRequired: true });
    const { db } = t.deps.database;
    await db.insert(warningReceipts).values({
      warningId: notice.id,
      deviceHash: deviceReceiptHash({ deps: t.deps }, DEVICE, notice.id),
      unitId: t.fx.units.gridA1,
      openedAt: t.clock.now(),
      ackedAt: t.clock.now(),
      likedAt: t.clock.now(),
    });
    await db.insert(warningReach).values([
      { warningId: notice.id, unitId: t.fx.units.gridA1, opened: 9, acknowledged: 4, thanks: 3, likes: 5 },
      { warningId: notice.id, unitId: t.fx.units.gridA2, opened: 2, acknowledged: 1, thanks: 1, likes: 0 },
    ]);
    const mine = noticeOf(await t.anonymous().get(`/api/v1/public/warnings/${notice.id}?device=${DEVICE}`));
    expect(mine).toMatchObject({
      id: notice.id,
      stationName: 'A派出所',
      category: 'antifraud',
      categoryLabel: '反诈',
      ackRequired: true,
      withdrawn: false,
      mine: { acknowledged: true, thanks: false, like: true },
      thanks: 4,
      likes: 5,
      photoUrls: [],
      media: [],
      myReplies: [],
    });
    const other = noticeOf(
      await t.anonymous().get(`/api/v1/public/warnings/${notice.id}?device=${randomUUID().replaceAll('-', '')}`),
    );
    expect(other.mine).toEqual({ acknowledged: false, thanks: false, like: false });
    expect((await t.anonymous().get(`/api/v1/public/warnings/${randomUUID()}`)).status).toBe(404);
  });

  it('serves no photo of another notice, nor of an expired one', async () => {
    const notice = await sentNotice(t);
    const res = await t.anonymous().get(`/api/v1/public/warnings/${notice.id}/photos/${randomUUID()}`);
    expect([res.status, codeOf(res)]).toEqual([404, 'NOT_FOUND']);
  });
});
