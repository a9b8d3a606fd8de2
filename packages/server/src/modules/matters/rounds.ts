/**
 * Rounds of handling (第N次办理) as the resident reads them. The matter's own
 * columns hold only the round being handled (a reopening clears its outcome
 * and rating); every round, earlier ones included, is read back from the
 * public timeline: 办结 (its outcome), 评价 (rating and words), the chief's
 * review promise and its callback, and 重新办理, which ends a round and starts the next.
 */
import type { Rating, ResidentRound, ReviewPromise } from '@jingmin/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { matterEvents } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import type { Matter } from './transition.js';

const ROUND_EVENTS = [
  'matter.resolve',
  'matter.rate',
  'matter.review_requested',
  'matter.review_done',
  'matter.reopen',
];

type RoundEvent = Pick<typeof matterEvents.$inferSelect, 'id' | 'type' | 'note' | 'noteVisibility' | 'payload' | 'at'>;

export interface Rounds {
  current: ResidentRound;
  /** Oldest first. */
  earlier: ResidentRound[];
  /** The round an event of the timeline belongs to: a reopening opens the next one. */
  roundOf(eventId: number): number;
}

const blank = (round: number, startedAt: string): ResidentRound => ({
  round,
  startedAt,
  resolvedAt: null,
  outcome: null,
  rating: null,
  ratingComment: null,
  ratedAt: null,
  review: null,
  reviewedAt: null,
  reopenedAt: null,
});

function promiseOf(payload: unknown): ReviewPromise | null {
  const p = payload as Partial<ReviewPromise> | null;
  return typeof p?.callbackHours === 'number' && typeof p.dueAt === 'string'
    ? { callbackHours: p.callbackHours, dueAt: p.dueAt }
    : null;
}

/** Folds the round events, in order, into rounds. Pure: the tests of the view exercise it through the API. */
export function roundsOf(m: Matter, events: RoundEvent[]): Rounds {
  const rounds = [blank(1, m.createdAt.toISOString())];
  const reopenIds: number[] = [];
  for (const e of events) {
    const r = rounds[rounds.length - 1] as ResidentRound;
    const at = e.at.toISOString();
    // Only what was written to the resident: an internal note stays with the station.
    const note = e.noteVisibility === 'public' ? e.note : null;
    if (e.type === 'matter.resolve') Object.assign(r, { resolvedAt: at, outcome: note });
    else if (e.type === 'matter.rate') {
      const rating = (e.payload as { rating?: Rating } | null)?.rating ?? null;
      Object.assign(r, { rating, ratingComment: note, ratedAt: at });
    } else if (e.type === 'matter.review_requested') r.review = promiseOf(e.payload);
    else if (e.type === 'matter.review_done') r.reviewedAt = at;
    else if (e.type === 'matter.reopen') {
      r.reopenedAt = at;
      reopenIds.push(e.id);
      rounds.push(blank(rounds.length + 1, at));
    }
  }
  const current = rounds[rounds.length - 1] as ResidentRound;
  // A matter never reopened: its rating columns are the round's (older timelines carry no rating in the event).
  // The outcome is read from the event alone, so a note kept internal never comes back through the column.
  if (rounds.length === 1) {
    current.rating ??= m.rating;
    current.ratingComment ??= m.ratingComment;
    current.ratedAt ??= m.ratedAt?.toISOString() ?? null;
  }
  return {
    current,
    earlier: rounds.slice(0, -1),
    roundOf: (eventId) => 1 + reopenIds.filter((id) => id <= eventId).length,
  };
}

/** The rounds of one matter, from its public timeline. */
export async function residentRounds(ctx: Ctx, m: Matter): Promise<Rounds> {
  const events = await ctx.db
    .select({
      id: matterEvents.id,
      type: matterEvents.type,
      note: matterEvents.note,
      noteVisibility: matterEvents.noteVisibility,
      payload: matterEvents.payload,
      at: matterEvents.at,
    })
    .from(matterEvents)
    .where(
      and(
        eq(matterEvents.matterId, m.id),
        eq(matterEvents.visibility, 'public'),
        inArray(matterEvents.type, ROUND_EVENTS),
      ),
    )
    .orderBy(asc(matterEvents.id));
  return roundsOf(m, events);
}
