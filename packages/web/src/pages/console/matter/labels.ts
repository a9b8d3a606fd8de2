/** Words and small formatters the matter screens share (desk, board, my tasks). */
import type { MatterStatus, MatterView, StaffMatterAction } from '@jingmin/shared';

/** A button on a matter: a status step or a message (the server lists which in allowedActions). */
export type Step = StaffMatterAction;

/** The deadline a matter races now, as the server computes it (board tasks carry the same three fields). */
export type Due = MatterView['due'];
export type Deadline = NonNullable<Due['deadline']>;

export const ACTION_LABELS: Record<Step, [string, string]> = {
  accept: ['受理', 'Accept'],
  invalidate: ['无效', 'Invalid'],
  merge: ['合并', 'Merge'],
  dispatch: ['派单', 'Dispatch'],
  take: ['接单', 'Take'],
  return: ['退回', 'Return'],
  transfer: ['转办', 'Transfer'],
  resolve: ['办结', 'Resolve'],
  rate: ['评价', 'Rate'],
  reopen: ['重新办理', 'Reopen'],
  close: ['关闭', 'Close'],
  reply: ['回复群众', 'Reply'],
  note: ['内部备注', 'Note'],
  remind: ['催办', 'Chase'],
};

/** Which deadline a matter is racing (the server's `due.deadline`), named as a deadline, not as a time taken. */
export const DEADLINE_LABELS: Record<Deadline, [string, string]> = {
  first_response: ['首次响应时限', 'First response due'],
  take: ['接单时限', 'Take by'],
  resolve: ['办结时限', 'Resolve by'],
};

export const STATUS_COLOR: Partial<Record<MatterStatus, string>> = {
  submitted: 'red',
  accepted: 'orange',
  dispatched: 'gold',
  in_progress: 'blue',
  resolved: 'green',
  rated: 'cyan',
};

type T = (zh: string, en: string) => string;

/** 135 → "2小时15分" / "2h 15m"; days past 48 hours. */
export function formatAge(minutes: number, t: T): string {
  const m = Math.max(0, Math.round(minutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const mins = m % 60;
  if (m < 60) return t(`${mins}分钟`, `${mins}m`);
  if (m < 48 * 60) return t(`${Math.floor(m / 60)}小时${mins}分`, `${Math.floor(m / 60)}h ${mins}m`);
  return t(`${days}天${hours}小时`, `${days}d ${hours}h`);
}

/** A time in Asia/Shanghai, short: "05-14 09:30". */
export function shortTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const fullTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** A date and time in Asia/Shanghai for lists: "2026年11月30日 14:05". */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
    hour12: false,
  });

/** A random UUID, also where crypto.randomUUID is missing (plain http on a station's LAN). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
