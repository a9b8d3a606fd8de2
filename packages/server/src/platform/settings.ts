/** Configurable data in the `settings` table: one JSON value per key, written with who changed it. */
import type { Db, Queryable, Tx } from '../db/client.js';
import { settings } from '../db/schema/index.js';

export async function saveSetting(tx: Tx, key: string, value: unknown, by: string, at: Date) {
  await tx
    .insert(settings)
    .values({ key, value, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at, updatedBy: by } });
}

/**
 * A station's rules kept in this process for `ttlMs`, for reads on a hot path (posting in a room, residents' pages).
 * A save in this process drops them at once (`forget`, after its commit); another process, or a direct write to
 * `settings`, is seen after at most `ttlMs`. Kept per database (a process may open several, as the tests do).
 */
export class KeptSettings<T> {
  private readonly kept = new WeakMap<
    Db,
    { values: Map<string, { value: T; until: number }>; saves: Map<string, number> }
  >();

  constructor(
    private readonly read: (db: Queryable, id: string) => Promise<T>,
    private readonly ttlMs: number,
    /** A copy handed to each caller, so none changes what the others read. */
    private readonly copy: (value: T) => T,
  ) {}

  private keptIn(db: Db) {
    let k = this.kept.get(db);
    if (!k) {
      k = { values: new Map(), saves: new Map() };
      this.kept.set(db, k);
    }
    return k;
  }

  async get(db: Db, id: string): Promise<T> {
    const k = this.keptIn(db);
    const now = performance.now();
    const hit = k.values.get(id);
    if (hit && hit.until > now) return this.copy(hit.value);
    const saves = k.saves.get(id) ?? 0;
    const value = await this.read(db, id);
    // A save that committed while this read ran may have been missed: keep nothing then.
    if ((k.saves.get(id) ?? 0) === saves) k.values.set(id, { value, until: now + this.ttlMs });
    return this.copy(value);
  }

  /** Drops this process's kept value, after a save has committed. */
  forget(db: Db, id: string) {
    const k = this.keptIn(db);
    k.values.delete(id);
    k.saves.set(id, (k.saves.get(id) ?? 0) + 1);
  }
}
