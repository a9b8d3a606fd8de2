/**
 * Who may do what with a hazard. Field workers who see it may report its fix when they follow it (or as the
 * chief); its fix is verified by someone other than whoever follows it and whoever reported the fix — the
 * point of the register is a second pair of eyes; the chief voids one entered by mistake.
 */
import type { HazardAction } from '@jingmin/shared';
import type { hazards } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';
import { canSeePath } from '../../platform/scope.js';

type Hazard = Pick<typeof hazards.$inferSelect, 'status' | 'responsibleId' | 'rectifiedBy' | 'unitPath'>;

/** Whoever follows the hazard or reported its fix: neither may verify that fix. */
export function isOwnFix(actor: Actor, h: Hazard): boolean {
  return actor.id === h.responsibleId || actor.id === h.rectifiedBy;
}

export function allowedActions(actor: Actor, h: Hazard): HazardAction[] {
  // Writing is a change: a read grant never opens another subtree's hazards to it.
  if (!canSeePath(actor, h.unitPath) || !actor.capabilities.includes('field.work')) return [];
  const manage = actor.capabilities.includes('field.manage');
  const actions: HazardAction[] = [];
  if (h.status === 'open' && (actor.id === h.responsibleId || manage)) actions.push('rectify');
  if (h.status === 'rectified' && !isOwnFix(actor, h)) actions.push('verify');
  if (manage && (h.status === 'open' || h.status === 'rectified')) actions.push('void');
  return actions;
}
