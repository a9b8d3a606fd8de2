/** 调解会: sessions planned and held under the channel's rules (治安调解's deadlines and session limit). */
import type { MediationSessionView } from '@jingmin/shared';
import type { Queryable } from '../../db/client.js';

/** A case's sessions in the order held. */
export async function sessionsOf(_db: Queryable, _caseId: string): Promise<MediationSessionView[]> {
  return [];
}
