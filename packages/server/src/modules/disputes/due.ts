/**
 * What the 三色 board lists as due: 治安调解 sessions past or within a day of their deadline (near escalation),
 * follow-ups due today or overdue, and agreed duties past their date on cases still open — oldest first.
 */
import { toCalendarDate } from '@jingmin/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';

export type DueWhat = 'session' | 'follow_up' | 'duty';
export interface DueRow {
  caseId: string;
  what: DueWhat;
  dueAt: Date;
  overdue: boolean;
}

const NEAR_MS = 24 * 3_600_000;
export const DUE_LIMIT = 50;

/** `cases` is a condition on dispute_cases (the board's station, scope and open cases). */
export async function dueRows(db: Queryable, cases: SQL, now: Date): Promise<DueRow[]> {
  const today = toCalendarDate(now);
  const near = new Date(now.getTime() + NEAR_MS).toISOString();
  // A date's deadline is the end of that Beijing day.
  const dayEnd = (column: SQL) => sql`((${column} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const rows = rowsOf<{ case_id: string; what: DueWhat; due_at: string | Date }>(
    await db.execute(sql`
      SELECT id AS case_id, 'session' AS what, session_due_at AS due_at
        FROM dispute_cases
       WHERE ${cases} AND session_due_at IS NOT NULL AND session_due_at < ${near}::timestamptz
      UNION ALL
      SELECT f.case_id, 'follow_up', ${dayEnd(sql`f.due_on`)}
        FROM dispute_follow_ups f JOIN dispute_cases ON dispute_cases.id = f.case_id
       WHERE ${cases} AND f.done_at IS NULL AND f.due_on <= ${today}::date
      UNION ALL
      SELECT d.case_id, 'duty', ${dayEnd(sql`d.due_on`)}
        FROM dispute_duties d JOIN dispute_cases ON dispute_cases.id = d.case_id
       WHERE ${cases} AND d.performed_at IS NULL AND d.due_on < ${today}::date
       ORDER BY due_at
       LIMIT ${DUE_LIMIT}`),
  );
  return rows.map((r) => {
    const dueAt = new Date(r.due_at);
    return { caseId: r.case_id, what: r.what, dueAt, overdue: dueAt.getTime() < now.getTime() };
  });
}
