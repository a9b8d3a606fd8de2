/**
 * A notice's live events for residents' pages (the 紧急 banner): written to the outbox in the send or withdraw
 * transaction, on `area:<unitId>` for each unit the notice targets and on the station's subscribers topic when it
 * goes to a category's subscribers. A doorplate page listens on every unit of its household's path, so a notice to
 * the station, the village or the grid reaches it. The payload names the notice, never its text.
 */
import type { WarningLiveEvent, WarningLivePayload, WarningPriority } from '@jingmin/shared';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';
import { publish } from '../../platform/outbox.js';

export interface LiveWarning {
  id: string;
  stationId: string;
  priority: WarningPriority;
  targetPaths: string[];
  targetSubscribers: boolean;
}

/** Residents' pages of an area (a unit of the tree) hear its notices here; staff topics (`unit:`) stay apart. */
export const areaTopic = (unitId: string) => `area:${unitId}`;
/** Pages of a station's subscribed phones hear notices to the category's subscribers here. */
export const stationSubscribersTopic = (stationId: string) => `station-subscribers:${stationId}`;

const idsOf = (path: string) => path.split('/').filter(Boolean);

/** What a household's page hears: every unit on its path, and its station's subscribers. */
export function householdWarningTopics(unitPath: string, stationId: string): string[] {
  return [...idsOf(unitPath).map(areaTopic), stationSubscribersTopic(stationId)];
}

/** The topics a notice goes out on: the unit each target path ends in, and the subscribers' topic. */
export function warningTopics(w: Pick<LiveWarning, 'stationId' | 'targetPaths' | 'targetSubscribers'>): string[] {
  const units = w.targetPaths.map((p) => idsOf(p).at(-1)).filter((id): id is string => Boolean(id));
  const topics = [...new Set(units)].map(areaTopic);
  if (w.targetSubscribers) topics.push(stationSubscribersTopic(w.stationId));
  return topics;
}

/** Called by the send and withdraw steps in their transaction. */
export async function publishWarningLive(tx: Tx, ctx: Ctx, w: LiveWarning, type: WarningLiveEvent): Promise<void> {
  const topics = warningTopics(w);
  if (topics.length === 0) return;
  const payload: WarningLivePayload = { warningId: w.id, priority: w.priority };
  await publish(tx, ctx.now(), topics, type, payload);
}
