/** 调解协议书 and the agreed duties, each tracked to its due date. */
import type { AgreementView } from '@jingmin/shared';
import type { Queryable } from '../../db/client.js';

/** A case's agreements, oldest first, each with its duties. */
export async function agreementsOf(_db: Queryable, _caseId: string, _now: Date): Promise<AgreementView[]> {
  return [];
}
