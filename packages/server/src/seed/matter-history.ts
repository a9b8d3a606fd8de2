/**
 * Six months of demo matters (~2,000) so that lists and figures mean
 * something on first start: realistic Chinese texts per kind, timings that
 * look like a working desk, ratings mostly satisfied, a few unsatisfied and
 * some never rated, a few sent back and handled again (matter-reopens.ts),
 * and a handful still open today.
 */
import {
  deadlinesFor,
  type MatterKind,
  type MatterStatus,
  PRIVACY_NOTICE_VERSION,
  type Rating,
  workingDayCalendar,
} from '@jingmin/shared';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { calendarDays, matterEvents, matters } from '../db/schema/index.js';
import { randomToken, sm3 } from '../platform/crypto.js';
import { insertMany } from './bulk.js';
import { eventRow, type WriteEvent } from './matter-events.js';
import { ESCALATE_AFTER, type Round, reopensOf, roundsOf, writeRounds } from './matter-reopens.js';
import { itemAt, pick, type Rand, rng } from './names.js';

const TEXTS: Record<MatterKind, string[]> = {
  consult: [
    '想问一下办居住证需要带哪些材料？',
    '孩子满16岁了，第一次办身份证要预约吗？',
    '户口迁到县城需要什么手续？',
    '无犯罪记录证明可以在网上开吗？',
    '临时身份证多久能拿到？',
  ],
  service: [
    '申请开具亲属关系证明，周六能办吗？',
    '新生儿落户，出生证明已经拿到了，想预约办理。',
    '身份证丢了，需要补办，请问今天下午有人吗？',
    '老人去世了，需要办理户口注销。',
    '公司刻章备案，材料已经准备好了。',
  ],
  help: [
    '家里老人早上出门到现在没回来，手机打不通。',
    '钥匙锁在家里了，孩子一个人在屋里。',
    '楼下有人喝醉了躺在路边，天很冷。',
    '在菜市场捡到一个走失的小孩，哭着找妈妈。',
    '邻居家一直有煤气味，敲门没人应。',
  ],
  report: [
    '小区门口有人兜售来路不明的电动车电瓶。',
    '有人在村口路边烧垃圾，烟很大。',
    '晚上有几辆摩托车在村道上飙车，很吵也很危险。',
    '接到一个自称公安局的电话，让我转账到安全账户。',
    '网上有人招刷单兼职，已经有邻居被骗了。',
  ],
  dispute: [
    '邻居装修噪音到晚上十一点，沟通没用。',
    '和隔壁因为宅基地边界吵起来了，快动手了。',
    '楼上漏水把我家天花板泡坏了，对方不肯赔。',
    '承包的鱼塘被邻村的人放水，损失不小。',
    '工地老板拖欠工资三个月，十几个工友都没拿到钱。',
  ],
  suggestion: [
    '建议在学校门口上下学时段增加巡逻。',
    '村里的路灯坏了好几盏，晚上走路不安全。',
    '希望多开展防诈骗宣传，老人容易上当。',
    '菜市场门口乱停车，建议划停车位。',
    '派出所能不能周末也开放户籍窗口？',
  ],
  lost_found: [
    '在公交站捡到一个钱包，里面有身份证。',
    '丢了一只黑色的狗，脖子上有红色项圈。',
    '电动车钥匙掉在广场附近了。',
    '捡到一部手机，屏幕锁着，一直有人打电话。',
    '孩子的书包落在村委会门口了。',
  ],
  other: [
    '想给帮我找回老人的民警送面锦旗。',
    '我家门牌被风刮掉了，能补一个吗？',
    '咨询一下村里的监控归谁管。',
    '想问下怎么加入社区的巡逻志愿队。',
    '家门口的二维码扫不出来了。',
  ],
};

const OUTCOMES: Record<MatterKind, string[]> = {
  consult: ['已电话告知所需材料和办理时间。', '已答复，可通过线上预约办理。'],
  service: ['已预审材料，群众一次办结。', '已预约，群众当日到窗口办结。'],
  help: ['民警到场协助，人已找到，平安到家。', '已联系家属和物业处理，险情排除。'],
  report: ['民警到场核查并处置，已告知群众结果。', '已开展反诈劝阻并登记线索。'],
  dispute: ['经调解双方达成协议，已签订调解协议书。', '已移交司法所调解，双方和解。'],
  suggestion: ['已采纳，调整了巡逻路线。', '已转交村委会，路灯已修复。'],
  lost_found: ['失主已认领。', '已登记，失物暂存派出所。'],
  other: ['已答复并办理。', '已转交相关部门处理。'],
};

const KIND_WEIGHTS: [MatterKind, number][] = [
  ['consult', 30],
  ['service', 20],
  ['help', 12],
  ['report', 8],
  ['dispute', 14],
  ['suggestion', 8],
  ['lost_found', 5],
  ['other', 3],
];

function weightedKind(rand: Rand): MatterKind {
  let r = rand() * 100;
  for (const [kind, w] of KIND_WEIGHTS) {
    r -= w;
    if (r < 0) return kind;
  }
  return 'other';
}

export interface HistoryStation {
  id: string;
  households: { id: string; unitPath: string }[];
  handlers: { id: string; name: string }[];
  /** 所长: reviews the unsatisfied ratings and sends matters back; a station without one (the benchmark's) never does. */
  chief?: { id: string; name: string };
  departments: string[];
}

const min = (n: number) => n * 60_000;
/** Matters still waiting for the desk when the demo starts. */
const FRESH = 8;

/** When the reopening that reached the station's count escalated the matter to the bureau. */
const escalatedAt = (rounds: Round[] | null) => rounds?.[ESCALATE_AFTER - 1]?.reopening?.at ?? null;

export async function seedMatterHistory(tx: Tx, rand: Rand, now: Date, stations: HistoryStation[], count = 2000) {
  const numbers = (await tx.execute(
    sql`SELECT nextval('matter_number_seq')::text AS n FROM generate_series(1, ${count})`,
  )) as unknown;
  const seq = ((numbers as { rows?: { n: string }[] }).rows ?? (numbers as { n: string }[])).map((r) => r.n);
  const calendar = workingDayCalendar(
    await tx.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays),
  );
  // The reopenings draw their times from a sequence of their own: the rest of the history is drawn as before.
  const later = rng(71);
  /** Matters escalated so far per station: two at the first, one at the other. */
  const escalated = stations.map(() => 0);
  const rows: (typeof matters.$inferInsert)[] = [];
  const events: (typeof matterEvents.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const s = i % stations.length;
    const station = itemAt(stations, s);
    const household = pick(rand, station.households);
    const kind = weightedKind(rand);
    const ageDays = rand() ** 0.8 * 180;
    const created = new Date(now.getTime() - ageDays * 86_400_000);
    created.setUTCHours(0 + Math.floor(rand() * 14), Math.floor(rand() * 60));
    if (created > now) created.setTime(now.getTime() - min(30 + rand() * 600));
    // The last few arrived this morning and wait at the desk: a living inbox on first start.
    const waiting = i < FRESH;
    if (waiting) created.setTime(now.getTime() - min(2 + i * 9 + rand() * 5));
    const rule = deadlinesFor(kind, kind === 'help' ? 'urgent' : 'normal');
    const fast = kind === 'help' || kind === 'report';
    const firstResponse = new Date(created.getTime() + min(fast ? 1 + rand() * 6 : 3 + rand() * 40));
    const dispatched = new Date(firstResponse.getTime() + min(1 + rand() * 8));
    const taken = new Date(dispatched.getTime() + min(2 + rand() * 25));
    const resolved = new Date(taken.getTime() + min(fast ? 20 + rand() * 180 : 60 + rand() * 60 * 40));
    const rated = new Date(resolved.getTime() + min(30 + rand() * 60 * 48));
    const handler = pick(rand, station.handlers);
    const toDepartment =
      (kind === 'dispute' || kind === 'suggestion') && rand() < 0.35 && station.departments.length > 0;
    const stage =
      waiting || firstResponse > now
        ? 'submitted'
        : dispatched > now
          ? 'accepted'
          : taken > now
            ? 'dispatched'
            : resolved > now
              ? 'in_progress'
              : rated > now
                ? 'resolved'
                : 'done';
    const r = rand();
    const rating: Rating | null =
      stage !== 'done' || r > 0.9 ? null : r < 0.78 ? 'satisfied' : r < 0.86 ? 'basically_satisfied' : 'unsatisfied';
    // An unsatisfied rating waits for the chief's review; everything else done is closed.
    const awaitingReview = stage === 'done' && rating === 'unsatisfied';
    const status: MatterStatus =
      stage === 'done' ? (awaitingReview ? 'rated' : 'closed') : stage === 'resolved' ? 'resolved' : stage;
    const id = crypto.randomUUID();
    const date = new Date(created.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
    const outcome = pick(rand, OUTCOMES[kind]);
    const done = (d: Date) => !waiting && d <= now;
    // Drawn in the order they always were: the text, the department, the words of the rating.
    const bodyAt = Math.floor(rand() * TEXTS[kind].length);
    const department = done(dispatched) && toDepartment ? pick(rand, station.departments) : null;
    const comment =
      rating === 'unsatisfied' ? '处理太慢了' : rating === 'satisfied' && rand() < 0.3 ? '民警很耐心，谢谢！' : null;
    // 发回重办: a rated matter picked by its place, when its reopenings all fall before now (matter-reopens.ts).
    const reopens =
      stage === 'done' && rating && station.chief
        ? reopensOf(i, kind, ageDays, itemAt(escalated, s) < (s === 0 ? 2 : 1))
        : 0;
    const rounds =
      reopens > 0 && rating
        ? roundsOf(later, {
            kind,
            bodyAt,
            fast,
            first: { resolvedAt: resolved, outcome, ratedAt: rated },
            last: { rating, comment },
            reopens,
            calendar,
            now,
          })
        : null;
    if (escalatedAt(rounds)) escalated[s] = itemAt(escalated, s) + 1;
    const last = rounds?.at(-1);
    // A matter sent back stands as its last round left it: handled again, waiting for its rating, rated or closed.
    const state: MatterStatus = !last
      ? status
      : !last.resolvedAt
        ? 'in_progress'
        : !last.ratedAt
          ? 'resolved'
          : last.rating === 'unsatisfied'
            ? 'rated'
            : 'closed';
    const row: typeof matters.$inferInsert = {
      id,
      number: `JM${date}-${itemAt(seq, i).padStart(6, '0')}`,
      householdId: household.id,
      stationId: station.id,
      unitPath: household.unitPath,
      kind,
      urgency: kind === 'help' ? 'urgent' : 'normal',
      status: state,
      body: itemAt(TEXTS[kind], bodyAt),
      trackingHash: sm3(randomToken(18)),
      noticeVersion: PRIVACY_NOTICE_VERSION,
      assigneeStaffId: done(dispatched) && !toDepartment ? handler.id : null,
      assigneeDepartmentId: department,
      firstResponseDueAt: new Date(created.getTime() + min(rule.firstResponseMinutes)),
      takeDueAt: done(dispatched) ? new Date(dispatched.getTime() + min(rule.takeMinutes)) : null,
      // A reopening keeps the matter's deadlines (modules/matters reopenMatter): a late round counts late.
      resolveDueAt: new Date(created.getTime() + min(rule.resolveMinutes)),
      firstResponseAt: done(firstResponse) ? firstResponse : null,
      acceptedAt: done(firstResponse) ? firstResponse : null,
      dispatchedAt: done(dispatched) ? dispatched : null,
      takenAt: done(taken) ? taken : null,
      // The columns hold the last round; earlier ones live on the timeline.
      resolvedAt: last ? last.resolvedAt : done(resolved) ? resolved : null,
      outcome: last ? last.outcome : done(resolved) ? outcome : null,
      rating: last ? last.rating : rating,
      ratingComment: last ? last.comment : comment,
      ratedAt: last ? last.ratedAt : rating ? rated : null,
      closedAt: state === 'closed' ? (last ? last.ratedAt : rated) : null,
      escalatedAt: escalatedAt(rounds),
      escalationReason: escalatedAt(rounds) ? 'reopened' : null,
      createdAt: created,
      updatedAt: last ? (last.ratedAt ?? last.resolvedAt ?? rounds?.at(-2)?.reopening?.at ?? created) : created,
    };
    rows.push(row);
    const ev: WriteEvent = (...e) => events.push(eventRow(id, ...e));
    const desk = itemAt(station.handlers, 0);
    ev('matter.submitted', created, null, 'submitted', null, null, { kind, number: row.number });
    if (stage === 'submitted') continue;
    ev('matter.accept', firstResponse, 'submitted', 'accepted', null, desk, { urgency: row.urgency, kind: null });
    const to = {
      assigneeStaffId: row.assigneeStaffId,
      assigneeTeamId: null,
      assigneeDepartmentId: row.assigneeDepartmentId,
    };
    if (done(dispatched)) ev('matter.dispatch', dispatched, 'accepted', 'dispatched', null, desk, to);
    if (done(taken)) ev('matter.take', taken, 'dispatched', 'in_progress', null, handler);
    if (rounds && station.chief) writeRounds(ev, rounds, { handler, chief: station.chief });
    else {
      if (done(resolved)) ev('matter.resolve', resolved, 'in_progress', 'resolved', outcome, handler);
      if (rating) ev('matter.rate', rated, 'resolved', 'rated', comment, null, { rating });
    }
    if (state === 'closed')
      ev('matter.close', last?.ratedAt ?? rated, rating ? 'rated' : 'resolved', 'closed', null, desk);
  }
  await insertMany(tx, matters, rows);
  await insertMany(tx, matterEvents, events);
  return rows.length;
}
