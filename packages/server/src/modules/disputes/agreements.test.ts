/**
 * 调解协议书 through the API: recorded after a session that reached an agreement (the case moves to 跟踪回访 and
 * the station's follow-ups are scheduled), its duties tracked to their dates and performed once, refused for
 * bad input, printed as an A4 PDF with the Chinese text in it, and kept to the case's own station.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DisputeView } from '@jingmin/shared';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, disputeFollowUps } from '../../db/schema/index.js';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let desk: Client;
beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
}, 60_000);
afterAll(() => t.close());

const ADULT_ID = '11010519491231002X';
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

/** A walk-in case in village A: 张三明 (applicant) and 李四 (respondent). */
const twoPartyCase = () =>
  ok<DisputeView>(
    desk.post(`/api/v1/stations/${t.fx.units.stationA}/disputes`, {
      source: 'walk_in',
      category: 'public_order',
      title: '邻里因漏水发生口角并推搡',
      facts: '李四家卫生间漏水渗到楼下张三明家，双方理论时发生推搡，张三明手臂擦伤。',
      unitId: t.fx.units.villageA,
      parties: [
        { kind: 'person', name: '张三明', role: 'applicant', phone: '13800138000', idNumber: ADULT_ID },
        { kind: 'person', name: '李四', role: 'respondent', phone: '13900139000' },
      ],
    }),
  );

/** The channel chosen, session 1 planned and held now with every party present, its result `result`. */
async function mediated(caseId: string, channel: 'police' | 'people', result: 'agreement' | 'none') {
  await ok(desk.put(`/api/v1/disputes/${caseId}/channel`, { channel }));
  const at = t.clock.now().toISOString();
  const planned = await ok<DisputeView>(
    desk.post(`/api/v1/disputes/${caseId}/sessions`, { plannedAt: at, place: 'A派出所调解室' }),
  );
  const session = planned.sessions[planned.sessions.length - 1]!;
  const attendeePartyIds = planned.parties.map((p) => p.id);
  await ok(
    desk.post(`/api/v1/disputes/${caseId}/sessions/${session.id}/record`, { heldAt: at, attendeePartyIds, result }),
  );
  return session.id;
}

/** The agreement as the officer fills it in on 2026-11-23 (the test clock's Beijing date). */
const agreementOf = (d: DisputeView, sessionId: string, extra: Record<string, unknown> = {}) => ({
  sessionId,
  facts: d.facts,
  disputePoints: '漏水损失和医药费由谁承担',
  responsibilities: '李四未及时维修管道，负主要责任；双方推搡，张三明负次要责任',
  performanceMethod: '现金当面支付，维修由李四负责联系',
  performancePlace: 'A派出所调解室',
  performanceBy: '2026-12-10',
  mediatingBody: 'A派出所',
  mediatorName: '王调解',
  copies: 3,
  signedOn: '2026-11-23',
  duties: [
    { partyId: d.parties[1]!.id, description: '赔偿张三明医药费', amountYuan: 500, dueOn: '2026-11-25' },
    { partyId: d.parties[1]!.id, description: '维修卫生间防水并承担维修费用', dueOn: '2026-12-10' },
  ],
  ...extra,
});

describe('an agreement reached at a session', () => {
  let d: DisputeView;
  let sessionId: string;
  let agreed: DisputeView;

  beforeAll(async () => {
    d = await twoPartyCase();
    sessionId = await mediated(d.id, 'police', 'agreement');
  });

  it('refuses bad input, naming what is wrong', async () => {
    const other = await twoPartyCase();
    const stranger = { ...agreementOf(d, sessionId).duties[0], partyId: other.parties[0]!.id };
    const notOurs = await desk.post(
      `/api/v1/disputes/${d.id}/agreements`,
      agreementOf(d, sessionId, { duties: [stranger] }),
    );
    expect(notOurs.status).toBe(400);
    expect(errorOf(notOurs).message).toContain('不是本案的当事人');
    const early = { ...agreementOf(d, sessionId).duties[0], dueOn: '2026-11-20' };
    const before = await desk.post(
      `/api/v1/disputes/${d.id}/agreements`,
      agreementOf(d, sessionId, { duties: [early] }),
    );
    expect(before.status).toBe(400);
    expect(errorOf(before).message).toContain('不能早于签订日期');
    const by = await desk.post(
      `/api/v1/disputes/${d.id}/agreements`,
      agreementOf(d, sessionId, { performanceBy: '2026-11-01' }),
    );
    expect(by.status).toBe(400);
    const unknown = await desk.post(`/api/v1/disputes/${d.id}/agreements`, agreementOf(d, other.id));
    expect(unknown.status).toBe(404);
    // Another case's session is not this case's either.
    const theirs = await mediated(other.id, 'police', 'none');
    expect((await desk.post(`/api/v1/disputes/${d.id}/agreements`, agreementOf(d, theirs))).status).toBe(404);
    const none = await desk.post(`/api/v1/disputes/${other.id}/agreements`, agreementOf(other, theirs));
    expect(none.status).toBe(409);
    expect(errorOf(none).code).toBe('DISPUTE_SESSION_NO_AGREEMENT');
    const { sessionId: _, ...withoutSession } = agreementOf(other, theirs);
    expect(errorOf(await desk.post(`/api/v1/disputes/${other.id}/agreements`, withoutSession)).code).toBe(
      'DISPUTE_SESSION_NO_AGREEMENT',
    );
    const fresh = await twoPartyCase();
    const noChannel = await desk.post(`/api/v1/disputes/${fresh.id}/agreements`, agreementOf(fresh, sessionId));
    expect(noChannel.status).toBe(409);
    expect(errorOf(noChannel).code).toBe('DISPUTE_NO_CHANNEL');
  });

  it('moves the case to 跟踪回访 and schedules the station’s follow-ups at 7 and 30 days', async () => {
    agreed = await ok<DisputeView>(desk.post(`/api/v1/disputes/${d.id}/agreements`, agreementOf(d, sessionId)));
    expect(agreed.status).toBe('following_up');
    expect(agreed.agreements).toHaveLength(1);
    const [a] = agreed.agreements;
    expect(a).toMatchObject({
      number: `${d.number}-1`,
      sessionId,
      channel: 'police',
      form: '治安调解协议书',
      copies: 3,
      signedOn: '2026-11-23',
      performanceBy: '2026-12-10',
    });
    expect(a!.duties.map((x) => [x.description, x.amountYuan, x.dueOn, x.overdue])).toEqual([
      ['赔偿张三明医药费', 500, '2026-11-25', false],
      ['维修卫生间防水并承担维修费用', null, '2026-12-10', false],
    ]);
    const followUps = await t.deps.database.db
      .select()
      .from(disputeFollowUps)
      .where(eq(disputeFollowUps.caseId, d.id))
      .orderBy(asc(disputeFollowUps.dueOn));
    expect(followUps.map((f) => [f.kind, f.dueOn, f.agreementId])).toEqual([
      ['after_agreement', '2026-11-30', a!.id],
      ['after_agreement', '2026-12-23', a!.id],
    ]);
    const [entry] = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.agreement'), eq(auditLog.targetId, d.id)));
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toMatch(/张三明|李四/);
    // The case is followed up now: a second agreement needs a new round of mediation first.
    const again = await desk.post(`/api/v1/disputes/${d.id}/agreements`, agreementOf(d, sessionId));
    expect(errorOf(again).code).toBe('DISPUTE_STEP_NOT_ALLOWED');
  });

  it('marks a duty overdue once its date has passed, and records it performed once', async () => {
    t.clock.advance(3 * 86_400_000); // Beijing 2026-11-26: the medical costs were due on the 25th
    desk = await t.as('a.duty'); // three days idle end a session
    const late = await ok<DisputeView>(desk.get(`/api/v1/disputes/${d.id}`));
    const [pay, repair] = late.agreements[0]!.duties;
    expect([pay!.overdue, repair!.overdue]).toEqual([true, false]);
    const done = await ok<DisputeView>(
      desk.post(`/api/v1/disputes/${d.id}/duties/${pay!.id}/performed`, { note: '已当面支付500元' }),
    );
    const paid = done.agreements[0]!.duties.find((x) => x.id === pay!.id);
    expect(paid).toMatchObject({ performedNote: '已当面支付500元', overdue: false });
    expect(paid!.performedAt).not.toBeNull();
    expect(done.version).toBe(late.version + 1);
    const twice = await desk.post(`/api/v1/disputes/${d.id}/duties/${pay!.id}/performed`, {});
    expect(twice.status).toBe(409);
    expect(errorOf(twice).code).toBe('DISPUTE_DUTY_PERFORMED');
    const other = await twoPartyCase();
    expect((await desk.post(`/api/v1/disputes/${other.id}/duties/${repair!.id}/performed`, {})).status).toBe(404);
  });

  it('prints the 治安调解协议书 as an A4 PDF with the parties in full, and audits the read', async () => {
    const a = agreed.agreements[0]!;
    const res = await desk.get(`/api/v1/disputes/${d.id}/agreements/${a.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`调解协议书-${a.number}.pdf`)}`,
    );
    const pdf = res.raw.rawPayload;
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-agreement-'));
    try {
      const file = path.join(dir, 'agreement.pdf');
      fs.writeFileSync(file, pdf);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      for (const words of [
        '治安调解协议书',
        '张三明',
        ADULT_ID,
        '13900139000',
        '赔偿张三明医药费',
        '500.00元',
        '治安管理处罚法',
      ])
        expect(text).toContain(words);
      expect(text).toContain('本协议书一式3份');
      spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
      const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'));
      expect(png).toBeDefined();
      // A blank A4 page at 50 dpi compresses to about 1 kB; text on it makes it several times that.
      expect(fs.statSync(path.join(dir, png!)).size).toBeGreaterThan(5_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const rows = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.agreement_print'), eq(auditLog.targetId, a.id)));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toMatch(/张三明|李四|13900139000|11010519491231002X/);
  });

  it('is the case’s own station’s: another chief gets 404, a grid worker 403, the anonymous 401', async () => {
    const a = agreed.agreements[0]!;
    const pdf = `/api/v1/disputes/${d.id}/agreements/${a.id}/pdf`;
    const duty = `/api/v1/disputes/${d.id}/duties/${a.duties[1]!.id}/performed`;
    const other = await t.as('b.chief');
    expect((await other.get(pdf)).status).toBe(404);
    expect((await other.post(duty, {})).status).toBe(404);
    expect((await other.post(`/api/v1/disputes/${d.id}/agreements`, agreementOf(d, sessionId))).status).toBe(404);
    const grid = await t.as('a.grid');
    expect((await grid.get(pdf)).status).toBe(403);
    expect((await grid.post(duty, {})).status).toBe(403);
    expect((await t.anonymous().get(pdf)).status).toBe(401);
    expect((await t.anonymous().post(duty, {})).status).toBe(401);
    // Another agreement of the case: 404, not the one asked for.
    expect((await desk.get(`/api/v1/disputes/${d.id}/agreements/${a.duties[0]!.id}/pdf`)).status).toBe(404);
  });
});

describe('an agreement of 人民调解, on the station’s own follow-up days', () => {
  it('prints the people’s form and schedules the days the chief set', async () => {
    const chief = await t.as('a.chief');
    const url = `/api/v1/stations/${t.fx.units.stationA}/dispute-settings`;
    const settings = await ok<{ rules: Record<string, unknown> }>(chief.get(url));
    await ok(chief.put(url, { ...settings, rules: { ...settings.rules, followUpDays: [3, 15, 60] } }));
    const d = await twoPartyCase();
    const sessionId = await mediated(d.id, 'people', 'agreement');
    const today = '2026-11-26';
    const view = await ok<DisputeView>(
      desk.post(
        `/api/v1/disputes/${d.id}/agreements`,
        agreementOf(d, sessionId, {
          sessionId: undefined,
          signedOn: today,
          mediatingBody: 'A村人民调解委员会',
          duties: [{ description: '双方互不追究，今后和睦相处', dueOn: today }],
        }),
      ),
    );
    expect(view.agreements[0]).toMatchObject({ form: '人民调解协议书', sessionId: null, channel: 'people' });
    const followUps = await t.deps.database.db
      .select({ dueOn: disputeFollowUps.dueOn })
      .from(disputeFollowUps)
      .where(eq(disputeFollowUps.caseId, d.id))
      .orderBy(asc(disputeFollowUps.dueOn));
    expect(followUps.map((f) => f.dueOn)).toEqual(['2026-11-29', '2026-12-11', '2027-01-25']);
    const res = await desk.get(`/api/v1/disputes/${d.id}/agreements/${view.agreements[0]!.id}/pdf`);
    expect(res.status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jm-agreement-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.pdf'), res.raw.rawPayload);
      const text = spawnSync('pdftotext', [path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(
        /\s+/g,
        '',
      );
      expect(text).toContain('人民调解协议书');
      expect(text).toContain('各方当事人：双方互不追究');
      expect(text).toContain('司法确认');
      expect(text).not.toContain('治安管理处罚法');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
