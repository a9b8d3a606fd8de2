/**
 * The 工作台's counters. Each names a set of matters: the server counts it for
 * the summary and filters the list by the same rule (`?counter=`), so a click
 * on a figure opens exactly the matters it counted.
 */
import type { Label } from '../i18n.js';
import type { DeskSummary } from '../schemas/matters.js';

export const MATTER_COUNTERS = [
  /** 待受理: submitted, waiting for the desk. */
  'waiting',
  /** 在办: not finished (OPEN_MATTER_STATUSES). */
  'open',
  /** 待接单: dispatched, waiting for its assignee to take it. */
  'to_take',
  /** 超期: a deadline that applies now has passed (the one overdue rule). */
  'overdue',
  /** 今日受理: accepted since midnight (Asia/Shanghai). */
  'accepted_today',
  /** 今日办结: resolved since midnight (Asia/Shanghai). */
  'resolved_today',
  /**
   * 不满意待复核: the open reviews (not yet called back) of unsatisfied answers of every type — the rows of
   * `evaluation_reviews`. The figure opens the reviews page (评价复核); as a matter list filter it keeps
   * the matters among them.
   */
  'awaiting_review',
  /** 已评价: every rated matter (the satisfaction rate's base). */
  'rated',
] as const;
export type MatterCounter = (typeof MATTER_COUNTERS)[number];

export const MATTER_COUNTER_LABELS: Record<MatterCounter, Label> = {
  waiting: { zh: '待受理', en: 'Waiting for the desk' },
  open: { zh: '在办', en: 'Open' },
  to_take: { zh: '待接单', en: 'To take' },
  overdue: { zh: '超期', en: 'Overdue' },
  accepted_today: { zh: '今日受理', en: 'Accepted today' },
  resolved_today: { zh: '今日办结', en: 'Resolved today' },
  awaiting_review: { zh: '不满意待复核', en: 'Unsatisfied, to review' },
  rated: { zh: '已评价', en: 'Rated' },
};

/** The summary's figure for each counter (`GET /matters/summary`). */
export const COUNTER_FIGURES = {
  waiting: 'waitingNow',
  open: 'openNow',
  to_take: 'toTakeNow',
  overdue: 'overdueNow',
  accepted_today: 'acceptedToday',
  resolved_today: 'resolvedToday',
  awaiting_review: 'awaitingReview',
  rated: 'rated',
} as const satisfies Record<MatterCounter, keyof DeskSummary>;
