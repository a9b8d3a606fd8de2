/** 移交: a case given to a partner department or committee, accepted or returned, its progress and result. */
import type { TransferView } from '@jingmin/shared';
import type { Queryable } from '../../db/client.js';

/** A case's transfers, newest first, each with its progress notes. */
export async function transfersOf(_db: Queryable, _caseId: string): Promise<TransferView[]> {
  return [];
}
