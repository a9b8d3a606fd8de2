/**
 * A request's figures changed (opened, answered, an answer accepted, a review closed): an outbox row in the change's
 * transaction naming it, from which the 考核指标 rollups recount it (dashboards/kpi-rollup.ts) once committed.
 */
import type { Tx } from '../../db/client.js';
import { publish } from '../../platform/outbox.js';

/** The payload key the rollups read. */
export const REQUEST_CHANGED_KEY = 'evaluationRequestId';

export function requestChanged(tx: Tx, at: Date, type: string, requestId: string): Promise<void> {
  return publish(tx, at, [], type, { [REQUEST_CHANGED_KEY]: requestId });
}
