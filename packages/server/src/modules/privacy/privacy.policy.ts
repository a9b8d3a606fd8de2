/**
 * Who may do what about a resident's data. The resident (holding the
 * tracking link) corrects or withdraws the phone and asks for deletion; the
 * desk or the chief of the matter's station answers. Views carry the result
 * as `allowedActions`, so screens never re-derive it.
 */
import { isFinished, type PrivacyAnswerAction, type PrivacyRequestKind } from '@jingmin/shared';
import type { matters, privacyRequests } from '../../db/schema/index.js';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeeMatter } from '../../platform/scope.js';

type Matter = typeof matters.$inferSelect;
type Request = typeof privacyRequests.$inferSelect;

/** The desk (值班台) or the chief (复核) answers a station's deletion requests. */
export function canAnswer(actor: Actor): boolean {
  return actor.capabilities.includes('matter.desk') || actor.capabilities.includes('matter.review');
}

export function assertCanAnswer(actor: Actor): void {
  if (!canAnswer(actor)) throw new AppError('FORBIDDEN');
}

/** The request's matter must be in the actor's sight (its station's desk, the chief, a bureau above). */
export function assertCanAnswerFor(actor: Actor, matter: Matter): void {
  assertCanAnswer(actor);
  if (!canSeeMatter(actor, matter)) throw new AppError('FORBIDDEN');
}

/**
 * Deletion waits until nothing more can happen to the matter (closed,
 * invalid, merged): staff cannot handle a matter whose words are gone. Until
 * then the request may be refused with a reason the resident reads.
 */
export function waitsForMatter(matter: Pick<Matter, 'status'>): boolean {
  return !isFinished(matter.status);
}

export function answerActions(actor: Actor, request: Request, matter: Matter): PrivacyAnswerAction[] {
  if (request.status !== 'open' || !canAnswer(actor) || !canSeeMatter(actor, matter)) return [];
  return waitsForMatter(matter) ? ['refuse'] : ['approve', 'refuse'];
}

/** What the resident may do now: nothing once the data was deleted; one deletion request at a time. */
export function residentActions(matter: Matter, hasOpenRequest: boolean): PrivacyRequestKind[] {
  if (matter.contentDeletedAt) return [];
  const actions: PrivacyRequestKind[] = ['correct_phone'];
  if (matter.contactPhoneIndex) actions.push('withdraw_phone');
  if (!hasOpenRequest) actions.push('delete');
  return actions;
}

/** Refuses any change to a matter whose data is already deleted. */
export function assertNotDeleted(matter: Pick<Matter, 'contentDeletedAt'>): void {
  if (matter.contentDeletedAt) throw new AppError('PRIVACY_DELETED');
}
