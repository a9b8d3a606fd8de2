/**
 * What an account may do right now: its roles' capabilities, widened where its
 * station's 码上办设置 allow (shared `STATION_ALLOWED`: a community officer
 * takes the desk only when `desk.officersTakeDesk` is on). The request guard
 * and the session view both ask here, so the console's menu and the server's
 * answer never disagree. A change of the setting counts from the next request
 * (on other processes within the settings cache's five seconds).
 */
import { type Capability, capabilitiesOf, dependsOnStation, type Role } from '@jingmin/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import { matterSettings } from './settings.service.js';

/** The station on a unit path (the unit itself or an ancestor); none above a station. */
async function stationOnPath(db: Queryable, path: string): Promise<string | null> {
  const [station] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, path.split('/').filter(Boolean)), eq(units.kind, 'station')));
  return station?.id ?? null;
}

/** Capabilities of an account with `roles` whose scope unit sits at `scopePath`. */
export async function capabilitiesFor(db: Queryable, roles: readonly Role[], scopePath: string): Promise<Capability[]> {
  // Most accounts' rights do not depend on a station: no query for them.
  if (!dependsOnStation(roles)) return capabilitiesOf(roles);
  const stationId = await stationOnPath(db, scopePath);
  if (!stationId) return capabilitiesOf(roles);
  const settings = await matterSettings(db, stationId);
  return capabilitiesOf(roles, { officersTakeDesk: settings.desk.officersTakeDesk });
}
