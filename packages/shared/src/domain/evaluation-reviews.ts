/**
 * 不满意不放过, for every evaluation type: an unsatisfied answer opens a review
 * for the chief, who assigns the callback (回访) to someone other than the
 * person rated; the callback ends in one of three outcomes. A rectification
 * (整改) is due in working days — 15 by the 好差评 practice unless the chief says.
 */
import type { Label } from '../i18n.js';

export const REVIEW_STATUSES = ['open', 'callback_assigned', 'closed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, Label> = {
  open: { zh: '待复核', en: 'To review' },
  callback_assigned: { zh: '待回访', en: 'Callback assigned' },
  closed: { zh: '已回访', en: 'Called back' },
};

export const CALLBACK_OUTCOMES = ['explained', 'still_unsatisfied', 'rectification'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, Label> = {
  explained: { zh: '经解释，群众认可', en: 'Resolved after explanation' },
  still_unsatisfied: { zh: '群众仍不满意', en: 'Still unsatisfied' },
  rectification: { zh: '责令整改', en: 'Rectification ordered' },
};

/** 好差评: a rectification is due within 15 working days. */
export const RECTIFICATION_WORKING_DAYS = 15;
