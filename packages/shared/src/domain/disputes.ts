/**
 * 矛盾纠纷 as data: the 四分研调法 vocabulary (分类受理, 分级评估, 分流化解, 分案处理) and the rules a station may
 * change. Categories, levels, channels and sources are fixed lists the figures group by; subcategories, colour
 * schemes and the 治安调解 deadlines are station settings with these defaults (DOMAIN.md §2).
 */
import type { Label } from '../i18n.js';

/** 分类受理: the top categories stations report (高兴派出所's 四分研调法). */
export const DISPUTE_CATEGORIES = ['land_demolition', 'labour', 'public_order', 'safety', 'other'] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

export const DISPUTE_CATEGORY_LABELS: Record<DisputeCategory, Label> = {
  land_demolition: { zh: '征地拆迁', en: 'Land and demolition' },
  labour: { zh: '劳资', en: 'Labour and wages' },
  public_order: { zh: '治安', en: 'Public order' },
  safety: { zh: '安全', en: 'Safety' },
  other: { zh: '其他', en: 'Other' },
};

/** A station's subcategories start from the 人民调解 statistics' list; each belongs to one top category. */
export const DEFAULT_DISPUTE_SUBCATEGORIES: { name: string; category: DisputeCategory }[] = [
  { name: '婚姻家庭', category: 'other' },
  { name: '邻里', category: 'public_order' },
  { name: '债务', category: 'other' },
  { name: '土地承包', category: 'land_demolition' },
  { name: '宅基地', category: 'land_demolition' },
  { name: '征地补偿', category: 'land_demolition' },
  { name: '拖欠工资', category: 'labour' },
  { name: '物业', category: 'other' },
  { name: '交通事故', category: 'safety' },
  { name: '消费', category: 'other' },
  { name: '医疗', category: 'other' },
  { name: '损害赔偿', category: 'public_order' },
];

/** 分级评估: five levels by impact, most severe first. */
export const DISPUTE_LEVELS = ['extreme', 'major', 'serious', 'ordinary', 'simple'] as const;
export type DisputeLevel = (typeof DISPUTE_LEVELS)[number];

export const DISPUTE_LEVEL_LABELS: Record<DisputeLevel, Label> = {
  extreme: { zh: '特大', en: 'Extreme' },
  major: { zh: '重大', en: 'Major' },
  serious: { zh: '较大', en: 'Serious' },
  ordinary: { zh: '一般', en: 'Ordinary' },
  simple: { zh: '简单', en: 'Simple' },
};

/** What an assessment records; the level is the assessor's judgement over them, kept with who and when. */
export interface AssessmentFactors {
  /** 涉及人数 */ people: number;
  /** 争议金额（元） */ amountYuan: number | null;
  /** 扬言报复、以死相逼 */ threats: boolean;
  /** 曾有肢体冲突 */ earlierViolence: boolean;
  /** 一人多警、一事多警、一地多警 */ repeatCalls: boolean;
  /** 群体性 (collective) */ collective: boolean;
  /** 饮酒、严重精神障碍等 */ otherRisk: boolean;
}

/** 分流化解: by the dispute's cause, and who receives it. */
export const MEDIATION_CHANNELS = ['police', 'people', 'professional', 'judicial', 'joint'] as const;
export type MediationChannel = (typeof MEDIATION_CHANNELS)[number];

export const MEDIATION_CHANNEL_LABELS: Record<MediationChannel, Label> = {
  police: { zh: '公安行政调解（治安调解）', en: 'Police mediation' },
  people: { zh: '人民调解', en: "People's mediation" },
  professional: { zh: '专业调解（行业性调委会）', en: 'Professional mediation committee' },
  judicial: { zh: '司法调解', en: 'Court mediation' },
  joint: { zh: '联动调解（三所联动、警调对接）', en: 'Joint mediation' },
};

/** Where a case came from: stations report 摸排 (found proactively) apart from what was brought to them. */
export const DISPUTE_SOURCES = ['matter', 'walk_in', 'phone', 'police_110', 'proactive', 'room'] as const;
export type DisputeSource = (typeof DISPUTE_SOURCES)[number];

export const DISPUTE_SOURCE_LABELS: Record<DisputeSource, Label> = {
  matter: { zh: '码上办', en: 'Doorplate matter' },
  walk_in: { zh: '来所', en: 'Walk-in' },
  phone: { zh: '电话', en: 'Phone' },
  police_110: { zh: '110 移交', en: '110 referral' },
  proactive: { zh: '摸排', en: 'Found proactively' },
  room: { zh: '议事厅', en: 'Community room' },
};

/** One level of a colour scheme: its name, its colour and what it means at this station. */
export interface ColourLevel {
  key: string;
  name: Label;
  /** CSS colour. */
  colour: string;
  meaning: Label;
}

/** 三色 and its local variants: ordered levels, most demanding first. */
export interface ColourScheme {
  key: string;
  name: Label;
  levels: ColourLevel[];
}

const level = (key: string, zh: string, en: string, colour: string, meaningZh: string, meaningEn: string) => ({
  key,
  name: { zh, en },
  colour,
  meaning: { zh: meaningZh, en: meaningEn },
});

/** The shipped schemes: 三工's (the default: the colour says who must resolve it) and DOMAIN.md's risk grades. */
export const COLOUR_SCHEMES: ColourScheme[] = [
  {
    key: 'sangong',
    name: { zh: '三色（三工派出所：谁来化解）', en: 'Three colours (who must resolve it)' },
    levels: [
      level('red', '红', 'Red', '#cf1322', '市级及以上化解', 'Resolved at city level or above'),
      level('orange', '橙', 'Orange', '#d46b08', '乡镇级化解，不上交、不推诿', 'Resolved by the township'),
      level('green', '绿', 'Green', '#389e0d', '村级化解，不上交、不推诿', 'Resolved in the village'),
    ],
  },
  {
    key: 'xiushui',
    name: { zh: '四色风险（修水）', en: 'Four risk colours (Xiushui)' },
    levels: [
      level('red', '红', 'Red', '#cf1322', '复杂、跨部门，一事一策，党委政府协调', 'Complex, cross-department'),
      level('orange', '橙', 'Orange', '#d46b08', '可能升级，专业警种牵头', 'May escalate; specialised units lead'),
      level('yellow', '黄', 'Yellow', '#d4b106', '常见家庭邻里土地纠纷，派出所化解', 'Common disputes; the station'),
      level('blue', '蓝', 'Blue', '#0958d9', '潜在风险，闭环回访', 'Latent risk; closed-loop follow-up'),
    ],
  },
  {
    key: 'yunhe',
    name: { zh: '红黄绿（云和）', en: 'Red, yellow, green (Yunhe)' },
    levels: [
      level(
        'red',
        '红',
        'Red',
        '#cf1322',
        '反复报警、调解失败、民转刑风险，街道书记牵头',
        'Repeated calls, failed mediation',
      ),
      level('yellow', '黄', 'Yellow', '#d4b106', '区领导包案', 'Owned by district leaders'),
      level('green', '绿', 'Green', '#389e0d', '已化解，网格员回访', 'Resolved; the grid worker revisits'),
    ],
  },
];

export const DEFAULT_COLOUR_SCHEME = 'sangong';

/** 治安调解 (公通字〔2007〕81号) and the follow-up rhythm, as station settings: the defaults are the norm's. */
export interface MediationRules {
  /** The first session is held within this many working days of acceptance. */ finishWorkingDays: number;
  /** A second session within this many working days of the first. */ secondSessionWorkingDays: number;
  /** 治安调解: usually one session, at most one more. */ maxSessions: number;
  /** A party under this age attends with a guardian. */ guardianUnderAge: number;
  /** 回访 after an agreement, in days (e.g. 7 and 30). */ followUpDays: number[];
  /** After a failed attempt, the next attempt is proposed this many days later. */ nextAttemptDays: number;
}

export const DEFAULT_MEDIATION_RULES: MediationRules = {
  finishWorkingDays: 3,
  secondSessionWorkingDays: 7,
  maxSessions: 2,
  guardianUnderAge: 16,
  followUpDays: [7, 30],
  nextAttemptDays: 14,
};

/** The channels whose sessions follow 治安调解's deadlines and session limit. */
export const DEADLINE_CHANNELS: readonly MediationChannel[] = ['police'];

/** The channels whose agreement the system prints as a 调解协议书 (治安调解 and 人民调解 forms). */
export const AGREEMENT_FORMS: Partial<Record<MediationChannel, Label>> = {
  police: { zh: '治安调解协议书', en: 'Police mediation agreement' },
  people: { zh: '人民调解协议书', en: "People's mediation agreement" },
  joint: { zh: '人民调解协议书', en: "People's mediation agreement" },
};

/** What a mediation session came to. */
export const SESSION_RESULTS = ['agreement', 'partial', 'none', 'adjourned'] as const;
export type SessionResult = (typeof SESSION_RESULTS)[number];

export const SESSION_RESULT_LABELS: Record<SessionResult, Label> = {
  agreement: { zh: '达成协议', en: 'Agreement' },
  partial: { zh: '部分达成', en: 'Partial agreement' },
  none: { zh: '未达成', en: 'No agreement' },
  adjourned: { zh: '休会另约', en: 'Adjourned' },
};

/** 移交: a partner department or committee accepts or returns the case, then reports progress and the result. */
export const TRANSFER_STATUSES = ['pending', 'accepted', 'returned', 'done'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, Label> = {
  pending: { zh: '待接收', en: 'Waiting to be accepted' },
  accepted: { zh: '已接收', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
  done: { zh: '已办结', en: 'Done' },
};

/** 回访 after an agreement (is it performed? is the hazard gone? is each party satisfied?) or before a next attempt. */
export const FOLLOW_UP_KINDS = ['after_agreement', 'next_attempt'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, Label> = {
  after_agreement: { zh: '协议履行回访', en: 'Follow-up after the agreement' },
  next_attempt: { zh: '再次调解前回访', en: 'Follow-up before the next attempt' },
};

/** How a party's satisfaction was learnt: told to the officer in person, or answered on an evaluation link. */
export const SATISFACTION_VIA = ['in_person', 'evaluation'] as const;
export type SatisfactionVia = (typeof SATISFACTION_VIA)[number];

export const SATISFACTION_VIA_LABELS: Record<SatisfactionVia, Label> = {
  in_person: { zh: '当面询问', en: 'Asked in person' },
  evaluation: { zh: '评价链接', en: 'Evaluation link' },
};

/** 三个不放: what must hold before a case closes; each missing one is named when the close is refused. */
export const CLOSE_CONDITIONS = ['resolved', 'hazard_cleared', 'parties_satisfied'] as const;
export type CloseCondition = (typeof CLOSE_CONDITIONS)[number];

export const CLOSE_CONDITION_LABELS: Record<CloseCondition, Label> = {
  resolved: { zh: '矛盾已化解', en: 'The dispute is resolved' },
  hazard_cleared: { zh: '隐患已消除', en: 'The hazard is cleared' },
  parties_satisfied: { zh: '当事人均满意', en: 'Every party is satisfied' },
};

/**
 * Where a case stands: accepted, then mediated in sessions (or transferred to a partner department or committee),
 * followed up after an agreement, closed by 三个不放 (or by the chief's override) — or not settled, with a next
 * attempt planned.
 */
export const DISPUTE_STATUSES = ['accepted', 'mediating', 'transferred', 'following_up', 'failed', 'closed'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, Label> = {
  accepted: { zh: '已受理', en: 'Accepted' },
  mediating: { zh: '调解中', en: 'Mediating' },
  transferred: { zh: '已移交', en: 'Transferred' },
  following_up: { zh: '跟踪回访', en: 'Following up' },
  failed: { zh: '调解未成', en: 'Not settled' },
  closed: { zh: '已化解', en: 'Resolved and closed' },
};

/** The steps that move a case, each from the statuses it may start at, to where it leads. */
export const DISPUTE_STEPS = {
  /** A session is planned or held (re-mediation starts here too). */
  mediate: { from: ['accepted', 'mediating', 'following_up', 'failed'], to: 'mediating' },
  /** A session or the receiving body reached an agreement: follow-ups begin. */
  agree: { from: ['mediating', 'transferred'], to: 'following_up' },
  /** Not settled: a next attempt is planned (分案处理). */
  fail: { from: ['mediating', 'transferred', 'following_up'], to: 'failed' },
  /** 移交 to a partner department or committee. */
  transfer: { from: ['accepted', 'mediating', 'failed', 'following_up'], to: 'transferred' },
  /** The department returned it: the station works it again. */
  take_back: { from: ['transferred'], to: 'mediating' },
  /** 三个不放 held, or the chief overrode. */
  close: { from: ['accepted', 'mediating', 'transferred', 'following_up', 'failed'], to: 'closed' },
} as const satisfies Record<string, { from: readonly DisputeStatus[]; to: DisputeStatus }>;
export type DisputeStep = keyof typeof DISPUTE_STEPS;

export const DISPUTE_STEP_LABELS: Record<DisputeStep, Label> = {
  mediate: { zh: '安排调解', en: 'mediate' },
  agree: { zh: '登记调解协议', en: 'record an agreement' },
  fail: { zh: '登记调解未成', en: 'record it as not settled' },
  transfer: { zh: '移交', en: 'transfer' },
  take_back: { zh: '收回', en: 'take back' },
  close: { zh: '结案', en: 'close' },
};

/** The status a step leads to from `from`, or null when the case cannot take it there. */
export function disputeStepTo(from: DisputeStatus, step: DisputeStep): DisputeStatus | null {
  const rule = DISPUTE_STEPS[step];
  return (rule.from as readonly DisputeStatus[]).includes(from) ? rule.to : null;
}

export function isDisputeOpen(status: DisputeStatus): boolean {
  return status !== 'closed' && status !== 'failed';
}

/** A party's part in the dispute. */
export const PARTY_ROLES = ['applicant', 'respondent', 'other'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_ROLE_LABELS: Record<PartyRole, Label> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  respondent: { zh: '被申请人', en: 'Respondent' },
  other: { zh: '其他当事人', en: 'Other party' },
};

export const PARTY_KINDS = ['person', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A name as lists show it: the first character and the last, the middle masked (张*明, 李*); organisations whole. */
export function maskName(name: string, kind: PartyKind = 'person'): string {
  const chars = [...name.trim()];
  if (kind === 'organisation' || chars.length === 0) return name.trim();
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
