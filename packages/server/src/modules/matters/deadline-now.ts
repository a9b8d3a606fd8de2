/**
 * Which deadline a matter is racing now, and whether one has passed: the
 * first response while nobody has answered, taking while it waits for its
 * assignee, resolution until it is resolved. The board, the lists and the
 * desk summary all count overdue the same way.
 */
import { type BoardTask, OPEN_MATTER_STATUSES } from '@jingmin/shared';
import { inArray, type SQL, sql } from 'drizzle-orm';
import { matters } from '../../db/schema/index.js';

type Row = typeof matters.$inferSelect;
type Deadline = NonNullable<BoardTask['deadline']>;

function pending(m: Row): [Deadline, Date][] {
  if (!OPEN_MATTER_STATUSES.includes(m.status)) return [];
  const all: [Deadline, Date | null][] = [
    ['first_response', m.firstResponseAt ? null : m.firstResponseDueAt],
    ['take', m.status === 'dispatched' ? m.takeDueAt : null],
    ['resolve', m.resolvedAt ? null : m.resolveDueAt],
  ];
  return all.filter((d): d is [Deadline, Date] => d[1] !== null);
}

/** The first deadline already passed, else the nearest one ahead; none once the matter is resolved or closed. */
export function deadlineNow(m: Row, now: Date): { deadline: Deadline | null; dueAt: string | null; overdue: boolean } {
  const open = pending(m);
  const passed = open.find(([, due]) => due < now);
  const next = passed ?? open.sort((a, b) => a[1].getTime() - b[1].getTime())[0];
  return { deadline: next?.[0] ?? null, dueAt: next?.[1].toISOString() ?? null, overdue: Boolean(passed) };
}

/** The same rule in SQL, for counts. */
export function overdueSql(now: Date): SQL {
  return sql`(${inArray(matters.status, [...OPEN_MATTER_STATUSES])} AND (
    (${matters.firstResponseAt} IS NULL AND ${matters.firstResponseDueAt} < ${now})
    OR (${matters.status} = 'dispatched' AND ${matters.takeDueAt} < ${now})
    OR (${matters.resolvedAt} IS NULL AND ${matters.resolveDueAt} < ${now})))`;
}
