/**
 * What a hazard was found by: a visit, a patrol or a matter, named by the source it gives. The record must
 * exist, be of the same station and be one the actor sees; an inspection or a volunteer's report links none.
 */
import { HAZARD_SOURCE_LABELS, type RecordHazardInput } from '@jingmin/shared';
import { eq } from 'drizzle-orm';
import { matters, patrolSessions, visits } from '../../db/schema/index.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { canSeeMatter, canSeePath } from '../../platform/scope.js';
import { stationOfPath } from '../matters/place.js';

const LINKS = {
  visit: { field: 'visitId', zh: '本所的走访记录', en: "one of the station's visits" },
  patrol: { field: 'patrolSessionId', zh: '本所的巡逻记录', en: "one of the station's patrols" },
  matter: { field: 'matterId', zh: '本所辖区的事项', en: "a matter of the station's area" },
} as const;
type LinkField = (typeof LINKS)[keyof typeof LINKS]['field'];

export async function assertLink(ctx: Ctx, actor: Actor, stationId: string, input: RecordHazardInput) {
  const wanted = input.source in LINKS ? LINKS[input.source as keyof typeof LINKS] : null;
  for (const link of Object.values(LINKS))
    if (link.field !== wanted?.field && input[link.field])
      throw invalid(
        ctx,
        link.field,
        `来源为“${HAZARD_SOURCE_LABELS[input.source].zh}”时不能填写（只有对应来源才关联该记录）`,
        `must be left out when the source is "${HAZARD_SOURCE_LABELS[input.source].en}"`,
      );
  if (!wanted) return;
  const id = input[wanted.field];
  const refuse = () => invalid(ctx, wanted.field, `应为${wanted.zh}`, `must be ${wanted.en}`);
  if (!id) throw invalid(ctx, wanted.field, `必填：请选择${wanted.zh}`, `is required: choose ${wanted.en}`);
  if (!(await seen(ctx, actor, stationId, wanted.field, id))) throw refuse();
}

async function seen(ctx: Ctx, actor: Actor, stationId: string, field: LinkField, id: string): Promise<boolean> {
  switch (field) {
    case 'visitId': {
      const [v] = await ctx.db
        .select({ stationId: visits.stationId, unitPath: visits.unitPath })
        .from(visits)
        .where(eq(visits.id, id));
      return Boolean(v && v.stationId === stationId && canSeePath(actor, v.unitPath, 'field.read'));
    }
    case 'patrolSessionId': {
      // A patrol belongs to the station as a whole: the station is already in the actor's sight.
      const [p] = await ctx.db
        .select({ stationId: patrolSessions.stationId })
        .from(patrolSessions)
        .where(eq(patrolSessions.id, id));
      return p?.stationId === stationId;
    }
    case 'matterId': {
      const [m] = await ctx.db
        .select({
          unitPath: matters.unitPath,
          assigneeStaffId: matters.assigneeStaffId,
          assigneeDepartmentId: matters.assigneeDepartmentId,
          stationId: stationOfPath(matters.unitPath),
        })
        .from(matters)
        .where(eq(matters.id, id));
      return Boolean(m && m.stationId === stationId && canSeeMatter(actor, m, 'matter.read'));
    }
  }
}
