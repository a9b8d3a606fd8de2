/**
 * 三个不放 through the API: a case closes only when resolved (its agreement performed), the hazard is cleared and
 * every party (but a guardian) is satisfied — each missing condition named when refused; the chief may close
 * anyway with a written reason (audited with what was missing), an officer may not; a closed case stays closed.
 */
import type { DisputeView } from '@jingmin/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  departments,
  disputeAgreements,
  disputeCases,
  disputeDuties,
  disputeFollowUps,
  disputeTransfers,
} from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await t.as('a.officer');
}, 60_000);
afterAll(() => t.close());

const ADULT_ID = '11010519491231002X';
const CHILD_ID = '110105201506010032';
const db = () => t.deps.database.db;
const today = () => new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const errorOf = (res: { body: unknown }) =>
  (res.body as { error: { code: string; message: string; details?: { missing: string[] } } }).error;

async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

/** A case being followed up: an adult applicant, a minor respondent and the respondent's guardian. */
async function followedUpCase(): Promise<DisputeView> {
  const view = await ok<DisputeView>(
    officer.post(`/api/v1/stations/${t.fx.units.stationA}/disputes`, {
      source: 'proactive',
      category: 'other',
      title: '宅基地边界争执',
      facts: '两户为宅基地边界的围墙位置争执多次。',
      unitId: t.fx.units.villageA,
      parties: [
        { kind: 'person', name: '王大山', role: 'applicant', idNumber: ADULT_ID },
        { kind: 'person', name: '赵小川', role: 'respondent', idNumber: CHILD_ID },
      ],
    }),
  );
  await ok(
    officer.post(`/api/v1/disputes/${view.id}/parties`, {
      kind: 'person',
      name: '赵大川',
      role: 'other',
      guardianOfId: view.parties[1]!.id,
    }),
  );
  // The agreement is another part's: its status is set directly.
  await db().update(disputeCases).set({ status: 'following_up' }).where(eq(disputeCases.id, view.id));
  return ok<DisputeView>(officer.get(`/api/v1/disputes/${view.id}`));
}

/** A signed agreement with one duty, as the agreement step writes it. */
async function agreementWithDuty(d: DisputeView) {
  const [a] = await db()
    .insert(disputeAgreements)
    .values({
      caseId: d.id,
      number: `${d.number}-1`,
      channel: 'police',
      facts: '围墙位置争执',
      disputePoints: '围墙位置',
      responsibilities: '双方各半',
      performanceMethod: '拆除重建',
      performancePlace: '现场',
      performanceBy: today(),
      mediatingBody: 'A派出所',
      mediatorName: 'a.officer',
      copies: 3,
      signedOn: today(),
      createdBy: t.fx.staffIds['a.officer']!,
      createdAt: t.clock.now(),
    })
    .returning({ id: disputeAgreements.id });
  const [duty] = await db()
    .insert(disputeDuties)
    .values({ agreementId: a!.id, caseId: d.id, description: '拆除围墙', dueOn: today() })
    .returning({ id: disputeDuties.id });
  return duty!.id;
}

/** Plans a follow-up for today and records it. */
async function followUp(d: DisputeView, hazardCleared: boolean, satisfied: Record<string, boolean>) {
  t.clock.advance(60_000);
  const view = await ok<DisputeView>(
    officer.post(`/api/v1/disputes/${d.id}/follow-ups`, { kind: 'after_agreement', dueOn: today() }),
  );
  const open = view.followUps.find((f) => !f.doneAt)!;
  const parties = Object.entries(satisfied).map(([partyId, s]) => ({ partyId, via: 'in_person', satisfied: s }));
  await ok(officer.post(`/api/v1/dispute-follow-ups/${open.id}/record`, { hazardCleared, parties }));
}

const close = (c: Client, id: string, body: Record<string, unknown> = {}) =>
  c.post(`/api/v1/disputes/${id}/close`, body);
const met = (v: DisputeView) => Object.fromEntries(v.close.conditions.map((c) => [c.condition, c.met]));

describe('三个不放', () => {
  let d: DisputeView;
  beforeAll(async () => {
    d = await followedUpCase();
  });

  it('refuses a case with nothing done, naming all three', async () => {
    expect(met(d)).toEqual({ resolved: false, hazard_cleared: false, parties_satisfied: false });
    const res = await close(officer, d.id);
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('DISPUTE_CLOSE_REFUSED');
    expect(errorOf(res).message).toContain('矛盾已化解、隐患已消除、当事人均满意');
    expect(errorOf(res).details?.missing).toEqual(['resolved', 'hazard_cleared', 'parties_satisfied']);
    const english = await t.as('a.officer', { locale: 'en' });
    expect(errorOf(await close(english, d.id)).message).toContain('The dispute is resolved');
  });

  it('counts the agreement as resolved only once every duty is performed', async () => {
    const dutyId = await agreementWithDuty(d);
    expect(met(await ok<DisputeView>(officer.get(`/api/v1/disputes/${d.id}`))).resolved).toBe(false);
    await db().update(disputeDuties).set({ performedAt: t.clock.now() }).where(eq(disputeDuties.id, dutyId));
    expect(met(await ok<DisputeView>(officer.get(`/api/v1/disputes/${d.id}`))).resolved).toBe(true);
    const res = await close(officer, d.id);
    expect(res.status).toBe(409);
    expect(errorOf(res).message).not.toContain('矛盾已化解');
    expect(errorOf(res).details?.missing).toEqual(['hazard_cleared', 'parties_satisfied']);
  });

  it('refuses while the hazard remains, and while one party is not satisfied (the guardian is not asked)', async () => {
    const [applicant, minor] = d.parties;
    await followUp(d, false, { [applicant!.id]: true, [minor!.id]: true });
    const hazard = await close(officer, d.id);
    expect(errorOf(hazard).details?.missing).toEqual(['hazard_cleared']);
    expect(errorOf(hazard).message).toContain('隐患已消除');
    await followUp(d, true, { [applicant!.id]: true, [minor!.id]: false });
    const unsatisfied = await close(officer, d.id);
    expect(errorOf(unsatisfied).details?.missing).toEqual(['parties_satisfied']);
    expect(errorOf(unsatisfied).message).toContain('当事人均满意');
  });

  it('closes when all three hold, says who closed it, and refuses to close it twice', async () => {
    const [, minor] = d.parties;
    // The latest answer counts: the respondent is satisfied now; the hazard is still cleared.
    await followUp(d, true, { [minor!.id]: true });
    const ready = await ok<DisputeView>(officer.get(`/api/v1/disputes/${d.id}`));
    expect(met(ready)).toEqual({ resolved: true, hazard_cleared: true, parties_satisfied: true });
    const closed = await ok<DisputeView>(close(officer, d.id));
    expect(closed.status).toBe('closed');
    expect(closed.close).toMatchObject({ closedBy: 'a.officer', overrideReason: null });
    expect(closed.close.closedAt).not.toBeNull();
    const twice = await close(officer, d.id);
    expect(twice.status).toBe(409);
    expect(errorOf(twice).code).toBe('DISPUTE_STEP_NOT_ALLOWED');
    // A closed case is a record: nothing on it changes any more.
    const later = await officer.put(`/api/v1/disputes/${d.id}/classification`, { category: 'other' });
    expect(later.status).toBe(409);
    expect(errorOf(later).code).toBe('DISPUTE_CLOSED');
  });
});

describe('resolved by the receiving department', () => {
  it('counts the latest transfer done and resolved, and not one done unresolved', async () => {
    const d = await followedUpCase();
    const [dept] = await db()
      .insert(departments)
      .values({ unitId: t.fx.units.stationA, name: 'A镇司法所', kind: 'judicial_office' })
      .returning({ id: departments.id });
    const transfer = (resolved: boolean, minutes: number) =>
      db()
        .insert(disputeTransfers)
        .values({
          caseId: d.id,
          departmentId: dept!.id,
          note: '移交司法所调处',
          status: 'done',
          sentBy: t.fx.staffIds['a.officer']!,
          sentAt: new Date(t.clock.now().getTime() + minutes * 60_000),
          resolved,
          result: resolved ? '已化解' : '未化解',
          doneAt: t.clock.now(),
        });
    await transfer(false, 1);
    expect(met(await ok<DisputeView>(officer.get(`/api/v1/disputes/${d.id}`))).resolved).toBe(false);
    await transfer(true, 2);
    expect(met(await ok<DisputeView>(officer.get(`/api/v1/disputes/${d.id}`))).resolved).toBe(true);
  });
});

describe('the chief’s override', () => {
  let d: DisputeView;
  const reason = '当事人已迁居外地，经村委会确认矛盾不再激化，特批结案';
  beforeAll(async () => {
    d = await followedUpCase();
  });

  it('is refused to an officer, even with a reason', async () => {
    const res = await close(officer, d.id, { overrideReason: reason });
    expect(res.status).toBe(403);
  });

  it('needs a written reason of ten characters or more', async () => {
    const chief = await t.as('a.chief');
    expect((await close(chief, d.id, { overrideReason: '特批' })).status).toBe(400);
  });

  it('closes for the chief with the reason, audited with what was missing', async () => {
    const chief = await t.as('a.chief');
    // A follow-up already past its day: overdue while the case is open, no longer due once it is closed.
    await ok(chief.post(`/api/v1/disputes/${d.id}/follow-ups`, { kind: 'after_agreement', dueOn: today() }));
    await db()
      .update(disputeFollowUps)
      .set({ dueOn: '2026-11-01' })
      .where(and(eq(disputeFollowUps.caseId, d.id), isNull(disputeFollowUps.doneAt)));
    const before = await ok<DisputeView>(chief.get(`/api/v1/disputes/${d.id}`));
    expect(before.followUps.some((f) => f.overdue)).toBe(true);
    const closed = await ok<DisputeView>(close(chief, d.id, { overrideReason: reason }));
    expect(closed.status).toBe('closed');
    expect(closed.followUps.filter((f) => !f.doneAt).length).toBeGreaterThan(0);
    expect(closed.followUps.some((f) => f.overdue)).toBe(false);
    expect(closed.close).toMatchObject({ closedBy: 'a.chief', overrideReason: reason });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.close_override'), eq(auditLog.targetId, d.id)));
    expect(entry?.details).toMatchObject({
      missing: ['resolved', 'hazard_cleared', 'parties_satisfied'],
      to: 'closed',
    });
    expect(JSON.stringify(entry?.details)).not.toContain(reason);
  });
});

describe('who may close', () => {
  let d: DisputeView;
  beforeAll(async () => {
    d = await followedUpCase();
  });

  it('hides the case from another station’s chief, refuses a grid worker, asks anyone anonymous to sign in', async () => {
    const reason = '越权特批结案的理由写够十个字';
    expect((await close(await t.as('b.chief'), d.id, { overrideReason: reason })).status).toBe(404);
    expect((await close(await t.as('a.grid'), d.id)).status).toBe(403);
    expect((await close(t.anonymous(), d.id)).status).toBe(401);
    const still = await ok<DisputeView>(officer.get(`/api/v1/disputes/${d.id}`));
    expect(still.status).toBe('following_up');
  });
});
