/**
 * 发回重办 in the demo history: a few resolved matters the resident rated 不满意 were called back by the chief
 * (评价复核, outcome 整改), sent back to their handler (重新办理) a day or two later and resolved again; per station
 * one or two were sent back three times, which escalates a matter to the bureau (提级督办) by itself, once.
 * Each round is written as the real steps write it (modules/matters: resolve → rate → review → reopen, the
 * `matter.supervised` event of escalation.ts), so the timeline, the rounds on the resident's page, each round's
 * evaluation (seed/evaluations.ts) and the 考核指标 read them as they read live ones.
 */
import {
  addWorkingDays,
  DEFAULT_ESCALATION_RULES,
  DEFAULT_MATTER_SETTINGS,
  ESCALATION_REASON_LABELS,
  type MatterKind,
  type Rating,
  RECTIFICATION_WORKING_DAYS,
  shanghaiDayEnd,
  type WorkingDayCalendar,
} from '@jingmin/shared';
import type { WriteEvent } from './matter-events.js';
import { itemAt, type Rand } from './names.js';

const HOUR = 3_600_000;

/** What the resident found still wrong after the first round, for each body of matter-history's TEXTS (same order). */
const STILL_WRONG: Record<MatterKind, string[]> = {
  consult: [
    '说的材料不全，到了窗口又让回去拿租房合同',
    '电话里说不用预约，去了窗口又说要先在网上预约',
    '只说了迁入要什么，迁出证明去哪开没讲清楚',
    '按说的在网上申请，系统一直提示办不了',
    '说当天就能拿，等到下班也没拿到',
  ],
  service: [
    '说周六能办，周六去了窗口没有人',
    '按预约的时间去了，又说出生证明要先回医院盖章',
    '下午去了说制证系统坏了，让改天再来',
    '户口注销了，死亡证明原件一直没退给我们',
    '备案信息录错了一个字，公章刻不出来',
  ],
  help: [
    '老人找回来了，说好帮忙登记防走失手环一直没下文',
    '开锁把门锁弄坏了，说好联系物业换锁，没人来',
    '那人第二天晚上又躺在同一个地方，没人管',
    '孩子送回去了，说好在菜市场装的寻人广播一直没弄',
    '当时关了阀门，第二天楼道里又有煤气味',
  ],
  report: [
    '民警走后第二天，那人又在小区门口摆摊卖电瓶',
    '劝了一次，晚上又在原地烧，烟还是很大',
    '只来查了一晚，这几天晚上又在飙车',
    '那个号码还在给村里老人打电话，没见处理',
    '那个刷单群还在拉人，邻居被骗的钱也没有消息',
  ],
  dispute: [
    '调解后只安静了两天，晚上十一点还在装修',
    '协议签了，对方的围墙还是没往回退',
    '说好的赔偿款一直没给，天花板还在渗水',
    '对方答应的赔偿没兑现，还说要再放水',
    '工资只发了一半，剩下的老板又不接电话',
  ],
  suggestion: [
    '说加了巡逻，放学时段还是没见到人',
    '只修好了两盏，村东头那几盏还是不亮',
    '宣传只在村委会门口讲了一次，老人都没去听',
    '车位是划了，乱停车还是没人管',
    '答复说研究研究，到现在周末窗口还是不开',
  ],
  lost_found: [
    '交上去的钱包说联系失主，到现在也没个回话',
    '说帮忙发寻狗启事，村里群里一直没看到',
    '登记完就没人联系我，广场的监控也说没查',
    '手机交了，失主又打电话给我说派出所没联系他',
    '说书包在派出所，去了又说不在',
  ],
  other: [
    '说好约时间送锦旗，一直没人跟我约',
    '说一周内补门牌，半个月了还没装',
    '只说归村委会管，村委会又说归派出所',
    '报了名就没下文，也没人通知培训',
    '说换新的二维码，到现在还是扫不出来',
  ],
};

/** The resident's words when a later round fails again. */
const AGAIN = ['整改后还是老样子', '又来了一趟，问题照旧', '这次只处理了一半', '承诺的事还是没落实'];

/** The handler's outcome of a round after a reopening, per kind. */
const REDO: Record<MatterKind, string[]> = {
  consult: [
    '已重新核对所需材料，列出清单发给群众，并约好窗口办理时间。',
    '已当面向群众逐项解释办理流程，群众已按流程提交。',
  ],
  service: ['已与窗口协调，安排专人为群众当场办结。', '已核实更正登记信息，群众已领取办理结果。'],
  help: [
    '民警再次上门查看，联系物业和社区落实后续措施，隐患已消除。',
    '已再次到场处置并留下联系方式，群众表示会随时反映。',
  ],
  report: [
    '民警再次到场处置并连续两晚巡查，已依法处理，问题未再出现。',
    '已会同相关部门联合处置，线索已移交，处理结果已告知群众。',
  ],
  dispute: [
    '再次组织双方调解，对方已当面履行协议，承办民警现场确认。',
    '联合司法所再次调解，赔偿款已当场付清，双方签字确认。',
  ],
  suggestion: [
    '已与村（社区）再次核实落实，现场拍照反馈群众。',
    '已调整巡逻安排并在相关时段定点值守，群众已看到变化。',
  ],
  lost_found: ['已重新核对登记信息，失物已当面交还。', '已联系失主核实，结果已电话告知群众。'],
  other: ['已重新跟进办理，结果已当面告知群众。', '已协调相关部门办结，并电话回访确认。'],
};

/** The chief's outcome of the last round of an escalated matter: the bureau is watching. */
const SUPERVISED_REDO = '所长带队上门，会同村（社区）干部和相关部门现场解决，结果已当面向群众反馈并报县局。';

const ORDINAL = ['', '一', '二', '三', '四'];

export interface Reopening {
  /** The chief's review of the unsatisfied answer, closed with 整改 before the reopening. */
  reviewId: string;
  reviewDoneAt: Date;
  rectificationDueAt: Date;
  at: Date;
  reason: string;
}

interface Handled {
  resolvedAt: Date;
  outcome: string;
  rating: Rating;
  comment: string | null;
  ratedAt: Date;
  /** Absent on the last round. */
  reopening?: Reopening;
}

/** A round; the last one may still be handled (no 办结 yet) or wait for its rating. */
export type Round = Omit<Handled, 'resolvedAt' | 'outcome' | 'rating' | 'ratedAt'> & {
  resolvedAt: Date | null;
  outcome: string | null;
  rating: Rating | null;
  ratedAt: Date | null;
};

/** Reopenings after which a matter goes to the bureau (the stations keep the default rule). */
export const ESCALATE_AFTER = DEFAULT_ESCALATION_RULES.reopens;

/**
 * How many times matter `i` of the history is sent back, picked by its place (never by chance, so every start
 * seeds the same): about one in 37 once, and one in three of the last five days' (so 本月 has some even on its
 * first days; one may be handled again right now); three times, some of the last two months' reports, disputes
 * and suggestions.
 */
export function reopensOf(i: number, kind: MatterKind, ageDays: number, mayEscalate: boolean): number {
  const serious = kind === 'report' || kind === 'dispute' || kind === 'suggestion';
  if (mayEscalate && (i % 23 === 11 || i % 31 === 7) && serious && ageDays < 60) return ESCALATE_AFTER;
  return i % 37 === 5 || (ageDays < 5 && i % 6 < 2) ? 1 : 0;
}

export interface RoundsInput {
  kind: MatterKind;
  /** Which of the kind's texts the resident wrote. */
  bodyAt: number;
  /** 求助 and 报警: handled within hours. */
  fast: boolean;
  first: { resolvedAt: Date; outcome: string; ratedAt: Date };
  /** The rating and words of the last round, as drawn for the matter. */
  last: { rating: Rating; comment: string | null };
  reopens: number;
  calendar: WorkingDayCalendar;
  now: Date;
}

/**
 * The rounds of a matter sent back `reopens` times: the review closed 3–20 hours after each 不满意, the reopening
 * 1–2 days after it, the new round mostly resolved within a day. As of now: the last round may still be handled
 * or wait for its rating; null when a reopening would fall within the last hour (or later): that matter is left
 * as it was drawn.
 */
export function roundsOf(rand: Rand, input: RoundsInput): Round[] | null {
  const wrong = itemAt(STILL_WRONG[input.kind], input.bodyAt);
  const rounds: Handled[] = [];
  let round: Handled = { ...input.first, rating: 'unsatisfied', comment: `${wrong}。` };
  for (let k = 1; k <= input.reopens; k++) {
    const reviewDoneAt = new Date(round.ratedAt.getTime() + (3 + rand() * 17) * HOUR);
    const at = new Date(round.ratedAt.getTime() + (24 + rand() * 24) * HOUR);
    round.reopening = {
      reviewId: crypto.randomUUID(),
      reviewDoneAt,
      rectificationDueAt: shanghaiDayEnd(addWorkingDays(input.calendar, reviewDoneAt, RECTIFICATION_WORKING_DAYS)),
      at,
      reason:
        k === 1
          ? `群众反映问题未解决：${wrong}。经回访核实，请承办人重新办理，办结后回访。`
          : `第${ORDINAL[k]}次发回：回访群众仍不满意，${wrong}。请承办人限期整改，所长跟进。`,
    };
    rounds.push(round);
    const hours = input.fast ? 1 + rand() * 8 : rand() < 0.85 ? 3 + rand() * 19 : 24 + rand() * 16;
    const resolvedAt = new Date(at.getTime() + hours * HOUR);
    const lastRound = k === input.reopens;
    round = {
      resolvedAt,
      outcome: k === ESCALATE_AFTER ? SUPERVISED_REDO : itemAt(REDO[input.kind], (input.bodyAt + k) % 2),
      ratedAt: new Date(resolvedAt.getTime() + (0.5 + rand() * 30) * HOUR),
      ...(lastRound
        ? input.last
        : {
            rating: 'unsatisfied' as const,
            comment: `${itemAt(AGAIN, (input.bodyAt + k) % AGAIN.length)}：${wrong}。`,
          }),
    };
  }
  const now = input.now.getTime();
  if (rounds.some((r) => (r.reopening?.at.getTime() ?? 0) > now - HOUR)) return null;
  if (round.resolvedAt.getTime() > now)
    return [...rounds, { resolvedAt: null, outcome: null, rating: null, comment: null, ratedAt: null }];
  if (round.ratedAt.getTime() > now) return [...rounds, { ...round, rating: null, comment: null, ratedAt: null }];
  return [...rounds, round];
}

type Person = { id: string; name: string };

/**
 * The timeline from the first 办结 on, as the steps write it: 办结 and 评价 of each round; after each 不满意 the
 * promised callback, the chief's review done (整改) and 重新办理; at the count, 提级督办 by the rule, with no actor.
 * The caller closes the matter after the last round.
 */
export function writeRounds(ev: WriteEvent, rounds: Round[], people: { handler: Person; chief: Person }) {
  const callbackHours = DEFAULT_MATTER_SETTINGS.review.callbackHours;
  rounds.forEach((round, k) => {
    if (round.resolvedAt)
      ev('matter.resolve', round.resolvedAt, 'in_progress', 'resolved', round.outcome, people.handler);
    if (round.ratedAt)
      ev('matter.rate', round.ratedAt, 'resolved', 'rated', round.comment, null, { rating: round.rating });
    const back = round.reopening;
    if (!back || !round.ratedAt) return;
    const dueAt = new Date(round.ratedAt.getTime() + callbackHours * HOUR).toISOString();
    ev('matter.review_requested', round.ratedAt, null, null, null, null, {
      rating: 'unsatisfied',
      callbackHours,
      dueAt,
    });
    ev('matter.review_done', back.reviewDoneAt, null, null, null, people.chief, {
      reviewId: back.reviewId,
      outcome: 'rectification',
      rectificationDueAt: back.rectificationDueAt.toISOString(),
    });
    ev('matter.reopen', back.at, 'rated', 'in_progress', back.reason, people.chief);
    if (k + 1 === ESCALATE_AFTER)
      ev(
        'matter.supervised',
        back.at,
        null,
        null,
        `${ESCALATION_REASON_LABELS.reopened.zh}（发回重办 ${k + 1} 次，转办 0 次），已自动提级县局督办`,
        null,
        { reason: 'reopened', reopens: k + 1, transfers: 0 },
      );
  });
}
