/**
 * 反诈预警劝阻: an anti-fraud centre's instruction about a resident who may be being defrauded, handled
 * 快接、快推、快核、快反 — received, pushed to the grid's responsible officer, verified with the person, fed back.
 * Protection of a person at risk, not surveillance: the person's data is seen by the handling officer, the desk
 * and the chief only, and deleted after the station's retention period, leaving counts.
 */
import type { Label } from '../i18n.js';

/** The Ministry's high-incidence types (DOMAIN.md §6) and the other common ones. */
export const FRAUD_TYPES = [
  'rebate',
  'investment',
  'shopping',
  'customer_service',
  'loan',
  'credit',
  'acquaintance',
  'authority',
  'romance',
  'game',
  'ai_imitation',
  'other',
] as const;
export type FraudType = (typeof FRAUD_TYPES)[number];
export const FRAUD_TYPE_LABELS: Record<FraudType, Label> = {
  rebate: { zh: '刷单返利', en: 'Task rebate scam' },
  investment: { zh: '虚假网络投资理财', en: 'Fake investment' },
  shopping: { zh: '虚假购物、服务', en: 'Fake shopping or service' },
  customer_service: { zh: '冒充电商物流客服', en: 'Fake customer service' },
  loan: { zh: '虚假网络贷款', en: 'Fake loan' },
  credit: { zh: '虚假征信', en: 'Fake credit repair' },
  acquaintance: { zh: '冒充领导熟人', en: 'Impersonated boss or relative' },
  authority: { zh: '冒充公检法及政府机关', en: 'Impersonated police or officials' },
  romance: { zh: '网络婚恋交友', en: 'Romance scam' },
  game: { zh: '网络游戏产品虚假交易', en: 'Fake game trading' },
  ai_imitation: { zh: 'AI换脸拟声', en: 'AI face or voice imitation' },
  other: { zh: '其他', en: 'Other' },
};

/** Graded by likelihood and urgency; the highest must be contacted fastest. */
export const FRAUD_LEVELS = ['high', 'medium', 'low'] as const;
export type FraudLevel = (typeof FRAUD_LEVELS)[number];
export const FRAUD_LEVEL_LABELS: Record<FraudLevel, Label> = {
  high: { zh: '高风险', en: 'High' },
  medium: { zh: '中风险', en: 'Medium' },
  low: { zh: '低风险', en: 'Low' },
};

/** Open until the officer records the verification; then verified. */
export const FRAUD_STATUSES = ['open', 'verified'] as const;
export type FraudStatus = (typeof FRAUD_STATUSES)[number];
export const FRAUD_STATUS_LABELS: Record<FraudStatus, Label> = {
  open: { zh: '待核查', en: 'To verify' },
  verified: { zh: '已核查', en: 'Verified' },
};

export const FRAUD_CONTACT_METHODS = ['phone', 'visit', 'family', 'bank'] as const;
export type FraudContactMethod = (typeof FRAUD_CONTACT_METHODS)[number];
export const FRAUD_CONTACT_METHOD_LABELS: Record<FraudContactMethod, Label> = {
  phone: { zh: '电话劝阻', en: 'Phone call' },
  visit: { zh: '上门劝阻', en: 'Visit' },
  family: { zh: '联系家属', en: 'Through family' },
  bank: { zh: '联系银行', en: 'Through the bank' },
};

export const FRAUD_OUTCOMES = ['dissuaded', 'defrauded', 'unreachable', 'false_alarm'] as const;
export type FraudOutcome = (typeof FRAUD_OUTCOMES)[number];
export const FRAUD_OUTCOME_LABELS: Record<FraudOutcome, Label> = {
  dissuaded: { zh: '劝阻成功', en: 'Dissuaded' },
  defrauded: { zh: '已被骗', en: 'Already defrauded' },
  unreachable: { zh: '未联系上', en: 'Not reached' },
  false_alarm: { zh: '误报', en: 'False alarm' },
};

export const FRAUD_FOLLOW_UPS = ['revisit', 'family_talk', 'app_installed', 'bank_alert', 'case_filed'] as const;
export type FraudFollowUp = (typeof FRAUD_FOLLOW_UPS)[number];
export const FRAUD_FOLLOW_UP_LABELS: Record<FraudFollowUp, Label> = {
  revisit: { zh: '上门回访', en: 'Revisit' },
  family_talk: { zh: '与家属谈话', en: 'Talked with the family' },
  app_installed: { zh: '安装国家反诈中心APP', en: 'Anti-fraud app installed' },
  bank_alert: { zh: '通知银行止付', en: 'Bank asked to stop payment' },
  case_filed: { zh: '已立案', en: 'Case filed' },
};

/** How the result goes back upstream: a signed webhook we push, or a list the upstream pulls. */
export const FRAUD_FEEDBACK_MODES = ['webhook', 'pull'] as const;
export type FraudFeedbackMode = (typeof FRAUD_FEEDBACK_MODES)[number];
/** Where the feedback stands: none for the desk's own entries, pending until sent (or pulled), failed while retrying. */
export const FRAUD_FEEDBACK_STATUSES = ['none', 'pending', 'sent', 'failed'] as const;
export type FraudFeedbackStatus = (typeof FRAUD_FEEDBACK_STATUSES)[number];
export const FRAUD_FEEDBACK_STATUS_LABELS: Record<FraudFeedbackStatus, Label> = {
  none: { zh: '无需反馈', en: 'No feedback' },
  pending: { zh: '待反馈', en: 'Pending' },
  sent: { zh: '已反馈', en: 'Sent' },
  failed: { zh: '反馈失败，重试中', en: 'Failed, retrying' },
};

/** A station's rules for anti-fraud instructions (settings `fraud:<stationId>`). */
export interface FraudRules {
  /** Minutes to contact the person for a high-level instruction. */
  highMinutes: number;
  /** Minutes for the other levels. */
  otherMinutes: number;
  /** The desk is alerted this many minutes before the deadline if nobody has verified yet. */
  warnBeforeMinutes: number;
  /** Days the person's data is kept after the instruction arrived; counts stay. */
  retentionDays: number;
}

export const DEFAULT_FRAUD_RULES: FraudRules = {
  highMinutes: 10,
  otherMinutes: 30,
  warnBeforeMinutes: 3,
  retentionDays: 180,
};

/** The contact deadline: the instruction's own minutes if given, else the station's for its level. */
export function fraudDeadline(receivedAt: Date, level: FraudLevel, rules: FraudRules, minutes?: number | null): Date {
  const m = minutes ?? (level === 'high' ? rules.highMinutes : rules.otherMinutes);
  return new Date(receivedAt.getTime() + m * 60_000);
}

/** Verified in time: the contact was made by the deadline. */
export const contactedInTime = (contactedAt: Date | null, deadlineAt: Date) =>
  contactedAt !== null && contactedAt.getTime() <= deadlineAt.getTime();
