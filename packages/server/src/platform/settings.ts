/** Configurable data in the `settings` table: one JSON value per key, written with who changed it. */
import type { Tx } from '../db/client.js';
import { settings } from '../db/schema/index.js';

export async function saveSetting(tx: Tx, key: string, value: unknown, by: string, at: Date) {
  await tx
    .insert(settings)
    .values({ key, value, updatedBy: by, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: at, updatedBy: by } });
}
