/** A notice's live events for residents' pages (helper B implements). */
import type { WarningLiveEvent, WarningPriority } from '@jingmin/shared';
import type { Tx } from '../../db/client.js';
import type { Ctx } from '../../platform/context.js';

export interface LiveWarning {
  id: string;
  stationId: string;
  priority: WarningPriority;
  targetPaths: string[];
  targetSubscribers: boolean;
}

/** Called by the send and withdraw steps in their transaction. */
export async function publishWarningLive(_tx: Tx, _ctx: Ctx, _w: LiveWarning, _type: WarningLiveEvent): Promise<void> {}
