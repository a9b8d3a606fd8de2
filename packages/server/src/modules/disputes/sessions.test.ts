/**
 * 分流化解 and mediation sessions through the API: the channel starts 治安调解's first-session deadline on working
 * days, sessions are planned after acceptance one at a time, a minor attends with their guardian, the second
 * session's deadline, 调解未成 past the last session with its next attempt, the sweep escalating each due date
 * to the chief once, and who may do it.
 */
import {
  beijingDateTime,
  DEADLINE_CHANNELS,
  type DisputeBoard,
  type DisputeView,
  MEDIATION_CHANNELS,
} from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, calendarDays, disputeFollowUps, notifyDeliveries } from '../../db/schema/index.js';
import { systemCtx } from '../../platform/context.js';
import { smsText } from '../../platform/sms/sms.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { sweepSessionDeadlines } from './session-jobs.js';

let t: TestApp;
let desk: Client;
beforeAll(async () => {
  t = await buildTestApp();
  // Wednesday 2026-11-25 is a holiday here; the calendar is cached for five seconds, so it is in before any read.
  await t.deps.database.db.insert(calendarDays).values({ date: '2026-11-25', kind: 'holiday', name: '测试假日' });
  await new Promise((resolve) => setTimeout(resolve, 5_100));
  desk = await t.as('a.duty');
}, 60_000);
afterAll(() => t.close());

const ADULT_ID = '11010519491231002X';
const CHILD_ID = '110105201506010032';
const DAY = 86_400_000;

const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

async function ok<T = DisputeView>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

/** A walk-in case in village A, accepted now (the test clock). */
const newCase = (parties: unknown[] = []) =>
  ok(
    desk.post(`/api/v1/stations/${t.fx.units.stationA}/disputes`, {
      source: 'walk_in',
      category: 'public_order',
      title: '邻里噪音',
      facts: '楼上装修噪音，双方多次争吵。',
      unitId: t.fx.units.villageA,
      parties,
    }),
  );

const police = (id: string, extra: Record<string, unknown> = {}) =>
  desk.put(`/api/v1/disputes/${id}/channel`, { channel: 'police', ...extra });
const plan = (id: string, body: Record<string, unknown> = {}) =>
  desk.post(`/api/v1/disputes/${id}/sessions`, {
    plannedAt: t.clock.now().toISOString(),
    place: '派出所调解室',
    ...body,
  });
const record = (id: string, sessionId: string, body: Record<string, unknown>) =>
  desk.post(`/api/v1/disputes/${id}/sessions/${sessionId}/record`, {
    heldAt: t.clock.now().toISOString(),
    ...body,
  });
const lastSession = (v: DisputeView) => v.sessions.at(-1)!;

describe('分流化解', () => {
  it('starts 治安调解’s deadline on working days: a holiday in between counts', async () => {
    // Accepted Monday 2026-11-23; Wednesday is a holiday here, so the third working day is Friday.
    {
      const c = await newCase();
      const view = await ok(police(c.id, { receivingBody: '本所', handlerId: t.fx.staffIds['a.officer'] }));
      expect(view).toMatchObject({
        channel: 'police',
        receivingBody: '本所',
        handler: { id: t.fx.staffIds['a.officer'], name: 'a.officer' },
        sessionDueAt: '2026-11-27T16:00:00.000Z',
        sessionEscalatedAt: null,
      });
      const people = await ok(
        desk.put(`/api/v1/disputes/${c.id}/channel`, { channel: 'people', receivingBody: 'A村调委会' }),
      );
      expect(people).toMatchObject({ channel: 'people', sessionDueAt: null, handler: null });
    }
  });

  it('takes a handler only from the station’s staff who handle disputes, naming the field', async () => {
    const c = await newCase();
    for (const who of ['a.grid', 'b.chief']) {
      const res = await police(c.id, { handlerId: t.fx.staffIds[who] });
      expect(res.status).toBe(400);
      expect(errorOf(res).message).toContain('handlerId');
    }
  });
});

describe('planning a session', () => {
  it('needs a channel, a time after acceptance and mediators of the station; one open session at a time', async () => {
    const c = await newCase();
    const none = await plan(c.id);
    expect(none.status).toBe(409);
    expect(errorOf(none).code).toBe('DISPUTE_NO_CHANNEL');
    await ok(police(c.id));
    const early = await plan(c.id, { plannedAt: new Date(t.clock.now().getTime() - DAY).toISOString() });
    expect(early.status).toBe(400);
    expect(errorOf(early).message).toContain('plannedAt');
    const far = await plan(c.id, { mediatorIds: [t.fx.staffIds['b.officer']] });
    expect(far.status).toBe(400);
    const view = await ok(plan(c.id, { mediatorIds: [t.fx.staffIds['a.officer']], outsideMediators: '村调委会主任' }));
    expect(view.status).toBe('mediating');
    expect(view.sessions).toHaveLength(1);
    expect(lastSession(view)).toMatchObject({
      seq: 1,
      channel: 'police',
      place: '派出所调解室',
      mediators: [{ id: t.fx.staffIds['a.officer'], name: 'a.officer' }],
      // Nobody on the case has a phone: no text went out.
      partiesNotified: null,
      result: null,
      heldAt: null,
    });
    const again = await plan(c.id);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('DISPUTE_SESSION_OPEN');
  });
});

describe('调解通知', () => {
  it('tells each party with a phone when and where by SMS, one text per phone, and says so on the session', async () => {
    const c = await newCase([
      { kind: 'person', name: '王五', role: 'applicant', phone: '13800138101' },
      { kind: 'person', name: '赵六', role: 'respondent', phone: '13800138102' },
      // A mother and her son give one phone: one text reaches them.
      { kind: 'person', name: '赵小六', role: 'respondent', phone: '13800138102' },
      { kind: 'organisation', name: '青禾物业公司', role: 'respondent' },
    ]);
    await ok(police(c.id));
    const before = t.sms.sent.length;
    const plannedAt = new Date(t.clock.now().getTime() + DAY);
    const view = await ok(plan(c.id, { plannedAt: plannedAt.toISOString(), place: '柳塘村委会调解室' }));
    const texts = t.sms.sent.slice(before);
    expect(texts.map((m) => m.phone).sort()).toEqual(['13800138101', '13800138102']);
    expect(texts.every((m) => m.kind === 'mediation_session')).toBe(true);
    expect(smsText(texts[0]!)).toBe(
      `A派出所定于${beijingDateTime(plannedAt)}在柳塘村委会调解室调解您的纠纷，请准时参加。如需改期，请联系承办民警。`,
    );
    expect(lastSession(view).partiesNotified).toBe(2);
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.session_sms'), eq(auditLog.targetId, lastSession(view).id)));
    expect(entry).toMatchObject({ result: 'ok', details: { caseId: c.id, sent: 2, failed: 0 } });
    // The numbers never reach the audit trail.
    expect(JSON.stringify(entry)).not.toContain('13800138101');
  });

  it('keeps the session when the gateway is down, and says none was told', async () => {
    const c = await newCase([{ kind: 'person', name: '钱七', role: 'applicant', phone: '13800138103' }]);
    await ok(police(c.id));
    t.sms.failing = true;
    try {
      const view = await ok(plan(c.id));
      expect(lastSession(view).partiesNotified).toBe(0);
    } finally {
      t.sms.failing = false;
    }
  });
});

describe('a minor attends with their guardian; 治安调解’s second session and its limit', () => {
  let c: DisputeView;
  let adult: string;
  let child: string;

  it('refuses a guardian who is a minor, an organisation, or for someone not on the case', async () => {
    c = await newCase([
      { kind: 'person', name: '张三明', role: 'applicant', idNumber: ADULT_ID },
      { kind: 'person', name: '李四', role: 'respondent', idNumber: CHILD_ID },
    ]);
    [adult, child] = c.parties.map((p) => p.id) as [string, string];
    const add = (body: Record<string, unknown>) =>
      desk.post(`/api/v1/disputes/${c.id}/parties`, { kind: 'person', name: '李大', role: 'other', ...body });
    expect((await add({ guardianOfId: child, idNumber: CHILD_ID })).status).toBe(400);
    expect((await add({ guardianOfId: child, kind: 'organisation' })).status).toBe(400);
    const other = await newCase([{ kind: 'person', name: '王五', role: 'applicant' }]);
    expect((await add({ guardianOfId: other.parties[0]!.id })).status).toBe(404);
  });

  it('refuses a session a minor attends without their guardian', async () => {
    await ok(police(c.id));
    const view = await ok(plan(c.id));
    const sessionId = lastSession(view).id;
    const future = await record(c.id, sessionId, {
      heldAt: new Date(t.clock.now().getTime() + DAY).toISOString(),
      attendeePartyIds: [adult],
      result: 'none',
    });
    expect(future.status).toBe(400);
    const stranger = await record(c.id, sessionId, { attendeePartyIds: [t.fx.staffIds['a.duty']], result: 'none' });
    expect(stranger.status).toBe(400);
    const alone = await record(c.id, sessionId, { attendeePartyIds: [adult, child], result: 'none' });
    expect(alone.status).toBe(409);
    expect(errorOf(alone).code).toBe('DISPUTE_GUARDIAN_MISSING');
    expect(errorOf(alone).message).toContain('李*');
    expect(errorOf(alone).message).toContain('16');
    expect(errorOf(alone).message).not.toContain('李四');
  });

  it('records it with the guardian present; the second session is due 7 working days later', async () => {
    const withGuardian = await ok(
      desk.post(`/api/v1/disputes/${c.id}/parties`, {
        kind: 'person',
        name: '李大',
        role: 'other',
        relation: '父子',
        guardianOfId: child,
        idNumber: ADULT_ID,
      }),
    );
    const guardian = withGuardian.parties.find((p) => p.guardianOfId === child)!;
    const sessionId = lastSession(withGuardian).id;
    const view = await ok(
      record(c.id, sessionId, {
        attendeePartyIds: [adult, child, guardian.id],
        otherAttendees: '村干部',
        notes: '双方分歧在赔偿金额',
        result: 'none',
      }),
    );
    // Held Monday 2026-11-23: the seventh working day after (past the holiday and a weekend) is Thursday 2026-12-03.
    expect(view.sessionDueAt).toBe('2026-12-03T16:00:00.000Z');
    expect(view.status).toBe('mediating');
    expect(lastSession(view)).toMatchObject({ result: 'none', notes: '双方分歧在赔偿金额', otherAttendees: '村干部' });
    expect(lastSession(view).attendeePartyIds).toHaveLength(3);
    const twice = await record(c.id, sessionId, { attendeePartyIds: [adult], result: 'agreement' });
    expect(twice.status).toBe(409);
    expect(errorOf(twice).code).toBe('DISPUTE_SESSION_HELD');
  });

  it('past the last session the case is not settled, with its next attempt followed up; no third session', async () => {
    const view = await ok(plan(c.id));
    const second = lastSession(view);
    expect(second.seq).toBe(2);
    const missing = await record(c.id, second.id, { attendeePartyIds: [adult], result: 'adjourned' });
    expect(missing.status).toBe(400);
    expect(errorOf(missing).message).toContain('nextAttemptOn');
    const past = await record(c.id, second.id, {
      attendeePartyIds: [adult],
      result: 'none',
      nextAttemptOn: '2026-11-01',
    });
    expect(past.status).toBe(400);
    const failed = await ok(
      record(c.id, second.id, { attendeePartyIds: [adult], result: 'none', nextAttemptOn: '2026-12-07' }),
    );
    expect(failed).toMatchObject({ status: 'failed', nextAttemptOn: '2026-12-07', sessionDueAt: null });
    const followUps = await t.deps.database.db.select().from(disputeFollowUps).where(eq(disputeFollowUps.caseId, c.id));
    expect(followUps).toMatchObject([{ kind: 'next_attempt', dueOn: '2026-12-07' }]);
    const third = await plan(c.id);
    expect(third.status).toBe(409);
    expect(errorOf(third).code).toBe('DISPUTE_SESSION_LIMIT');
  });

  it('keeps other channels free of deadlines: an adjourned session leaves the case mediating', async () => {
    const other = await newCase();
    await ok(desk.put(`/api/v1/disputes/${other.id}/channel`, { channel: 'people', receivingBody: 'A村调委会' }));
    for (let i = 0; i < 3; i++) {
      const planned = await ok(plan(other.id));
      const view = await ok(record(other.id, lastSession(planned).id, { attendeePartyIds: [], result: 'adjourned' }));
      expect(view).toMatchObject({ status: 'mediating', sessionDueAt: null });
    }
  });
});

describe('who may choose a channel and plan sessions', () => {
  let id: string;
  beforeAll(async () => {
    id = (await newCase()).id;
  });

  it('hides the case from another station’s chief', async () => {
    const chief = await t.as('b.chief');
    expect((await chief.put(`/api/v1/disputes/${id}/channel`, { channel: 'police' })).status).toBe(404);
    expect(
      (await chief.post(`/api/v1/disputes/${id}/sessions`, { plannedAt: t.clock.now().toISOString(), place: 'x' }))
        .status,
    ).toBe(404);
  });

  it('refuses a grid worker and asks the anonymous to sign in', async () => {
    const grid = await t.as('a.grid');
    expect((await grid.put(`/api/v1/disputes/${id}/channel`, { channel: 'police' })).status).toBe(403);
    expect((await t.anonymous().put(`/api/v1/disputes/${id}/channel`, { channel: 'police' })).status).toBe(401);
  });
});

describe('the sweep of 治安调解 deadlines', () => {
  const sweep = () => sweepSessionDeadlines(systemCtx(t.deps, t.app.log));

  it('escalates a missed deadline to the chief once, and a new due date once again', async () => {
    const c = await newCase([{ kind: 'person', name: '赵六', role: 'applicant' }]);
    const set = await ok(police(c.id));
    // Accepted Monday: due at the end of Friday 2026-11-27 (Beijing), Wednesday being a holiday.
    expect(set.sessionDueAt).toBe('2026-11-27T16:00:00.000Z');
    expect(await sweep()).toBe(0);
    t.clock.advance(4 * DAY);
    expect(await sweep()).toBe(0);
    t.clock.advance(DAY);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    desk = await t.as('a.duty');
    const escalated = await ok(desk.get(`/api/v1/disputes/${c.id}`));
    expect(escalated.sessionEscalatedAt).toBe(t.clock.now().toISOString());
    const notices = await t.deps.database.db
      .select()
      .from(notifyDeliveries)
      .where(
        and(
          eq(notifyDeliveries.staffId, t.fx.staffIds['a.chief']!),
          eq(notifyDeliveries.reason, 'session_overdue'),
          eq(notifyDeliveries.disputeId, c.id),
        ),
      );
    expect(notices.length).toBeGreaterThanOrEqual(1);
    const entries = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.session_escalate'), eq(auditLog.targetId, c.id)));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain('赵六');
    expect(await sweep()).toBe(0);

    // A session held, not settled: the second session's due date escalates once again when missed.
    const planned = await ok(plan(c.id));
    const held = await ok(
      record(c.id, lastSession(planned).id, { attendeePartyIds: [c.parties[0]!.id], result: 'none' }),
    );
    // Held Saturday 2026-11-28: due at the end of Tuesday 2026-12-08.
    expect(held).toMatchObject({ sessionEscalatedAt: null, sessionDueAt: '2026-12-08T16:00:00.000Z' });
    expect(await sweep()).toBe(0);
    t.clock.advance(12 * DAY);
    expect(await sweep()).toBeGreaterThanOrEqual(1);
    expect(await sweep()).toBe(0);
    const again = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.session_escalate'), eq(auditLog.targetId, c.id)));
    expect(again).toHaveLength(2);
  });
});

describe('every channel, and the board’s due list', () => {
  it('takes each of the five channels; only 治安调解 runs a deadline', async () => {
    desk = await t.as('a.duty');
    const c = await newCase();
    for (const channel of MEDIATION_CHANNELS) {
      const view = await ok(desk.put(`/api/v1/disputes/${c.id}/channel`, { channel, receivingBody: '调委会' }));
      expect(view.channel).toBe(channel);
      expect(view.sessionDueAt !== null).toBe(DEADLINE_CHANNELS.includes(channel));
    }
    const unknown = await desk.put(`/api/v1/disputes/${c.id}/channel`, { channel: 'wechat' });
    expect(unknown.status).toBe(400);
  });

  it('lists a 治安调解 session near and then past its deadline on the chief’s board', async () => {
    desk = await t.as('a.duty');
    const c = await newCase();
    await ok(police(c.id));
    // Signed in afresh at each look: the clock moves by days.
    const board = async () =>
      ok<DisputeBoard>((await t.as('a.chief')).get(`/api/v1/stations/${t.fx.units.stationA}/disputes/board`));
    const mine = (b: DisputeBoard) => b.due.filter((d) => d.case.id === c.id && d.what === 'session');
    expect(mine(await board())).toEqual([]);
    const due = new Date((await ok(desk.get(`/api/v1/disputes/${c.id}`))).sessionDueAt!);
    t.clock.advance(due.getTime() - 3_600_000 - t.clock.now().getTime());
    expect(mine(await board())).toMatchObject([{ overdue: false, dueAt: due.toISOString() }]);
    t.clock.advance(2 * 3_600_000);
    expect(mine(await board())).toMatchObject([{ overdue: true }]);
    // Held with an agreement: nothing is due any more.
    desk = await t.as('a.duty');
    const planned = await ok(plan(c.id));
    await ok(record(c.id, lastSession(planned).id, { attendeePartyIds: [], result: 'agreement' }));
    expect(mine(await board())).toEqual([]);
  });
});
