/**
 * The chief's switch of the public page (公开数据), one settings row per station; off until a chief turns it on.
 * Read on every public request, never cached: a page switched off stops answering at once, in every process.
 */
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { settings } from '../../db/schema/index.js';
import { saveSetting } from '../../platform/settings.js';

/** The settings row of one station's switch. */
export const publicFiguresKey = (stationId: string) => `public-figures.station.${stationId}`;

export interface PublicFiguresStored {
  enabled: boolean;
  changedAt: string | null;
}

export async function publicFiguresSwitch(db: Queryable, stationId: string): Promise<PublicFiguresStored> {
  const [row] = await db
    .select({ value: settings.value, updatedAt: settings.updatedAt })
    .from(settings)
    .where(eq(settings.key, publicFiguresKey(stationId)));
  const value = (row?.value ?? {}) as Partial<{ enabled: boolean }>;
  return { enabled: value.enabled === true, changedAt: row ? row.updatedAt.toISOString() : null };
}

/** Writes the switch inside the caller's transaction (the use case audits it beside; the demo seed sets it). */
export function savePublicFiguresSwitch(tx: Tx, stationId: string, enabled: boolean, by: string, at: Date) {
  return saveSetting(tx, publicFiguresKey(stationId), { enabled }, by, at);
}
