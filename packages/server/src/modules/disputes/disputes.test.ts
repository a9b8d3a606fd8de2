/**
 * 矛盾纠纷 cases, first step, through the API: a resident's 矛盾纠纷 matter becomes a case (once), the desk
 * records cases with parties (ID numbers checked, particulars sealed and masked, a reveal audited), the
 * list filters, classification, assessments with history, colours with reasons, the station's settings,
 * and who may do what.
 */
import {
  DEFAULT_MEDIATION_RULES,
  type DisputeBoard,
  type DisputeListItem,
  type DisputeSettings,
  type DisputeView,
} from '@jingmin/shared';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/rows.js';
import { auditLog, disputeParties } from '../../db/schema/index.js';
import { addStaff, buildTestApp, type Client, type TestApp } from '../../test/harness.js';
import { matterIdOf, submitAt } from '../../test/matters.js';

let t: TestApp;
let desk: Client;
beforeAll(async () => {
  t = await buildTestApp();
  desk = await t.as('a.duty');
}, 60_000);
afterAll(() => t.close());

type DisputeList = { items: DisputeListItem[]; total: number };

const ADULT_ID = '11010519491231002X';
const CHILD_ID = '110105201506010032';
const NOISE = '邻居家装修噪音很大，半夜十二点还在施工，多次上门沟通都没有结果，想请派出所出面调解一下';
const FACTORS = {
  people: 2,
  amountYuan: null,
  threats: false,
  earlierViolence: false,
  repeatCalls: false,
  collective: false,
  otherRisk: false,
};

const stationA = () => t.fx.units.stationA;
const errorOf = (res: { body: unknown }) => (res.body as { error: { code: string; message: string } }).error;

async function ok<T>(res: Promise<{ status: number; body: unknown }>): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as T;
}

/** A walk-in case in village A with the given parties. */
const deskCase = (parties: unknown[] = [], extra: Record<string, unknown> = {}) =>
  desk.post(`/api/v1/stations/${stationA()}/disputes`, {
    source: 'walk_in',
    category: 'other',
    subcategory: '债务',
    title: '借款三万元到期未还',
    facts: '申请人称2025年借给被申请人三万元，约定一年归还，到期后多次催要未还。',
    unitId: t.fx.units.villageA,
    parties,
    ...extra,
  });

describe('a resident’s 矛盾纠纷 matter becomes a case', () => {
  let receipt: { number: string; trackingToken: string };
  let matterId: string;

  it('opens the case from the matter and tells the resident', async () => {
    receipt = await submitAt(t, t.fx.doorplateTokens.a[0]!, 'dispute', NOISE);
    matterId = await matterIdOf(desk, receipt.number);
    // 受理 comes first: it answers the resident in time and settles the kind.
    const early = await desk.post(`/api/v1/matters/${matterId}/dispute`, { category: 'public_order' });
    expect(early.status).toBe(409);
    expect(errorOf(early).code).toBe('DISPUTE_MATTER_NOT_ACCEPTED');
    expect((await desk.post(`/api/v1/matters/${matterId}/accept`, { urgency: 'normal' })).status).toBe(200);
    const view = await ok<DisputeView>(
      desk.post(`/api/v1/matters/${matterId}/dispute`, { category: 'public_order', subcategory: '邻里' }),
    );
    expect(view.number).toMatch(/^MD20261123-\d{6}$/);
    expect(view).toMatchObject({
      source: 'matter',
      category: 'public_order',
      subcategory: '邻里',
      title: [...NOISE].slice(0, 30).join(''),
      facts: NOISE,
      matterId,
      matterNumber: receipt.number,
      householdId: t.fx.households.a[0],
      stationId: stationA(),
      stationName: 'A派出所',
      place: 'A村1组1号',
      colourScheme: 'sangong',
      colour: null,
      level: null,
      status: 'accepted',
      partyCount: 0,
      version: 1,
    });
    const tracking = await ok<{ timeline: { type: string; label?: string }[] }>(
      t.anonymous().get(`/api/v1/public/matters/${receipt.trackingToken}`),
    );
    expect(tracking.timeline.map((e) => e.type)).toContain('matter.to_dispute');
    // The desk's view of the matter names the case, so its drawer links there instead of offering another.
    const matter = await ok<{ dispute: { id: string; number: string } | null }>(
      desk.get(`/api/v1/matters/${matterId}`),
    );
    expect(matter.dispute).toEqual({ id: view.id, number: view.number });
  });

  it('refuses a second case for the same matter', async () => {
    const again = await desk.post(`/api/v1/matters/${matterId}/dispute`, { category: 'other' });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('DISPUTE_EXISTS');
  });

  it('opens one case when two desks convert the same matter at once', async () => {
    const r = await submitAt(t, t.fx.doorplateTokens.a[2]!, 'dispute', '承包地边界有争议，双方多次争吵');
    const id = await matterIdOf(desk, r.number);
    expect((await desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal' })).status).toBe(200);
    const chief = await t.as('a.chief');
    const both = await Promise.all([
      desk.post(`/api/v1/matters/${id}/dispute`, { category: 'land_demolition' }),
      chief.post(`/api/v1/matters/${id}/dispute`, { category: 'land_demolition' }),
    ]);
    expect(both.map((res) => res.status).sort()).toEqual([200, 409]);
    expect(both.map((res) => (res.status === 409 ? errorOf(res).code : 'ok')).sort()).toEqual(['DISPUTE_EXISTS', 'ok']);
  });

  it('refuses a matter of another kind', async () => {
    const consult = await submitAt(t, t.fx.doorplateTokens.a[1]!);
    const id = await matterIdOf(desk, consult.number);
    const res = await desk.post(`/api/v1/matters/${id}/dispute`, { category: 'other' });
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('NOT_A_DISPUTE_MATTER');
  });
});

describe('cases the desk records, with parties', () => {
  let caseId: string;

  it('refuses an ID number whose check digit is wrong, naming it', async () => {
    const res = await deskCase([{ kind: 'person', name: '张三明', role: 'applicant', idNumber: '110105194912310021' }]);
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain('身份证');
  });

  it('seals the particulars and shows masks; a child is marked minor', async () => {
    const view = await ok<DisputeView>(
      deskCase([
        { kind: 'person', name: '张三明', role: 'applicant', phone: '13800138000', idNumber: ADULT_ID.toLowerCase() },
        { kind: 'person', name: '李四', role: 'respondent', relation: '邻居', idNumber: CHILD_ID },
        { kind: 'organisation', name: '某某建筑公司', role: 'other' },
      ]),
    );
    caseId = view.id;
    expect(view).toMatchObject({ source: 'walk_in', place: 'A村', partyCount: 3, householdId: null });
    const [adult, child, org] = view.parties;
    expect(adult).toMatchObject({
      nameMasked: '张*明',
      phoneMasked: '138****8000',
      idNumberMasked: '1101**********002X',
      minor: false,
    });
    expect(child).toMatchObject({ nameMasked: '李*', relation: '邻居', minor: true });
    expect(org).toMatchObject({ nameMasked: '某某建筑公司', kind: 'organisation', minor: false });
    const [stored] = await t.deps.database.db.select().from(disputeParties).where(eq(disputeParties.id, adult!.id));
    expect(JSON.stringify(stored)).not.toContain('张三明');
    expect(JSON.stringify(stored)).not.toContain(ADULT_ID);
    expect(JSON.stringify(stored)).not.toContain('13800138000');
  });

  it('adds a party later, and refuses a household of another station', async () => {
    const view = await ok<DisputeView>(
      desk.post(`/api/v1/disputes/${caseId}/parties`, { kind: 'person', name: '王五', role: 'other' }),
    );
    expect(view.parties).toHaveLength(4);
    expect(view.version).toBe(2);
    const far = await desk.post(`/api/v1/disputes/${caseId}/parties`, {
      kind: 'person',
      name: '赵六',
      role: 'other',
      householdId: t.fx.households.b[0],
    });
    expect(far.status).toBe(404);
    const elsewhere = await deskCase([], { unitId: t.fx.units.villageB });
    expect(elsewhere.status).toBe(404);
  });

  it('reveals a party’s particulars and audits the read without the values', async () => {
    const view = await ok<DisputeView>(desk.get(`/api/v1/disputes/${caseId}`));
    const party = view.parties[0]!;
    const revealed = await ok<{ name: string; phone: string | null; idNumber: string | null }>(
      desk.post(`/api/v1/disputes/${caseId}/parties/${party.id}/reveal`),
    );
    expect(revealed).toEqual({ name: '张三明', phone: '13800138000', idNumber: ADULT_ID });
    const rows = await t.deps.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'dispute.party_read'), eq(auditLog.targetId, party.id)));
    expect(rows).toHaveLength(1);
    const written = JSON.stringify(rows[0]);
    for (const secret of ['张三明', '13800138000', ADULT_ID]) expect(written).not.toContain(secret);
    const wrong = await desk.post(`/api/v1/disputes/${caseId}/parties/${t.fx.households.a[0]}/reveal`);
    expect(wrong.status).toBe(404);
  });

  it('classifies, keeping to the station’s subcategories', async () => {
    const view = await ok<DisputeView>(
      desk.put(`/api/v1/disputes/${caseId}/classification`, { category: 'labour', subcategory: '拖欠工资' }),
    );
    expect(view).toMatchObject({ category: 'labour', subcategory: '拖欠工资' });
    const bad = await desk.put(`/api/v1/disputes/${caseId}/classification`, {
      category: 'labour',
      subcategory: '不存在的子类',
    });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).message).toContain('不存在的子类');
  });

  it('keeps every assessment; the case takes the latest level', async () => {
    await ok(desk.post(`/api/v1/disputes/${caseId}/assessments`, { level: 'ordinary', factors: FACTORS }));
    t.clock.advance(60_000);
    const view = await ok<DisputeView>(
      desk.post(`/api/v1/disputes/${caseId}/assessments`, {
        level: 'serious',
        factors: { ...FACTORS, people: 12, threats: true },
        note: '一方扬言报复',
      }),
    );
    expect(view.level).toBe('serious');
    expect(view.assessments.map((a) => a.level)).toEqual(['serious', 'ordinary']);
    expect(view.assessments[0]).toMatchObject({ assessedBy: 'a.duty', note: '一方扬言报复' });
    expect(view.assessments[0]?.factors.threats).toBe(true);
  });

  it('changes the colour with a reason, within the case’s scheme', async () => {
    const view = await ok<DisputeView>(
      desk.post(`/api/v1/disputes/${caseId}/colour`, { colour: 'orange', reason: '需乡镇协调用工单位' }),
    );
    expect(view.colour).toBe('orange');
    expect(view.colourChanges[0]).toMatchObject({
      scheme: 'sangong',
      from: null,
      to: 'orange',
      reason: '需乡镇协调用工单位',
      changedBy: 'a.duty',
    });
    const invalid = await desk.post(`/api/v1/disputes/${caseId}/colour`, { colour: 'blue', reason: '试试' });
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid).message).toContain('red / orange / green');
    const same = await desk.post(`/api/v1/disputes/${caseId}/colour`, { colour: 'orange', reason: '再试' });
    expect(same.status).toBe(400);
  });

  it('lists the station’s cases with filters, newest first', async () => {
    const list = (q = '') => ok<DisputeList>(desk.get(`/api/v1/stations/${stationA()}/disputes${q}`));
    const all = await list();
    expect(all.total).toBeGreaterThanOrEqual(2);
    expect(all.items[0]?.id).toBe(caseId);
    expect((await list('?source=matter')).items.every((i) => i.source === 'matter')).toBe(true);
    const labour = await list('?category=labour&colour=orange&level=serious');
    expect(labour.items.map((i) => i.id)).toEqual([caseId]);
    expect(labour.items[0]).toMatchObject({ partyCount: 4, place: 'A村' });
    const byNumber = await list(`?q=${labour.items[0]?.number}`);
    expect(byNumber.total).toBe(1);
    expect((await list(`?q=${encodeURIComponent('三万元')}`)).items.map((i) => i.id)).toEqual([caseId]);
    expect((await list('?status=closed')).total).toBe(0);
  });
});

describe('a station’s dispute settings', () => {
  it('reads the defaults, and only the chief changes them', async () => {
    const officer = await t.as('a.officer');
    const url = `/api/v1/stations/${stationA()}/dispute-settings`;
    const defaults = await ok<DisputeSettings>(officer.get(url));
    expect(defaults.colourScheme).toBe('sangong');
    expect(defaults.subcategories.map((s) => s.name)).toContain('宅基地');
    expect(defaults.rules).toEqual(DEFAULT_MEDIATION_RULES);
    const next = {
      colourScheme: 'xiushui',
      subcategories: [{ name: '山林权属', category: 'land_demolition' }],
      rules: { ...DEFAULT_MEDIATION_RULES, guardianUnderAge: 18 },
    };
    expect((await officer.put(url, next)).status).toBe(403);
    const chief = await t.as('a.chief');
    expect(await ok<DisputeSettings>(chief.put(url, next))).toEqual(next);
    const unknown = await chief.put(url, { ...next, colourScheme: 'rainbow' });
    expect(unknown.status).toBe(400);
    expect(errorOf(unknown).message).toContain('sangong');
    // New cases take the station's scheme and its subcategories.
    const view = await ok<DisputeView>(deskCase([], { subcategory: '山林权属', category: 'land_demolition' }));
    expect(view.colourScheme).toBe('xiushui');
    expect((await desk.post(`/api/v1/disputes/${view.id}/colour`, { colour: 'blue', reason: '潜在风险' })).status).toBe(
      200,
    );
    expect((await deskCase()).status).toBe(400); // 债务 is no longer the station's
  });
});

describe('who may read and handle cases', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await ok<DisputeList>(desk.get(`/api/v1/stations/${stationA()}/disputes`))).items[0]!.id;
  });

  it('keeps grid workers out: they hold no dispute rights', async () => {
    const grid = await t.as('a.grid');
    expect((await grid.get(`/api/v1/stations/${stationA()}/disputes`)).status).toBe(403);
    expect((await grid.get(`/api/v1/disputes/${caseId}`)).status).toBe(403);
  });

  it('hides a case from another station', async () => {
    const other = await t.as('b.chief');
    expect((await other.get(`/api/v1/disputes/${caseId}`)).status).toBe(404);
    expect((await other.post(`/api/v1/disputes/${caseId}/colour`, { colour: 'red', reason: '越权' })).status).toBe(404);
    expect((await other.get(`/api/v1/stations/${stationA()}/disputes`)).status).toBe(403);
  });

  it('asks anyone anonymous to sign in', async () => {
    expect((await t.anonymous().get(`/api/v1/disputes/${caseId}`)).status).toBe(401);
    expect((await t.anonymous().get(`/api/v1/stations/${stationA()}/disputes`)).status).toBe(401);
  });

  it('lets the bureau read its stations’ cases but not open or change them', async () => {
    await addStaff(t, 'bureau.sup', ['bureau_supervisor'], t.fx.units.bureau);
    const bureau = await t.as('bureau.sup');
    expect((await ok<DisputeList>(bureau.get(`/api/v1/stations/${stationA()}/disputes`))).total).toBeGreaterThan(0);
    expect((await bureau.get(`/api/v1/disputes/${caseId}`)).status).toBe(200);
    const body = { source: 'phone', category: 'other', title: '测试', facts: '测试', unitId: t.fx.units.villageA };
    expect((await bureau.post(`/api/v1/stations/${stationA()}/disputes`, body)).status).toBe(403);
    const assessment = { level: 'simple', factors: FACTORS };
    expect((await bureau.post(`/api/v1/disputes/${caseId}/assessments`, assessment)).status).toBe(403);
  });
});

describe('the chief’s 三色 board', () => {
  it('counts open cases by colour and level as the rows say, and lists the oldest red ones', async () => {
    // Without a subcategory: an earlier test changed the station’s list.
    const red = await ok<DisputeView>(deskCase([], { subcategory: undefined }));
    await ok(desk.post(`/api/v1/disputes/${red.id}/colour`, { colour: 'red', reason: '涉及多个部门，报市级联合调处' }));
    const chief = await t.as('a.chief');
    const board = await ok<DisputeBoard>(chief.get(`/api/v1/stations/${stationA()}/disputes/board`));
    const rows = rowsOf<{ colour: string | null; level: string | null; n: number }>(
      await t.deps.database.db.execute(sql`SELECT colour, level, count(*)::int AS n FROM dispute_cases
        WHERE station_id = ${stationA()} AND status NOT IN ('closed', 'failed') GROUP BY colour, level`),
    );
    const key = (c: { colour: string | null; level: string | null }) => `${c.colour}/${c.level}`;
    expect(Object.fromEntries(board.cells.map((c) => [key(c), c.count]))).toEqual(
      Object.fromEntries(rows.map((r) => [key(r), r.n])),
    );
    expect(board.open).toBe(rows.reduce((n, r) => n + r.n, 0));
    expect(board.open).toBeGreaterThan(0);
    expect(board.colourScheme).toBe(red.colourScheme);
    for (const c of board.oldestTop) expect(c.colour).toBe('red');
    expect(board.oldestTop.map((c) => c.id)).toContain(red.id);
    // A count opens the list behind it: the same cases, still open.
    const redOpen = board.cells.filter((c) => c.colour === 'red').reduce((n, c) => n + c.count, 0);
    const listed = await ok<DisputeList>(chief.get(`/api/v1/stations/${stationA()}/disputes?colour=red&open=1`));
    expect(listed.total).toBe(redOpen);
  });

  it('is the station’s own: a grid worker is refused, another station’s chief too', async () => {
    expect((await (await t.as('a.grid')).get(`/api/v1/stations/${stationA()}/disputes/board`)).status).toBe(403);
    expect((await (await t.as('b.chief')).get(`/api/v1/stations/${stationA()}/disputes/board`)).status).toBe(403);
  });
});
