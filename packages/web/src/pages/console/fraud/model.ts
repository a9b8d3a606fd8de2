/**
 * The pure parts of the 反诈预警 screens, shared by the console and the field phone: the contact countdown
 * and the 快核 form's values turned into a FraudVerifyInput under the outcome rules (the amount lost only for
 * 已被骗, the attempts only for 未联系上, nothing prevented where nobody was reached or nothing was wrong).
 */
import {
  DEFAULT_FRAUD_RULES,
  FRAUD_FOLLOW_UPS,
  type FraudContactMethod,
  type FraudFollowUp,
  type FraudOutcome,
  type FraudVerifyInput,
} from '@jingmin/shared';

type T = (zh: string, en: string) => string;

export interface Countdown {
  /** Past the deadline. */
  overdue: boolean;
  /** Within the last minutes before it (the desk's warning time): shown in orange. */
  urgent: boolean;
  /** 剩余 08:32 · 剩余 1小时05分 · 超时 02:10 · 超时 2天3小时. */
  text: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A span of seconds as a clock under an hour (08:32), in hours and minutes under a day, else days and hours. */
export function formatSpan(seconds: number, t: T): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return t(`${days}天${hours}小时`, `${days}d ${hours}h`);
  if (hours > 0) return t(`${hours}小时${two(minutes)}分`, `${hours}h ${two(minutes)}m`);
  return `${two(minutes)}:${two(s % 60)}`;
}

/** How long is left to contact the person, or how long the deadline has passed. */
export function countdown(
  deadlineAt: string,
  now: number,
  t: T,
  urgentMinutes = DEFAULT_FRAUD_RULES.warnBeforeMinutes,
): Countdown {
  const left = (new Date(deadlineAt).getTime() - now) / 1000;
  if (left < 0)
    return { overdue: true, urgent: false, text: t(`超时 ${formatSpan(-left, t)}`, `Overdue ${formatSpan(-left, t)}`) };
  return {
    overdue: false,
    urgent: left <= urgentMinutes * 60,
    text: t(`剩余 ${formatSpan(left, t)}`, `${formatSpan(left, t)} left`),
  };
}

/** The 快核 form as the officer fills it (amounts and attempts may be left empty). */
export interface VerifyValues {
  method: FraudContactMethod;
  contactedAt: Date;
  outcome: FraudOutcome;
  amountLost?: number | null;
  amountPrevented?: number | null;
  attempts?: number | null;
  followUps?: FraudFollowUp[];
  note?: string;
}

/** Outcomes where money may have been kept from loss: the person was reached (a partial loss can be stopped). */
export const PREVENTS_LOSS: readonly FraudOutcome[] = ['dissuaded', 'defrauded'];

const whole = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? 0 : Math.round(n));

/** The body of POST /fraud/instructions/:id/verify; fields that do not apply to the outcome are sent empty. */
export function toVerifyInput(v: VerifyValues, version: number): FraudVerifyInput {
  const chosen = new Set(v.followUps ?? []);
  return {
    version,
    method: v.method,
    contactedAt: v.contactedAt.toISOString(),
    outcome: v.outcome,
    amountLost: v.outcome === 'defrauded' ? whole(v.amountLost) : 0,
    amountPrevented: PREVENTS_LOSS.includes(v.outcome) ? whole(v.amountPrevented) : 0,
    attempts: v.outcome === 'unreachable' ? Math.max(1, whole(v.attempts)) : 1,
    followUps: FRAUD_FOLLOW_UPS.filter((f) => chosen.has(f)),
    note: (v.note ?? '').trim(),
  };
}

/** What keeps the form from being sent, in words; empty when it can go. */
export function verifyProblems(v: VerifyValues, issuedAt: string, now: number, t: T): string[] {
  const out: string[] = [];
  const at = v.contactedAt.getTime();
  if (Number.isNaN(at)) out.push(t('请填写联系时间', 'Give the contact time'));
  else if (at > now + 60_000) out.push(t('联系时间不能晚于现在', 'The contact time cannot be in the future'));
  else if (at < new Date(issuedAt).getTime() - 60_000)
    out.push(t('联系时间不能早于指令下发时间', 'The contact time cannot be before the instruction was issued'));
  if (v.outcome === 'defrauded' && whole(v.amountLost) <= 0)
    out.push(t('已被骗：请填写被骗金额', 'Already defrauded: give the amount lost'));
  if (v.outcome === 'unreachable' && whole(v.attempts) < 1)
    out.push(t('未联系上：请填写联系次数', 'Not reached: give the number of attempts'));
  return out;
}

/** A whole number of yuan as people read it: ¥250,000. */
export const yuan = (n: number) => `¥${n.toLocaleString('zh-CN')}`;

/** A share shown with its unit, or a dash when there is nothing to divide. */
export const percentText = (p: number | null) => (p === null ? '—' : `${p}%`);

/** The last twelve months ending with the given one, as YYYY-MM. */
export function lastTwelveMonths(now: Date): { from: string; to: string } {
  const ym = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}`;
  return { from: ym(new Date(now.getFullYear(), now.getMonth() - 11, 1)), to: ym(now) };
}

/** 2026-03-01T08:05:00Z → 03-01 16:05 in the browser's time zone (the year only when not this year). */
export function when(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const day = `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
  return d.getFullYear() === new Date().getFullYear() ? day : `${d.getFullYear()}-${day}`;
}
