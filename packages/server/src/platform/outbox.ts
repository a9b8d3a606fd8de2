/**
 * Notifications go to the outbox in the same transaction as the change that
 * causes them. The row has no delivery order yet: the sealer gives it one
 * after commit and wakes the hubs (NOTIFY). A client that reconnects catches
 * up by that order (Last-Event-ID).
 */
import type { Tx } from '../db/client.js';
import { outbox } from '../db/schema/index.js';

export const OUTBOX_CHANNEL = 'jingmin_outbox';

export async function publish(tx: Tx, at: Date, topics: string[], type: string, payload: Record<string, unknown>) {
  await tx.insert(outbox).values({ topics, type, payload, createdAt: at });
}
