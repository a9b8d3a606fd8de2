/**
 * 码上办 closed loop, as a station lives it: every kind of matter from the
 * doorplate to the resident's rating on its own deadlines, a team's matter,
 * every step the flow forbids, a retried submission and an invalid matter.
 * The partner-department loop is in loop.department.test.ts.
 */
import { randomUUID } from 'node:crypto';
import {
  MATTER_ACTIONS,
  MATTER_FLOW,
  MATTER_MESSAGE_ACTIONS,
  MATTER_STATUS_LABELS,
  type MatterAction,
  type MatterKind,
  type MatterStatus,
  PRIVACY_NOTICE_VERSION,
} from '@jingmin/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness.js';

const MINUTE = 60_000;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());
// Every injected request comes from one address, limited per hour: each test starts in a fresh hour.
beforeEach(() => t.clock.advance(60 * MINUTE));

type Receipt = { number: string; trackingToken: string; status: string; submittedAt: string };
type Matter = {
  id: string;
  status: MatterStatus;
  kind: MatterKind;
  category: string | null;
  createdAt: string;
  firstResponseDueAt: string | null;
  takeDueAt: string | null;
  resolveDueAt: string | null;
  assigneeStaffId: string | null;
  assigneeTeamId: string | null;
  allowedActions: MatterAction[];
};
type Detail = Matter & { timeline: { type: string; note: string | null }[] };
type ResidentView = {
  status: MatterStatus;
  handledBy: string | null;
  outcome: string | null;
  rating: string | null;
  canRate: boolean;
  timeline: { type: string; note: string | null; actor: string | null }[];
};
type Answer = Awaited<ReturnType<Client['post']>>;
type ErrorBody = { error: { code: string; message: string } };

let plateTurn = 0;
function submission(kind: MatterKind, body: string, key = randomUUID(), plate?: string) {
  // Spread over the station's doorplates: each has its own hourly limit.
  const doorplate = plate ?? t.fx.doorplateTokens.a[plateTurn++ % t.fx.doorplateTokens.a.length]!;
  return t
    .anonymous()
    .post(
      `/api/v1/public/doorplates/${doorplate}/matters`,
      { kind, body, noticeVersion: PRIVACY_NOTICE_VERSION },
      { 'idempotency-key': key },
    );
}

async function submit(kind: MatterKind, body: string) {
  const res = await submission(kind, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Receipt;
}

async function ok<T = Matter>(answer: Promise<Answer>): Promise<T> {
  const res = await answer;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as T;
}

async function idOf(desk: Client, number: string) {
  const list = await ok<{ items: { id: string }[] }>(desk.get(`/api/v1/matters?q=${number}`));
  return list.items[0]!.id;
}

const detail = (client: Client, id: string) => ok<Detail>(client.get(`/api/v1/matters/${id}`));
const residentView = (r: Receipt, resident = t.anonymous()) =>
  ok<ResidentView>(resident.get(`/api/v1/public/matters/${r.trackingToken}`));
const rate = (r: Receipt, rating: string, comment?: string) =>
  t.anonymous().post(`/api/v1/public/matters/${r.trackingToken}/rating`, { rating, ...(comment ? { comment } : {}) });
const minutesFrom = (from: number | string, to: string | null) =>
  (Date.parse(to ?? 'invalid') - (typeof from === 'string' ? Date.parse(from) : from)) / MINUTE;

interface KindCase {
  kind: MatterKind;
  label: string;
  body: string;
  category: string;
  reply: string;
  outcome: string;
  /** Expected deadlines: first response and taking in minutes, resolution in hours. */
  firstResponse: number;
  take: number;
  resolveHours: number;
}

const KINDS: KindCase[] = [
  {
    kind: 'consult',
    label: '咨询',
    body: '想问一下孩子出生后上户口需要带哪些材料，父母都要到场吗？',
    category: '户籍咨询',
    reply: '需带出生医学证明、父母户口簿和身份证，一方到场即可',
    outcome: '已电话告知办理材料和户籍窗口时间',
    firstResponse: 30,
    take: 30,
    resolveHours: 24,
  },
  {
    kind: 'service',
    label: '业务办理',
    body: '申请开具无犯罪记录证明，用于孩子出国留学的材料',
    category: '证明开具',
    reply: '材料已收到，正在核查，三个工作日内可领取',
    outcome: '证明已开具，本人已到所领取',
    firstResponse: 30,
    take: 30,
    resolveHours: 72,
  },
  {
    kind: 'help',
    label: '求助',
    body: '隔壁独居的王大爷两天没出门了，敲门也没人应，担心出事',
    category: '群众求助',
    reply: '民警已联系王大爷的女儿，正带备用钥匙赶过去',
    outcome: '王大爷因感冒卧床，已送卫生院就诊，家属在陪护',
    firstResponse: 5,
    take: 10,
    resolveHours: 24,
  },
  {
    kind: 'report',
    label: '非紧急报警/举报',
    body: '村东头废品站最近晚上总有一群人聚在里面打牌赌钱，声音很大',
    category: '治安线索',
    reply: '已安排夜间巡逻重点查看',
    outcome: '巡逻查处一起赌博，已依法处理，将持续关注',
    firstResponse: 5,
    take: 10,
    resolveHours: 24,
  },
  {
    kind: 'dispute',
    label: '矛盾纠纷',
    body: '楼上邻居在公共楼道堆放纸箱杂物，说了几次都不清理，两家快吵起来了',
    category: '邻里纠纷',
    reply: '社区民警明天上午上门了解情况',
    outcome: '双方当面协商，杂物已清理，约定楼道保持畅通',
    firstResponse: 30,
    take: 30,
    resolveHours: 24,
  },
  {
    kind: 'suggestion',
    label: '意见建议',
    body: '建议在小学门口上下学时段增设护学岗，路口车多孩子过马路不安全',
    category: '意见建议',
    reply: '建议已转所领导研究',
    outcome: '自下周一起上下学时段安排民辅警护学',
    firstResponse: 30,
    take: 30,
    resolveHours: 24,
  },
  {
    kind: 'lost_found',
    label: '失物招领',
    body: '在村委会门口捡到一个黑色钱包，里面有身份证和几张银行卡',
    category: '失物招领',
    reply: '请把钱包送到警务室，或我们上门来取',
    outcome: '已通过身份证联系到失主，钱包已当面归还',
    firstResponse: 30,
    take: 30,
    resolveHours: 24,
  },
  {
    kind: 'other',
    label: '其他',
    body: '村口那段路的路灯坏了好几天，晚上黑漆漆的，老人走路容易摔',
    category: '公共设施',
    reply: '已告知村委会和供电所',
    outcome: '供电所已更换灯头，路灯恢复照明',
    firstResponse: 30,
    take: 30,
    resolveHours: 24,
  },
];

describe('the closed loop, for every kind of matter', () => {
  it.each(KINDS)(
    '$label ($kind): doorplate → accept → dispatch → take → reply → resolve → rating, on its own deadlines',
    async (c) => {
      const receipt = await submit(c.kind, c.body);
      expect(receipt.status).toBe('submitted');
      expect(await residentView(receipt)).toMatchObject({ status: 'submitted', handledBy: null, canRate: false });
      const desk = await t.as('a.duty');
      const officer = await t.as('a.officer');
      const id = await idOf(desk, receipt.number);
      const submitted = await detail(desk, id);
      expect(submitted).toMatchObject({ kind: c.kind, status: 'submitted', body: c.body });
      expect(minutesFrom(submitted.createdAt, submitted.firstResponseDueAt)).toBe(c.firstResponse);

      t.clock.advance(2 * MINUTE);
      const accepted = await ok(desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal', category: c.category }));
      expect(accepted).toMatchObject({ status: 'accepted', kind: c.kind, category: c.category });
      expect(minutesFrom(submitted.createdAt, accepted.resolveDueAt)).toBe(c.resolveHours * 60);

      t.clock.advance(MINUTE);
      const dispatchedAt = t.clock.now().getTime();
      const officerId = t.fx.staffIds['a.officer']!;
      const dispatched = await ok(desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeStaffId: officerId }));
      expect(dispatched).toMatchObject({ status: 'dispatched', assigneeStaffId: officerId });
      expect(minutesFrom(dispatchedAt, dispatched.takeDueAt)).toBe(c.take);
      expect(await residentView(receipt)).toMatchObject({ status: 'dispatched', handledBy: '责任民警' });

      t.clock.advance(3 * MINUTE);
      expect(await ok(officer.post(`/api/v1/matters/${id}/take`))).toMatchObject({ status: 'in_progress' });
      await ok(officer.post(`/api/v1/matters/${id}/reply`, { text: c.reply }));
      t.clock.advance(20 * MINUTE);
      const resolved = await ok(officer.post(`/api/v1/matters/${id}/resolve`, { outcome: c.outcome }));
      expect(resolved).toMatchObject({ status: 'resolved', outcome: c.outcome });

      const seen = await residentView(receipt);
      expect(seen).toMatchObject({ status: 'resolved', outcome: c.outcome, canRate: true, rating: null });
      expect(seen.timeline.map((e) => e.note)).toEqual(expect.arrayContaining([c.reply, c.outcome]));
      // The resident sees "the station", never the officer's account.
      expect(seen.timeline.map((e) => e.actor)).not.toContain('a.officer');

      const rated = await ok<ResidentView>(rate(receipt, 'satisfied', '处理得很及时，谢谢'));
      expect(rated).toMatchObject({ status: 'rated', rating: 'satisfied', canRate: false });
      const done = await detail(desk, id);
      expect(done).toMatchObject({ status: 'rated', rating: 'satisfied', ratingComment: '处理得很及时，谢谢' });
      expect(done.timeline.map((e) => e.type)).toEqual([
        'matter.submitted',
        'matter.accept',
        'matter.dispatch',
        'matter.take',
        'matter.reply',
        'matter.resolve',
        'matter.rate',
      ]);
    },
  );
});

describe('dispatch to a team', () => {
  it('lets any handler of the station take a team’s matter, and whoever takes it sees it through', async () => {
    const chief = await t.as('a.chief');
    const team = await ok<{ id: string }>(
      chief.post('/api/v1/teams', { stationId: t.fx.units.stationA, name: '社区警务队', kind: 'community' }),
    );
    const receipt = await submit('help', '一辆白色轿车停在小区消防通道上一整天了，车上没留电话');
    const desk = await t.as('a.duty');
    const id = await idOf(desk, receipt.number);
    await ok(desk.post(`/api/v1/matters/${id}/accept`, { urgency: 'normal', category: '消防通道' }));
    const dispatched = await ok(desk.post(`/api/v1/matters/${id}/dispatch`, { assigneeTeamId: team.id }));
    expect(dispatched).toMatchObject({ status: 'dispatched', assigneeTeamId: team.id, assigneeStaffId: null });
    expect((await residentView(receipt)).handledBy).toBe('社区警务队');

    const officer = await t.as('a.officer');
    const aux = await t.as('a.aux');
    expect((await detail(officer, id)).allowedActions).toContain('take');
    expect((await detail(aux, id)).allowedActions).toContain('take');
    expect((await (await t.as('b.officer')).post(`/api/v1/matters/${id}/take`)).status).toBe(403);

    const taken = await ok(aux.post(`/api/v1/matters/${id}/take`));
    expect(taken.status).toBe('in_progress');
    // Taken once: the next handler is too late.
    const late = await officer.post(`/api/v1/matters/${id}/take`);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });

    // Whoever took it is now its handler (接单人): they reply and close it.
    expect(taken.allowedActions).toContain('resolve');
    await ok(aux.post(`/api/v1/matters/${id}/reply`, { text: '已到现场，正在通过物业联系车主' }));
    const resolved = await ok(aux.post(`/api/v1/matters/${id}/resolve`, { outcome: '已联系到车主，车辆已挪走' }));
    expect(resolved.status).toBe('resolved');
    expect(await ok<ResidentView>(rate(receipt, 'satisfied'))).toMatchObject({ status: 'rated' });
    expect((await detail(desk, id)).timeline.map((e) => e.type)).toEqual([
      'matter.submitted',
      'matter.accept',
      'matter.dispatch',
      'matter.take',
      'matter.reply',
      'matter.resolve',
      'matter.rate',
    ]);
  });
});

/** The actions, in order, that bring a fresh matter to each status; the chief is its assignee. */
const PATH: Record<MatterStatus, MatterAction[]> = {
  submitted: [],
  accepted: ['accept'],
  dispatched: ['accept', 'dispatch'],
  in_progress: ['accept', 'dispatch', 'take'],
  resolved: ['accept', 'dispatch', 'take', 'resolve'],
  rated: ['accept', 'dispatch', 'take', 'resolve', 'rate'],
  closed: ['accept', 'dispatch', 'take', 'resolve', 'close'],
  invalid: ['invalidate'],
  merged: ['merge'],
};

interface Target {
  id: string;
  receipt: Receipt;
  /** A live matter to merge into. */
  intoId: string;
}

/** Each action with a valid body; `rate` is the resident's, through the tracking link. */
function attempt(staff: Client, resident: Client, action: MatterAction, m: Target) {
  if (action === 'rate')
    return resident.post(`/api/v1/public/matters/${m.receipt.trackingToken}/rating`, { rating: 'satisfied' });
  const chiefId = t.fx.staffIds['a.chief']!;
  const bodies: Record<Exclude<MatterAction, 'rate'>, object | undefined> = {
    accept: { urgency: 'normal', category: '公共设施' },
    invalidate: { reason: '经核实为重复提交' },
    merge: { intoId: m.intoId },
    dispatch: { assigneeStaffId: chiefId },
    take: undefined,
    return: { reason: '不属于本人职责范围' },
    transfer: { assigneeStaffId: chiefId },
    resolve: { outcome: '已到现场处理完毕' },
    reopen: { reason: '群众不满意，重新办理' },
    close: undefined,
  };
  return staff.post(`/api/v1/matters/${m.id}/${action}`, bodies[action]);
}

async function matterIn(status: MatterStatus, chief: Client): Promise<Target> {
  const original = await submit('other', '小区东门的路灯坏了，晚上很黑');
  const receipt = await submit('other', '东门路灯还是不亮，晚上出门看不见路');
  const target = { id: await idOf(chief, receipt.number), receipt, intoId: await idOf(chief, original.number) };
  for (const action of PATH[status]) {
    const res = await attempt(chief, t.anonymous(), action, target);
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return target;
}

describe('every step the flow forbids', () => {
  const ACTIONS = Object.keys(MATTER_ACTIONS) as MatterAction[];
  const REACHABLE = Object.keys(PATH) as MatterStatus[];

  it.each(REACHABLE)(
    'is refused from “%s” with 409 INVALID_TRANSITION and a clear message, in Chinese and English',
    async (status) => {
      const chief = await t.as('a.chief');
      const chiefEn = await t.as('a.chief', { locale: 'en' });
      const m = await matterIn(status, chief);
      expect((await detail(chief, m.id)).status).toBe(status);
      const forbidden = ACTIONS.filter((a) => !MATTER_FLOW[status].includes(a));
      expect(forbidden.length).toBeGreaterThan(0);

      const refusals: { action: MatterAction; status: number; code?: string }[] = [];
      const messages: { zh: string[]; en: string[] } = { zh: [], en: [] };
      for (const action of forbidden) {
        const zh = await attempt(chief, t.anonymous(), action, m);
        const en = await attempt(chiefEn, t.anonymous({ locale: 'en' }), action, m);
        for (const res of [zh, en]) refusals.push({ action, status: res.status, code: errorOf(res).code });
        messages.zh.push(errorOf(zh).message ?? '');
        messages.en.push(errorOf(en).message ?? '');
      }
      expect(refusals).toEqual(
        forbidden.flatMap((action) => [1, 2].map(() => ({ action, status: 409, code: 'INVALID_TRANSITION' }))),
      );
      const after = await detail(chief, m.id);
      expect(after.status).toBe(status);
      // Every status step offered is one the flow allows; messages (reply, note, remind) are not status steps.
      const steps = after.allowedActions.filter((a) => !(MATTER_MESSAGE_ACTIONS as readonly string[]).includes(a));
      expect(steps.every((a) => MATTER_FLOW[status].includes(a as MatterAction))).toBe(true);

      // The message names the status as the screens show it, not the code.
      const label = MATTER_STATUS_LABELS[status];
      expect(messages.zh.filter((msg) => !msg.includes(label.zh) || /[A-Za-z_]/.test(msg))).toEqual([]);
      expect(messages.en.filter((msg) => !msg.includes(label.en) || /"[a-z_]+"/.test(msg))).toEqual([]);
    },
  );
});

function errorOf(res: Answer): Partial<ErrorBody['error']> {
  return (res.body as Partial<ErrorBody>).error ?? {};
}

describe('a retried submission', () => {
  it('takes five concurrent sends of one submission as one matter with one receipt', async () => {
    const key = randomUUID();
    const body = '电动车充电棚里我家的充电线被人剪断了，这个月已经第二次了';
    const plate = t.fx.doorplateTokens.a[0]!;
    const answers = await Promise.all(Array.from({ length: 5 }, () => submission('report', body, key, plate)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const receipts = answers.map((a) => a.body as Receipt);
    expect(new Set(receipts.map((r) => r.number)).size).toBe(1);
    expect(new Set(receipts.map((r) => r.trackingToken)).size).toBe(1);

    const desk = await t.as('a.duty');
    const byNumber = await ok<{ total: number }>(desk.get(`/api/v1/matters?q=${receipts[0]!.number}`));
    expect(byNumber.total).toBe(1);
    const byText = await ok<{ total: number }>(desk.get(`/api/v1/matters?q=${encodeURIComponent('充电线被人剪断')}`));
    expect(byText.total).toBe(1);
    const seen = await residentView(receipts[0]!);
    expect(seen).toMatchObject({ status: 'submitted', body });
    expect(seen.timeline.map((e) => e.type)).toEqual(['matter.submitted']);
  });
});

describe('an invalid matter', () => {
  it('is marked invalid with a reason the resident can read, and nothing further can happen to it', async () => {
    const receipt = await submit('other', '扫一下试试看这个码能不能用');
    const reason = '经电话核实，系群众试扫门牌码，没有实际诉求';
    const desk = await t.as('a.duty');
    const id = await idOf(desk, receipt.number);
    const invalid = await ok(desk.post(`/api/v1/matters/${id}/invalidate`, { reason }));
    expect(invalid).toMatchObject({ status: 'invalid', allowedActions: [] });

    const seen = await residentView(receipt);
    expect(seen).toMatchObject({ status: 'invalid', handledBy: null, canRate: false });
    expect(seen.timeline.at(-1)).toMatchObject({ type: 'matter.invalidate', note: reason });
    const rating = await rate(receipt, 'unsatisfied', '为什么不处理');
    expect(rating.status).toBe(409);
    expect(rating.body).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });

    const chief = await t.as('a.chief');
    expect((await detail(chief, id)).allowedActions).toEqual([]);
    for (const [action, body] of [
      ['accept', { urgency: 'normal' }],
      ['dispatch', { assigneeStaffId: t.fx.staffIds['a.officer'] }],
      ['reopen', { reason: '重新核实' }],
    ] as const) {
      const res = await chief.post(`/api/v1/matters/${id}/${action}`, body);
      expect(res.status, action).toBe(409);
    }
    const after = await detail(desk, id);
    expect(after.status).toBe('invalid');
    expect(after.timeline.map((e) => [e.type, e.note])).toEqual([
      ['matter.submitted', null],
      ['matter.invalidate', reason],
    ]);
  });
});
