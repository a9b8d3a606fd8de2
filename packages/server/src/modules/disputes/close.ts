/** 三个不放: a case closes only when resolved, the hazard is cleared and every party is satisfied. */
import { CLOSE_CONDITIONS, type CloseReadiness } from '@jingmin/shared';
import type { Queryable } from '../../db/client.js';
import type { DisputeCase } from './disputes.queries.js';

/** The three conditions as the case stands now. */
export async function closeReadiness(_db: Queryable, c: DisputeCase): Promise<CloseReadiness> {
  return {
    conditions: CLOSE_CONDITIONS.map((condition) => ({ condition, met: false })),
    closedAt: c.closedAt?.toISOString() ?? null,
    closedBy: null,
    overrideReason: c.closeOverrideReason,
  };
}
