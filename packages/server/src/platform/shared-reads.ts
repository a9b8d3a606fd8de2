/**
 * Reads shared within one computation: a dashboard section reads the same rollup rows for the unit's figures, its
 * charts and its stations side by side. `sharingReads(ctx)` gives a ctx under which `readOnce` runs each keyed read
 * once and hands every caller the same answer; under any other ctx it simply reads. The sharing ends with the ctx
 * (a request's section), so nothing is served stale to a later request.
 */
import type { Ctx } from './context.js';

const shared = new WeakMap<Ctx, Map<string, Promise<unknown>>>();

/** A copy of `ctx` whose keyed reads (`readOnce`) are shared by everything computed under it. */
export function sharingReads(ctx: Ctx): Ctx {
  const copy: Ctx = { ...ctx };
  shared.set(copy, new Map());
  return copy;
}

/** `read()`, once per `key` under a sharing ctx (a failed read is not kept). */
export function readOnce<T>(ctx: Ctx, key: string, read: () => Promise<T>): Promise<T> {
  const reads = shared.get(ctx);
  if (!reads) return read();
  const known = reads.get(key);
  if (known) return known as Promise<T>;
  const pending = read();
  reads.set(key, pending);
  pending.catch(() => reads.delete(key));
  return pending;
}
