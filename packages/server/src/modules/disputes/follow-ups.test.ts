/**
 * 跟踪回访 through the API: a follow-up planned (not in the past, for a member of the station), recorded once with
 * what it found and each party's satisfaction — in person, or through an evaluation link the party answers on the
 * public page (or finds in "my matters") — 调解未成 with its next attempt, the due-date reminder and the chief's
 * escalation (each once), and who may do it.
 */
import type { DisputeView, FollowUpRecorded, WaitingEvaluations } from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, disputeCases, disputeSatisfaction, notifyDeliveries } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { sweepFollowUps } from './follow-up-jobs.js';

let t: TestApp;
let desk: Client;
beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
}, 60_000);
afterAll(() => t.close());

const DAY = 86_400_000;
const PHONE = '13900139077';
const ADULT_ID = '11010519491231002X';
const CHILD_ID = '110105201506010032';
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;
const db = () => t.deps.database.db;
/** Today and the days around it, in Beijing, by the test's clock. */
const day = (offset: number) =>
  new Date(t.clock.now().getTime() + 8 * 3_600_000 + offset * DAY).toISOString().slice(0, 10);

async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

/** A walk-in case with an adult applicant (with a phone), a minor respondent and the respondent's guardian. */
async function caseWithParties(): Promise<DisputeView> {
  const view = await ok<DisputeView>(
    desk.post(`/api/v1/stations/${t.fx.units.stationA}/disputes`, {
      source: 'walk_in',
      category: 'public_order',
      title: '两家孩子打闹引发纠纷',
      facts: '两家孩子在村口打闹，一方受轻伤，双方家长为医药费争执。',
      unitId: t.fx.units.villageA,
      parties: [
        { kind: 'person', name: '张三明', role: 'applicant', phone: PHONE, idNumber: ADULT_ID },
        { kind: 'person', name: '李小四', role: 'respondent', idNumber: CHILD_ID },
      ],
    }),
  );
  const minor = view.parties[1]!;
  return ok<DisputeView>(
    desk.post(`/api/v1/disputes/${view.id}/parties`, {
      kind: 'person',
      name: '李大四',
      role: 'other',
      relation: '父亲',
      guardianOfId: minor.id,
    }),
  );
}

/** Mediation under way (the sessions are another part's: the status is set directly). */
const mediating = (id: string) => db().update(disputeCases).set({ status: 'mediating' }).where(eq(disputeCases.id, id));

const plan = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/disputes/${id}/follow-ups`, body);
const record = (c: Client, followUpId: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/dispute-follow-ups/${followUpId}/record`, body);

describe('planning a follow-up', () => {
  it('refuses a date in the past, in the caller’s language', async () => {
    const d = await caseWithParties();
    const past = await plan(desk, d.id, { kind: 'after_agreement', dueOn: day(-1) });
    expect(past.status).toBe(400);
    expect(errorOf(past).message).toContain('回访日期不能早于今天');
    const english = await t.as('a.duty', { locale: 'en' });
    const pastEn = await plan(english, d.id, { kind: 'after_agreement', dueOn: day(-1) });
    expect(pastEn.status).toBe(400);
    expect(errorOf(pastEn).message).toContain('cannot be before today');
  });

  it('refuses someone who is not a member of the station', async () => {
    const d = await caseWithParties();
    const far = await plan(desk, d.id, {
      kind: 'after_agreement',
      dueOn: day(1),
      responsibleId: t.fx.staffIds['b.officer'],
    });
    expect(far.status).toBe(400);
    expect(errorOf(far).message).toContain('responsibleId');
  });

  it('lists it by due date with the responsible person’s name', async () => {
    const d = await caseWithParties();
    await ok(plan(desk, d.id, { kind: 'after_agreement', dueOn: day(30) }));
    const view = await ok<DisputeView>(
      plan(desk, d.id, { kind: 'after_agreement', dueOn: day(0), responsibleId: t.fx.staffIds['a.officer'] }),
    );
    expect(view.followUps.map((f) => [f.dueOn, f.responsibleName, f.overdue, f.doneAt])).toEqual([
      [day(0), 'a.officer', false, null],
      [day(30), 'a.duty', false, null],
    ]);
    expect(view.version).toBe(d.version + 2);
  });
});

describe('recording a follow-up', () => {
  let d: DisputeView;
  let followUpId: string;
  beforeAll(async () => {
    d = await caseWithParties();
    const view = await ok<DisputeView>(plan(desk, d.id, { kind: 'after_agreement', dueOn: day(0) }));
    followUpId = view.followUps[0]!.id;
  });

  it('refuses someone who is not a party of the case, and the guardian', async () => {
    const other = await caseWithParties();
    const stranger = await record(desk, followUpId, {
      hazardCleared: true,
      parties: [{ partyId: other.parties[0]!.id, via: 'in_person', satisfied: true }],
    });
    expect(stranger.status).toBe(400);
    const guardian = await record(desk, followUpId, {
      hazardCleared: true,
      parties: [{ partyId: d.parties[2]!.id, via: 'in_person', satisfied: true }],
    });
    expect(guardian.status).toBe(400);
    expect(errorOf(guardian).message).toContain('监护人');
  });

  it('records what it found and each party’s satisfaction asked in person, once', async () => {
    const [applicant, minor] = d.parties;
    const done = await ok<FollowUpRecorded>(
      record(desk, followUpId, {
        performed: true,
        hazardCleared: false,
        note: '赔偿款已付，双方家长仍有口角',
        parties: [
          { partyId: applicant!.id, via: 'in_person', satisfied: true },
          { partyId: minor!.id, via: 'in_person', satisfied: false },
        ],
      }),
    );
    expect(done.links).toEqual([]);
    const view = await ok<DisputeView>(desk.get(`/api/v1/disputes/${d.id}`));
    expect(view.followUps[0]).toMatchObject({
      performed: true,
      hazardCleared: false,
      note: '赔偿款已付，双方家长仍有口角',
      overdue: false,
    });
    expect(view.followUps[0]!.doneAt).not.toBeNull();
    const byParty = Object.fromEntries(view.satisfaction.map((s) => [s.partyId, [s.via, s.satisfied]]));
    expect(byParty).toEqual({ [applicant!.id]: ['in_person', true], [minor!.id]: ['in_person', false] });
    const again = await record(desk, followUpId, { hazardCleared: true, parties: [] });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('DISPUTE_FOLLOW_UP_DONE');
    // The audit keeps ids and booleans, never a name or the note.
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.follow_up'), eq(auditLog.targetId, d.id)));
    expect(entry?.details).toMatchObject({ followUpId, performed: true, hazardCleared: false, note: true });
    expect(JSON.stringify(entry?.details)).not.toContain('张三明');
    expect(JSON.stringify(entry?.details)).not.toContain('口角');
  });

  it('asks a party through an evaluation link; the answer sets the satisfaction, and "my matters" finds it', async () => {
    t.clock.advance(60_000);
    const view = await ok<DisputeView>(plan(desk, d.id, { kind: 'after_agreement', dueOn: day(0) }));
    const second = view.followUps.find((f) => !f.doneAt)!;
    const applicant = d.parties[0]!;
    const { links } = await ok<FollowUpRecorded>(
      record(desk, second.id, { hazardCleared: true, parties: [{ partyId: applicant.id, via: 'evaluation' }] }),
    );
    expect(links).toHaveLength(1);
    expect(links[0]!.partyId).toBe(applicant.id);
    expect(links[0]!.url).toMatch(new RegExp(`^${t.deps.config.http.publicUrl}/e/[\\w-]+$`));
    const waiting = await ok<DisputeView>(desk.get(`/api/v1/disputes/${d.id}`));
    expect(waiting.satisfaction.find((s) => s.partyId === applicant.id)).toMatchObject({
      via: 'evaluation',
      satisfied: null,
    });

    // The party's verified phone sees it waiting in "my matters", without a name.
    const resident = t.anonymous();
    expect((await resident.post('/api/v1/public/phone/codes', { phone: PHONE })).status).toBe(200);
    const verified = await resident.post('/api/v1/public/phone/verify', { phone: PHONE, code: t.sms.lastCode(PHONE) });
    const phoneToken = (verified.body as { phoneToken: string }).phoneToken;
    const mine = await ok<WaitingEvaluations>(
      t.anonymous().request('GET', '/api/v1/public/phone/evaluations', undefined, { 'x-phone-token': phoneToken }),
    );
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.title).toContain('矛盾纠纷回访');
    expect(JSON.stringify(mine.items)).not.toContain('张');
    // No 待评价 text: the evaluation SMS reads its phone from a matter, never from a party.
    expect(waitingSms()).toEqual([]);

    const token = links[0]!.url.split('/e/')[1]!;
    const answered = await t
      .anonymous()
      .post(`/api/v1/public/evaluations/${token}`, { version: 0, answers: { overall: 'satisfied' } });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const after = await ok<DisputeView>(desk.get(`/api/v1/disputes/${d.id}`));
    expect(after.satisfaction.find((s) => s.partyId === applicant.id)).toMatchObject({
      via: 'evaluation',
      satisfied: true,
    });
    // The link answers once.
    const twice = await t
      .anonymous()
      .post(`/api/v1/public/evaluations/${token}`, { version: 0, answers: { overall: 'satisfied' } });
    expect(twice.status).toBe(409);
  });
});

/** The 待评价 texts sent so far. */
const waitingSms = () => t.sms.sent.filter((m) => m.kind === 'evaluation_waiting');

describe('调解未成 with a next attempt', () => {
  it('refuses a next attempt in the past, then records it with its follow-up', async () => {
    const d = await caseWithParties();
    await mediating(d.id);
    const past = await desk.post(`/api/v1/disputes/${d.id}/fail`, { reason: '双方分歧较大', nextAttemptOn: day(-1) });
    expect(past.status).toBe(400);
    expect(errorOf(past).message).toContain('nextAttemptOn');
    const view = await ok<DisputeView>(
      desk.post(`/api/v1/disputes/${d.id}/fail`, { reason: '双方分歧较大', nextAttemptOn: day(14) }),
    );
    expect(view.status).toBe('failed');
    expect(view.nextAttemptOn).toBe(day(14));
    // The reason the officer wrote is kept, and the timeline says it.
    expect(view.failReason).toBe('双方分歧较大');
    expect(view.timeline.find((i) => i.kind === 'failed')?.text).toContain('调解未成：双方分歧较大');
    expect(view.followUps.map((f) => [f.kind, f.dueOn])).toEqual([['next_attempt', day(14)]]);
    // Not settled is not a step a failed case takes again.
    const again = await desk.post(`/api/v1/disputes/${d.id}/fail`, { reason: '再次', nextAttemptOn: day(20) });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('DISPUTE_STEP_NOT_ALLOWED');
  });
});

describe('the due-date reminder and the chief’s escalation', () => {
  it('reminds the responsible person on the day, tells the chief once when overdue, and nothing twice', async () => {
    const sweep = () => sweepFollowUps(systemCtx(t.deps, pino({ level: 'silent' })));
    await sweep(); // whatever earlier tests left due
    const responsible = await addStaff(t, 'a.fu.officer', ['community_officer'], t.fx.units.stationA);
    const d = await caseWithParties();
    const view = await ok<DisputeView>(
      plan(desk, d.id, { kind: 'after_agreement', dueOn: day(1), responsibleId: responsible }),
    );
    const followUpId = view.followUps[0]!.id;
    const reminders = () =>
      db()
        .select()
        .from(notifyDeliveries)
        .where(and(eq(notifyDeliveries.staffId, responsible), eq(notifyDeliveries.reason, 'follow_up_due')));
    const entries = (action: string) =>
      db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), sql`${auditLog.details}->>'followUpId' = ${followUpId}`));

    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    t.clock.advance(DAY);
    expect((await sweep()).reminded).toBe(1);
    expect(await reminders()).toHaveLength(1);
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });

    const chief = t.fx.staffIds['a.chief']!;
    const chiefBefore = await db()
      .select()
      .from(notifyDeliveries)
      .where(and(eq(notifyDeliveries.staffId, chief), eq(notifyDeliveries.reason, 'follow_up_overdue')));
    t.clock.advance(DAY);
    desk = await t.as('a.duty'); // a day later: signed in afresh
    const overdue = await ok<DisputeView>(desk.get(`/api/v1/disputes/${d.id}`));
    expect(overdue.followUps[0]).toMatchObject({ overdue: true, escalatedAt: null });
    expect(await sweep()).toEqual({ reminded: 0, escalated: 1 });
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    t.clock.advance(DAY);
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    const chiefAfter = await db()
      .select()
      .from(notifyDeliveries)
      .where(and(eq(notifyDeliveries.staffId, chief), eq(notifyDeliveries.reason, 'follow_up_overdue')));
    expect(chiefAfter.length - chiefBefore.length).toBe(1);
    expect(await reminders()).toHaveLength(1);
    expect(await entries('dispute.follow_up_remind')).toHaveLength(1);
    expect(await entries('dispute.follow_up_escalate')).toHaveLength(1);
    desk = await t.as('a.duty');
    const shown = await ok<DisputeView>(desk.get(`/api/v1/disputes/${d.id}`));
    expect(shown.followUps[0]!.escalatedAt).not.toBeNull();
  });

  it('leaves a recorded follow-up alone', async () => {
    const sweep = () => sweepFollowUps(systemCtx(t.deps, pino({ level: 'silent' })));
    await sweep();
    desk = await t.as('a.duty');
    const d = await caseWithParties();
    const view = await ok<DisputeView>(plan(desk, d.id, { kind: 'after_agreement', dueOn: day(0) }));
    await ok(record(desk, view.followUps[0]!.id, { hazardCleared: true, parties: [] }));
    t.clock.advance(2 * DAY);
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
  });
});

describe('who may follow up', () => {
  let d: DisputeView;
  let followUpId: string;
  beforeAll(async () => {
    desk = await t.as('a.duty');
    d = await caseWithParties();
    followUpId = (await ok<DisputeView>(plan(desk, d.id, { kind: 'after_agreement', dueOn: day(3) }))).followUps[0]!.id;
  });

  it('hides the case and its follow-ups from another station’s chief', async () => {
    const other = await t.as('b.chief');
    expect((await plan(other, d.id, { kind: 'after_agreement', dueOn: day(3) })).status).toBe(404);
    expect((await record(other, followUpId, { hazardCleared: true, parties: [] })).status).toBe(404);
    expect((await other.post(`/api/v1/disputes/${d.id}/fail`, { reason: '越权', nextAttemptOn: day(3) })).status).toBe(
      404,
    );
  });

  it('refuses a grid worker and asks anyone anonymous to sign in', async () => {
    const grid = await t.as('a.grid');
    expect((await plan(grid, d.id, { kind: 'after_agreement', dueOn: day(3) })).status).toBe(403);
    expect((await record(grid, followUpId, { hazardCleared: true, parties: [] })).status).toBe(403);
    expect((await grid.post(`/api/v1/disputes/${d.id}/fail`, { reason: '无权', nextAttemptOn: day(3) })).status).toBe(
      403,
    );
    expect((await plan(t.anonymous(), d.id, { kind: 'after_agreement', dueOn: day(3) })).status).toBe(401);
    expect((await record(t.anonymous(), followUpId, { hazardCleared: true, parties: [] })).status).toBe(401);
  });

  it('plans nothing more on a closed case', async () => {
    await db().update(disputeCases).set({ status: 'closed' }).where(eq(disputeCases.id, d.id));
    const closed = await plan(desk, d.id, { kind: 'after_agreement', dueOn: day(3) });
    expect(closed.status).toBe(409);
    expect(errorOf(closed).code).toBe('DISPUTE_CLOSED');
    expect((await record(desk, followUpId, { hazardCleared: true, parties: [] })).status).toBe(409);
    // No satisfaction row was written by the refusals.
    expect(await db().select().from(disputeSatisfaction).where(eq(disputeSatisfaction.caseId, d.id))).toEqual([]);
  });
});
