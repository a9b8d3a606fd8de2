/** The case's timeline, read from its own rows (assessments, colours, sessions, agreements, transfers …). */
import type { DisputeTimelineItem } from '@jingmin/shared';
import type { Ctx } from '../../platform/context.js';

export async function timelineOf(_ctx: Ctx, _caseId: string): Promise<DisputeTimelineItem[]> {
  return [];
}
