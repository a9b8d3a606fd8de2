/**
 * Who may see and do what with an instruction. This is protection of a person at risk, not surveillance: the
 * person's data is for the officer handling it and for the desk and the chief of its station (fraud.desk in scope).
 */
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath } from '../../platform/scope.js';

interface Held {
  assigneeId: string | null;
  unitPath: string;
}

const has = (actor: Actor, c: 'fraud.handle' | 'fraud.desk') => actor.capabilities.includes(c);

/** The desk or the chief over the instruction's place. */
export const isDeskFor = (actor: Actor, i: Held) => has(actor, 'fraud.desk') && canSeePath(actor, i.unitPath);

/** The officer it is assigned to. */
export const isHandler = (actor: Actor, i: Held) => has(actor, 'fraud.handle') && i.assigneeId === actor.id;

/** Sees the instruction, the person's data included. */
export const seesPerson = (actor: Actor, i: Held) => isHandler(actor, i) || isDeskFor(actor, i);

/**
 * Throws unless the actor may work on the instruction: an officer of the place who does not hold it is told so
 * (403 FRAUD_NOT_HANDLER); anyone else is told it does not exist (404).
 */
export function assertWorks(actor: Actor, i: Held) {
  if (seesPerson(actor, i)) return;
  if (has(actor, 'fraud.handle') && canSeePath(actor, i.unitPath)) throw new AppError('FRAUD_NOT_HANDLER');
  throw new AppError('NOT_FOUND', { what: 'fraud_instruction' });
}

export function assertDesk(actor: Actor, i: Held) {
  if (isDeskFor(actor, i)) return;
  if (canSeePath(actor, i.unitPath)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND', { what: 'fraud_instruction' });
}
