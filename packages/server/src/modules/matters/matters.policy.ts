/**
 * Who may do what to a matter: the flow (shared) says which actions the
 * status allows; this says which of them this actor may take. Responses carry
 * the result as `allowedActions`, so screens never re-derive it.
 */
import { type Capability, isFinished, MATTER_FLOW, type MatterAction, type StaffMatterAction } from '@jingmin/shared';
import type { matters } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';
import { canSeeMatter, holdsMatter } from '../../platform/scope.js';

type Matter = typeof matters.$inferSelect;

const DESK: readonly MatterAction[] = ['accept', 'invalidate', 'merge', 'dispatch', 'close'];
const HANDLER: readonly MatterAction[] = ['take', 'return', 'transfer', 'resolve'];

export function isAssignee(actor: Actor, m: Matter): boolean {
  return holdsMatter(actor, m);
}

function can(actor: Actor, cap: Capability) {
  return actor.capabilities.includes(cap);
}

export function allowedActions(actor: Actor, m: Matter): StaffMatterAction[] {
  return [...flowActions(actor, m), ...messageActions(actor, m)];
}

/** Who writes on a matter: the desk, its handler, or any handler while it waits for a team to take it. */
function messageActions(actor: Actor, m: Matter): StaffMatterAction[] {
  if (isFinished(m.status)) return [];
  const desk = can(actor, 'matter.desk');
  const handler =
    can(actor, 'matter.handle') && (isAssignee(actor, m) || (m.assigneeTeamId !== null && !m.assigneeStaffId));
  const actions: StaffMatterAction[] = desk || handler ? ['reply', 'note'] : [];
  const heldElsewhere =
    m.assigneeStaffId !== actor.id && (m.assigneeStaffId || m.assigneeTeamId || m.assigneeDepartmentId);
  if (desk && heldElsewhere && ['dispatched', 'in_progress'].includes(m.status)) actions.push('remind');
  return actions;
}

function flowActions(actor: Actor, m: Matter): MatterAction[] {
  return MATTER_FLOW[m.status].filter((action) => {
    if (action === 'rate') return false; // the resident's alone
    if (action === 'reopen') return can(actor, 'matter.review');
    const desk = can(actor, 'matter.desk');
    if (DESK.includes(action)) return desk;
    // The desk may answer a matter itself (a consultation), pull back or transfer what it dispatched.
    if (desk && (action === 'resolve' || action === 'transfer' || action === 'return')) return true;
    // A matter dispatched to a team can be taken by any handler of the station.
    if (action === 'take' && m.assigneeTeamId) return can(actor, 'matter.handle');
    return HANDLER.includes(action) && can(actor, 'matter.handle') && isAssignee(actor, m);
  });
}

/** Liaison accounts see only what was transferred to their department; others their subtree (platform/scope.ts). */
export function canSee(actor: Actor, m: Matter): boolean {
  return canSeeMatter(actor, m);
}
