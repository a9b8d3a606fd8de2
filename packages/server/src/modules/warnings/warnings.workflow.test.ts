/**
 * A notice's steps through the API: an urgent one reviewed by the chief (or sent by the chief who wrote it) and sent to its
 * area's paths; a non-urgent one sent by its author; scheduling sent once by the job even when it runs twice at
 * once; returns to draft; withdrawal with a correction; rooms receiving the pinned announcement and its correction.
 */
import type { RoomPostPage, WarningView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units, warnings } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { makeRoom } from '../rooms/rooms.testkit.js';
import { sendDueWarnings } from './schedule.js';
import { composeWarning, sendNotice, step, stepOk } from './warnings.testkit.js';

let t: TestApp;
let officer: Client;
let chief: Client;
let chief2: Client;
const codeOf = (res: { body: unknown }) => (res.body as { error?: { code: string } }).error?.code;
const job = () => sendDueWarnings(systemCtx(t.deps, pino({ level: 'silent' })));
const inMinutes = (m: number) => new Date(t.clock.now().getTime() + m * 60_000).toISOString();
const row = async (id: string) => (await t.deps.database.db.select().from(warnings).where(eq(warnings.id, id)))[0]!;

beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
  chief = await t.as('a.chief');
  await addStaff(t, 'a.chief2', ['station_chief'], t.fx.units.stationA);
  chief2 = await t.as('a.chief2');
}, 120_000);
afterAll(() => t.close());

describe('an urgent notice', () => {
  it('goes to the chief for review and out to its area’s paths', async () => {
    const draft = await composeWarning(t, officer, { priority: 'urgent', target: { unitIds: [t.fx.units.villageA] } });
    expect(draft.actions).toContain('submit');
    expect(draft.actions).not.toContain('send');
    expect(codeOf(await step(officer, draft, 'send'))).toBe('WARNING_REVIEW_REQUIRED');
    const inReview = await stepOk(officer, draft, 'submit');
    expect(inReview.status).toBe('in_review');
    expect(inReview.actions).not.toContain('approve');
    expect(codeOf(await step(officer, inReview, 'approve'))).toBe('FORBIDDEN');
    expect((await chief2.get(`/api/v1/warnings/${draft.id}`)).body).toMatchObject({
      actions: expect.arrayContaining(['approve', 'reject']),
    });
    const sent = await stepOk(chief2, inReview, 'approve');
    expect(sent).toMatchObject({ status: 'sent', reviewer: { name: 'a.chief2' } });
    expect(sent.reach.deliveredHouseholds).toBe(3);
    const [village] = await t.deps.database.db
      .select({ path: units.path })
      .from(units)
      .where(eq(units.id, t.fx.units.villageA));
    const stored = await row(draft.id);
    expect(stored.targetPaths).toEqual([village!.path]);
    expect(stored.sentAt?.toISOString()).toBe(t.clock.now().toISOString());
    const entries = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, draft.id));
    expect(entries.map((e) => e.action)).toEqual(['warning.create', 'warning.submit', 'warning.approve']);
    expect(JSON.stringify(entries.map((e) => e.details))).not.toContain(draft.title);
  });

  it('written by the chief, is sent by the chief, who reviews it by writing it', async () => {
    const draft = await composeWarning(t, chief, { priority: 'urgent', target: { unitIds: [t.fx.units.villageA] } });
    expect(draft.actions).toContain('send');
    expect(draft.actions).not.toContain('submit');
    expect(await stepOk(chief, draft, 'send')).toMatchObject({ status: 'sent' });
  });

  it('returns to draft with the reviewer’s note, and a note is required', async () => {
    const draft = await composeWarning(t, officer, { priority: 'urgent' });
    const inReview = await stepOk(officer, draft, 'submit');
    expect(codeOf(await step(chief, inReview, 'reject'))).toBe('VALIDATION');
    const back = await stepOk(chief, inReview, 'reject', { note: '请补充报警电话' });
    expect(back).toMatchObject({ status: 'draft', reviewNote: '请补充报警电话', reviewer: { name: 'a.chief' } });
  });

  it('submitted with a time is scheduled on approval, and sent by the job at that time', async () => {
    const draft = await composeWarning(t, officer, { priority: 'urgent' });
    const inReview = await stepOk(officer, draft, 'submit', { at: inMinutes(10) });
    const approved = await stepOk(chief, inReview, 'approve');
    expect(approved.status).toBe('scheduled');
    t.clock.advance(11 * 60_000);
    expect(await job()).toBe(1);
    expect((await row(draft.id)).status).toBe('sent');
  });
});

describe('a non-urgent notice', () => {
  it('is sent by its author without review; subscribers alone count no households; the SMS text is frozen', async () => {
    const sent = await sendNotice(t, [t.fx.units.gridA1], { sms: true }, officer);
    expect(sent).toMatchObject({
      status: 'sent',
      sms: true,
      smsText: 'A派出所提醒：【反诈】警惕冒充客服退款诈骗。退订回复TD',
    });
    expect(sent.reach.deliveredHouseholds).toBe(3);
    expect(sent.actions).toEqual(['withdraw']);
    const toSubscribers = await sendNotice(t, [], { target: { subscribers: true } }, officer);
    expect(toSubscribers.reach.deliveredHouseholds).toBe(0);
    const draft = await composeWarning(t, officer);
    expect(codeOf(await step(officer, draft, 'submit'))).toBe('WARNING_STATUS');
    expect(codeOf(await step(officer, { ...draft, version: 7 }, 'send'))).toBe('CONFLICT');
  });

  it('is scheduled and sent once by the job, even when the job runs twice at once', async () => {
    const draft = await composeWarning(t, officer);
    expect(codeOf(await step(officer, draft, 'schedule', { at: inMinutes(-1) }))).toBe('VALIDATION');
    expect(codeOf(await step(officer, draft, 'schedule'))).toBe('VALIDATION');
    const scheduled = await stepOk(officer, draft, 'schedule', { at: inMinutes(10) });
    expect(scheduled).toMatchObject({ status: 'scheduled', actions: expect.arrayContaining(['send', 'unschedule']) });
    expect(await job()).toBe(0);
    t.clock.advance(11 * 60_000);
    const runs = await Promise.all([job(), job()]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await job()).toBe(0);
    const sent = await row(draft.id);
    expect(sent).toMatchObject({ status: 'sent', deliveredHouseholds: 3 });
    const sends = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, draft.id), eq(auditLog.action, 'warning.send')));
    expect(sends).toHaveLength(1);
  });

  it('returns to draft when unscheduled, or withdrawn before it went out', async () => {
    const draft = await composeWarning(t, officer);
    const scheduled = await stepOk(officer, draft, 'schedule', { at: inMinutes(10) });
    const back = await stepOk(officer, scheduled, 'unschedule');
    expect(back).toMatchObject({ status: 'draft', scheduledAt: null });
    const again = await stepOk(officer, back, 'schedule', { at: inMinutes(10) });
    expect(await stepOk(officer, again, 'withdraw')).toMatchObject({ status: 'draft', correction: null });
  });

  it('is withdrawn with a correction, which a sent one needs', async () => {
    const sent = await sendNotice(t, [t.fx.units.gridA1], {}, officer);
    expect(codeOf(await step(officer, sent, 'withdraw'))).toBe('VALIDATION');
    const grid = await t.as('a.grid');
    expect(codeOf(await step(grid, sent, 'withdraw', { correction: '无权' }))).toBe('FORBIDDEN');
    const withdrawn = await stepOk(chief, sent, 'withdraw', { correction: '该提醒中的客服电话有误，以本条为准。' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', correction: '该提醒中的客服电话有误，以本条为准。' });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(withdrawn.actions).toEqual([]);
  });
});

describe('rooms as a channel', () => {
  it('receive a pinned announcement, then its unpinning and the correction', async () => {
    const room = await makeRoom(t, chief);
    const sent = await sendNotice(t, [], { target: { roomIds: [room.id] } }, officer);
    expect(sent.target.rooms).toEqual([{ id: room.id, name: room.name }]);
    const posts = async () => ((await chief.get(`/api/v1/rooms/${room.id}/posts`)).body as RoomPostPage).items;
    const [announcement] = await posts();
    expect(announcement).toMatchObject({ kind: 'announcement', pinned: true });
    expect(announcement?.body).toContain('【提示·反诈】警惕冒充客服退款诈骗');
    await stepOk(officer, sent, 'withdraw', { correction: '此前提醒有误，特此更正。' });
    const after = await posts();
    expect(after.find((p) => p.id === announcement?.id)?.pinned).toBe(false);
    const correction = after.find((p) => p.id !== announcement?.id);
    expect(correction).toMatchObject({ kind: 'announcement', pinned: false });
    expect(correction?.body).toContain('此前提醒有误，特此更正。');
  });
});

describe('the list', () => {
  it('pages newest first with reach totals and filters', async () => {
    const first = await sendNotice(t, [t.fx.units.gridA2], { category: 'fire', title: '冬季防火' }, officer);
    t.clock.advance(60_000);
    const second = await composeWarning(t, officer, { category: 'fire', title: '电动车充电防火' });
    const page = (await officer.get('/api/v1/warnings?category=fire&limit=1')).body as {
      items: WarningView[];
      hasMore: boolean;
    };
    expect(page.items.map((i) => i.id)).toEqual([second.id]);
    expect(page.hasMore).toBe(true);
    const next = (
      await officer.get(`/api/v1/warnings?category=fire&limit=1&before=${encodeURIComponent(page.items[0]!.createdAt)}`)
    ).body as { items: WarningView[]; hasMore: boolean };
    expect(next.items.map((i) => i.id)).toEqual([first.id]);
    expect(next.items[0]?.reach).toMatchObject({ deliveredHouseholds: 0, opened: 0, replies: 0 });
    const sentOnly = (await officer.get('/api/v1/warnings?status=draft&category=fire')).body as {
      items: WarningView[];
    };
    expect(sentOnly.items.map((i) => i.id)).toEqual([second.id]);
  });
});
