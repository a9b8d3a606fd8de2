/**
 * Who may see and do what with a notice — the one home of these rules for every staff route.
 *
 * - Staff see a station's notices when the station lies in their scope (the station, the bureau); staff below the
 *   station (a township, a village, a grid) see what it sent or withdrew, and their own drafts.
 * - The author (warning.write) edits, deletes, sends or schedules its draft; an urgent (紧急) draft is submitted to
 *   the chief instead and goes out only when approved.
 * - A reviewer (warning.review over the station) approves or returns an urgent notice — never one of its own
 *   (WARNING_REVIEW_OWN) — and may unschedule, send now or withdraw any notice of the station.
 * - Which step is allowed from which status is `WARNING_ACTIONS` (shared), checked first.
 */
import { needsReview, WARNING_ACTIONS, type WarningAction, warningActionAllowed } from '@jingmin/shared';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { warnings } from '../../db/schema/index.js';
import { type Actor, actorOf, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canSeePath, isUnder, visibleUnits } from '../../platform/scope.js';

export type Warning = typeof warnings.$inferSelect;

const PUBLISHED = ['sent', 'withdrawn'] as const;

export function canSeeWarning(actor: Actor, w: Pick<Warning, 'stationPath' | 'status' | 'authorId'>): boolean {
  if (canSeePath(actor, w.stationPath, 'warning.read')) return true;
  const below = isUnder(actor.scopePath, w.stationPath);
  return below && ((PUBLISHED as readonly string[]).includes(w.status) || w.authorId === actor.id);
}

/** SQL on `warnings`: the rows the actor sees (the same rule as canSeeWarning). */
export function visibleWarnings(actor: Actor): SQL {
  const inScope = visibleUnits(actor, warnings.stationPath, 'warning.read');
  const below = and(
    sql`${actor.scopePath} LIKE ${warnings.stationPath} || '%'`,
    or(inArray(warnings.status, [...PUBLISHED]), eq(warnings.authorId, actor.id)),
  );
  return or(inScope, below) ?? inScope;
}

/** A notice the staff member sees; else 404 (another station's notice is not named). */
export async function warningForStaff(ctx: Ctx, id: string): Promise<Warning> {
  const actor = actorOf(ctx);
  const [w] = await ctx.db.select().from(warnings).where(eq(warnings.id, id));
  if (!w || !canSeeWarning(actor, w)) throw new AppError('NOT_FOUND', { what: 'warning' });
  return w;
}

/** Why the actor may not take `action` on the notice now, or null when it may. */
export function refusal(actor: Actor, w: Warning, action: WarningAction): AppError | null {
  const status = () => new AppError('WARNING_STATUS', { status: w.status, action });
  if (!warningActionAllowed(action, w.status)) return status();
  const mine = w.authorId === actor.id && actor.capabilities.includes('warning.write');
  const reviewer = actor.capabilities.includes('warning.review') && canSeePath(actor, w.stationPath);
  const reviewed = needsReview(w.priority, mine && reviewer);
  switch (action) {
    case 'edit':
    case 'delete':
      return mine ? null : new AppError('FORBIDDEN');
    case 'submit':
      if (!reviewed) return status();
      return mine ? null : new AppError('FORBIDDEN');
    case 'send':
    case 'schedule':
      // An urgent draft goes out through the chief's approval, never straight from its author.
      if (w.status === 'draft' && reviewed) return new AppError('WARNING_REVIEW_REQUIRED');
      if (w.status === 'draft') return mine ? null : new AppError('FORBIDDEN');
      return mine || reviewer ? null : new AppError('FORBIDDEN');
    case 'approve':
    case 'reject':
      if (!reviewer) return new AppError('FORBIDDEN');
      return w.authorId === actor.id ? new AppError('WARNING_REVIEW_OWN') : null;
    case 'unschedule':
    case 'withdraw':
      return mine || reviewer ? null : new AppError('FORBIDDEN');
  }
}

export function assertWarningAction(actor: Actor, w: Warning, action: WarningAction) {
  const refused = refusal(actor, w, action);
  if (refused) throw refused;
}

/** The steps the actor may take now: the console shows these buttons only. */
export function allowedWarningActions(actor: Actor, w: Warning): WarningAction[] {
  return (Object.keys(WARNING_ACTIONS) as WarningAction[]).filter((a) => refusal(actor, w, a) === null);
}
