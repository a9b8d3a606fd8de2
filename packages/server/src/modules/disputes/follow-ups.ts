/** 跟踪回访 and the parties' satisfaction; 三个不放 reads them. */
import type { FollowUpView, SatisfactionView } from '@jingmin/shared';
import type { Queryable } from '../../db/client.js';

/** A case's follow-ups by due date. */
export async function followUpsOf(_db: Queryable, _caseId: string, _now: Date): Promise<FollowUpView[]> {
  return [];
}

/** Each party's latest satisfaction. */
export async function satisfactionOf(_db: Queryable, _caseId: string): Promise<SatisfactionView[]> {
  return [];
}
