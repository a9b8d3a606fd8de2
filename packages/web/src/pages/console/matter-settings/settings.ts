/** Form values → the body the server takes: empty override cells are left out rather than sent as null. */
import { type DeadlineRule, MATTER_KINDS, type MatterKind, type MatterSettings } from '@jingmin/shared';

type PartialRule = { [K in keyof DeadlineRule]?: number | null };

function pick(rule: PartialRule | undefined): { [K in keyof DeadlineRule]?: number } {
  const out: { [K in keyof DeadlineRule]?: number } = {};
  for (const k of ['firstResponseMinutes', 'takeMinutes', 'resolveMinutes'] as const) {
    const v = rule?.[k];
    if (typeof v === 'number') out[k] = v;
  }
  return out;
}

export function cleanSettings(v: MatterSettings): MatterSettings {
  const byKind: MatterSettings['deadlines']['byKind'] = {};
  for (const kind of MATTER_KINDS) {
    const rule = pick(v.deadlines.byKind[kind as MatterKind]);
    if (Object.keys(rule).length > 0) byKind[kind] = rule;
  }
  return {
    deadlines: { base: v.deadlines.base, byKind, urgent: pick(v.deadlines.urgent) },
    limits: v.limits,
    privacy: v.privacy,
    review: v.review,
    desk: v.desk,
    evaluation: v.evaluation,
    escalation: v.escalation,
  };
}
