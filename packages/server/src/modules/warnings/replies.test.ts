/**
 * Replies to a notice: from a verified phone, to a sent and unexpired notice, a few an hour; staff of the station
 * read them with the area of the phone's subscription and never the phone, answer (audited without the text), and
 * the resident reads the answer with the notice.
 */
import type { PublicNotice, WarningReplyPage, WarningReplyView } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { codeOf, sentNotice, subscribedPhone, verifiedPhone } from './notices.testkit.js';
import { REPLIES_PER_HOUR } from './replies.service.js';

let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
});
afterAll(() => t.close());

const replyTo = (id: string, token: string | undefined, body = '我家老人前两天也接到过这种电话，已经挂了。') =>
  t.anonymous().post(`/api/v1/public/warnings/${id}/replies`, { body }, token ? { 'x-phone-token': token } : {});

describe('replies to a notice', () => {
  it('ask for a verified phone and a current notice', async () => {
    const notice = await sentNotice(t);
    const none = await replyTo(notice.id, undefined);
    expect([none.status, codeOf(none)]).toEqual([401, 'PHONE_SESSION_REQUIRED']);
    const p = await verifiedPhone(t);
    const expired = await sentNotice(t, { expiresAt: new Date(t.clock.now().getTime() - 1) });
    expect((await replyTo(expired.id, p.token)).status).toBe(404);
    const draft = await sentNotice(t, { status: 'draft', sentAt: null });
    expect((await replyTo(draft.id, p.token)).status).toBe(404);
    const withdrawn = await sentNotice(t, { status: 'withdrawn', withdrawnAt: t.clock.now(), correction: '更正' });
    const late = await replyTo(withdrawn.id, p.token);
    expect([late.status, codeOf(late)]).toEqual([409, 'WARNING_STATUS']);
    expect((late.body as { error: { message: string } }).error.message).toContain('不能留言');
  });

  it('are shown to staff with the area, never the phone, answered, and read back by the resident', async () => {
    const notice = await sentNotice(t);
    const p = await subscribedPhone(t, t.fx.doorplateTokens.a[0]!, ['antifraud'], false);
    const sent = await replyTo(notice.id, p.token);
    expect(sent.status).toBe(200);
    const reply = sent.body as WarningReplyView;
    const anonymousStaff = await t.anonymous().get(`/api/v1/warnings/${notice.id}/replies`);
    expect(anonymousStaff.status).toBe(401);
    const page = await officer.get(`/api/v1/warnings/${notice.id}/replies`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      items: [{ id: reply.id, body: '我家老人前两天也接到过这种电话，已经挂了。', area: 'A村第1网格', answer: null }],
      hasMore: false,
    });
    expect(JSON.stringify(page.body)).not.toContain(p.phone.slice(-4));
    const foreign = await (await t.as('b.officer')).get(`/api/v1/warnings/${notice.id}/replies`);
    expect(foreign.status).toBe(404);
    const answer = '感谢提醒！请家人记住：公检法不会电话要求转账。';
    const answered = await officer.post(`/api/v1/warning-replies/${reply.id}/answer`, { answer });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ answer, answeredBy: 'a.officer' });
    const entries = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, reply.id));
    expect(entries.map((e) => e.action)).toEqual(['warning_reply.answer']);
    expect(JSON.stringify(entries)).not.toContain('公检法');
    const read = await t
      .anonymous()
      .request('GET', `/api/v1/public/warnings/${notice.id}`, undefined, { 'x-phone-token': p.token });
    expect((read.body as PublicNotice).myReplies).toMatchObject([
      { id: reply.id, answer, answeredBy: 'A派出所·a警官' },
    ]);
    const stranger = await t.anonymous().get(`/api/v1/public/warnings/${notice.id}`);
    expect((stranger.body as PublicNotice).myReplies).toEqual([]);
  });

  it('page staff back in time, and refuse a grid worker answering', async () => {
    const notice = await sentNotice(t);
    const p = await verifiedPhone(t);
    await replyTo(notice.id, p.token, '第一条');
    t.clock.advance(1000);
    await replyTo(notice.id, p.token, '第二条');
    const first = (await officer.get(`/api/v1/warnings/${notice.id}/replies?limit=1`)).body as WarningReplyPage;
    expect([first.items.map((r) => r.body), first.hasMore]).toEqual([['第二条'], true]);
    const before = encodeURIComponent(first.items[0]!.at);
    const next = (await officer.get(`/api/v1/warnings/${notice.id}/replies?limit=1&before=${before}`))
      .body as WarningReplyPage;
    expect(next.items.map((r) => r.body)).toEqual(['第一条']);
    expect(next.items[0]?.area).toBeNull();
    const grid = await t.as('a.grid');
    const refused = await grid.post(`/api/v1/warning-replies/${first.items[0]!.id}/answer`, { answer: '收到' });
    expect(refused.status).toBe(403);
  });

  it(`take at most ${REPLIES_PER_HOUR} an hour from one phone`, async () => {
    const notice = await sentNotice(t);
    const p = await verifiedPhone(t);
    for (let i = 0; i < REPLIES_PER_HOUR; i++) expect((await replyTo(notice.id, p.token, `第${i}条`)).status).toBe(200);
    const over = await replyTo(notice.id, p.token, '再来一条');
    expect([over.status, codeOf(over)]).toEqual([429, 'RATE_LIMITED']);
  });
});
