/**
 * Client-generated Idempotency-Keys: a retry on a flaky phone network gets
 * the stored answer instead of doing the work twice. The key is claimed in
 * the same transaction as the work, so a crash leaves neither.
 */
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.js';
import { idempotencyKeys } from '../db/schema/index.js';
import type { Ctx } from './context.js';
import { AppError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key from the request header, or 400 when it is missing or not a uuid. */
export function requireKey(key: string | undefined): string {
  if (!key || !UUID.test(key)) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
  return key;
}

/** The stored answer of an earlier request with this key; 422 when that request carried other content. */
export async function replayOf<T>(db: Queryable, key: string, requestHash: string): Promise<T | null> {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return row ? answerOf<T>(row, requestHash) : null;
}

/** The answer stored with a key already read; 422 when that request carried other content. */
export function answerOf<T>(row: typeof idempotencyKeys.$inferSelect, requestHash: string): T {
  if (row.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_MISMATCH');
  if (!row.response) throw new AppError('CONFLICT');
  return row.response as T;
}

/** Claims the key inside `tx`; false when a concurrent retry claimed it first (read its answer after). */
export async function claimKey(tx: Tx, key: string, scope: string, requestHash: string, at: Date) {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ key, scope, requestHash, createdAt: at })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return claimed.length > 0;
}

/** Stores the answer a retry will get. */
export async function storeAnswer(tx: Tx, key: string, response: unknown) {
  await tx.update(idempotencyKeys).set({ response }).where(eq(idempotencyKeys.key, key));
}

/**
 * An entry a phone kept offline is sent with its key; the server remembers keys for `idempotencyDays`. An entry
 * recorded longer ago than that (less a day's margin) may have been sent before and its key forgotten: refused,
 * so it is never recorded twice, with a message the phone shows next to it.
 */
export function assertFreshEntry(ctx: Ctx, recordedAt: Date) {
  const days = ctx.deps.config.retention.idempotencyDays - 1;
  if (recordedAt.getTime() < ctx.now().getTime() - days * 86_400_000) throw new AppError('ENTRY_TOO_OLD', { days });
}
