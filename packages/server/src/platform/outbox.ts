/**
 * Notifications go to the outbox in the same transaction as the change that
 * causes them; NOTIFY merely wakes the processes that hold live connections.
 * A client that reconnects catches up by outbox id (Last-Event-ID).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { outbox } from '../db/schema/index.js';

export const OUTBOX_CHANNEL = 'jingmin_outbox';

export async function publish(tx: Tx, at: Date, topics: string[], type: string, payload: Record<string, unknown>) {
  const [row] = await tx.insert(outbox).values({ topics, type, payload, createdAt: at }).returning({ id: outbox.id });
  // Delivered only if the transaction commits; lost if nobody listens, which the outbox covers.
  await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, ${String(row!.id)})`);
  return row!.id;
}
