/** 反诈预警's outbox events: what the staff alerts (modules/notify/fraud-alerts.ts) and the live lists read. */

/** Routed on arrival to a grid's officer, or left with the desk (ids only). */
export const FRAUD_ROUTED_EVENT = 'fraud.routed';
/** The desk gave it to someone. */
export const FRAUD_ASSIGNED_EVENT = 'fraud.assigned';
/** Its deadline nears and nobody has verified it: the station's desk is told, once. */
export const FRAUD_DEADLINE_NEAR_EVENT = 'fraud.deadline_near';
/** Its deadline passed unverified: the desk and the chief are told, once. */
export const FRAUD_ESCALATED_EVENT = 'fraud.escalated';
/** Verified: the live lists refresh. */
export const FRAUD_VERIFIED_EVENT = 'fraud.verified';

export const FRAUD_ALERT_EVENTS = [
  FRAUD_ROUTED_EVENT,
  FRAUD_ASSIGNED_EVENT,
  FRAUD_DEADLINE_NEAR_EVENT,
  FRAUD_ESCALATED_EVENT,
] as const;

/** How long a claimed webhook attempt is leased before another process may try it again. */
export const FEEDBACK_LEASE_MS = 60_000;
/** The upstream has this long to answer a webhook. */
export const FEEDBACK_TIMEOUT_MS = 10_000;
/** Waits after the 1st, 2nd, … failed attempt; the last repeats (6 h). */
export const FEEDBACK_BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 3 * 3_600_000, 6 * 3_600_000];
export const feedbackBackoffMs = (attempts: number) =>
  FEEDBACK_BACKOFF_MS[Math.min(Math.max(attempts, 1), FEEDBACK_BACKOFF_MS.length) - 1] ?? 6 * 3_600_000;

/** What a purged name or phone shows. */
export const PURGED_TEXT = '（已删除）';
