/**
 * 移交 through the API: the station transfers a case to the judicial office, whose liaison accepts it, reports
 * progress and gives the result (resolved: follow-ups; not: 调解未成 with a next attempt) or returns it with a
 * reason; one open transfer at a time, only departments of the case's station, only the department answers,
 * and the liaison changes nothing else on the case.
 */
import { DEFAULT_MEDIATION_RULES, type DisputeView, type TransferView } from '@jingmin/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, disputeFollowUps, notifyDeliveries } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let desk: Client;
let liaison: Client;
let committeeLiaison: Client;
let judicial: { id: string };
let committee: { id: string };
let otherStation: { id: string };

type Mine = { transfer: TransferView; dispute: { id: string; number: string } }[];
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

async function ok<T = DisputeView>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
  const chief = await t.as('a.chief');
  const department = (unitId: string, name: string, kind: string) =>
    ok<{ id: string }>(chief.post('/api/v1/departments', { unitId, name, kind }));
  judicial = await department(t.fx.units.stationA, '城关司法所', 'judicial_office');
  committee = await department(t.fx.units.villageA, 'A村调委会', 'village_committee');
  otherStation = await ok(
    (await t.as('b.chief')).post('/api/v1/departments', {
      unitId: t.fx.units.stationB,
      name: 'B镇司法所',
      kind: 'judicial_office',
    }),
  );
  // The fixture's liaison joins the judicial office; a second liaison speaks for the village committee.
  const sys = await t.as('sysadmin');
  await ok(sys.patch(`/api/v1/staff/${t.fx.staffIds['a.liaison']}`, { departmentId: judicial.id }));
  const committeeId = await addStaff(t, 'a.committee', ['department_liaison'], t.fx.units.villageA);
  await ok(sys.patch(`/api/v1/staff/${committeeId}`, { departmentId: committee.id }));
  liaison = await t.as('a.liaison');
  committeeLiaison = await t.as('a.committee');
}, 60_000);
afterAll(() => t.close());

/** A walk-in debt case in village A with one named party. */
const newCase = () =>
  ok(
    desk.post(`/api/v1/stations/${t.fx.units.stationA}/disputes`, {
      source: 'walk_in',
      category: 'other',
      title: '借款三万元到期未还',
      facts: '申请人称借给被申请人三万元，到期后多次催要未还。',
      unitId: t.fx.units.villageA,
      parties: [{ kind: 'person', name: '王富贵', role: 'applicant', phone: '13900139000' }],
    }),
  );

const transfer = (id: string, departmentId = judicial.id) =>
  desk.post(`/api/v1/disputes/${id}/transfers`, { departmentId, note: '债务纠纷，请司法所组织人民调解' });
const answer = (c: Client, transferId: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/dispute-transfers/${transferId}/answer`, body);
const plusDays = (n: number) =>
  new Date(Date.parse(`${t.clock.now().toISOString().slice(0, 10)}T00:00:00Z`) + n * 86_400_000)
    .toISOString()
    .slice(0, 10);

/** A case transferred to the judicial office: the case and its transfer's id. */
async function transferred() {
  const c = await newCase();
  const view = await ok(transfer(c.id));
  return { c: view, transferId: view.transfers[0]!.id };
}

describe('a case transferred to a partner department', () => {
  it('is accepted, worked and resolved by the department; the station then follows it up', async () => {
    const c = await newCase();
    const sent = await ok(transfer(c.id));
    expect(sent.status).toBe('transferred');
    expect(sent.transfers).toEqual([
      expect.objectContaining({
        departmentId: judicial.id,
        departmentName: '城关司法所',
        status: 'pending',
        note: '债务纠纷，请司法所组织人民调解',
        sentBy: 'a.duty',
        answeredAt: null,
        updates: [],
      }),
    ]);
    const transferId = sent.transfers[0]!.id;
    // The liaison is told, with the case's number and nothing about the parties; the audit keeps ids only.
    const db = t.deps.database.db;
    const told = await db
      .select()
      .from(notifyDeliveries)
      .where(eq(notifyDeliveries.staffId, t.fx.staffIds['a.liaison']!));
    expect(told.map((d) => d.reason)).toEqual(['case_transferred']);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.transfer'), eq(auditLog.targetId, c.id)));
    expect(entry?.details).toMatchObject({
      transferId,
      departmentId: judicial.id,
      from: 'accepted',
      to: 'transferred',
    });
    expect(JSON.stringify([told, entry])).not.toMatch(/王富贵|13900139000|请司法所/);

    const mine = await ok<Mine>(liaison.get('/api/v1/dispute-transfers/mine'));
    expect(mine.find((m) => m.transfer.id === transferId)?.dispute).toMatchObject({ id: c.id, number: c.number });
    const accepted = await ok(answer(liaison, transferId, { answer: 'accept' }));
    expect(accepted.status).toBe('transferred');
    expect(accepted.transfers[0]).toMatchObject({ status: 'accepted', answeredAt: expect.any(String) });
    expect(accepted.version).toBe(sent.version + 1);

    const noted = await ok(
      liaison.post(`/api/v1/dispute-transfers/${transferId}/progress`, { text: '已约双方周五到司法所面谈' }),
    );
    expect(noted.transfers[0]!.updates).toEqual([
      { text: '已约双方周五到司法所面谈', by: 'a.liaison', at: expect.any(String) },
    ]);

    const done = await ok(
      liaison.post(`/api/v1/dispute-transfers/${transferId}/result`, {
        resolved: true,
        result: '双方达成分期还款协议',
      }),
    );
    expect(done.status).toBe('following_up');
    expect(done.transfers[0]).toMatchObject({ status: 'done', resolved: true, result: '双方达成分期还款协议' });
    expect(done.transfers[0]!.doneAt).not.toBeNull();
    // Follow-ups on the station's days, by whoever sent it (the case has no handler).
    const followUps = await db.select().from(disputeFollowUps).where(eq(disputeFollowUps.caseId, c.id));
    expect(followUps.map((f) => [f.kind, f.dueOn, f.responsibleId]).sort()).toEqual(
      DEFAULT_MEDIATION_RULES.followUpDays.map((d) => ['after_agreement', plusDays(d), t.fx.staffIds['a.duty']]).sort(),
    );
    // Done is done: no second answer, no more progress.
    const again = await answer(liaison, transferId, { answer: 'accept' });
    expect([again.status, errorOf(again).code]).toEqual([409, 'DISPUTE_TRANSFER_ANSWERED']);
    const late = await liaison.post(`/api/v1/dispute-transfers/${transferId}/progress`, { text: '补充' });
    expect([late.status, errorOf(late).code]).toEqual([409, 'DISPUTE_TRANSFER_ANSWERED']);
    // A department that finished a case still reads it.
    expect((await liaison.get(`/api/v1/disputes/${c.id}`)).status).toBe(200);
  });

  it('is returned with a reason: the station works it again and may transfer it elsewhere', async () => {
    const { c, transferId } = await transferred();
    const back = await ok(answer(liaison, transferId, { answer: 'return', reason: '涉及金额较大，建议起诉' }));
    expect(back.status).toBe('mediating');
    expect(back.transfers[0]).toMatchObject({ status: 'returned', returnReason: '涉及金额较大，建议起诉' });
    // The department no longer sees it; the station may send it to the village committee.
    expect((await liaison.get(`/api/v1/disputes/${c.id}`)).status).toBe(404);
    const mine = await ok<Mine>(liaison.get('/api/v1/dispute-transfers/mine'));
    expect(mine.some((m) => m.transfer.id === transferId)).toBe(false);
    const elsewhere = await ok(transfer(c.id, committee.id));
    expect(elsewhere.transfers.map((x) => x.status)).toEqual(['pending', 'returned']);
  });

  it('is 调解未成 when the department could not resolve it, with the next attempt planned', async () => {
    const { c, transferId } = await transferred();
    await ok(answer(liaison, transferId, { answer: 'accept' }));
    const failed = await ok(
      liaison.post(`/api/v1/dispute-transfers/${transferId}/result`, { resolved: false, result: '被申请人拒绝调解' }),
    );
    const next = plusDays(DEFAULT_MEDIATION_RULES.nextAttemptDays);
    expect(failed).toMatchObject({ status: 'failed', nextAttemptOn: next });
    expect(failed.transfers[0]).toMatchObject({ status: 'done', resolved: false, result: '被申请人拒绝调解' });
    const followUps = await t.deps.database.db.select().from(disputeFollowUps).where(eq(disputeFollowUps.caseId, c.id));
    expect(followUps.map((f) => [f.kind, f.dueOn])).toEqual([['next_attempt', next]]);
  });

  it('refuses a second transfer while one is open, and progress before it is accepted', async () => {
    const { c, transferId } = await transferred();
    const second = await transfer(c.id, committee.id);
    expect([second.status, errorOf(second).code]).toEqual([409, 'DISPUTE_TRANSFER_OPEN']);
    expect(errorOf(second).message).toContain('城关司法所');
    const early = await liaison.post(`/api/v1/dispute-transfers/${transferId}/progress`, { text: '尚未接收' });
    expect([early.status, errorOf(early).code]).toEqual([409, 'DISPUTE_TRANSFER_NOT_ACCEPTED']);
    await ok(answer(liaison, transferId, { answer: 'accept' }));
    expect((await transfer(c.id, committee.id)).status).toBe(409);
  });

  it('goes only to a department of the case’s station', async () => {
    const c = await newCase();
    const outside = await transfer(c.id, otherStation.id);
    expect([outside.status, errorOf(outside).code]).toEqual([404, 'NOT_FOUND']);
    expect(errorOf(outside).message).toContain('部门');
    expect((await transfer(c.id, '00000000-0000-0000-0000-000000000000')).status).toBe(404);
    // The village committee is under the station: it may receive the case.
    expect((await ok(transfer(c.id, committee.id))).transfers[0]!.departmentName).toBe('A村调委会');
  });
});

describe('who answers a transfer', () => {
  it('hides it from the liaison of another department', async () => {
    const { c, transferId } = await transferred();
    expect((await committeeLiaison.get(`/api/v1/disputes/${c.id}`)).status).toBe(404);
    const res = await answer(committeeLiaison, transferId, { answer: 'accept' });
    expect([res.status, errorOf(res).code]).toEqual([404, 'NOT_FOUND']);
    const mine = await ok<Mine>(committeeLiaison.get('/api/v1/dispute-transfers/mine'));
    expect(mine.some((m) => m.transfer.id === transferId)).toBe(false);
  });

  it('leaves the answer to the department: the station reads the transfer but does not answer for it', async () => {
    const { transferId } = await transferred();
    expect((await answer(desk, transferId, { answer: 'accept' })).status).toBe(403);
    expect(await ok<Mine>(desk.get('/api/v1/dispute-transfers/mine'))).toEqual([]);
  });

  it('lets the liaison change nothing else on the case', async () => {
    const { c } = await transferred();
    const party = c.parties[0]!.id;
    const steps = [
      liaison.put(`/api/v1/disputes/${c.id}/classification`, { category: 'labour' }),
      liaison.post(`/api/v1/disputes/${c.id}/colour`, { colour: 'red', reason: '部门调整' }),
      liaison.post(`/api/v1/disputes/${c.id}/parties/${party}/reveal`),
      liaison.post(`/api/v1/disputes/${c.id}/transfers`, { departmentId: committee.id, note: '转给村委会' }),
    ];
    expect((await Promise.all(steps)).map((r) => r.status)).toEqual([403, 403, 403, 403]);
    // A case not transferred to it does not exist for it.
    const other = await newCase();
    expect((await liaison.put(`/api/v1/disputes/${other.id}/classification`, { category: 'labour' })).status).toBe(404);
  });

  it('keeps another station, grid workers and anyone anonymous out', async () => {
    const { c, transferId } = await transferred();
    const otherChief = await t.as('b.chief');
    expect(
      (await otherChief.post(`/api/v1/disputes/${c.id}/transfers`, { departmentId: judicial.id, note: '越权' })).status,
    ).toBe(404);
    expect((await answer(otherChief, transferId, { answer: 'accept' })).status).toBe(404);
    const grid = await t.as('a.grid');
    expect(
      (await grid.post(`/api/v1/disputes/${c.id}/transfers`, { departmentId: judicial.id, note: '越权' })).status,
    ).toBe(403);
    expect((await answer(grid, transferId, { answer: 'accept' })).status).toBe(403);
    expect((await grid.get('/api/v1/dispute-transfers/mine')).status).toBe(403);
    const anonymous = t.anonymous();
    expect(
      (await anonymous.post(`/api/v1/dispute-transfers/${transferId}/result`, { resolved: true, result: 'x' })).status,
    ).toBe(401);
    expect((await anonymous.get('/api/v1/dispute-transfers/mine')).status).toBe(401);
  });
});
